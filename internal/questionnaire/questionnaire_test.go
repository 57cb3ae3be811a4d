package questionnaire

import (
	"io"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/nest-nyth/nest/assessment"
	"github.com/nest-nyth/nest/schema"
)

// huh's accessible prompts each read with a scanner of their own; the
// reader must hand over one line per read, or later answers are lost.
func TestLineReader(t *testing.T) {
	r := newLineReader(strings.NewReader("first\nsecond answer\nlast"))
	buf := make([]byte, 4096)
	var got []string
	for r.more() {
		n, err := r.Read(buf)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, string(buf[:n]))
	}
	if strings.Join(got, "|") != "first\n|second answer\n|last" {
		t.Errorf("reads: %q", got)
	}
	if r.ended {
		t.Error("ended before a read found the end")
	}
	if _, err := r.Read(buf); err != io.EOF || !r.ended {
		t.Errorf("at the end: %v, ended %v", err, r.ended)
	}
	// A line longer than the caller's buffer comes in pieces.
	long := newLineReader(strings.NewReader(strings.Repeat("x", 10) + "\n"))
	small := make([]byte, 4)
	var pieces []string
	for long.more() {
		n, _ := long.Read(small)
		pieces = append(pieces, string(small[:n]))
	}
	if strings.Join(pieces, "") != "xxxxxxxxxx\n" || len(pieces) != 3 {
		t.Errorf("pieces: %q", pieces)
	}
}

// firstIncomplete is where a resumed assessment starts.
func firstIncomplete(a *assessment.Assessment) string {
	for _, p := range assessment.Principles {
		if !complete(a.Principles[p.Key]) {
			return p.Key
		}
	}
	return ""
}

func TestFirstIncomplete(t *testing.T) {
	a := &assessment.Assessment{Principles: map[string]*assessment.Response{
		"trusted_adults":             {Rating: 2, WorkingWell: "x"},
		"wellbeing_across_education": {NotRated: "not yet"},
		"co_produced_innovations":    {Rating: 3}, // rated, but nothing said: not finished
	}}
	if got := firstIncomplete(a); got != "co_produced_innovations" {
		t.Errorf("got %q", got)
	}
	for _, p := range assessment.Principles {
		a.Principles[p.Key] = &assessment.Response{Rating: 1, Concerns: "x"}
	}
	if got := firstIncomplete(a); got != "" {
		t.Errorf("all answered, got %q", got)
	}
}

func TestSummary(t *testing.T) {
	a := &assessment.Assessment{Principles: map[string]*assessment.Response{
		"trusted_adults":             {Rating: 2},
		"wellbeing_across_education": {NotRated: "Partners meet in spring"},
		"co_produced_innovations":    {},
	}}
	got := Summary(a, []schema.Finding{{Line: 9, Severity: schema.Error, Message: "rating 5 is out of range"}})
	for _, want := range []string{
		"Trusted adults                   2 Early progress\n",
		"Wellbeing across education       not rated: Partners meet in spring\n",
		"Co-produced innovations          no rating yet\n",
		"No wrong door                    not answered yet\n",
		"- line 9: error: rating 5 is out of range\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("summary lacks %q:\n%s", want, got)
		}
	}
}

// Every prompt the questionnaire asks for is in the catalogue: a missing one
// would show as an empty question.
func TestPromptsAreInTheCatalogue(t *testing.T) {
	src, err := os.ReadFile("questionnaire.go")
	if err != nil {
		t.Fatal(err)
	}
	uses := regexp.MustCompile(`prompt\["([a-z_.]+)"\]`).FindAllStringSubmatch(string(src), -1)
	if len(uses) < 20 {
		t.Fatalf("only %d prompts found: the pattern is stale", len(uses))
	}
	for _, u := range uses {
		if assessment.Prompts[u[1]] == "" {
			t.Errorf("prompt %q is not in the catalogue", u[1])
		}
	}
}
