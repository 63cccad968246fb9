package deep

import (
	"log"
	"os"
	"testing"
)

func TestMain(m *testing.M) { // want TestMain:"exits"
	os.Exit(m.Run()) // quiet: TestMain decides the exit status
}

func Example() {
	if _, err := os.ReadFile("x"); err != nil {
		log.Fatal(err) // quiet: an example stands for a main function
	}
}

func ExampleLoadConfig() {
	if _, err := os.ReadFile("x"); err != nil {
		log.Fatal(err) // quiet: an example stands for a main function
	}
}

// Not an example: lower case after the prefix.
func Exampleish() { // want Exampleish:"exits"
	log.Fatal("x") // want `^log\.Fatal in Exampleish terminates the process outside main`
}

func helperInTest(t *testing.T) { // want helperInTest:"exits"
	os.Exit(1) // want `^os\.Exit in helperInTest terminates the process outside main`
}
