package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// update rewrites the expected output kept in the scripts' archives:
// go test ./cmd/nest -update
var update = flag.Bool("update", false, "update the expected output in testdata/script/*.txtar")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"nest": func() { os.Exit(run(os.Args[1:], systemStreams())) },
	})
}

// TestScript runs the end-to-end scripts in testdata/script, one per
// behaviour. Besides testscript's own commands they have:
//
//	exitcode N PROG [ARG...]   run PROG and require exit status N exactly
//	bigfile NAME SIZE          write a file of SIZE bytes that starts as YAML
//	unhex FILE...              replace each \xHH in FILE with that byte
//	replace OLD NEW FILE       replace every OLD in FILE with NEW
//
// the variables $EXAMPLES (the folder of shipped examples), $SCHEMA_FILE
// (the published schema) and $HOOK (the git pre-commit hook the README
// gives), and the condition [root], true when running as
// root, who can read a file whatever its mode.
func TestScript(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                "testdata/script",
		UpdateScripts:      *update,
		RequireUniqueNames: true,
		Setup: func(env *testscript.Env) error {
			// The shipped examples, which must always validate, and the
			// published schema, which nest schema must print unchanged.
			for name, path := range map[string]string{
				"EXAMPLES":    filepath.Join("..", "..", "examples"),
				"SCHEMA_FILE": filepath.Join("..", "..", "schema", "nest.schema.json"),
				"HOOK":        filepath.Join("..", "..", ".githooks", "pre-commit"),
			} {
				abs, err := filepath.Abs(path)
				if err != nil {
					return err
				}
				env.Setenv(name, abs)
			}
			return nil
		},
		Condition: func(cond string) (bool, error) {
			switch cond {
			case "root":
				return os.Geteuid() == 0, nil
			}
			return false, fmt.Errorf("unknown condition %q", cond)
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"exitcode": cmdExitCode,
			"bigfile":  cmdBigFile,
			"unhex":    cmdUnhex,
			"replace":  cmdReplace,
		},
	})
}

// cmdExitCode runs a program and checks its exact exit status, which
// testscript's "! exec" cannot: nest's exit codes 1, 2 and 3 mean different
// things to the CI jobs that run it. Its output is kept for stdout, stderr
// and cmp, as after exec.
func cmdExitCode(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("unsupported: ! exitcode")
	}
	if len(args) < 2 {
		ts.Fatalf("usage: exitcode N program [args...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exitcode: %q is not a number", args[0])
	}
	err = ts.Exec(args[1], args[2:]...)
	got := 0
	if err != nil {
		var exit *exec.ExitError
		if !errors.As(err, &exit) {
			ts.Fatalf("exitcode: %v", err)
		}
		got = exit.ExitCode()
	}
	if got != want {
		ts.Fatalf("%s exited with status %d, want %d", args[1], got, want)
	}
}

// cmdBigFile writes a file of exactly SIZE bytes: a valid start of a NEST
// file, then comment lines. Such a file is too big to keep in an archive.
func cmdBigFile(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: bigfile NAME SIZE")
	}
	const start = "nest: 1\n"
	size, err := strconv.Atoi(args[1])
	if err != nil || size < len(start) {
		ts.Fatalf("bigfile: bad size %q", args[1])
	}
	var b strings.Builder
	b.Grow(size)
	b.WriteString(start)
	line := "# " + strings.Repeat("x", 77) + "\n"
	for b.Len()+len(line) <= size {
		b.WriteString(line)
	}
	b.WriteString(strings.Repeat("#", size-b.Len()))
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), []byte(b.String()), 0o666))
}

var hexByte = regexp.MustCompile(`\\x[0-9a-fA-F]{2}`)

// cmdUnhex lets an archive hold bytes that are not text: each \xHH in the
// file becomes the byte HH.
func cmdUnhex(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) == 0 {
		ts.Fatalf("usage: unhex FILE...")
	}
	for _, name := range args {
		path := ts.MkAbs(name)
		data, err := os.ReadFile(path)
		ts.Check(err)
		data = hexByte.ReplaceAllFunc(data, func(m []byte) []byte {
			v, _ := strconv.ParseUint(string(m[2:]), 16, 8)
			return []byte{byte(v)}
		})
		ts.Check(os.WriteFile(path, data, 0o666))
	}
}

// cmdReplace edits a file as a person would in an editor: every OLD
// becomes NEW. It fails when OLD is not there, so a script never tests an
// edit that did not happen.
func cmdReplace(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: replace OLD NEW FILE")
	}
	path := ts.MkAbs(args[2])
	data, err := os.ReadFile(path)
	ts.Check(err)
	if !strings.Contains(string(data), args[0]) {
		ts.Fatalf("replace: %s has no %q", args[2], args[0])
	}
	ts.Check(os.WriteFile(path, []byte(strings.ReplaceAll(string(data), args[0], args[1])), 0o666))
}
