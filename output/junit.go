package output

import (
	"encoding/xml"
	"io"
	"strings"

	"github.com/nest-nyth/nest/schema"
)

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
// finding of the file; warnings that do not fail are kept as output. The
// texts are in the report's language; the suite's and classes' names,
// which CI systems group by, are not.
func (r *Report) writeJUnit(w io.Writer) error {
	byFile := map[string][]schema.Finding{}
	for _, f := range r.Findings {
		byFile[f.File] = append(byFile[f.File], f)
	}
	suite := junitSuite{Name: "nest validate"}
	for _, file := range r.Files {
		c := junitCase{Name: file, Classname: "nest.validate", File: file}
		var fail, note []string
		for _, f := range byFile[file] {
			if r.fails(f) {
				fail = append(fail, r.line(f))
			} else {
				note = append(note, r.line(f))
			}
		}
		if len(fail) > 0 {
			c.Failure = &junitFailure{Message: r.words().Count("messages.junit.problems", len(fail), len(fail)), Type: "nest", Text: strings.Join(fail, "\n")}
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
