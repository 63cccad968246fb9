package boom

import (
	"os"
	"os/signal"
)

func Wait() {
	c := make(chan os.Signal)
	signal.Notify(c, os.Interrupt)
	<-c
}
