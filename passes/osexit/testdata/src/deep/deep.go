// Package deep is analysed with -osexit.deep-exit.
package deep

import (
	"errors"
	"log"
	"os"

	zlog "github.com/rs/zerolog/log"
	"github.com/sirupsen/logrus"
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
