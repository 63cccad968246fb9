package a

import (
	"net"
	"testing"
)

// A pile-up in a test lasts until the test returns: not reported.
func TestConns(t *testing.T) {
	for _, addr := range []string{"a", "b"} {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close() // quiet: a test file
	}
}

// Captures are wrong values in tests too.
func TestCapture(t *testing.T) {
	var c net.Conn
	for _, addr := range []string{"a", "b"} {
		c, _ = net.Dial("tcp", addr)
		defer func() {
			c.Close() // want `reads c, declared outside the loop and assigned in it`
		}()
	}
}
