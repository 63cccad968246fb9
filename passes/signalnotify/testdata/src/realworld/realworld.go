// Package main holds minimised real-world cases, named after their source.
package main

import (
	"context"
	"errors"
	"net/http"
	"os"
	"os/signal"
	"syscall"
)

// heyMain is github.com/rakyll/hey v0.1.5 hey.go:241: a load generator that
// reports on Ctrl+C but dies silently on SIGTERM. (Here other cases of the
// package register SIGTERM; the sigterm test package has this shape alone.)
func heyMain(stop func()) {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt)
	go func() {
		<-c
		stop()
	}()
}

// oauth2ProxyStart is github.com/oauth2-proxy/oauth2-proxy/v7 v7.15.6
// oauthproxy.go:279: the goroutine registers late, and after the first
// signal the server's graceful stop cannot be interrupted.
func oauth2ProxyStart(start func(context.Context) error) error {
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		sigint := make(chan os.Signal, 1)
		signal.Notify(sigint, os.Interrupt, syscall.SIGTERM) // want `signal.Notify is called in a goroutine` `the function can return without signal.Stop\(sigint\)`
		<-sigint
		cancel()
	}()
	return start(ctx)
}

// pushgatewayShutdown is github.com/prometheus/pushgateway v1.11.1
// main.go:274 (and github.com/gotify/server/v2 v2.5.0 runner.go:62): a named
// function started with go, which shuts the server down with no deadline.
func pushgatewayShutdown(server *http.Server, quitCh <-chan struct{}) error {
	notifier := make(chan os.Signal, 1)
	signal.Notify(notifier, os.Interrupt, syscall.SIGTERM) // want `signal.Notify is called in pushgatewayShutdown, which only ever runs in goroutines` `the function can return without signal.Stop\(notifier\)`
	select {
	case <-notifier:
	case <-quitCh:
	}
	return server.Shutdown(context.Background())
}

// serfHandleSignals is github.com/hashicorp/serf v0.10.4
// cmd/serf/command/agent/command.go:652: the caller's deferred Shutdown runs
// after it returns, with Ctrl+C still diverted.
func serfHandleSignals(leave func() error) int {
	signalCh := make(chan os.Signal, 4)
	signal.Notify(signalCh, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP) // want `the function can return without signal.Stop\(signalCh\)`
	<-signalCh
	if err := leave(); err != nil {
		return 1
	}
	return 0
}

type agent struct{}

func (agent) Shutdown() error { return errors.New("slow") }

func serfRun(a agent, leave func() error) int {
	defer a.Shutdown()
	return serfHandleSignals(leave)
}

// s2cMain is github.com/klauspost/compress v1.20.3 s2/cmd/s2c/main.go:112
// (and github.com/minio/minlz v1.2.0 cmd/mz/compress.go:208): Ctrl+C is
// ignored on purpose so that the stdin pipeline drains. Not reported.
func s2cMain() {
	signal.Notify(make(chan os.Signal, 1), os.Interrupt)
}

// caddyTrap is github.com/caddyserver/caddy/v2 v2.11.9 sigtrap.go:40: late
// registration, but the loop never returns (a second signal exits).
func caddyTrap(exit func()) {
	go func() {
		shutdown := make(chan os.Signal, 1)
		signal.Notify(shutdown, os.Interrupt) // want `signal.Notify is called in a goroutine`
		for i := 0; true; i++ {
			<-shutdown
			if i > 0 {
				os.Exit(2)
			}
			go exit()
		}
	}()
}

// speakeasyGetPassword is github.com/bgentry/speakeasy v0.1.0
// speakeasy_unix.go:38: SIGKILL in the list of handled signals.
func speakeasyGetPassword(restore func(chan os.Signal)) {
	sig := make(chan os.Signal, 10)
	signal.Notify(sig, syscall.SIGHUP, syscall.SIGINT, syscall.SIGKILL, syscall.SIGQUIT, // want `syscall.SIGKILL cannot be caught`
		syscall.SIGTERM)
	go restore(sig)
	defer signal.Stop(sig)
}

// vegetaEncode is github.com/tsenart/vegeta/v12 v12.13.0 encode.go:101: a
// subcommand reached through a function value; its return ends the
// program. Not reported.
var commands = map[string]func() error{
	"encode": func() error { return vegetaEncode() },
}

func vegetaEncode() error {
	sigch := make(chan os.Signal, 1)
	signal.Notify(sigch, os.Interrupt)
	<-sigch
	return nil
}

func main() {
	heyMain(func() {})
	go pushgatewayShutdown(nil, nil)
	serfRun(agent{}, nil)
	s2cMain()
	speakeasyGetPassword(nil)
	_ = oauth2ProxyStart(nil)
	caddyTrap(nil)
	select {}
}
