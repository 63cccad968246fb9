// Package benign has one function per deferred call whose effect dies
// with the process: an exit that skips it alone is quiet.
package benign

import (
	"context"
	"crypto/tls"
	"database/sql"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"
)

func cancel(ctx context.Context) { // want cancel:"exits"
	_, cancel := context.WithCancel(ctx)
	defer cancel()
	os.Exit(1) // quiet: a context cancel function
}

func causeCancel(ctx context.Context) { // want causeCancel:"exits"
	_, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	os.Exit(1) // quiet: a context cancel-cause function
}

func notifyStop(ctx context.Context) { // want notifyStop:"exits"
	_, stop := signal.NotifyContext(ctx, os.Interrupt)
	defer stop()
	os.Exit(1) // quiet: signal.NotifyContext's stop
}

func unlock(mu *sync.Mutex) { // want unlock:"exits"
	mu.Lock()
	defer mu.Unlock()
	os.Exit(1) // quiet: an in-process lock
}

func runlock(mu *sync.RWMutex) { // want runlock:"exits"
	mu.RLock()
	defer mu.RUnlock()
	os.Exit(1) // quiet: an in-process read lock
}

func locker(l sync.Locker) { // want locker:"exits"
	l.Lock()
	defer l.Unlock()
	os.Exit(1) // quiet: a sync.Locker
}

func done(wg *sync.WaitGroup) { // want done:"exits"
	defer wg.Done()
	os.Exit(1) // quiet: WaitGroup.Done
}

func wait(wg *sync.WaitGroup) { // want wait:"exits"
	defer wg.Wait()
	os.Exit(1) // quiet: the goroutines die too
}

func groupWait(g *errgroup.Group) { // want groupWait:"exits"
	defer g.Wait()
	os.Exit(1) // quiet: the goroutines die too
}

func timer(t *time.Timer) { // want timer:"exits"
	defer t.Stop()
	os.Exit(1) // quiet: a timer
}

func ticker(t *time.Ticker) { // want ticker:"exits"
	defer t.Stop()
	os.Exit(1) // quiet: a ticker
}

func signalStop(c chan os.Signal) { // want signalStop:"exits"
	defer signal.Stop(c)
	os.Exit(1) // quiet: signal delivery
}

func setenv() { // want setenv:"exits"
	defer os.Setenv("A", "b")
	os.Exit(1) // quiet: the environment
}

func unsetenv() { // want unsetenv:"exits"
	defer os.Unsetenv("A")
	os.Exit(1) // quiet: the environment
}

func chdir() { // want chdir:"exits"
	defer os.Chdir("/")
	os.Exit(1) // quiet: the working directory
}

func closeChan(c chan struct{}) { // want closeChan:"exits"
	defer close(c)
	os.Exit(1) // quiet: closing a channel
}

func fileClose(f *os.File) { // want fileClose:"exits"
	defer f.Close()
	os.Exit(1) // quiet: the kernel keeps what was written
}

func connClose(c net.Conn) { // want connClose:"exits"
	defer c.Close()
	os.Exit(1) // quiet: a network connection
}

func listenerClose(l net.Listener) { // want listenerClose:"exits"
	defer l.Close()
	os.Exit(1) // quiet: a listener
}

func tcpClose(c *net.TCPConn) { // want tcpClose:"exits"
	defer c.Close()
	os.Exit(1) // quiet: a TCP connection
}

func tlsClose(c *tls.Conn) { // want tlsClose:"exits"
	defer c.Close()
	os.Exit(1) // quiet: a TLS connection
}

func serverClose(s *http.Server) { // want serverClose:"exits"
	defer s.Close()
	os.Exit(1) // quiet: an HTTP server
}

func testServerClose(s *httptest.Server) { // want testServerClose:"exits"
	defer s.Close()
	os.Exit(1) // quiet: a test server
}

func bodyClose(resp *http.Response) { // want bodyClose:"exits"
	defer resp.Body.Close()
	os.Exit(1) // quiet: a response body
}

func rollback(tx *sql.Tx) { // want rollback:"exits"
	defer tx.Rollback()
	os.Exit(1) // quiet: the database rolls back
}

func dbClose(db *sql.DB) { // want dbClose:"exits"
	defer db.Close()
	os.Exit(1) // quiet: database connections
}

func rowsClose(rows *sql.Rows) { // want rowsClose:"exits"
	defer rows.Close()
	os.Exit(1) // quiet: a result set
}

func readCloser(rc io.ReadCloser) { // want readCloser:"exits"
	defer rc.Close()
	os.Exit(1) // quiet: a reader
}

func pipeClose(pw *io.PipeWriter) { // want pipeClose:"exits"
	defer pw.Close()
	os.Exit(1) // quiet: an in-memory pipe
}

func unlockThread() { // want unlockThread:"exits"
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	os.Exit(1) // quiet: the OS thread
}

func gcPercent() { // want gcPercent:"exits"
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	os.Exit(1) // quiet: a runtime setting
}

func logOutput() { // want logOutput:"exits"
	defer log.SetOutput(os.Stderr)
	os.Exit(1) // quiet: the log output
}

func restoreVar() { // want restoreVar:"exits"
	old := os.Args
	defer func() { os.Args = old }()
	os.Exit(1) // quiet: restoring a variable
}

func deferredExit(code int) { // want deferredExit:"exits"
	defer os.Exit(code)
	os.Exit(1) // quiet: an exit
}
