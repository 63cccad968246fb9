// Package osexit defines an Analyzer that reports process exits that skip
// deferred cleanup.
//
// # Analyzer osexit
//
// osexit: report process exits that skip deferred cleanup
//
// A call that terminates the process (os.Exit, log.Fatal, a logger's Fatal)
// does not return and does not unwind the stack: no deferred call of any
// function runs. The analyzer finds such exits while deferred calls that
// matter are pending, runtime.Goexit on the main goroutine and, on demand,
// exits buried in library code.
//
// Terminating calls are os.Exit, syscall.Exit, log.Fatal, Fatalf and
// Fatalln and the same methods of *log.Logger, the Fatal and Exit functions
// of logrus (github.com/sirupsen/logrus), the Fatal methods of zap's Logger
// and SugaredLogger (go.uber.org/zap), a zerolog fatal event that is sent
// (log.Fatal().Msg(...), github.com/rs/zerolog), the Fatal*, Exit* and
// FlushAndExit functions of klog (k8s.io/klog, k8s.io/klog/v2) and glog
// (github.com/golang/glog), the functions named by -osexit.exit-funcs, and
// every function that never returns normally because each of its paths
// ends in a terminating call. That last property is computed from each
// function's control-flow graph and travels between packages as a fact,
// so a fatal(err) helper in any package, dependencies included, counts.
//
// The -osexit.exit-funcs flag names more terminating functions, separated
// by commas, as pkg/path.Func or (*pkg/path.Type).Method:
//
//	shutdownlint -osexit.exit-funcs='example.com/app/fail.Die,(*example.com/app/fail.Logger).Die' ./...
//
// A malformed entry is an error before anything runs. The flag can be
// repeated; an empty value clears the list.
//
// # Check exit-skips-defer
//
// exit-skips-defer: a process exit skips deferred calls that do real work
//
// os.Exit and its kin end the process on the spot: the deferred calls of
// the function that calls them, and of every function below it on the
// stack, never run. Buffered writers are not flushed, files not synced,
// transactions not committed, temporary files not removed, profiles and
// traces not written, telemetry not sent, leases not released. The check
// reports a terminating call made while such a deferred call is pending:
// registered on a path that reaches the exit, in the function making it
// or in the function whose closure (called in place or deferred) or
// goroutine makes it; the classic case is a signal-handling goroutine that
// calls os.Exit while main's defers wait. A deferred call that exits skips
// only the calls deferred before it, which run after it. A call of a
// helper of the analysed module that exits on some paths only (check(err)
// calling log.Fatal when err is not nil) is reported with "may". The
// message lists the skipped deferred calls with their lines.
//
// Wrong:
//
//	func main() {
//		w := bufio.NewWriter(os.Stdout)
//		defer w.Flush()
//		if err := report(w); err != nil {
//			log.Fatal(err) // w is never flushed
//		}
//	}
//
// Right:
//
//	func main() {
//		os.Exit(run())
//	}
//
//	func run() int {
//		w := bufio.NewWriter(os.Stdout)
//		defer w.Flush()
//		if err := report(w); err != nil {
//			log.Print(err)
//			return 1
//		}
//		return 0
//	}
//
// Return an error (or an exit code) to a function that has no deferred
// work and exit there. In func main, when every exit of its body is an
// os.Exit(code) or log.Fatal statement, the suggested fix does exactly
// that: it moves the body into func run() int and calls os.Exit(run()).
// In TestMain of a file at Go 1.15 or later, os.Exit(m.Run()) is replaced
// by m.Run() and a return: the testing package exits with the result
// itself. Where a goroutine has to end the program, make it cancel a
// context or close a channel that main waits for, and let main return.
//
// The check is silent when no deferred call is pending on a path to the
// exit (an exit in an error branch before the first defer), and when
// every skipped call only affects state that dies with the process
// anyway: a context cancel function, Unlock and RUnlock of sync's mutexes,
// WaitGroup.Done, waiting for a WaitGroup or an errgroup (the goroutines
// die too), Stop of a time.Timer or Ticker, signal.Stop, os.Setenv,
// Unsetenv and Chdir, closing a channel, (*os.File).Close (the kernel
// keeps what was written), closing readers, network connections,
// listeners, response bodies, *http.Server and httptest servers, gRPC
// client connections and Server.Stop (not GracefulStop), closing
// a *sql.DB and its connections, statements and rows, (*sql.Tx).Rollback
// (the database rolls back when the connection drops), a log line (log
// and slog, logrus, zap, klog, glog or any logger's Debug, Info, Warn and
// Error; not what fmt prints, which is the program's output), another
// exit, and
// a deferred function literal or function of the same package doing only
// such things (restoring a variable included), and a cleanup function
// returned by a function of any package whose every return gives nil or
// such a literal, deferred directly (defer startStats()()) or from a
// variable (h, closeLog := setupLog(); defer closeLog()); also klog.Flush and
// glog.Flush skipped by their own Fatal (which flushes), and zap's Sync
// skipped by zap's Fatal (which syncs). It is silent on a goroutine's
// panic handler that exits (if r := recover(); r != nil { log.Fatal(r) }),
// as far as the defers of the function that started the goroutine go: the
// panic would have crashed the process without running them. It is
// silent on closures it cannot place (stored in a struct, passed to an
// unknown function), on "may" helpers called in test files or in functions
// taking a *testing.T (a failing test, not a shutdown) or with constant
// arguments only (mustParse("2001-02-03") fails every time or never), on
// helpers outside the analysed module that exit only on some paths
// (flag.Parse with ExitOnError), and when the deferred call is also made
// explicitly just before the exit (w.Flush(); os.Exit(1)).
//
// Suppress a finding with //shutdownlint:ignore exit-skips-defer <reason>
// on the line of the exit or the line above it.
//
// # Check goexit-in-main
//
// goexit-in-main: runtime.Goexit on the main goroutine
//
// runtime.Goexit ends the goroutine that calls it after running its
// deferred calls. On the main goroutine main then never returns: the
// program keeps running until the other goroutines finish and then
// crashes with "no goroutines (main called runtime.Goexit) - deadlock!"
// and exit status 2, instead of exiting cleanly. The check reports a call
// of runtime.Goexit in main, in a closure main calls or defers, and a call
// in main of a function that always (or, for helpers of the analysed
// module, may) call runtime.Goexit.
//
// Wrong:
//
//	func main() {
//		defer cleanup()
//		if err := serve(); err != nil {
//			log.Print(err)
//			runtime.Goexit() // runs cleanup, then deadlocks
//		}
//	}
//
// Right:
//
//	func main() {
//		defer cleanup()
//		if err := serve(); err != nil {
//			log.Print(err)
//			return
//		}
//	}
//
// Return from main (or os.Exit after the cleanup has run). The check is
// silent when Goexit runs in a goroutine main starts, where it is the
// documented way to end that goroutine.
//
// Suppress a finding with //shutdownlint:ignore goexit-in-main <reason>.
//
// # Check deep-exit
//
// deep-exit: a terminating call outside main
//
// Library and helper code that terminates the process takes the decision
// away from main: the callers' deferred calls never run, tests of the
// code cannot observe the failure, and a server that imports the package
// can be killed by one bad input. This opt-in check (-osexit.deep-exit)
// reports every terminating call (os.Exit, log.Fatal, a logger's Fatal,
// the -osexit.exit-funcs functions) outside func main and the init
// functions of package main, TestMain, and the examples of test files.
//
// Wrong:
//
//	func LoadConfig(path string) *Config {
//		data, err := os.ReadFile(path)
//		if err != nil {
//			log.Fatalf("reading config: %v", err)
//		}
//		return parse(data)
//	}
//
// Right:
//
//	func LoadConfig(path string) (*Config, error) {
//		data, err := os.ReadFile(path)
//		if err != nil {
//			return nil, fmt.Errorf("reading config: %w", err)
//		}
//		return parse(data), nil
//	}
//
// Return an error and let main decide how to exit. The check is silent on
// calls of functions that exit through another function (the exit inside
// them is the one reported) and on code inside main, init functions of
// package main, TestMain and test examples, closures included.
//
// Suppress a finding with //shutdownlint:ignore deep-exit <reason>, for
// example in a command package's fatal helper.
package osexit
