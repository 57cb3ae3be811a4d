package pii

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Kind names a sort of personal data.
type Kind string

// The kinds a Detector finds.
const (
	Email       Kind = "email"
	Phone       Kind = "phone"
	NHSNumber   Kind = "nhs-number"
	Postcode    Kind = "postcode"
	DateOfBirth Kind = "date-of-birth"
	NINumber    Kind = "ni-number"
)

// Match is one piece of personal data: its kind and its byte offsets in the
// text handed to Find, as text[Start:End]. Offsets always fall on rune
// boundaries of that text, whatever normalisation found the match.
type Match struct {
	Kind       Kind
	Start, End int
}

// Detector finds personal data in free text. It is safe for concurrent use:
// it holds only the allow-list, which Find never changes.
type Detector struct {
	numbers map[string]bool // allowed numbers, canonical digits (see canonNumber)
	emails  map[string]bool // allowed e-mail addresses, lower case
}

// New returns a Detector that does not report the numbers in allowed: the
// public helplines a report may print. Each entry is written as people write
// numbers ("0808 800 5000", "+44 808 800 5000", "116 123"): everything but
// the digits is ignored, and +44, 0044 and +44 (0) become the leading 0, so
// any written form of an allowed number is allowed. An entry holding '@' is
// an e-mail address to allow instead (a published team mailbox), compared
// without regard to case. Blank entries and entries without digits are
// ignored.
func New(allowed []string) *Detector {
	d := &Detector{numbers: map[string]bool{}, emails: map[string]bool{}}
	for _, a := range allowed {
		if strings.ContainsAny(a, "@＠﹫") {
			n := normalise(a, 0)
			d.emails[strings.ToLower(strings.TrimSpace(n.s))] = true
			continue
		}
		if c := canonNumber(a); c != "" {
			d.numbers[c] = true
		}
	}
	return d
}

// canonNumber reduces a written number to the digits compared against the
// allow-list: UK numbers in national form with their leading 0, other
// international numbers as "+" and their digits.
func canonNumber(s string) string {
	n := normalise(s, 0).s
	n = strings.TrimSpace(n)
	plus := strings.HasPrefix(n, "+")
	var b []byte
	for i := 0; i < len(n); i++ {
		if isDigit(n[i]) {
			b = append(b, n[i])
		}
	}
	if len(b) == 0 {
		return ""
	}
	digits := string(b)
	if !plus && strings.HasPrefix(digits, "00") {
		plus, digits = true, digits[2:]
	}
	if !plus {
		return digits
	}
	if rest, ok := strings.CutPrefix(digits, "44"); ok {
		// "+44 (0) 808 ..." carries its trunk 0 in brackets.
		if strings.Contains(n, "(0)") {
			rest = strings.TrimPrefix(rest, "0")
		}
		return "0" + rest
	}
	return "+" + digits
}

// Find returns every piece of personal data in text, sorted by start offset
// (then longest first), with offsets in text as given. A match inside
// another match is dropped.
func (d *Detector) Find(text string) []Match {
	if len(text) <= chunkSize {
		return d.find(text)
	}
	// Offsets into the normalised text are int32: a text over 1 GiB is
	// read in pieces cut after a line break (where only a date of birth
	// whose cue ends the line before could be split from its cue).
	var out []Match
	for off := 0; off < len(text); {
		end := min(off+chunkSize, len(text))
		if end < len(text) {
			if nl := strings.LastIndexByte(text[off:end], '\n'); nl >= 0 {
				end = off + nl + 1
			} else {
				for end > off+1 && !utf8.RuneStart(text[end]) {
					end--
				}
			}
		}
		for _, m := range d.find(text[off:end]) {
			m.Start += off
			m.End += off
			out = append(out, m)
		}
		off = end
	}
	return out
}

// chunkSize is the most Find reads at once (a variable for the tests).
var chunkSize = 1 << 30

func (d *Detector) find(text string) []Match {
	h := prescan(text)
	if !h.worth() {
		return nil
	}
	n := normText{s: text}
	if h.nonASCII > 0 {
		n = normalise(text, h.nonASCII)
		h = prescan(n.s) // exact now
	}
	var ms []Match
	add := func(k Kind, s, e int) {
		s, e = n.span(s, e)
		ms = append(ms, Match{Kind: k, Start: s, End: e})
	}
	// Each scanner runs only when the text has what its matches need.
	s := n.s
	if h.digits >= 8 {
		d.scanNumbers(s, add)
	}
	if h.at {
		d.scanEmails(s, add)
	}
	if h.spelt {
		scanSpeltEmails(s, add)
	}
	if h.digits >= 2 {
		scanPostcodes(s, add)
	}
	if h.digits >= 6 {
		scanNINumbers(s, add)
	}
	if h.digits >= 3 {
		scanBirthDates(s, add)
	}
	if len(ms) == 0 {
		return nil
	}
	slices.SortFunc(ms, func(a, b Match) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return b.End - a.End
	})
	out := ms[:1]
	for _, m := range ms[1:] {
		if last := out[len(out)-1]; m.End <= last.End {
			continue // inside (or the same as) the match before
		}
		out = append(out, m)
	}
	return out
}

// First returns the first piece of personal data in text, if any.
func (d *Detector) First(text string) (Match, bool) {
	ms := d.Find(text)
	if len(ms) == 0 {
		return Match{}, false
	}
	return ms[0], true
}
