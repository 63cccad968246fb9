// Package deep is analysed with -osexit.deep-exit.
package deep

import (
	"errors"
	"flag"
	"log"
	"os"
	"runtime"
	"syscall"
	"testing"

	zlog "github.com/rs/zerolog/log"
	"github.com/sirupsen/logrus"
	"go.uber.org/zap"
	"k8s.io/klog/v2"
)

// Positives.

func LoadConfig(path string) []byte {
	data, err := os.ReadFile(path)
	if err != nil {
		log.Fatalf("reading config: %v", err) // want `^log\.Fatalf in LoadConfig terminates the process outside main; return an error and let main decide$`
	}
	return data
}

type Server struct{}

func (s *Server) Start() {
	if s == nil {
		os.Exit(1) // want `^os\.Exit in Server\.Start terminates the process outside main`
	}
	go func() {
		logrus.Fatal("x") // want `^logrus\.Fatal in Server\.Start terminates the process outside main`
	}()
}

func zerologExit() { // want zerologExit:"exits"
	zlog.Fatal().Msg("x") // want `^zerolog's Fatal\(\)\.Msg in zerologExit terminates the process outside main`
}

var onError = func(err error) {
	os.Exit(3) // want `^os\.Exit in package-level code terminates the process outside main`
}

// A func main outside package main is library code.
func main() { // want main:"exits"
	os.Exit(0) // want `^os\.Exit in main terminates the process outside main`
}

func otherTerminators(s *zap.SugaredLogger, code int) {
	switch code {
	case 1:
		syscall.Exit(code) // want `^syscall\.Exit in otherTerminators terminates the process outside main`
	case 2:
		klog.Exitf("code %d", code) // want `^klog\.Exitf in otherTerminators terminates the process outside main`
	case 3:
		s.Fatalw("bad code", "code", code) // want `^s\.Fatalw in otherTerminators terminates the process outside main`
	}
}

// Negatives.

var errX = errors.New("x")

// A call of a function that exits: the exit inside it is the one reported.
func callsExiter() { // want callsExiter:"exits"
	zerologExit() // quiet: reported inside zerologExit
}

// Not terminating calls.
func notExits() error {
	log.Print("x") // quiet: prints
	panic(errX)    // quiet: panics unwind
}

// A method named like a fatal log function of a type that is not a known
// logger does not exit.
type reporter struct{}

func (reporter) Fatal(msg string) {}
func (reporter) Exit(code int)    {}

func userFatal(r reporter) {
	r.Fatal("x") // quiet: not a terminating function
	r.Exit(1)    // quiet: not a terminating function
}

// t.Fatal ends the test's goroutine (runtime.Goexit), not the process;
// runtime.Goexit itself is not an exit.
func testHelper(t *testing.T, err error) { // want testHelper:"goexits"
	if err != nil {
		t.Fatal(err) // quiet: Goexit, the test binary goes on
	}
	runtime.Goexit() // quiet: ends the goroutine only
}

// Panics unwind, and flag.Parse exits only on misuse.
func parse(fs *flag.FlagSet) {
	flag.Parse()          // quiet: exits only on a bad command line
	_ = fs.Parse(os.Args) // quiet: idem
	log.Panicf("x %d", 1) // quiet: panics unwind
}
