// Command nest checks and reports on NEST/NYTH self-assessments.
package main

import (
	"os"
	"runtime/debug"
)

func main() {
	tune(os.Args[1:])
	os.Exit(run(os.Args[1:], systemStreams()))
}

// tune sets the process-wide memory settings, here and nowhere else, for
// the command about to run. Checking files makes short-lived garbage and
// keeps little: validate collects less often than Go's default, under a
// soft limit that keeps its peak flat however many files there are.
// aggregate keeps every file it reports on, and laying out a report makes
// much short-lived garbage (a compressor for every PDF page): it collects
// more often than the default, when the heap has grown by 30%, which keeps
// 10,000 services under 128 MB. A fixed limit would do that too, but
// makes the collector run without pause once the files kept pass it (50,000
// services took 76 s that way, against 11 s).
func tune(args []string) {
	for _, a := range args {
		switch a {
		case "validate":
			debug.SetGCPercent(200)
			debug.SetMemoryLimit(40 << 20)
			return
		case "aggregate":
			debug.SetGCPercent(30)
			return
		}
	}
}
