package main

import (
	"os"
	"runtime"
	"runtime/pprof"
	"testing"
)

func TestProfAlloc(t *testing.T) {
	runtime.MemProfileRate = 64 << 10
	var a, b runtime.MemStats
	runtime.ReadMemStats(&a)
	nest(t, "", nil, "aggregate", "/tmp/stall/f10k", "-o", "/tmp/stall/e.pdf")
	runtime.ReadMemStats(&b)
	t.Logf("allocated %d MB, %d objects", (b.TotalAlloc-a.TotalAlloc)>>20, b.Mallocs-a.Mallocs)
	f, _ := os.Create("/tmp/stall/alloc.prof")
	_ = pprof.Lookup("allocs").WriteTo(f, 0)
	_ = f.Close()
}
