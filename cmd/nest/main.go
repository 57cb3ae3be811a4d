// Command nest checks and reports on NEST/NYTH self-assessments.
package main

import (
	"math"
	"os"
	"runtime/debug"
	"runtime/metrics"
	"time"
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
// at Go's pace under a soft limit while what it keeps is small, which
// keeps 10,000 services under 128 MB at little cost; past that, a limit
// close to what is kept would have the collector run without pause
// (50,000 services took 76 s that way, against 11 s), so it collects
// every 30% of growth instead (see tighten).
func tune(args []string) {
	for _, a := range args {
		switch a {
		case "validate":
			debug.SetGCPercent(200)
			debug.SetMemoryLimit(40 << 20)
			return
		case "aggregate":
			debug.SetMemoryLimit(aggregateLimit)
			go tighten(aggregateLive)
			return
		}
	}
}

// aggregate's soft limit, and the live heap past which it collects every
// 30% of growth instead. Measured with bash bench/aggregate.sh: 10,000
// services stay under aggregateLive.
const (
	aggregateLimit = 105 << 20
	aggregateLive  = 80 << 20
)

// tighten watches the live heap and, once it passes live, has the
// collector run every 30% of growth with no limit.
func tighten(live uint64) {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	for range time.Tick(5 * time.Millisecond) {
		metrics.Read(s)
		if s[0].Value.Kind() == metrics.KindUint64 && s[0].Value.Uint64() > live {
			debug.SetGCPercent(30)
			debug.SetMemoryLimit(math.MaxInt64)
			return
		}
	}
}
