// Package a holds the defer-in-loop cases.
package a

import (
	"compress/gzip"
	"context"
	"database/sql"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"sync"
	"time"
)

func use(...any) {}

func ExtractAll(names []string) error {
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		defer f.Close() // want `defer in loop: one open file \(f\) per iteration piles up until ExtractAll returns`
		use(f)
	}
	return nil
}

type counter struct {
	mu sync.Mutex
	n  map[string]int
}

func (c *counter) AddAll(keys []string) {
	for i := 0; i < len(keys); i++ {
		c.mu.Lock()
		defer c.mu.Unlock() // want `defer in loop: one held lock \(c.mu\) per iteration piles up until AddAll returns`
		c.n[keys[i]]++
	}
}

func FetchAll(urls []string) {
	for _, u := range urls {
		resp, err := http.Get(u)
		if err != nil {
			continue
		}
		defer resp.Body.Close() // want `one open response body \(resp.Body\) per iteration piles up until FetchAll returns`
		io.Copy(io.Discard, resp.Body)
	}
}

func Serve(conns chan net.Conn) {
	for conn := range conns {
		defer conn.Close() // want `one open connection \(conn\) per iteration`
		use(conn)
	}
}

func Accept(l net.Listener) {
	for {
		conn, err := l.Accept()
		if err != nil {
			return
		}
		defer conn.Close() // want `one open connection \(conn\) per iteration piles up until Accept returns`
	}
}

func Listen(addrs []string) {
	for _, a := range addrs {
		l, _ := net.Listen("tcp", a)
		defer l.Close() // want `one open listener \(l\)`
	}
}

func Timeouts(ctx context.Context, jobs []func(context.Context)) {
	for _, job := range jobs {
		ctx, cancel := context.WithTimeout(ctx, time.Second)
		defer cancel() // want `one uncancelled context \(cancel\) per iteration`
		job(ctx)
	}
}

func Rows(db *sql.DB, queries []string) {
	for _, q := range queries {
		rows, err := db.Query(q)
		if err != nil {
			log.Print(err)
			continue
		}
		defer rows.Close() // want `one open result set \(rows\)`
		for rows.Next() {
		}
	}
}

func Txs(db *sql.DB, n int) {
	for i := 0; i < n; i++ {
		tx, _ := db.Begin()
		defer tx.Rollback() // want `one open transaction \(tx\)`
		tx.Exec("x")
	}
}

func Timers(ds []time.Duration) {
	for _, d := range ds {
		t := time.NewTimer(d)
		defer t.Stop() // want `one running timer \(t\)`
		tk := time.NewTicker(d)
		defer tk.Stop() // want `one running ticker \(tk\)`
		<-t.C
	}
}

func Gzips(rs []io.Reader) {
	for _, r := range rs {
		zr, _ := gzip.NewReader(r)
		defer zr.Close() // want `one unclosed gzip.Reader \(zr\)`
		io.Copy(io.Discard, zr)
	}
}

func Pending(wg *sync.WaitGroup, n int) {
	for i := 0; i < n; i++ {
		defer wg.Done() // want `one pending call of wg.Done per iteration piles up until Pending returns`
	}
}

// A closure that closes unconditionally piles up like the call itself.
func Closure(names []string) {
	for _, name := range names {
		f, _ := os.Open(name)
		defer func() { // want `one open file \(f\) per iteration`
			if err := f.Close(); err != nil {
				log.Print(err)
			}
		}()
	}
}

// A closure that receives the value as an argument sees the right file but
// still piles files up.
func ClosureArg(names []string) {
	for _, name := range names {
		f, _ := os.Open(name)
		defer func(f *os.File) { f.Close() }(f) // want `one open file \(f\) per iteration`
	}
}

func Anonymous(jobs []func()) {
	for _, job := range jobs {
		defer func() { // want `one deferred function literal per iteration`
			if r := recover(); r != nil {
				log.Print(r)
			}
		}()
		job()
	}
}

// A nil check is not a failure guard: the file is open.
func NilGuard(names []string) {
	for _, name := range names {
		f, _ := os.Open(name)
		defer func() { // want `one open file \(f\)`
			if f != nil {
				f.Close()
			}
		}()
	}
}

// A flag nobody sets later is not a guard.
func ConstantFlag(names []string, keep bool) {
	for _, name := range names {
		f, _ := os.Open(name)
		defer func() { // want `one open file \(f\)`
			if !keep {
				f.Close()
			}
		}()
	}
}

// Released explicitly on one path only: the success path piles up.
func SomePaths(names []string) error {
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		defer f.Close() // want `one open file \(f\)`
		if fi, _ := f.Stat(); fi.Size() == 0 {
			f.Close()
			continue
		}
		use(f)
	}
	return nil
}

// The iteration leaves the loop only sometimes.
func SometimesReturns(names []string) {
	for _, name := range names {
		f, _ := os.Open(name)
		defer f.Close() // want `one open file \(f\)`
		if name == "last" {
			return
		}
	}
}

func Labelled(groups [][]string) {
outer:
	for _, g := range groups {
		for _, name := range g {
			f, _ := os.Open(name)
			defer f.Close() // want `one open file \(f\)`
			if name == "" {
				continue outer
			}
		}
	}
}

// Nested loops: reported once, at the defer.
func Nested(grid [][]string) {
	for _, row := range grid {
		for _, name := range row {
			f, _ := os.Open(name)
			defer f.Close() // want `one open file \(f\)`
		}
	}
}

// The inner loop is left after the defer, but the outer loop repeats it.
func NestedOuterRepeats(grid [][]string) {
	for _, row := range grid {
		for _, name := range row {
			f, _ := os.Open(name)
			defer f.Close() // want `one open file \(f\)`
			break
		}
	}
}

func InSelect(ctx context.Context, files chan string) {
	for {
		select {
		case <-ctx.Done():
			return
		case name := <-files:
			f, _ := os.Open(name)
			defer f.Close() // want `one open file \(f\) per iteration piles up until InSelect returns`
		}
	}
}

func InSwitch(names []string) {
	for _, name := range names {
		switch name {
		case "":
		default:
			f, _ := os.Open(name)
			defer f.Close() // want `one open file \(f\)`
		}
	}
}

func InLiteral() func([]string) {
	return func(names []string) {
		for _, name := range names {
			f, _ := os.Open(name)
			defer f.Close() // want `one open file \(f\) per iteration piles up until the function literal returns`
		}
	}
}

func Suppressed(names []string) {
	for _, name := range names {
		f, _ := os.Open(name)
		//shutdownlint:ignore defer-in-loop at most three names, closed at return on purpose
		defer f.Close()
	}
}

// ---- Negatives ----

// A function literal called per iteration runs its defers every iteration.
func PerIteration(names []string) {
	for _, name := range names {
		func() {
			f, _ := os.Open(name)
			defer f.Close() // quiet: runs at the end of the literal
			use(f)
		}()
	}
}

func NoLoop(name string) {
	f, _ := os.Open(name)
	defer f.Close() // quiet: not in a loop
}

// The iteration returns after the defer: at most one call is pending.
func FirstMatch(names []string) error {
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			continue
		}
		defer f.Close() // quiet: return follows
		use(f)
		return nil
	}
	return nil
}

func BreakAfter(names []string) {
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			continue
		}
		defer f.Close() // quiet: break follows
		break
	}
}

func LabelledBreak(groups [][]string) {
outer:
	for _, g := range groups {
		for _, name := range g {
			f, _ := os.Open(name)
			defer f.Close() // quiet: leaves both loops
			break outer
		}
	}
}

func ReturnInBranch(names []string) {
	for _, name := range names {
		if name == "wanted" {
			f, _ := os.Open(name)
			defer f.Close() // quiet: return follows in the same block
			use(f)
			return
		}
	}
}

func ReturnAfterBlock(names []string) {
	for _, name := range names {
		if name != "" {
			f, _ := os.Open(name)
			defer f.Close() // quiet: the iteration returns after the if
		}
		return
	}
}

func Panics(names []string) {
	for _, name := range names {
		f, _ := os.Open(name)
		defer f.Close() // quiet: panic follows
		panic(f)
	}
}

func Exits(names []string) {
	for _, name := range names {
		f, _ := os.Open(name)
		defer f.Close() // quiet: log.Fatal follows
		log.Fatal(f)
	}
}

func AllBranchesReturn(ctx context.Context, files chan string) error {
	for {
		f, _ := os.Open(<-files)
		defer f.Close() // quiet: every select case returns
		select {
		case <-ctx.Done():
			return ctx.Err()
		default:
			return nil
		}
	}
}

// Fallbacks: the iteration releases explicitly; the defer only covers
// early returns and panics.
func ExplicitClose(names []string) error {
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		defer f.Close() // quiet: closed explicitly below
		use(f)
		if err := f.Close(); err != nil {
			return err
		}
	}
	return nil
}

func ExplicitCloseBothBranches(names []string) {
	for _, name := range names {
		f, _ := os.Open(name)
		defer f.Close() // quiet: every path closes
		if name == "" {
			f.Close()
			continue
		}
		f.Close()
	}
}

func ExplicitCancel(ctx context.Context, jobs []func(context.Context)) {
	for _, job := range jobs {
		ctx, cancel := context.WithTimeout(ctx, time.Second)
		defer cancel() // quiet: cancelled explicitly
		job(ctx)
		cancel()
	}
}

func OnceCloser(names []string) {
	for _, name := range names {
		f, _ := os.Open(name)
		closeOnce := sync.OnceFunc(func() { f.Close() })
		defer closeOnce() // quiet: the closer is called explicitly
		use(f)
		closeOnce()
	}
}

func BodyExplicit(urls []string) {
	for _, u := range urls {
		resp, err := http.Get(u)
		if err != nil {
			continue
		}
		defer resp.Body.Close() // quiet: closed explicitly
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
}

func Commit(db *sql.DB, n int) error {
	for i := 0; i < n; i++ {
		tx, err := db.Begin()
		if err != nil {
			return err
		}
		defer tx.Rollback() // quiet: committed explicitly, Rollback is a fallback
		if err := tx.Commit(); err != nil {
			return err
		}
	}
	return nil
}

func ClosedFlag(names []string) error {
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		closed := false
		defer func() { // quiet: a fallback guarded by the closed flag
			if !closed {
				f.Close()
			}
		}()
		use(f)
		closed = true
		closeQuietly(f)
	}
	return nil
}

func closeQuietly(c io.Closer) { c.Close() }

func FailureOnly(names []string) (files []*os.File, err error) {
	for _, name := range names {
		f, err2 := os.Open(name)
		if err2 != nil {
			return nil, err2
		}
		defer func() { // quiet: closes only when the function fails
			if err != nil {
				f.Close()
			}
		}()
		files = append(files, f)
	}
	return files, nil
}

func FailureOnlyLocal(names []string) []*os.File {
	var files []*os.File
	var err error
	for _, name := range names {
		var f *os.File
		f, err = os.Open(name)
		if err != nil {
			break
		}
		defer func() { // quiet: closes only on failure
			if err != nil {
				f.Close()
			}
		}()
		files = append(files, f)
	}
	return files
}

func InGoroutine(wg *sync.WaitGroup, jobs []func()) {
	for _, job := range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done() // quiet: the goroutine's own function
			job()
		}()
	}
}
