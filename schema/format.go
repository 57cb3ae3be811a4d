package schema

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Formats are the names accepted by Report.Write.
var Formats = []string{"text", "json", "github", "junit", "sarif"}

// Report is the outcome of checking a set of files, ready to print.
type Report struct {
	Files    []string  // every file checked, and every path that could not be, sorted
	Missing  int       // how many of Files are paths that could not be used (missing, loops)
	Findings []Finding // sorted with Sort
	Strict   bool      // warnings count as failures
	Version  string    // of nest, for SARIF
}

// Counts returns the number of errors and warnings.
func (r *Report) Counts() (errors, warnings int) {
	for _, f := range r.Findings {
		if f.Severity == Error {
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
func (r *Report) fails(f Finding) bool {
	return f.Severity == Error || r.Strict
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

// Summary is one line saying what was found, for people.
func (r *Report) Summary() string {
	e, w := r.Counts()
	files := plural(len(r.Files)-r.Missing, "file")
	var s string
	switch {
	case e == 0 && w == 0:
		s = fmt.Sprintf("%s checked: all valid", files)
	case e == 0 && r.Strict:
		s = fmt.Sprintf("%s checked: %s, which fail with --strict", files, plural(w, "warning"))
	case e == 0:
		s = fmt.Sprintf("%s checked: valid, with %s", files, plural(w, "warning"))
	default:
		s = fmt.Sprintf("%s checked: %s, %s", files, plural(e, "error"), plural(w, "warning"))
	}
	if r.Missing > 0 {
		s += fmt.Sprintf("; %s could not be read", plural(r.Missing, "path"))
	}
	return s
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

func (r *Report) writeText(w io.Writer, color bool) error {
	var b strings.Builder
	for _, f := range r.Findings {
		if !color {
			b.WriteString(f.String())
			b.WriteByte('\n')
			continue
		}
		sev := "\x1b[1;31merror\x1b[0m"
		if f.Severity == Warning {
			sev = "\x1b[1;33mwarning\x1b[0m"
		}
		loc := f.File
		if f.Line > 0 {
			loc += ":" + strconv.Itoa(f.Line) + ":" + strconv.Itoa(f.Column)
		}
		fmt.Fprintf(&b, "\x1b[1m%s\x1b[0m: %s: %s \x1b[2m[%s]\x1b[0m\n", loc, sev, f.Message, f.Rule)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

type jsonReport struct {
	Valid      bool      `json:"valid"`
	Files      int       `json:"files"`
	Unreadable int       `json:"unreadable"`
	Errors     int       `json:"errors"`
	Warnings   int       `json:"warnings"`
	Findings   []Finding `json:"findings"`
}

func (r *Report) writeJSON(w io.Writer) error {
	e, wn := r.Counts()
	out := jsonReport{Valid: !r.Failed(), Files: len(r.Files) - r.Missing, Unreadable: r.Missing, Errors: e, Warnings: wn, Findings: r.Findings}
	if out.Findings == nil {
		out.Findings = []Finding{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// GitHub Actions workflow commands: the data escapes %, CR and LF; property
// values escape those and : and , as well.
func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func ghProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

func (r *Report) writeGitHub(w io.Writer) error {
	var b strings.Builder
	for _, f := range r.Findings {
		level := "warning"
		if r.fails(f) {
			level = "error"
		}
		fmt.Fprintf(&b, "::%s file=%s", level, ghProperty(f.File))
		if f.Line > 0 {
			fmt.Fprintf(&b, ",line=%d,col=%d", f.Line, f.Column)
		}
		fmt.Fprintf(&b, ",title=%s::%s\n", ghProperty("nest "+f.Rule), ghData(f.Message))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	File      string        `xml:"file,attr"`
	Failure   *junitFailure `xml:"failure,omitempty"`
	SystemOut string        `xml:"system-out,omitempty"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

// writeJUnit writes one test case per file: it fails with every failing
// finding of the file; warnings that do not fail are kept as output.
func (r *Report) writeJUnit(w io.Writer) error {
	byFile := map[string][]Finding{}
	for _, f := range r.Findings {
		byFile[f.File] = append(byFile[f.File], f)
	}
	suite := junitSuite{Name: "nest validate"}
	for _, file := range r.Files {
		c := junitCase{Name: file, Classname: "nest.validate", File: file}
		var fail, note []string
		for _, f := range byFile[file] {
			if r.fails(f) {
				fail = append(fail, f.String())
			} else {
				note = append(note, f.String())
			}
		}
		if len(fail) > 0 {
			c.Failure = &junitFailure{Message: plural(len(fail), "problem"), Type: "nest", Text: strings.Join(fail, "\n")}
			suite.Failures++
		}
		c.SystemOut = strings.Join(note, "\n")
		suite.Cases = append(suite.Cases, c)
		suite.Tests++
	}
	out := junitSuites{Name: "nest", Tests: suite.Tests, Failures: suite.Failures, Suites: []junitSuite{suite}}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(out); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// SARIF 2.1.0, the subset code scanning reads.
type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool    sarifTool     `json:"tool"`
	Results []sarifResult `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string       `json:"id"`
	ShortDescription     sarifMessage `json:"shortDescription"`
	DefaultConfiguration struct {
		Level string `json:"level"`
	} `json:"defaultConfiguration"`
}

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifResult struct {
	RuleID    string          `json:"ruleId"`
	RuleIndex int             `json:"ruleIndex"`
	Level     string          `json:"level"`
	Message   sarifMessage    `json:"message"`
	Locations []sarifLocation `json:"locations"`
}

type sarifLocation struct {
	PhysicalLocation struct {
		ArtifactLocation struct {
			URI string `json:"uri"`
		} `json:"artifactLocation"`
		Region *sarifRegion `json:"region,omitempty"`
	} `json:"physicalLocation"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
}

func (r *Report) writeSARIF(w io.Writer) error {
	driver := sarifDriver{Name: "nest", Version: r.Version, InformationURI: "https://github.com/nest-nyth/nest"}
	index := map[string]int{}
	for i, rule := range Rules {
		sr := sarifRule{ID: rule.ID, ShortDescription: sarifMessage{rule.Summary}}
		sr.DefaultConfiguration.Level = string(rule.Severity)
		driver.Rules = append(driver.Rules, sr)
		index[rule.ID] = i
	}
	run := sarifRun{Tool: sarifTool{driver}, Results: []sarifResult{}}
	for _, f := range r.Findings {
		level := "warning"
		if r.fails(f) {
			level = "error"
		}
		var loc sarifLocation
		loc.PhysicalLocation.ArtifactLocation.URI = sarifURI(f.File)
		// Code scanning needs a line: a finding about the whole file is
		// shown on its first.
		loc.PhysicalLocation.Region = &sarifRegion{max(f.Line, 1), max(f.Column, 1)}
		run.Results = append(run.Results, sarifResult{RuleID: f.Rule, RuleIndex: index[f.Rule], Level: level, Message: sarifMessage{f.Message}, Locations: []sarifLocation{loc}})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(sarifLog{Schema: "https://json.schemastore.org/sarif-2.1.0.json", Version: "2.1.0", Runs: []sarifRun{run}})
}

// sarifURI writes a path as a relative URI reference: forward slashes, and
// characters outside the URI syntax percent-encoded.
func sarifURI(path string) string {
	path = strings.ReplaceAll(path, "\\", "/")
	var b strings.Builder
	for i := 0; i < len(path); i++ {
		c := path[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("-._~/", c) >= 0 {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}
