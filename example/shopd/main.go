// Command shopd accepts orders over HTTP and processes them with a pool of
// workers, exporting metrics to a spool file.
package main

import (
	"context"
	"flag"
	"log"
	"net/http"
	"os"
	"os/signal"
	"time"
)

func main() {
	addr := flag.String("addr", ":8080", "listen address")
	spool := flag.String("spool", "orders.spool", "where accepted orders are journalled")
	flag.Parse()

	// BUG (missing-sigterm): Kubernetes and systemd stop the process with
	// SIGTERM, which this does not handle: the process dies on the spot.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()

	if err := replay(flag.Args(), func(line string) { log.Printf("replayed %s", line) }); err != nil {
		log.Fatalf("replay: %v", err) // no defer is pending yet: fine
	}

	journal, err := openJournal(*spool)
	if err != nil {
		log.Fatalf("open journal: %v", err)
	}
	// BUG (exit-skips-defer): the journal is buffered; the log.Fatalf of
	// the serving goroutine below skips this Flush, and the last accepted
	// orders are lost.
	defer journal.Flush()

	orders := make(chan order, 64)
	pool := newPool(orders, journal)
	pool.start(ctx, 4)

	go exportMetrics(ctx, "metrics.out", time.Minute)

	srv := &http.Server{Addr: *addr, Handler: recoverMiddleware(newAPI(orders))}
	go func() {
		// BUG (server-closed-as-failure): Shutdown makes ListenAndServe
		// return http.ErrServerClosed at once, and this kills the process
		// before Shutdown has drained the in-flight requests.
		if err := srv.ListenAndServe(); err != nil {
			log.Fatalf("serve: %v", err)
		}
	}()

	<-ctx.Done()
	// BUG (shutdown-with-done-context): ctx is already cancelled: Shutdown
	// returns at once and cuts every in-flight request.
	if err := srv.Shutdown(ctx); err != nil {
		log.Printf("shutdown: %v", err)
	}
	// BUG (main-returns-without-wait): the workers are still finishing their
	// orders when main returns; their deferred cleanup never runs.
}
