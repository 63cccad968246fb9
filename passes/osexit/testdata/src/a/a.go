// Package a holds the basic cases of exit-skips-defer: path sensitivity,
// LIFO order of deferred exits, and the deferred calls that die with the
// process anyway.
package a

import (
	"archive/zip"
	"bufio"
	"compress/gzip"
	"context"
	"database/sql"
	"errors"
	"io"
	"log"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"runtime/pprof"
	"sync"
	"syscall"
	"time"
)

var errBoom = errors.New("boom")

func work() error { return nil }

// Positives.

func flushSkipped(w *bufio.Writer) {
	defer w.Flush()
	if err := work(); err != nil {
		os.Exit(1) // want `^os\.Exit skips deferred call w\.Flush \(line 33\)$`
	}
}

func twoSkipped(f *os.File, dir string) { // want twoSkipped:"exits"
	defer os.RemoveAll(dir)
	defer f.Close() // dies with the process: not listed
	defer f.Sync()
	log.Fatal(work()) // want `^log\.Fatal skips 2 deferred calls: os\.RemoveAll \(line 40\), f\.Sync \(line 42\)$`
}

func exitAfterDeferInOneBranch(cond bool, w *bufio.Writer) { // want exitAfterDeferInOneBranch:"exits"
	if cond {
		defer w.Flush()
	}
	os.Exit(2) // want `os\.Exit skips deferred call w\.Flush \(line 48\)`
}

func deferInLoop(ws []*bufio.Writer) { // want deferInLoop:"exits"
	for _, w := range ws {
		defer w.Flush()
	}
	log.Fatalf("done") // want `log\.Fatalf skips deferred call w\.Flush`
}

func exitInLoopAfterDefer(ws []*bufio.Writer) {
	for i, w := range ws {
		if i > 3 {
			syscall.Exit(3) // want `syscall\.Exit skips deferred call w\.Flush \(line 65\)`
		}
		defer w.Flush()
	}
}

func loggerMethod(l *log.Logger, zw *gzip.Writer) { // want loggerMethod:"exits"
	defer zw.Close()
	l.Fatalln("x") // want `l\.Fatalln skips deferred call zw\.Close`
}

func profileStop() { // want profileStop:"exits"
	defer pprof.StopCPUProfile()
	os.Exit(0) // want `os\.Exit skips deferred call pprof\.StopCPUProfile`
}

func commit(tx *sql.Tx) { // want commit:"exits"
	defer tx.Commit()
	os.Exit(1) // want `os\.Exit skips deferred call tx\.Commit`
}

func userCleanup(cleanup func()) { // want userCleanup:"exits"
	defer cleanup()
	os.Exit(1) // want `os\.Exit skips deferred call cleanup`
}

func deferredLiteralWithWork(w *bufio.Writer) { // want deferredLiteralWithWork:"exits"
	defer func() {
		w.Flush()
	}()
	os.Exit(1) // want `os\.Exit skips deferred call func literal \(line 90\)`
}

func mixedBenignAndReal(ctx context.Context, w *bufio.Writer) { // want mixedBenignAndReal:"exits"
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	defer w.Flush()
	_ = ctx
	os.Exit(1) // want `os\.Exit skips deferred call w\.Flush \(line 99\)$`
}

// A deferred exit skips the calls deferred before it: they run after it.
func deferredExitSkipsEarlier(w *bufio.Writer, code int) {
	defer w.Flush()
	defer os.Exit(code) // want `os\.Exit skips deferred call w\.Flush \(line 106\)`
}

func deferredLiteralExitSkipsEarlier(w *bufio.Writer, code int) {
	defer w.Flush()
	defer func() {
		os.Exit(code) // want `os\.Exit skips deferred call w\.Flush \(line 111 in deferredLiteralExitSkipsEarlier\)`
	}()
}

func switchCase(x int, w *bufio.Writer) {
	defer w.Flush()
	switch x {
	case 1:
		log.Fatal("one") // want `log\.Fatal skips deferred call w\.Flush`
	}
}

func gotoAfterDefer(w *bufio.Writer) { // want gotoAfterDefer:"exits"
	i := 0
again:
	if i > 0 {
		os.Exit(1) // want `os\.Exit skips deferred call w\.Flush \(line 131\)`
	}
	defer w.Flush()
	i++
	goto again
}

// Minimised from vegeta's main: profiles started in a loop are stopped by
// deferred calls that the exits after the loop skip.
func profiles(names []string, run func() error) {
	for _, name := range names {
		f, err := os.Create(name)
		if err != nil {
			log.Fatal(err) // want `^log\.Fatal skips 2 deferred calls: pprof\.StopCPUProfile \(line \d+\), pprof\.Lookup\("heap"\)\.WriteTo \(line \d+\)$`
		}
		defer f.Close()
		switch name {
		case "cpu":
			pprof.StartCPUProfile(f)
			defer pprof.StopCPUProfile()
		case "heap":
			defer pprof.Lookup("heap").WriteTo(f, 0)
		}
	}
	if err := run(); err != nil {
		log.Fatal(err) // want `^log\.Fatal skips 2 deferred calls: pprof\.StopCPUProfile \(line \d+\), pprof\.Lookup\("heap"\)\.WriteTo \(line \d+\)$`
	}
}

// The explicit call is on another path than the exit.
func flushedInOtherBranch(w *bufio.Writer, cond bool) {
	defer w.Flush()
	if cond {
		w.Flush()
	}
	if err := work(); err != nil {
		os.Exit(1) // want `^os\.Exit skips deferred call w\.Flush`
	}
}

// The explicit call flushes another writer.
func flushedOther(w, v *bufio.Writer) {
	defer w.Flush()
	if err := work(); err != nil {
		v.Flush()
		os.Exit(1) // want `^os\.Exit skips deferred call w\.Flush`
	}
}

// Minimised from rclone's test_all: the exit runs one deferred call
// explicitly, not the other.
func explicitRunOnly(run func(), remove func(string), names []string, failed bool) {
	defer run()
	for _, n := range names {
		defer remove(n)
	}
	if failed {
		run()
		os.Exit(1) // want `^os\.Exit skips deferred call remove \(line \d+\)$`
	}
}

// Negatives.

// The deferred work is done explicitly before the exit.
func flushedBeforeExit(w *bufio.Writer) {
	defer w.Flush()
	if err := work(); err != nil {
		w.Flush()
		os.Exit(1) // quiet: flushed explicitly first
	}
}

type liner struct{}

func (*liner) Close() error { return work() }

// Minimised from rclone's fs/config: the deferred literal's only call is
// made explicitly before the exit.
func closedBeforeFatal(l *liner, err error) string {
	defer func() {
		_ = l.Close()
	}()
	if err != nil {
		_ = l.Close()
		log.Fatalf("failed to read: %v", err) // quiet: closed explicitly first
	}
	return ""
}

// A cleanup function returned by a function of this package that only
// stops a timer.
func startTimer() func() { // want startTimer:`^benignCleanup\(0\)$`
	t := time.NewTimer(time.Second)
	return func() { t.Stop() }
}

func deferredCleanup() { // want deferredCleanup:"exits"
	defer startTimer()()
	os.Exit(1) // quiet: the cleanup only stops a timer
}

// Minimised from centrifugo internal/app/run.go FP: the second result of
// the log set-up only closes the log file, or is nil.
func setupLog(path string) (func(string), func()) { // want setupLog:`^benignCleanup\(1\)$`
	var file *os.File
	if path != "" {
		var err error
		file, err = os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_APPEND, 0o644)
		if err != nil {
			log.Fatal(err)
		}
	}
	if file == nil {
		return func(string) {}, nil
	}
	return func(string) {}, func() {
		if file != nil {
			_ = file.Close()
		}
	}
}

func deferredResultCleanup(path string) { // want deferredResultCleanup:"exits"
	handler, logCloseFn := setupLog(path)
	if logCloseFn != nil {
		defer logCloseFn()
	}
	handler("started")
	if err := work(); err != nil {
		log.Fatal(err) // quiet: logCloseFn only closes a file
	}
	stopTimer := startTimer()
	defer stopTimer()
	os.Exit(1) // quiet: stopTimer only stops a timer
}

// setupBuffered returns a cleanup that flushes as its second result.
func setupBuffered(w *bufio.Writer) (int, func()) {
	return 0, func() { _ = w.Flush() }
}

func deferredResultFlush(w *bufio.Writer) { // want deferredResultFlush:"exits"
	_, flush := setupBuffered(w)
	defer flush()
	os.Exit(1) // want `^os\.Exit skips deferred call flush \(line \d+\)$`
}

// The variable may hold another function by the time the defer runs.
func reassignedCleanup(w *bufio.Writer, other func()) { // want reassignedCleanup:"exits"
	_, closeFn := setupLog("")
	if other != nil {
		closeFn = other
	}
	defer closeFn()
	os.Exit(1) // want `^os\.Exit skips deferred call closeFn \(line \d+\)$`
}

type transfer struct {
	fread    *os.File
	finished int
}

// Minimised from croc's sendData: the deferred literal only logs and
// closes a file that was read.
func (t *transfer) send(data []byte) { // want send:"exits"
	defer func() {
		log.Printf("finished with %d", len(data))
		t.finished++
		if t.finished == 2 {
			slog.Debug("closing file")
			if err := t.fread.Close(); err != nil {
				slog.Error("error closing file", "err", err)
			}
		}
	}()
	os.Exit(1) // quiet: logging and closing a read file lose nothing
}

// No pending defer at all.
func noDefer() { // want noDefer:"exits"
	os.Exit(1)
}

// The exit is in an error branch before the first defer.
func exitBeforeFirstDefer(w *bufio.Writer) {
	if err := work(); err != nil {
		log.Fatal(err) // quiet: nothing deferred yet
	}
	defer w.Flush()
	_ = work()
}

// syscall.Exit before the first defer, like os.Exit.
func syscallExitBeforeFirstDefer(w *bufio.Writer) {
	if err := work(); err != nil {
		syscall.Exit(1) // quiet: nothing deferred yet
	}
	defer w.Flush()
	_ = work()
}

// The defer is in another branch than the exit.
func deferInOtherBranch(cond bool, w *bufio.Writer) {
	if cond {
		defer w.Flush()
		return
	}
	os.Exit(1) // quiet: the branch with the defer returned
}

// The only pending defers die with the process.
func onlyBenign(ctx context.Context, mu *sync.Mutex, rw *sync.RWMutex, wg *sync.WaitGroup, f *os.File, // want onlyBenign:"exits"
	t *time.Timer, tk *time.Ticker, c chan os.Signal, done chan struct{}, conn net.Conn, ln net.Listener,
	srv *http.Server, tx *sql.Tx, db *sql.DB, rows *sql.Rows, resp *http.Response, tcp *net.TCPConn) {
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt)
	defer stop()
	mu.Lock()
	defer mu.Unlock()
	rw.RLock()
	defer rw.RUnlock()
	defer wg.Done()
	defer f.Close()
	defer t.Stop()
	defer tk.Stop()
	defer signal.Stop(c)
	defer os.Setenv("A", "b")
	defer os.Unsetenv("A")
	defer os.Chdir("/")
	defer close(done)
	defer conn.Close()
	defer ln.Close()
	defer tcp.Close()
	defer srv.Close()
	defer tx.Rollback()
	defer db.Close()
	defer rows.Close()
	defer resp.Body.Close()
	defer func() {
		if err := f.Close(); err != nil {
			log.Printf("closing: %v", err) // only when the benign close failed
		}
	}()
	defer func() {
		if r := recover(); r != nil {
			log.Print(r) // only on a panic, which an exit is not
		}
	}()
	defer func() { _ = conn.Close() }()
	_ = ctx
	os.Exit(1) // quiet: every skipped call dies with the process
}

// Readers lose nothing when closed.
func readers(zr *zip.ReadCloser, rc io.ReadCloser, gz *gzip.Reader) { // want readers:"exits"
	defer zr.Close()
	defer rc.Close()
	defer gz.Close()
	log.Fatal("x") // quiet: closing readers loses nothing
}

// A deferred exit registered first skips nothing: the others run before it.
func deferredExitFirst(w *bufio.Writer, code int) {
	defer os.Exit(code) // quiet: registered before w.Flush, which runs first
	defer w.Flush()
}

func deferredLiteralExitFirst(w *bufio.Writer) {
	code := 0
	defer func() {
		os.Exit(code) // quiet: deferred first, so it runs last
	}()
	defer w.Flush()
	code = 1
}

// An earlier deferred exit is not work the later exit loses.
func twoExits(code int) { // want twoExits:"exits"
	defer os.Exit(code)
	os.Exit(3) // quiet: skipping an exit loses nothing
}

// Unreachable exits are not reported.
func unreachable(w *bufio.Writer) {
	defer w.Flush()
	return
	os.Exit(1) // quiet: unreachable
}

// A panic runs deferred calls: not an exit.
func panics(w *bufio.Writer) {
	defer w.Flush()
	panic(errBoom) // quiet: panics unwind
}

// A custom cancel func of type context.CancelFunc is still a cancel func.
type holder struct{ cancel context.CancelFunc }

func fieldCancel(h *holder) { // want fieldCancel:"exits"
	defer h.cancel()
	os.Exit(1) // quiet: a context.CancelFunc
}

// Exits in an unrelated literal do not skip the enclosing function's
// defers: the literal runs who knows when.
func storedLiteral(w *bufio.Writer) func() {
	defer w.Flush()
	return func() {
		os.Exit(1) // quiet: the literal escapes, w.Flush ran long ago
	}
}
