package main

import (
	"context"
	"log"
	"os"
	"sync"
	"time"
)

type order struct {
	ID    string
	Cents int
}

type pool struct {
	orders  <-chan order
	journal *journal
	wg      sync.WaitGroup
}

func newPool(orders <-chan order, j *journal) *pool {
	return &pool{orders: orders, journal: j}
}

func (p *pool) start(ctx context.Context, n int) {
	for i := 0; i < n; i++ {
		p.wg.Add(1)
		go func() {
			defer p.wg.Done()
			p.work(ctx)
		}()
	}
}

func (p *pool) work(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case o := <-p.orders:
			// BUG (detached-context): charging cannot be cancelled at
			// shutdown, and nothing waits for it.
			go charge(context.Background(), o)
			p.journal.Append(o)
		}
	}
}

func charge(ctx context.Context, o order) {
	select {
	case <-ctx.Done():
	case <-time.After(50 * time.Millisecond):
		log.Printf("charged %s", o.ID)
	}
}

// exportMetrics writes a line of metrics every interval.
func exportMetrics(ctx context.Context, path string, every time.Duration) {
	f, err := os.Create(path)
	if err != nil {
		log.Printf("metrics: %v", err)
		return
	}
	defer f.Close()
	t := time.NewTicker(every)
	defer t.Stop()
	// BUG (uncancellable-loop): nothing ends this loop; at shutdown it is
	// killed in the middle of a write.
	for range t.C {
		f.WriteString(time.Now().Format(time.RFC3339) + " ok\n")
	}
}
