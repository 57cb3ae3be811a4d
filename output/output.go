// Package output prints the findings of nest validate in the formats CI
// systems read: text for people, JSON for scripts, GitHub Actions
// annotations, JUnit XML and SARIF. One file a format; the findings
// themselves come from package schema.
package output

import (
	"fmt"
	"io"
	"strings"

	"github.com/nest-nyth/nest/assessment"
	"github.com/nest-nyth/nest/internal/text"
	"github.com/nest-nyth/nest/schema"
)

// Formats are the names accepted by Report.Write.
var Formats = []string{"text", "json", "github", "junit", "sarif"}

// Report is the outcome of checking a set of files, ready to print.
type Report struct {
	Files    []string         // every file checked, and every path that could not be, sorted
	Missing  int              // how many of Files are paths that could not be used (missing, loops)
	Findings []schema.Finding // sorted with Sort
	Strict   bool             // warnings count as failures
	Version  string           // of nest, for SARIF
	// Words are the language people read: the summary, the text format's
	// severities, JUnit's and SARIF's descriptions (the findings' messages
	// are in the language schema was given). nil is English. What machines
	// read (JSON's fields, SARIF's levels, GitHub's commands, rule ids)
	// is the same in every language.
	Words *assessment.Words
}

// words are the report's words, English when it has none.
func (r *Report) words() *assessment.Words {
	if r.Words == nil {
		return assessment.English
	}
	return r.Words
}

// severity is the word for a finding's severity, for people.
func (r *Report) severity(f schema.Finding) string {
	if f.Severity == schema.Warning {
		return r.words().Say("messages.severity.warning")
	}
	return r.words().Say("messages.severity.error")
}

// line is a finding as Finding.String writes it, its severity in the
// report's language: file:line:col: severity: message [rule].
func (r *Report) line(f schema.Finding) string {
	return f.Location() + ": " + r.severity(f) + ": " + text.Safe(f.Message) + " [" + f.Rule + "]"
}

// Counts returns the number of errors and warnings.
func (r *Report) Counts() (errors, warnings int) {
	for _, f := range r.Findings {
		if f.Severity == schema.Error {
			errors++
		} else {
			warnings++
		}
	}
	return errors, warnings
}

// Failed reports whether the files should be rejected: any error, or any
// warning when strict.
func (r *Report) Failed() bool {
	e, w := r.Counts()
	return e > 0 || r.Strict && w > 0
}

// fails reports whether a finding counts as a failure.
func (r *Report) fails(f schema.Finding) bool {
	return f.Severity == schema.Error || r.Strict
}

// Write prints the report in one of Formats. color adds ANSI colour to the
// text format and is ignored by the others.
func (r *Report) Write(w io.Writer, format string, color bool) error {
	switch format {
	case "text":
		return r.writeText(w, color)
	case "json":
		return r.writeJSON(w)
	case "github":
		return r.writeGitHub(w)
	case "junit":
		return r.writeJUnit(w)
	case "sarif":
		return r.writeSARIF(w)
	}
	return fmt.Errorf("unknown format %q: use one of %s", format, strings.Join(Formats, ", "))
}

// Summary is one line saying what was found, for people, in the
// report's language.
func (r *Report) Summary() string {
	e, w := r.Counts()
	say := r.words()
	n := len(r.Files) - r.Missing
	files := say.Count("messages.summary.files", n, n)
	warnings := say.Count("messages.summary.warnings", w, w)
	var s string
	switch {
	case e == 0 && w == 0:
		s = say.Say("messages.summary.valid", files)
	case e == 0 && r.Strict:
		s = say.Say("messages.summary.strict", files, warnings)
	case e == 0:
		s = say.Say("messages.summary.warned", files, warnings)
	default:
		s = say.Say("messages.summary.found", files, say.Count("messages.summary.errors", e, e), warnings)
	}
	if r.Missing > 0 {
		s = say.Say("messages.summary.and.unreadable", s, say.Count("messages.summary.unreadable", r.Missing, r.Missing))
	}
	return s
}
