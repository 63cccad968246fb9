package a

import "os"

// setAttrs opens the file lazily, on the first attribute that needs it:
// the defer runs once per call (rclone backend/local/xattr.go).
func setAttrs(path string, attrs map[string]string) (err error) {
	var fd *os.File
	for k := range attrs {
		if k == "" {
			continue
		}
		if fd == nil {
			fd, err = os.Open(path)
			if err != nil {
				return err
			}
			defer fd.Close() // quiet: fd is nil only before the first open
		}
		_ = fd
	}
	return nil
}

// The guard tests a variable of the iteration: every iteration opens.
func lazyPerIteration(paths []string) {
	for _, p := range paths {
		var fd *os.File
		if fd == nil {
			fd, _ = os.Open(p)
			defer fd.Close() // want `defer in loop: one open file \(fd\) per iteration`
		}
		_ = fd
	}
}

// The guard's variable is not the one opened: every iteration opens.
func lazyOtherVar(paths []string) {
	var seen *os.File
	for _, p := range paths {
		if seen == nil {
			f, _ := os.Open(p)
			defer f.Close() // want `defer in loop: one open file \(f\) per iteration`
		}
	}
}

// The variable is reset after use: the guard holds again next time.
func lazyReset(paths []string) {
	var fd *os.File
	for _, p := range paths {
		fd = nil
		if fd == nil {
			fd, _ = os.Open(p)
			defer fd.Close() // want `defer in loop: one open file \(fd\) per iteration`
		}
	}
}

// The lazily opened file closed by a deferred closure: the closure runs
// once per call and fd never changes after the open, so reading it at
// return is right.
func setAttrsClosure(path string, attrs map[string]string) error {
	var fd *os.File
	var err error
	for range attrs {
		if fd == nil {
			fd, err = os.Open(path)
			if err != nil {
				return err
			}
			defer func() {
				fd.Close() // quiet: the guard makes this defer run once per call
			}()
		}
	}
	return nil
}
