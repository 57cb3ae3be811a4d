package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
)

// Exit codes, the same for every command.
const (
	exitOK       = 0 // done; files valid (warnings allowed)
	exitFindings = 1 // problems found in the files
	exitUsage    = 2 // the command line was wrong
	exitFailure  = 3 // could not run: a file could not be written, or similar
)

// exitStatus is the EXIT STATUS section of a command's help: what 0 and 1
// mean there, then the two codes every command shares.
func exitStatus(ok, findings string) string {
	return "\nEXIT STATUS\n  0  " + ok + "\n  1  " + findings + `
  2  usage error: a wrong flag or argument
  3  could not run: for example, a file could not be read or written`
}

var exitStatusHelp = exitStatus("done", "problems found in the files")

// streams are where a command reads and writes; tests pass buffers.
type streams struct {
	In     io.Reader
	Out    io.Writer
	Err    io.Writer
	OutTTY bool // standard output is a terminal: colour is allowed
	InTTY  bool // standard input is a terminal
	ErrTTY bool // standard error is a terminal: the form can draw there
	Env    func(string) string
}

func systemStreams() *streams {
	return &streams{In: os.Stdin, Out: os.Stdout, Err: os.Stderr, OutTTY: isTerminal(os.Stdout), InTTY: isTerminal(os.Stdin), ErrTTY: isTerminal(os.Stderr), Env: os.Getenv}
}

func isTerminal(f *os.File) bool {
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// goWords is how pflag passes on strconv's errors, which mean nothing to a
// coordinator.
var goWords = regexp.MustCompile(`: strconv\.\w+: parsing "[^"]*": (invalid syntax|value out of range)`)

// usageError is a mistake on the command line: exit 2, with a hint.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }

// exitError ends a command with a code, having said what it had to.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit %d", e.code) }

func usagef(format string, args ...any) error {
	return usageError{fmt.Errorf(format, args...)}
}

func version() string {
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "dev"
}

func newRootCmd(s *streams) *cobra.Command {
	root := &cobra.Command{
		Use:   "nest",
		Short: "Check and report on NEST/NYTH self-assessments",
		Long: `nest works with the NEST/NYTH self-assessments that Regional Partnership
Boards and their services make each year against the six NEST principles.

Each submission is a YAML file. nest assess asks the questions and writes
it; nest init writes a template to fill in by hand instead; nest validate
checks files against the published schema and rules.` + "\n" + exitStatusHelp,
		Version:       version(),
		SilenceErrors: true,
		SilenceUsage:  true,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return nil
			}
			msg := fmt.Sprintf("unknown command %q for nest", args[0])
			if s := cmd.SuggestionsFor(args[0]); len(s) > 0 {
				msg += fmt.Sprintf(": did you mean %q?", s[0])
			}
			return usageError{errors.New(msg)}
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return cmd.Help()
		},
	}
	root.SetIn(s.In)
	root.SetOut(s.Out)
	root.SetErr(s.Err)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return usageError{errors.New(goWords.ReplaceAllString(err.Error(), ": not a whole number"))}
	})
	root.AddCommand(newAssessCmd(s), newValidateCmd(s), newAggregateCmd(s), newSchemaCmd(s), newInitCmd(s))
	root.CompletionOptions.HiddenDefaultCmd = true
	return root
}

func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usagef("%q takes no arguments", cmd.CommandPath())
	}
	return nil
}

// run runs nest with args and returns the exit code. Errors are printed
// once, here, in the house style: "nest: error: ..." then a hint.
func run(args []string, s *streams) int {
	root := newRootCmd(s)
	root.SetArgs(args)
	cmd, err := root.ExecuteC()
	if err == nil {
		return exitOK
	}
	var exit exitError
	if errors.As(err, &exit) {
		return exit.code
	}
	var usage usageError
	if errors.As(err, &usage) || strings.HasPrefix(err.Error(), "unknown command") || strings.HasPrefix(err.Error(), "unknown flag") {
		fmt.Fprintf(s.Err, "nest: error: %s\n", err)
		fmt.Fprintf(s.Err, "nest: hint: run '%s --help' for usage\n", cmd.CommandPath())
		return exitUsage
	}
	fmt.Fprintf(s.Err, "nest: error: %s\n", err)
	return exitFailure
}
