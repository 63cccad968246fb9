package main

import (
	"bufio"
	"fmt"
	"os"
	"sync"
)

// journal appends accepted orders to a spool file, buffered.
type journal struct {
	mu sync.Mutex
	w  *bufio.Writer
}

func openJournal(path string) (*journal, error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		return nil, err
	}
	return &journal{w: bufio.NewWriter(f)}, nil
}

func (j *journal) Append(o order) {
	j.mu.Lock()
	defer j.mu.Unlock()
	fmt.Fprintf(j.w, "%s\t%d\n", o.ID, o.Cents)
}

func (j *journal) Flush() error {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.w.Flush()
}

// replay re-reads the spools of earlier runs.
func replay(paths []string, apply func(line string)) error {
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		// BUG (defer-in-loop): every spool stays open until replay returns;
		// with thousands of spools the process runs out of descriptors.
		defer f.Close()
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			apply(sc.Text())
		}
	}
	return nil
}
