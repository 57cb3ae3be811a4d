package questionnaire

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/nest-nyth/nest/assessment"
)

func runLines(t *testing.T, input string, interactive bool) (*assessment.Assessment, string, error) {
	t.Helper()
	a := &assessment.Assessment{}
	var out bytes.Buffer
	err := Run(a, Options{In: strings.NewReader(input), Out: &out, Accessible: true, Interactive: interactive,
		Year: 2024, Today: "2024-10-31", AskFinal: true, Save: func(*assessment.Assessment) error { return nil }})
	return a, out.String(), err
}

// Each question, its options and what Enter keeps are printed before its
// answer is read.
func TestLinePrompterAsksBeforeItReads(t *testing.T) {
	_, out, err := runLines(t, "3\n", false)
	if !errors.Is(err, ErrInterrupted) {
		t.Fatal(err)
	}
	want := "Which Regional Partnership Board?\n1. Cardiff and Vale\n2. Cwm Taf Morgannwg\n3. Gwent\n4. North Wales\n5. Powys\n6. West Glamorgan\n7. West Wales\nEnter picks 1. Cardiff and Vale.\nNumber: 3\n"
	if !strings.Contains(out, want) {
		t.Fatalf("output:\n%s", out)
	}
}

// At a terminal an answer that does not fit is asked again; piped, the
// run stops there, and the next line is not taken for a second try.
func TestLinePrompterBadAnswers(t *testing.T) {
	a, out, err := runLines(t, "9\n3\n", true)
	if !errors.Is(err, ErrInterrupted) || a.Region != "gwent" || !strings.Contains(out, `"9" does not fit: give 1 to 7. Try again.`) {
		t.Fatalf("%v, region %q:\n%s", err, a.Region, out)
	}
	a, _, err = runLines(t, "9\n3\n", false)
	if !errors.Is(err, ErrBadAnswer) || a.Region != "" || !strings.Contains(err.Error(), `line 1: "9" does not answer "Which Regional Partnership Board?"`) {
		t.Fatalf("%v, region %q", err, a.Region)
	}
}

// A rating, a target, a sector and who said a quote are never chosen for
// the person: a blank line leaves them unchosen (or, when needed, is not
// an answer); the region, scope and language start on a default said.
func TestLinePrompterChoosesNothingForThePerson(t *testing.T) {
	a, out, err := runLines(t, "\n\n\n\n\n\n"+strings.Repeat("\n", 7*6+1), false)
	if err != nil {
		t.Fatal(err)
	}
	if a.Region != "cardiff-and-vale" || a.Scope != "region" || a.Language != "en" {
		t.Fatalf("first page %q %q %q", a.Region, a.Scope, a.Language)
	}
	for key, r := range a.Principles {
		if r.Rating != 0 || r.Target != 0 || r.NotRated != "" {
			t.Errorf("%s: %+v chosen for the person", key, r)
		}
	}
	if strings.Contains(out, "Enter picks 1. Basic") || !strings.Contains(out, "0. Not rated yet\nEnter keeps none.\nNumber: \n") {
		t.Fatalf("output:\n%s", out)
	}

	_, out, err = runLines(t, "1\n2\nTŷ Teulu\n\n", false)
	if !errors.Is(err, ErrBadAnswer) || !strings.Contains(err.Error(), `"" does not answer "Sector"`) || strings.Contains(out, "Enter picks 1. Health") {
		t.Fatalf("%v:\n%s", err, out)
	}

	// A quote: who said it is needed, and not taken to be the region.
	_, out, err = runLines(t, "\n\n\n\n\n\n"+"2\n\n\n\n\n\n3\nShe stayed.\n\n", false)
	if !errors.Is(err, ErrBadAnswer) || !strings.Contains(err.Error(), `"" does not answer "Who said it?"`) || strings.Contains(out, "Enter picks 1. The region") {
		t.Fatalf("%v:\n%s", err, out)
	}
}

// ttyReader reads as a terminal does: a chunk at a time, and io.EOF where
// Ctrl-D is pressed on what was typed, after which it can be read on.
type ttyReader struct{ chunks []string }

func (r *ttyReader) Read(p []byte) (int, error) {
	if len(r.chunks) == 0 {
		return 0, io.EOF
	}
	c := r.chunks[0]
	r.chunks = r.chunks[1:]
	if c == "^D" {
		return 0, io.EOF
	}
	return copy(p, c), nil
}

// Ctrl-D after typing an answer (twice, as a terminal needs) keeps the
// answer and stops: what is typed after it is not read.
func TestLinePrompterCtrlDAfterAnAnswer(t *testing.T) {
	a := &assessment.Assessment{}
	var out bytes.Buffer
	in := &ttyReader{chunks: []string{"3\n", "Gwent RPB", "^D", "\n", "\n"}}
	err := Run(a, Options{In: in, Out: &out, Accessible: true, Interactive: true,
		Year: 2024, Today: "2024-10-31", Save: func(*assessment.Assessment) error { return nil }})
	if !errors.Is(err, ErrInterrupted) {
		t.Fatalf("%v\n%s", err, out.String())
	}
	if a.Region != "gwent" || len(in.chunks) != 2 {
		t.Errorf("region %q, %d chunks left unread (want 2):\n%s", a.Region, len(in.chunks), out.String())
	}
}
