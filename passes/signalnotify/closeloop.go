package signalnotify

// checkCloseInSignalLoop is written next.
func (pi *pkgInfo) checkCloseInSignalLoop() {}
