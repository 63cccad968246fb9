// Command singleimport has a single import declaration and a run function
// already: the fix names the new function realMain.
package main

import "log"

type db struct{}

func (db) Commit() error { return commit() }

var commit func() error

func run() error { return nil }

func main() {
	var d db
	defer d.Commit()
	if err := run(); err != nil {
		log.Fatalln(err) // want `^log\.Fatalln skips deferred call d\.Commit \(line 17\)$`
	}
}
