// Package torture is code no analyzer was written for: every shutdownlint
// analyzer must get through it without panicking (TestTorture).
package torture

import (
	"context"
	"errors"
	"iter"
	"log"
	"net/http"
	"os"
	"os/signal"
	"runtime"
	"sync"
	"syscall"
	"time"
	"unsafe"
)

// Recursive and generic types.
type List[T any] struct {
	Head T
	Tail *List[T]
}

type Tree struct {
	Kids  []*Tree
	Apply func(*Tree) *Tree
}

type Number interface {
	~int | ~int64 | ~float64
}

type Pair[K comparable, V any] struct {
	K K
	V V
}

func (l *List[T]) All() iter.Seq[T] {
	return func(yield func(T) bool) {
		for n := l; n != nil; n = n.Tail {
			if !yield(n.Head) {
				return
			}
		}
	}
}

func Sum[T Number](xs iter.Seq[T]) (s T) {
	defer func() {
		if r := recover(); r != nil {
			s = 0
		}
	}()
	for x := range xs {
		defer func() { s += x - x }()
		s += x
	}
	return s
}

func GenericExit[T any](v T, f *os.File) {
	defer f.Sync()
	if any(v) == nil {
		os.Exit(3)
	}
}

func GenericGo[T any](ctx context.Context, ch chan T, v T) {
	go func() {
		for {
			select {
			case ch <- v:
			case <-time.After(time.Second):
			}
		}
	}()
	go GenericGo[T](context.Background(), ch, v)
}

type Server[T any] struct {
	http.Server
	state T
}

func (s *Server[T]) Run(ctx context.Context) error {
	err := s.ListenAndServe()
	<-ctx.Done()
	s.Shutdown(ctx)
	return err
}

// Unsafe, without cgo.
func Bytes(s string) []byte {
	return unsafe.Slice(unsafe.StringData(s), len(s))
}

func Addr(p *Tree) uintptr {
	return uintptr(unsafe.Pointer(p)) + unsafe.Offsetof(p.Apply)
}

// Labelled goto and loops.
func Goto(n int) (err error) {
	i := 0
loop:
	if i < n {
		f, err := os.Open("x")
		if err != nil {
			goto fail
		}
		defer f.Close()
		i++
		goto loop
	}
	return nil
fail:
	defer func() { err = errors.Join(err, errors.New("fail")) }()
	return err
outer:
	for {
		for range 3 {
			defer runtime.Goexit()
			continue outer
		}
		break outer
	}
	return nil
}

// Deeply nested closures capturing everything.
func Nest(ctx context.Context) func() func() func() func() {
	var mu sync.Mutex
	return func() func() func() func() {
		mu.Lock()
		defer mu.Unlock()
		ctx, cancel := context.WithCancel(ctx)
		return func() func() func() {
			defer cancel()
			return func() func() {
				go func() {
					defer func() { recover() }()
					<-ctx.Done()
				}()
				return func() {
					ctx = context.TODO()
					defer func() {
						func() {
							recover()
						}()
					}()
					log.Fatal(ctx)
				}
			}
		}
	}
}

// Method values and expressions.
func Methods(t *Tree, l *List[int]) {
	f := t.Apply
	g := (*List[int]).All
	h := l.All
	defer f(t)
	go g(l)
	for v := range h() {
		defer func(v int) { _ = v }(v)
	}
	var wg sync.WaitGroup
	wg.Go(func() { Methods(t, l) })
	wg.Wait()
}

// Signals in odd shapes.
var sigs = append([]os.Signal{os.Interrupt}, syscall.SIGHUP)

func Signals() {
	c := make(chan os.Signal, len(sigs))
	signal.Notify(c, sigs...)
	signal.Notify(c)
	signal.Ignore()
	signal.Reset(sigs[1:]...)
	d := c
	for s := range d {
		switch s {
		case os.Interrupt:
			close(c)
		}
	}
	ctx, stop := signal.NotifyContext(context.Background())
	_ = stop
	<-ctx.Done()
}

// Select with every kind of case, in a loop that never ends.
func Select(a chan int, b <-chan string, c chan<- error) {
	for {
		select {
		case v, ok := <-a:
			if !ok {
				a = nil
			}
			_ = v
		case s := <-b:
			c <- errors.New(s)
		case c <- nil:
		default:
			runtime.Gosched()
		}
	}
}

func init() {
	defer os.Exit(0)
	runtime.Goexit()
}
