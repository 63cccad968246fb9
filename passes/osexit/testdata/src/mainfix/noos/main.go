// Command noos does not import os: the fix adds the import.
package main

import (
	"compress/gzip"
	"io"
	"log"
)

var out io.Writer

func main() {
	zw := gzip.NewWriter(out)
	defer zw.Close()
	if _, err := zw.Write([]byte("x")); err != nil {
		log.Fatal(err) // want `^log\.Fatal skips deferred call zw\.Close \(line 14\)$`
	}
}
