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

// The iteration calls a method on the receiver before deferring another:
// each iteration acquires something (a count, a scope, a lock).
func Pending(wg *sync.WaitGroup, n int) {
	for i := 0; i < n; i++ {
		wg.Add(1)
		defer wg.Done() // want `one pending call of wg.Done per iteration piles up until Pending returns`
	}
}

type resolver struct{ depth int }

func (r *resolver) openScope()  { r.depth++ }
func (r *resolver) closeScope() { r.depth-- }

func (r *resolver) Scopes(specs []string) {
	for range specs {
		r.openScope()
		defer r.closeScope() // want `one pending call of r.closeScope per iteration piles up until Scopes returns`
	}
}

// The same lock every iteration: the second Lock deadlocks.
func SameLock(mu *sync.Mutex, keys []string) {
	for range keys {
		mu.Lock()
		defer mu.Unlock() // want `one held lock \(mu\)`
	}
}

// A worker receiving connections: each one is acquired by the iteration.
func Worker(conns chan net.Conn, handle func(net.Conn)) {
	for conn := range conns {
		defer conn.Close() // want `one open connection \(conn\) per iteration piles up until Worker returns`
		handle(conn)
	}
}

// Passing the connection to a function does not hand it on.
func AcceptServe(l net.Listener, s *server) {
	for {
		conn, err := l.Accept()
		if err != nil {
			return
		}
		defer conn.Close() // want `one open connection \(conn\) per iteration piles up until AcceptServe returns`
		s.serve(conn)
	}
}

type server struct{ conns []net.Conn }

func (s *server) serve(net.Conn) {}

func OpenEach(names []string, open func(string) (io.ReadCloser, error)) {
	for _, name := range names {
		rc, err := open(name)
		if err != nil {
			continue
		}
		defer rc.Close() // want `one unclosed io.ReadCloser \(rc\)`
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

// A loop that only ends by return or break grows its defers without bound,
// even when they hold nothing.
func Endless(jobs chan func()) {
	for {
		defer func() { // want `one deferred function literal per iteration piles up until Endless returns`
			if r := recover(); r != nil {
				log.Print(r)
			}
		}()
		job, ok := <-jobs
		if !ok {
			return
		}
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

// Range over a map: each iteration opens a file of its own.
func RangeMap(paths map[string]bool) {
	for name := range paths {
		f, _ := os.Open(name)
		defer f.Close() // want `one open file \(f\) per iteration piles up until RangeMap returns`
	}
}

// Range over a map of files the function already holds: nothing acquired.
func CloseMapValues(open map[string]*os.File) {
	for _, f := range open {
		defer f.Close() // quiet: the map's values, not acquired per iteration
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

// A bounded loop whose defers hold nothing the iteration acquired.
func Anonymous(jobs []func()) {
	for _, job := range jobs {
		defer func() { // quiet: holds nothing, and the loop is bounded
			if r := recover(); r != nil {
				log.Print(r)
			}
		}()
		job()
	}
}

func RemoveEach(n int) {
	for i := 0; i < n; i++ {
		f, _ := os.CreateTemp("", "x")
		defer os.Remove(f.Name()) // quiet: a path holds nothing
		f.Close()
	}
}

// A configuration applied at return is work, not a release.
func ApplyAtEnd(configs []*config) {
	for _, c := range configs {
		tc := c.build()
		defer c.apply(tc) // quiet: tc is not closable; applied at return on purpose
	}
}

type config struct{}

func (*config) build() *tlsConfig   { return nil }
func (*config) apply(tc *tlsConfig) {}

type tlsConfig struct{}

// A resource another deferred call uses must stay open until return.
func Profiles(names []string) {
	for _, name := range names {
		f, err := os.Create(name)
		if err != nil {
			continue
		}
		defer f.Close()     // quiet: the deferred WriteTo below needs f until return
		defer writeTo(f, 0) // quiet: work with f before its deferred release
	}
}

func writeTo(io.Writer, int) {}

// A closable argument is a holder.
func CloseHelper(addrs []string) {
	for _, a := range addrs {
		c, err := net.Dial("tcp", a)
		if err != nil {
			continue
		}
		defer closeConn(c) // want `one pending call of closeConn per iteration`
	}
}

func closeConn(c net.Conn) { c.Close() }

func RestoreModes(dirs []string) {
	for _, dir := range dirs {
		d := dir + "/x"
		os.Chmod(d, 0o555)
		defer os.Chmod(d, 0o777) // quiet: a path holds nothing; restored at return on purpose
	}
}

// Stored in an array declared outside the loop: kept on purpose.
func OpenConns(addr string) {
	var c [4]net.Conn
	for i := 0; i < len(c); i++ {
		c[i], _ = net.Dial("tcp", addr)
		defer c[i].Close() // quiet: kept in c, declared outside the loop
	}
}

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

// Nothing is acquired per iteration: the values the loop ranges over are
// released (all at return, on purpose), or the same call is repeated.
func CloseAll(closers []io.Closer) {
	for _, c := range closers {
		defer c.Close() // quiet: the loop's values, not acquired per iteration
	}
}

func CloseAllCopy(closers []io.Closer) {
	for _, c := range closers {
		c := c
		defer c.Close() // quiet: a copy of the loop's value
	}
}

func StopAll(stops []func()) {
	for _, stop := range stops {
		defer stop() // quiet: the loop's values
	}
}

type shard struct {
	mu sync.Mutex
	m  map[string]int
}

// Locking every shard until return is deliberate.
func LockAll(shards []*shard) int {
	n := 0
	for _, s := range shards {
		s.mu.Lock()
		defer s.mu.Unlock() // quiet: a different lock per iteration, all held on purpose
		n += len(s.m)
	}
	return n
}

type node struct {
	mu     sync.Mutex
	done   bool
	parent *node
}

// Hand-over-hand locking up a chain (testing.common.destination).
func (c *node) Destination() *node {
	for p := c.parent; p != nil; p = p.parent {
		p.mu.Lock()
		defer p.mu.Unlock() // quiet: each iteration locks the next ancestor
		if !p.done {
			return p
		}
	}
	return nil
}

func WaitsOnly(wg *sync.WaitGroup, n int) {
	for i := 0; i < n; i++ {
		defer wg.Done() // quiet: nothing acquired per iteration
	}
}

func Printer(xs []int) {
	for _, x := range xs {
		defer log.Print(x) // quiet: prints the loop's values
	}
}

// Handed on beyond the iteration: meant to live until the function returns.
func Keep(names []string) []*os.File {
	var files []*os.File
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			continue
		}
		defer f.Close() // quiet: appended to files, used after the loop
		files = append(files, f)
	}
	return merge(files)
}

func merge([]*os.File) []*os.File { return nil }

func TimerChannel(ch chan error, d time.Duration) {
	var timeout <-chan time.Time
	for {
		select {
		case err := <-ch:
			if err != nil {
				return
			}
			t := time.NewTimer(d)
			defer t.Stop() // quiet: its channel is kept beyond the iteration
			timeout = t.C
		case <-timeout:
			return
		}
	}
}

func RacerContext(ctx context.Context, fallback *time.Timer, racer func(context.Context)) {
	for {
		select {
		case <-fallback.C:
			fctx, cancel := context.WithCancel(ctx)
			defer cancel() // quiet: the case of a timer that fires once (net.dialParallel)
			go racer(fctx)
		case <-ctx.Done():
			if fallback.Stop() {
				fallback.Reset(0) // re-arms only a timer that has not fired
			}
			return
		}
	}
}

// The same with a timer the loop resets: the case repeats.
func RacerReset(ctx context.Context, every *time.Timer, racer func(context.Context)) {
	for {
		select {
		case <-every.C:
			every.Reset(time.Second)
			fctx, cancel := context.WithCancel(ctx)
			defer cancel() // want `one uncancelled context \(cancel\) per iteration piles up until RacerReset returns`
			go racer(fctx)
		case <-ctx.Done():
			return
		}
	}
}

// Handed to a goroutine in an endless accept loop: every connection stays
// open until the server returns.
func AcceptGo(l net.Listener, handle func(net.Conn)) {
	for {
		conn, err := l.Accept()
		if err != nil {
			return
		}
		defer conn.Close() // want `one open connection \(conn\) per iteration piles up until AcceptGo returns`
		go handle(conn)
	}
}

// Handed to goroutines in a bounded loop: all of them work until return.
func DialAll(addrs []string, read func(net.Conn), wg *sync.WaitGroup) {
	for _, a := range addrs {
		c, err := net.Dial("tcp", a)
		if err != nil {
			continue
		}
		defer c.Close() // quiet: the goroutine uses c until the function returns
		wg.Add(1)
		go func() {
			defer wg.Done()
			read(c)
		}()
	}
	wg.Wait()
}

func SendOn(out chan<- *os.File, names []string) {
	for _, name := range names {
		f, _ := os.Open(name)
		defer f.Close() // quiet: sent on a channel, used beyond the iteration
		out <- f
	}
}

func StoreInMap(names []string, open map[string]*os.File) {
	for _, name := range names {
		f, _ := os.Open(name)
		defer f.Close() // quiet: stored in a map that outlives the loop
		open[name] = f
	}
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

// Loops with constant bounds that iterate at most once.
func OnceByBounds(name string) {
	for i := 0; i < 1; i++ {
		f, _ := os.Open(name)
		defer f.Close() // quiet: one iteration
	}
	for i := 1; i <= 1; i++ {
		f, _ := os.Open(name)
		defer f.Close() // quiet: one iteration
	}
}

func TwiceByBounds(name string) {
	for i := 0; i < 2; i++ {
		f, _ := os.Open(name)
		defer f.Close() // want `one open file \(f\)`
	}
}

// A closure that receives the loop value as an argument: the value is
// right, and nothing is acquired per iteration.
func LoopValueArgument(files []*os.File) {
	for _, f := range files {
		defer func(f *os.File) { f.Close() }(f) // quiet: the loop's values, passed as arguments
	}
}

type stream struct{ updates chan int }

func (s *stream) start()              {}
func (s *stream) done()               {}
func (s *stream) updateC() <-chan int { return s.updates }
func (s *stream) name() string        { return "" }
func lookup(string) (*stream, error)  { return nil, nil }

// A channel of the resource kept outside the loop: later iterations listen
// to it, so the resource lives until return (nats-server's monitorStream).
func Monitor(restored <-chan error, quit <-chan struct{}) {
	var mset *stream
	var updates <-chan int
	for {
		select {
		case err := <-restored:
			if err == nil {
				mset, _ = lookup("s")
				mset.start()
				defer mset.done() // quiet: updates, kept outside the loop, comes from mset
				updates = mset.updateC()
			}
		case <-updates:
		case <-quit:
			return
		}
	}
}

// A string of the resource is not a channel: reported.
func Names(names []string) []string {
	var last string
	for _, n := range names {
		s, _ := lookup(n)
		s.start()
		defer s.done() // want `one pending call of s.done per iteration piles up until Names returns`
		last = s.name()
	}
	return []string{last}
}

// ---- Loop forms: break in a switch or select leaves only that statement ----

func SwitchBreak(names []string) {
	for _, name := range names {
		switch name {
		case "":
		default:
			f, _ := os.Open(name)
			defer f.Close() // want `one open file \(f\) per iteration piles up until SwitchBreak returns`
			break
		}
	}
}

func SelectBreak(ctx context.Context, files chan string) {
	for {
		select {
		case <-ctx.Done():
			return
		case name := <-files:
			f, _ := os.Open(name)
			defer f.Close() // want `one open file \(f\) per iteration piles up until SelectBreak returns`
			break
		}
	}
}

// ---- Loop forms: negatives ----

// Range over a channel: the iteration returns after the defer.
func FirstFromChannel(names chan string) {
	for name := range names {
		f, _ := os.Open(name)
		defer f.Close() // quiet: return follows
		use(f)
		return
	}
}

// Range over a channel: a function literal per iteration.
func ChannelPerIteration(names chan string) {
	for name := range names {
		func() {
			f, _ := os.Open(name)
			defer f.Close() // quiet: runs at the end of the literal
			use(f)
		}()
	}
}

// A defer in a switch case that returns.
func SwitchReturns(names []string) {
	for _, name := range names {
		switch name {
		case "":
		default:
			f, _ := os.Open(name)
			defer f.Close() // quiet: the case returns
			use(f)
			return
		}
	}
}

// A defer in a select case that returns.
func SelectReturns(ctx context.Context, files chan string) {
	for {
		select {
		case <-ctx.Done():
			return
		case name := <-files:
			f, _ := os.Open(name)
			defer f.Close() // quiet: the case returns
			use(f)
			return
		}
	}
}

// Nested loops: the inner body is a function literal called per iteration.
func NestedPerIteration(grid [][]string) {
	for _, row := range grid {
		for _, name := range row {
			func() {
				f, _ := os.Open(name)
				defer f.Close() // quiet: runs at the end of the literal
				use(f)
			}()
		}
	}
}

// Nested loops left together after the defer.
func NestedReturns(grid [][]string) {
	for _, row := range grid {
		for _, name := range row {
			f, _ := os.Open(name)
			defer f.Close() // quiet: return follows
			use(f)
			return
		}
	}
}
