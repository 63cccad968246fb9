package goroutine // want package:`registers signals \{SIGCHLD, SIGHUP, SIGINT, SIGTERM, SIGWINCH\}`

import (
	"context"
	"os"
	"os/signal"
	"sync"
	"syscall"

	"golang.org/x/sync/errgroup"
)

// Positives.

func startHandler(cancel func()) {
	go func() {
		c := make(chan os.Signal, 1)
		signal.Notify(c, os.Interrupt, syscall.SIGTERM) // want `signal.Notify is called in a goroutine started at line 16: SIGINT and SIGTERM arriving before it runs kill the process without cleanup` `can return without signal.Stop`
		<-c
		cancel()
	}()
}

func watch(cancel func()) {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM) // want `signal.Notify is called in watch, which only ever runs in goroutines: SIGTERM arriving before it runs kills the process without cleanup` `can return without signal.Stop`
	<-c
	cancel()
}

func startWatch(cancel func()) { go watch(cancel) }

type server struct{ cancel func() }

func (s *server) handleSignals() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM) // want `signal.NotifyContext is called in handleSignals, which only ever runs in goroutines`
	defer stop()
	<-ctx.Done()
	s.cancel()
}

func (s *server) start() { go s.handleSignals() }

// setup is called only from a goroutine.
func setup() chan os.Signal {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM) // want `signal.Notify is called in setup, which only ever runs in goroutines`
	return c
}

func startSetup() {
	go func() {
		<-setup()
	}()
}

func group(ctx context.Context) error {
	g, ctx := errgroup.WithContext(ctx)
	g.Go(func() error {
		ctx, stop := signal.NotifyContext(ctx, syscall.SIGTERM) // want `signal.NotifyContext is called in a goroutine started at line 59`
		defer stop()
		<-ctx.Done()
		return ctx.Err()
	})
	return g.Wait()
}

func waitGroup() {
	var wg sync.WaitGroup
	wg.Go(func() {
		c := make(chan os.Signal, 1)
		signal.Notify(c, syscall.SIGTERM) // want `signal.Notify is called in a goroutine started at line 70`
		defer signal.Stop(c)
		<-c
	})
	wg.Wait()
}

// trapSignals is Caddy's shape (caddy v2.11.9 sigtrap.go): the loop never
// ends (a second signal exits), so no notify-without-stop, but the
// registration still runs late.
func trapSignals(shutdown func()) {
	go func() {
		c := make(chan os.Signal, 1)
		signal.Notify(c, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP) // want `signal.Notify is called in a goroutine started at line \d+: SIGHUP, SIGINT and SIGTERM arriving before it runs`
		for i := 0; true; i++ {
			<-c
			if i > 0 {
				os.Exit(1)
			}
			go shutdown()
		}
	}()
}

// Negatives.

// alreadyCaught registers SIGINT late, but init registers it before any
// goroutine runs: a signal arriving early is caught, not fatal.
func alreadyCaught() {
	go func() {
		c := make(chan os.Signal, 1)
		signal.Notify(c, syscall.SIGWINCH, os.Interrupt)
		defer signal.Stop(c)
		<-c
	}()
}

var early = make(chan os.Signal, 1)

func init() {
	signal.Notify(early, os.Interrupt)
}

// registerFirst registers before it starts the goroutine.
func registerFirst(cancel func()) {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	go func() {
		<-c
		cancel()
	}()
}

// both is started as a goroutine and also called directly.
func both() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	defer signal.Stop(c)
	<-c
}

func useBoth() {
	go both()
	both()
}

// Listen is exported: other packages may call it directly.
func Listen() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	defer signal.Stop(c)
	<-c
}

func startListen() { go Listen() }

// handshake: the goroutine reports that it has registered.
func handshake(cancel func()) {
	ready := make(chan struct{})
	go func() {
		c := make(chan os.Signal, 1)
		signal.Notify(c, syscall.SIGTERM)
		close(ready)
		<-c
		signal.Stop(c)
		cancel()
	}()
	<-ready
}

// resize registers SIGWINCH, whose default action is to do nothing.
func resize() {
	go func() {
		c := make(chan os.Signal, 1)
		signal.Notify(c, syscall.SIGWINCH)
		for range c {
		}
	}()
}

func valueUse() {
	f := both2
	go f()
}

// both2 is used as a value: where it runs is unknown.
func both2() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	defer signal.Stop(c)
	<-c
}

type runner interface{ run() }

type svc struct{}

// run implements runner: an interface call may run it anywhere.
func (svc) run() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	defer signal.Stop(c)
	<-c
}

func startRunner(r runner, s svc) {
	go s.run()
	r.run()
}

// contextFirst registers with NotifyContext before the goroutine starts.
func contextFirst() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	go func() {
		defer stop()
		<-ctx.Done()
	}()
}

// onlyStops: unregistering in a goroutine loses nothing.
func onlyStops(c chan os.Signal) {
	go func() {
		signal.Stop(c)
		signal.Ignore(syscall.SIGHUP)
	}()
}

// childOnly registers SIGCHLD, whose default action is to do nothing.
func childOnly() {
	go func() {
		c := make(chan os.Signal, 1)
		signal.Notify(c, syscall.SIGCHLD)
		for range c {
		}
	}()
}

// syncLiteral is a literal called on the spot, in the caller's goroutine.
func syncLiteral() {
	func() {
		c := make(chan os.Signal, 1)
		signal.Notify(c, syscall.SIGTERM)
		defer signal.Stop(c)
		<-c
	}()
}

// elsewhere starts another package's function: its registration is not
// visible here.
func elsewhere(g *errgroup.Group) {
	go signal.Reset()
	g.Go(func() error { return nil })
}

// later is a callback run elsewhere: the literal is not a goroutine.
func later(register func(func())) {
	register(func() {
		c := make(chan os.Signal, 1)
		signal.Notify(c, syscall.SIGTERM)
		defer signal.Stop(c)
		<-c
	})
}
