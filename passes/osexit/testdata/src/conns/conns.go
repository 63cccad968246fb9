// Package conns holds network connections and servers of third-party
// packages: closing them dies with the process, draining them does not.
package conns

import (
	"os"

	"google.golang.org/grpc"
)

// Positives.

// GracefulStop lets in-flight calls finish: the exit cuts them.
func graceful(s *grpc.Server, err error) {
	defer s.GracefulStop()
	if err != nil {
		os.Exit(1) // want `^os\.Exit skips deferred call s\.GracefulStop \(line 15\)$`
	}
}

// Negatives.

func closes(cc *grpc.ClientConn, s *grpc.Server, err error) {
	defer cc.Close()
	defer s.Stop()
	if err != nil {
		os.Exit(1) // quiet: the peers see the connections drop either way
	}
}
