package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/nest-nyth/nest/assessment"
	"github.com/nest-nyth/nest/internal/files"
	"github.com/nest-nyth/nest/internal/text"
	"github.com/nest-nyth/nest/schema"

	"github.com/charmbracelet/x/term"
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
// mean there (1 is left out when findings is ""), then the two codes every
// command shares. The help prints it last, after the flags.
func exitStatus(ok, findings string) string {
	s := "\n" + exitHeading + "\n  0  " + ok
	if findings != "" && findings != "not used" {
		s += "\n  1  " + findings
	}
	return s + `
  2  usage error: a wrong flag or argument
  3  could not run: for example, a file could not be read or written`
}

const exitHeading = "EXIT STATUS"

var exitStatusHelp = exitStatus("done", "problems found in the files (validate, aggregate, assess)")

// help prints a command's help with its EXIT STATUS last, after usage and
// flags, where people and man pages look for it.
func help(cmd *cobra.Command, _ []string) {
	long, exits, _ := strings.Cut(cmd.Long, "\n"+exitHeading+"\n")
	var b strings.Builder
	if long = strings.TrimSpace(long); long == "" {
		long = cmd.Short
	}
	b.WriteString(long + "\n\n")
	if cmd.Runnable() || cmd.HasSubCommands() {
		b.WriteString(cmd.UsageString())
	}
	if exits != "" {
		b.WriteString("\n" + exitHeading + "\n" + exits + "\n")
	}
	_, _ = io.WriteString(cmd.OutOrStdout(), b.String())
}

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

// isTerminal reports whether f is a terminal. A character device is not
// enough: /dev/null is one.
func isTerminal(f *os.File) bool { return term.IsTerminal(f.Fd()) }

// goWords is how pflag passes on strconv's errors, which mean nothing to a
// coordinator.
var goWords = regexp.MustCompile(`: strconv\.\w+: parsing "[^"]*": (invalid syntax|value out of range)`)

// cmdError ends a command: its message and hints, printed once by run in
// the house style ("nest: error: ...", "nest: hint: ..."), and the exit
// status. A command that has said what it had to leaves msg empty.
type cmdError struct {
	code  int
	msg   string
	hints []string
}

func (e *cmdError) Error() string {
	if e.msg == "" {
		return fmt.Sprintf("exit %d", e.code)
	}
	return e.msg
}

// fail ends a command with an exit status, a message and hints.
func fail(code int, msg string, hints ...string) error {
	return &cmdError{code: code, msg: msg, hints: hints}
}

// exit ends a command with an exit status, having said what it had to.
func exit(code int) error { return &cmdError{code: code} }

// usagef is a mistake on the command line: exit 2, with a hint to --help.
func usagef(format string, args ...any) error {
	return &cmdError{code: exitUsage, msg: fmt.Sprintf(format, args...)}
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
			return &cmdError{code: exitUsage, msg: msg}
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return cmd.Help()
		},
	}
	root.SetIn(s.In)
	root.SetOut(s.Out)
	root.SetErr(s.Err)
	root.SetHelpFunc(help)
	root.SuggestionsMinimumDistance = 2
	root.SetHelpCommand(&cobra.Command{
		Use:   "help [COMMAND]",
		Short: "Help about any command",
		RunE: func(c *cobra.Command, args []string) error {
			if len(args) == 0 {
				return root.Help()
			}
			target, _, err := root.Find(args)
			if err != nil || target == root {
				msg := fmt.Sprintf("no help for %q: it is not a command of nest", strings.Join(args, " "))
				if s := root.SuggestionsFor(args[0]); len(s) > 0 {
					msg += fmt.Sprintf(": did you mean %q?", s[0])
				}
				return &cmdError{code: exitUsage, msg: msg, hints: []string{"run 'nest --help' to see the commands"}}
			}
			return target.Help()
		},
	})
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return &cmdError{code: exitUsage, msg: goWords.ReplaceAllString(err.Error(), ": not a whole number")}
	})
	root.AddCommand(newAssessCmd(s), newValidateCmd(s), newAggregateCmd(s), newSummaryCmd(s), newDraftCmd(s), newSchemaCmd(s), newInitCmd(s))
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
// once, here, in the house style: "nest: error: ..." then hints. A panic is
// a bug in nest: it is reported as one, never as a stack trace.
func run(args []string, s *streams) (code int) {
	defer func() {
		if r := recover(); r != nil {
			sayf(s.Err, "nest: internal error: %v\n", fmt.Sprint(r))
			fmt.Fprintf(s.Err, "nest: hint: this is a bug in nest %s; please report it with the command you ran and, if you can, the file it read\n", version())
			code = exitFailure
		}
	}()
	root := newRootCmd(s)
	root.SetArgs(args)
	cmd, err := root.ExecuteC()
	if err == nil {
		return exitOK
	}
	var ce *cmdError
	if !errors.As(err, &ce) {
		ce = &cmdError{code: exitFailure, msg: err.Error()}
		if strings.HasPrefix(err.Error(), "unknown command") || strings.HasPrefix(err.Error(), "unknown flag") ||
			strings.HasPrefix(err.Error(), "unknown shorthand flag") {
			ce.code = exitUsage
		}
	}
	if ce.msg != "" {
		sayf(s.Err, "nest: error: %s\n", ce.msg)
	}
	for _, h := range ce.hints {
		sayf(s.Err, "nest: hint: %s\n", h)
	}
	if ce.code == exitUsage && len(ce.hints) == 0 {
		fmt.Fprintf(s.Err, "nest: hint: run '%s --help' for usage\n", cmd.CommandPath())
	}
	return ce.code
}

// nonEmpty drops empty strings: hints that a caller may leave out.
func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// reader reads the files nest checks, standard input for "-", refusing
// more than a NEST file may hold without reading it all.
func reader(s *streams) schema.Reader {
	return func(name string) ([]byte, error) {
		data, err := files.Read(name, s.In, assessment.MaxFileSize)
		if errors.Is(err, files.ErrTooLarge) {
			return nil, schema.ErrTooLarge
		}
		return data, err
	}
}

// sourceDate reads SOURCE_DATE_EPOCH, the reproducible-builds convention
// for "the time to use instead of now": nil when it is not set. A value
// that is not a time is an error, not silently ignored: the person set it
// to make output repeatable.
func sourceDate(s *streams) (*time.Time, error) {
	v := s.Env("SOURCE_DATE_EPOCH")
	if v == "" {
		return nil, nil
	}
	sec, err := strconv.ParseInt(v, 10, 64)
	t := time.Unix(sec, 0).UTC()
	if err != nil || sec < 0 || t.Year() > 9999 {
		return nil, fail(exitUsage, fmt.Sprintf("SOURCE_DATE_EPOCH=%q is not a time nest can use", v),
			"set it to a number of seconds since 1970-01-01 UTC (such as $(git log -1 --format=%ct)), or unset it")
	}
	return &t, nil
}

// sayf prints a message for people. Every value in it that came from
// outside (a path, a file's words, an error naming either) is made safe to
// show in a terminal first: a newline in a file name cannot forge another
// line, nor an escape sequence take over the screen.
func sayf(w io.Writer, format string, args ...any) {
	for i, a := range args {
		switch v := a.(type) {
		case string:
			args[i] = text.Safe(v)
		case error:
			args[i] = text.Safe(v.Error())
		case fmt.Stringer:
			args[i] = text.Safe(v.String())
		}
	}
	fmt.Fprintf(w, format, args...)
}

// clock is the time now, or SOURCE_DATE_EPOCH when it is set, so that runs
// can be repeated byte for byte.
func clock(s *streams) (time.Time, error) {
	t, err := sourceDate(s)
	if err != nil || t == nil {
		return time.Now(), err
	}
	return *t, nil
}

// today is the date now, YYYY-MM-DD, as clock gives it.
func today(s *streams) (string, error) {
	t, err := clock(s)
	return t.Format(time.DateOnly), err
}
