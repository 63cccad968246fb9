package main

import "log"

func main() { // want main:"recovers"
	if r := recover(); r != nil { // want `recover in the body of main, not in a deferred function, always returns nil`
		log.Print(r)
	}
}

func init() { // want init:"recovers"
	if r := recover(); r != nil { // want `recover in the body of init`
		log.Print(r)
	}
}
