//go:build go1.21

package fixes

import "os"

func LoopVar121(files []*os.File) {
	for _, f := range files {
		defer func() { // quiet for defer-in-loop: nothing acquired per iteration
			f.Close() // want `reads loop variable f`
		}()
		if f == nil {
			return
		}
	}
}
