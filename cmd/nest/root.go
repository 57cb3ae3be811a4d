package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"regexp"
	"runtime/debug"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/nest-nyth/nest/assessment"
	"github.com/nest-nyth/nest/internal/files"
	"github.com/nest-nyth/nest/internal/text"
	"github.com/nest-nyth/nest/schema"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
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
func (s *streams) exitStatus(ok, findings string) string {
	w := s.words
	out := "\n" + w.Say("cli.help.exit") + "\n  0  " + ok
	if findings != "" {
		out += "\n  1  " + findings
	}
	return out + "\n  2  " + w.Say("cli.help.exit.2") + "\n  3  " + w.Say("cli.help.exit.3")
}

// help prints a command's help with its EXIT STATUS last, after usage and
// flags, where people and man pages look for it.
func (s *streams) help(cmd *cobra.Command, _ []string) {
	heading := s.words.Say("cli.help.exit")
	long, exits, _ := strings.Cut(cmd.Long, "\n"+heading+"\n")
	var b strings.Builder
	if long = strings.TrimSpace(long); long == "" {
		long = cmd.Short
	}
	b.WriteString(long + "\n\n")
	if cmd.Runnable() || cmd.HasSubCommands() {
		cmd.SetUsageTemplate(s.usageTemplate(cmd))
		b.WriteString(cmd.UsageString())
	}
	if exits != "" {
		b.WriteString("\n" + heading + "\n" + exits + "\n")
	}
	_, _ = io.WriteString(cmd.OutOrStdout(), b.String())
}

// usageTemplate is cobra's usage for cmd in nest's words: its headings,
// the line that shows how to run it, and its flags, each with what it
// takes and its default (pflag's own listing says "string" and
// "(default ...)" in English). What is cmd's own is written into the
// template as quoted text.
func (s *streams) usageTemplate(cmd *cobra.Command) string {
	w := s.words
	quote := func(t string) string { return "{{" + strconv.Quote(strings.TrimRight(t, " \n")) + "}}" }
	use := cmd.CommandPath() + strings.TrimPrefix(cmd.Use, cmd.Name())
	if cmd.HasAvailableFlags() {
		use += " " + w.Say("cli.help.use.flags")
	}
	sub := cmd.CommandPath() + " " + w.Say("cli.help.use.command")
	return w.Say("cli.help.usage") + `:{{if .Runnable}}
  ` + quote(use) + `{{end}}{{if .HasAvailableSubCommands}}
  ` + quote(sub) + `{{end}}{{if gt (len .Aliases) 0}}

` + w.Say("cli.help.aliases") + `:
  {{.NameAndAliases}}{{end}}{{if .HasExample}}

` + w.Say("cli.help.examples") + `:
{{.Example}}{{end}}{{if .HasAvailableSubCommands}}

` + w.Say("cli.help.commands") + `:{{range .Commands}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

` + w.Say("cli.help.flags") + `:
` + quote(s.flagUsages(cmd.LocalFlags())) + `{{end}}{{if .HasAvailableInheritedFlags}}

` + w.Say("cli.help.global") + `:
` + quote(s.flagUsages(cmd.InheritedFlags())) + `{{end}}{{if .HasAvailableSubCommands}}

` + w.Say("cli.help.more") + `{{end}}
`
}

// flagUsages lists flags as pflag does, aligned the same way, in nest's
// words: what a flag takes ("string", "int") and its default.
func (s *streams) flagUsages(fs *pflag.FlagSet) string {
	w := s.words
	type row struct{ left, usage string }
	var rows []row
	width := 0
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		left := "      --" + f.Name
		if f.Shorthand != "" && f.ShorthandDeprecated == "" {
			left = "  -" + f.Shorthand + ", --" + f.Name
		}
		takes, usage := pflag.UnquoteUsage(f)
		if takes != "" {
			if w.Has("cli.help.type." + takes) {
				takes = w.Say("cli.help.type." + takes)
			}
			left += " " + takes
		}
		switch f.DefValue {
		case "", "0", "false", "[]":
		default:
			d := f.DefValue
			if f.Value.Type() == "string" {
				d = strconv.Quote(d)
			}
			usage += " " + w.Say("cli.help.default", d)
		}
		rows = append(rows, row{left, usage})
		width = max(width, utf8.RuneCountInString(left)+1)
	})
	var b strings.Builder
	for _, r := range rows {
		fmt.Fprintln(&b, r.left, strings.Repeat(" ", width-utf8.RuneCountInString(r.left)), r.usage)
	}
	return b.String()
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
	// lang is the language nest speaks (cy, en, or cy+en for a bilingual
	// report), words its words; run sets them before anything is said.
	lang  string
	words *assessment.Words
}

func systemStreams() *streams {
	return &streams{In: os.Stdin, Out: os.Stdout, Err: os.Stderr, OutTTY: isTerminal(os.Stdout), InTTY: isTerminal(os.Stdin), ErrTTY: isTerminal(os.Stderr), Env: os.Getenv}
}

// isTerminal reports whether f is a terminal. A character device is not
// enough: /dev/null is one.
func isTerminal(f *os.File) bool { return term.IsTerminal(f.Fd()) }

// pflag's errors, to be said in nest's words: the flag, and for a value
// that is not one, the value and whether it is a number that was wanted.
var (
	flagUnknown = regexp.MustCompile(`^unknown (?:shorthand )?flag: (.+)$`)
	flagNeeds   = regexp.MustCompile(`^flag needs an argument: (.+)$`)
	flagInvalid = regexp.MustCompile(`^invalid argument "(.*)" for "(.+)" flag: (.*)$`)
)

// flagError says what was wrong with a flag, in nest's words, for a
// coordinator: never Go's own ("strconv.ParseInt: parsing ...").
func (s *streams) flagError(err error) string {
	w, msg := s.words, err.Error()
	if m := flagUnknown.FindStringSubmatch(msg); m != nil {
		return w.Say("cli.flag.unknown", flagName(m[1]))
	}
	if m := flagNeeds.FindStringSubmatch(msg); m != nil {
		return w.Say("cli.flag.needs", flagName(m[1]))
	}
	if m := flagInvalid.FindStringSubmatch(msg); m != nil {
		switch {
		case strings.Contains(m[3], "strconv.ParseBool"):
			return w.Say("cli.flag.bool", m[1], m[2])
		case strings.Contains(m[3], "strconv."):
			return w.Say("cli.flag.number", m[1], m[2])
		}
		return w.Say("cli.flag.invalid", m[1], m[2], m[3])
	}
	return msg
}

// flagName is the flag as typed, from pflag's naming of it: "--format",
// or for a short flag ("'o' in -xo") the one letter, "-o".
func flagName(s string) string {
	if m := shortFlag.FindStringSubmatch(s); m != nil {
		return "-" + m[1]
	}
	return strings.Trim(s, "'")
}

var shortFlag = regexp.MustCompile(`^'(.+)' in -\S*$`)

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
	w := s.words
	root := &cobra.Command{
		Use:           "nest",
		Short:         w.Say("cli.root.short"),
		Long:          w.Say("cli.root.long") + "\n" + s.exitStatus(w.Say("cli.root.exit.0"), w.Say("cli.root.exit.1")),
		Version:       version(),
		SilenceErrors: true,
		SilenceUsage:  true,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return nil
			}
			msg := w.Say("cli.root.unknown", args[0])
			if sug := cmd.SuggestionsFor(args[0]); len(sug) > 0 {
				msg += w.Say("cli.did.you.mean", sug[0])
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
	root.SetHelpFunc(s.help)
	root.SuggestionsMinimumDistance = 2
	root.SetVersionTemplate(w.Say("cli.version", "{{.Version}}") + "\n")
	root.InitDefaultVersionFlag()
	root.Flags().Lookup("version").Usage = w.Say("cli.flag.version")
	root.SetHelpCommand(&cobra.Command{
		Use:   "help " + w.Say("cli.help.use.help"),
		Short: w.Say("cli.help.short"),
		RunE: func(c *cobra.Command, args []string) error {
			if len(args) == 0 {
				return root.Help()
			}
			target, _, err := root.Find(args)
			if err != nil || target == root {
				msg := w.Say("cli.help.unknown", strings.Join(args, " "))
				if sug := root.SuggestionsFor(args[0]); len(sug) > 0 {
					msg += w.Say("cli.did.you.mean", sug[0])
				}
				return &cmdError{code: exitUsage, msg: msg, hints: []string{w.Say("cli.help.unknown.hint")}}
			}
			return target.Help()
		},
	})
	root.PersistentFlags().String("lang", "", w.Say("cli.flag.lang"))
	root.PersistentFlags().BoolP("help", "h", false, w.Say("cli.flag.help"))
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return &cmdError{code: exitUsage, msg: s.flagError(err)}
	})
	root.AddCommand(newAssessCmd(s), newValidateCmd(s), newAggregateCmd(s), newSummaryCmd(s), newDraftCmd(s), newSchemaCmd(s), newInitCmd(s), newCatalogueCmd(s))
	root.CompletionOptions.HiddenDefaultCmd = true
	return root
}

// noArgs refuses arguments to a command that takes none.
func (s *streams) noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usagef("%s", s.words.Say("cli.no.args", cmd.CommandPath()))
	}
	return nil
}

// run runs nest with args and returns the exit code. Errors are printed
// once, here, in the house style: "nest: error: ..." then hints. A panic is
// a bug in nest: it is reported as one, never as a stack trace.
func run(args []string, s *streams) (code int) {
	defer func() {
		if r := recover(); r != nil {
			w := s.words
			if w == nil {
				w = assessment.English
			}
			sayf(s.Err, "nest: %s: %v\n", w.Say("cli.internal"), fmt.Sprint(r))
			fmt.Fprintf(s.Err, "nest: %s: %s\n", w.Say("cli.hint"), w.Say("cli.internal.hint", version()))
			code = exitFailure
		}
	}()
	lang, bad, wrong := language(args, s.Env)
	s.lang, s.words = lang, wordsOf(lang)
	if wrong {
		sayf(s.Err, "nest: %s: %s\n", s.words.Say("cli.error"), s.words.Say("cli.lang.bad", bad))
		return exitUsage
	}
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
	w := s.words
	if ce.msg != "" {
		sayf(s.Err, "nest: %s: %s\n", w.Say("cli.error"), ce.msg)
	}
	for _, h := range ce.hints {
		sayf(s.Err, "nest: %s: %s\n", w.Say("cli.hint"), h)
	}
	if ce.code == exitUsage && len(ce.hints) == 0 {
		fmt.Fprintf(s.Err, "nest: %s: %s\n", w.Say("cli.hint"), w.Say("cli.usage.hint", cmd.CommandPath()))
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
		switch {
		case errors.Is(err, files.ErrTooLarge):
			return nil, schema.ErrTooLarge
		case err != nil:
			return nil, worded{s.fileError(err), err}
		}
		return data, nil
	}
}

// fileError says why a path could not be used, in nest's words.
func (s *streams) fileError(err error) string {
	for _, e := range []struct {
		err error
		key string
	}{
		{files.ErrLinkBack, "cli.file.linkback"}, {files.ErrNotExist, "cli.file.missing"},
		{files.ErrPermission, "cli.file.permission"}, {files.ErrLinkLoop, "cli.file.loop"},
		{files.ErrIsFolder, "cli.file.folder"}, {files.ErrNotRegular, "cli.file.notregular"},
		{files.ErrTooLarge, "cli.file.large"},
		// The system's own errors, where a command reads or writes a file
		// itself.
		{fs.ErrNotExist, "cli.file.missing"}, {fs.ErrPermission, "cli.file.permission"},
	} {
		if errors.Is(err, e.err) {
			return s.words.Say(e.key)
		}
	}
	return err.Error() // the system's own words: nest has none better
}

// worded is an error said in nest's words, which is still the error it
// says.
type worded struct {
	msg string
	err error
}

func (w worded) Error() string { return w.msg }
func (w worded) Unwrap() error { return w.err }

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
		return nil, fail(exitUsage, s.words.Say("cli.epoch.bad", v), s.words.Say("cli.epoch.hint"))
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
