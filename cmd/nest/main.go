// Command nest checks and reports on NEST/NYTH self-assessments.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], systemStreams()))
}
