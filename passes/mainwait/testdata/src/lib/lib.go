// Package lib holds helpers whose waiting is known to other packages
// through the "waits" fact.
package lib

import (
	"context"
	"sync"
	"time"
)

func StopAll(wg *sync.WaitGroup) { // want StopAll:"waits"
	wg.Wait()
}

func Drain(done <-chan struct{}) { // want Drain:"waits"
	<-done
}

// Grace waits through a helper of its own package.
func Grace(d time.Duration) { // want Grace:"waits"
	pause(d)
}

func pause(d time.Duration) { // want pause:"waits"
	time.Sleep(d)
}

type Pool struct{ wg sync.WaitGroup }

func (p *Pool) Close() error { // want Close:"waits"
	p.wg.Wait()
	return nil
}

func (p *Pool) Start(ctx context.Context) {
	go func() {
		<-ctx.Done() // inside a goroutine: not the caller's wait
	}()
}

func NoWait() {}

func Spawn(f func()) {
	go f()
}

func NonBlocking(c chan int) bool {
	select {
	case c <- 1:
		return true
	default:
		return false
	}
}

// RunApp serves until ctx is done and stops its own work before it returns,
// as alertmanager's app.Run does.
func RunApp(ctx context.Context, reload <-chan struct{}) error { // want RunApp:"waits"
	for {
		select {
		case <-reload:
		case <-ctx.Done():
			return nil
		}
	}
}
