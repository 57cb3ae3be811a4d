package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// nest runs nest in-process with the given standard input and
// environment, giving up after a while: a command that hangs is a failure.
func nest(t *testing.T, stdin string, env map[string]string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errs bytes.Buffer
	done := make(chan int, 1)
	go func() {
		done <- run(args, &streams{In: strings.NewReader(stdin), Out: &out, Err: &errs, Env: func(k string) string { return env[k] }})
	}()
	select {
	case code = <-done:
	case <-time.After(20 * time.Second):
		t.Fatalf("nest %q did not finish within 20 s", args)
	}
	return code, out.String(), errs.String()
}

// A file's name or value cannot forge findings or take over the terminal:
// every line of the text format is one finding, and no control character
// reaches the output.
func TestNoInjectionIntoOutput(t *testing.T) {
	dir := t.TempDir()
	evil := "gwent.yaml\npowys.yaml:1:1: error: forged [x]\n::error file=x::forged\x1b]0;pwned\x07\x1b[2J\u202e.yaml"
	if err := os.WriteFile(filepath.Join(dir, evil), []byte("nest: 1\nregion: gwent\nyear: !!int \"20\\n::error::forged\\x1b[2J\"\n"), 0o644); err != nil {
		t.Skipf("this file system refuses such a name: %v", err)
	}
	line := regexp.MustCompile(`^\S.*:\d+:\d+: (error|warning): .* \[[a-z-]+\]$`)
	for _, format := range []string{"text", "github"} {
		_, stdout, stderr := nest(t, "", nil, "validate", "--format", format, dir)
		for _, l := range strings.Split(strings.TrimSuffix(stdout, "\n"), "\n") {
			if format == "text" && !line.MatchString(l) {
				t.Errorf("%s: a line that is not a finding: %q", format, l)
			}
			if format == "github" && !strings.HasPrefix(l, "::error file=") && !strings.HasPrefix(l, "::warning file=") {
				t.Errorf("%s: a line that is not an annotation: %q", format, l)
			}
		}
		for _, out := range []string{stdout, stderr} {
			if strings.ContainsAny(out, "\x1b\x07\r\u202e") {
				t.Errorf("%s: a control character reached the output: %q", format, out)
			}
		}
	}
	_, _, stderr := nest(t, "", nil, "aggregate", dir, "-o", filepath.Join(t.TempDir(), "r.pdf"))
	if strings.ContainsAny(stderr, "\x1b\x07\r\u202e") || strings.Contains(stderr, "\npowys.yaml") {
		t.Errorf("aggregate's messages carry the file name raw: %q", stderr)
	}
}

// A named pipe, named or met as a .yaml entry, is a finding at once, never
// waited on, in validate and aggregate.
func TestPipesAreNotOpened(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.yaml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	code, stdout, _ := nest(t, "", nil, "validate", fifo)
	if code != exitFailure || !strings.Contains(stdout, "pipe.yaml:1:1: error: cannot read: not a regular file") {
		t.Errorf("validate of a pipe: exit %d, %q", code, stdout)
	}
	code, stdout, _ = nest(t, "", nil, "validate", dir)
	if code != exitFailure || !strings.Contains(stdout, "not a regular file") {
		t.Errorf("validate of a folder holding a pipe: exit %d, %q", code, stdout)
	}
	code, _, stderr := nest(t, "", nil, "aggregate", dir, "-o", filepath.Join(t.TempDir(), "r.pdf"))
	if code != exitFailure || !strings.Contains(stderr, "not a regular file") {
		t.Errorf("aggregate of a pipe: exit %d, %q", code, stderr)
	}
}

// Of many nest init runs racing to write one file, one wins and the rest
// exit 3 having written nothing.
func TestInitRace(t *testing.T) {
	path := filepath.Join(t.TempDir(), "2024-gwent.yaml")
	const n = 16
	codes := make(chan int, n)
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			code, _, _ := nest(t, "", nil, "init", "--region", "gwent", "--year", "2024", "-o", path)
			codes <- code
		}()
	}
	wg.Wait()
	close(codes)
	won := 0
	for c := range codes {
		switch c {
		case exitOK:
			won++
		case exitFailure:
		default:
			t.Errorf("exit %d", c)
		}
	}
	if won != 1 {
		t.Errorf("%d runs reported writing the file, want 1", won)
	}
}

// The same files give the same report bytes however their paths are typed
// (relative, absolute, ./ and ..) and in whatever order nested folders are
// named; same-named files in two folders are told apart without the rest
// of their paths; an emoji in a file's name is no trouble.
func TestReportBytesDoNotDependOnPaths(t *testing.T) {
	root := t.TempDir()
	for _, dir := range []string{"a", "b", filepath.Join("a", "inner")} {
		if err := os.MkdirAll(filepath.Join(root, dir), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	copyExample := func(example, to string) {
		data, err := os.ReadFile(filepath.Join("..", "..", "examples", "2024", "regions", example))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(root, to), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	copyExample("gwent.yaml", "a/region 🙂.yaml")
	copyExample("powys.yaml", "b/region 🙂.yaml")
	copyExample("north-wales.yaml", "a/inner/north-wales.yaml")
	t.Chdir(root)
	var reports [][]byte
	for i, args := range [][]string{
		{"a", "b"},
		{filepath.Join(root, "b"), filepath.Join(root, "a")},
		{"./a/", "a/inner", "b/../b"},
		{"a/inner", "a", "b"},
	} {
		out := filepath.Join(t.TempDir(), "r.json")
		code, _, stderr := nest(t, "", nil, append([]string{"aggregate", "--format", "json", "--edition", "internal", "-o", out, "--date", "2024-11-30"}, args...)...)
		if code != exitOK {
			t.Fatalf("%v: exit %d\n%s", args, code, stderr)
		}
		data, _ := os.ReadFile(out)
		reports = append(reports, data)
		if i > 0 && !bytes.Equal(data, reports[0]) {
			t.Errorf("%v gives other bytes than %v", args, [][]string{{"a", "b"}})
		}
		pdf := filepath.Join(t.TempDir(), "r.pdf")
		if code, _, stderr := nest(t, "", nil, append([]string{"aggregate", "-o", pdf}, args...)...); code != exitOK {
			t.Fatalf("%v to PDF: exit %d\n%s", args, code, stderr)
		}
	}
	for _, want := range []string{`"file": "a/region 🙂.yaml"`, `"file": "b/region 🙂.yaml"`, `"file": "inner/north-wales.yaml"`} {
		if !bytes.Contains(reports[0], []byte(want)) {
			t.Errorf("the JSON lacks %s", want)
		}
	}
	if bytes.Contains(reports[0], []byte(root)) {
		t.Error("the report names the folders above the ones given")
	}
}
