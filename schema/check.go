package schema

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/nest-nyth/nest/assessment"
)

// Finding is one problem in one file.
type Finding struct {
	File     string   `json:"file"`
	Line     int      `json:"line"`
	Column   int      `json:"column"`
	Severity Severity `json:"severity"`
	Rule     string   `json:"rule"`
	Message  string   `json:"message"`
}

// String formats a finding as file:line:col: severity: message [rule].
func (f Finding) String() string {
	loc := f.File
	if f.Line > 0 {
		loc += ":" + strconv.Itoa(f.Line) + ":" + strconv.Itoa(f.Column)
	}
	return loc + ": " + string(f.Severity) + ": " + f.Message + " [" + f.Rule + "]"
}

// Sort orders findings by file, line, column, then rule and message, so the
// output never depends on the order work finished in.
func Sort(fs []Finding) {
	slices.SortFunc(fs, func(a, b Finding) int {
		return cmp.Or(
			cmp.Compare(a.File, b.File),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Column, b.Column),
			cmp.Compare(a.Rule, b.Rule),
			cmp.Compare(a.Message, b.Message),
		)
	})
}

// Result is what checking one file found.
type Result struct {
	Findings []Finding
	// Doc is the decoded file; nil when it could not be read as YAML.
	Doc *assessment.Document
}

// Valid reports whether the result has no error (warnings allowed).
func (r *Result) Valid() bool {
	for _, f := range r.Findings {
		if f.Severity == Error {
			return false
		}
	}
	return true
}

// Check decodes one file and applies every single-file rule. name is used
// in findings only.
func Check(name string, data []byte) Result {
	doc, problems := assessment.Decode(data)
	c := checker{file: name, doc: doc}
	for _, p := range problems {
		c.findings = append(c.findings, Finding{File: name, Line: p.Line, Column: p.Column, Severity: Error, Rule: p.Rule, Message: p.Message})
	}
	if doc != nil {
		c.values()
		c.semantics()
	}
	return Result{Findings: c.findings, Doc: doc}
}

type checker struct {
	file     string
	doc      *assessment.Document
	findings []Finding
}

func (c *checker) add(pos assessment.Pos, sev Severity, rule, format string, args ...any) {
	c.findings = append(c.findings, Finding{File: c.file, Line: pos.Line, Column: pos.Column, Severity: sev, Rule: rule, Message: fmt.Sprintf(format, args...)})
}

// required reports a key that is missing or empty.
func (c *checker) required(path ...string) bool {
	if c.doc.Has(path...) {
		return true
	}
	f := assessment.Fields[strings.Join(path, ".")]
	c.add(c.doc.Pos(path...), Error, RuleRequired, "%s is missing: add %s: (%s)", path[len(path)-1], path[len(path)-1], lowerFirst(f.Help))
	return false
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + strings.TrimSuffix(s[1:], ".")
}

// oneOf checks a word against a closed list.
func (c *checker) oneOf(allowed []string, path ...string) {
	v, ok := c.doc.Text(path...)
	if !ok || slices.Contains(allowed, v) {
		return
	}
	key := path[len(path)-1]
	msg := fmt.Sprintf("%s %q is not one of the allowed values", key, short(v))
	if s := assessment.Closest(v, allowed); s != "" {
		msg += fmt.Sprintf(": did you mean %q?", s)
	} else {
		msg += ": use one of " + strings.Join(allowed, ", ")
	}
	c.add(c.doc.Pos(path...), Error, RuleUnknownValue, "%s", msg)
}

var (
	kebabRE = regexp.MustCompile(kebabPattern)
	monthRE = regexp.MustCompile(monthPattern)
)

func (c *checker) tags(what string, path ...string) {
	for i := 0; ; i++ {
		p := append(slices.Clone(path), strconv.Itoa(i))
		if !c.doc.Exists(p...) {
			return
		}
		v, ok := c.doc.Text(p...)
		if ok && !kebabRE.MatchString(v) {
			c.add(c.doc.Pos(p...), Error, RuleTagFormat, "%s tag %q should be lowercase words joined by hyphens, like %q", what, short(v), suggestTag(v))
		}
	}
}

func (c *checker) rating(path ...string) {
	v, ok := c.doc.Int(path...)
	if !ok || v >= 1 && v <= 4 {
		return
	}
	c.add(c.doc.Pos(path...), Error, RuleRatingRange, "%s %d is out of range: use 1 (basic) to 4 (embedded)", path[len(path)-1], v)
}

// values checks what the JSON Schema says about values: required keys,
// allowed words, ranges and formats.
func (c *checker) values() {
	d := c.doc
	if c.required("nest") {
		if v, ok := d.Int("nest"); ok && v != assessment.FormatVersion {
			c.add(d.Pos("nest"), Error, RuleFormatVersion, "this file is in format version %d, but this nest reads version %d: update nest, or write nest: %d", v, assessment.FormatVersion, assessment.FormatVersion)
		}
	}
	regions := make([]string, len(assessment.Regions))
	for i, r := range assessment.Regions {
		regions[i] = r.Key
	}
	if c.required("region") {
		c.oneOf(regions, "region")
	}
	if c.required("scope") {
		c.oneOf(assessment.Keys(assessment.Scopes), "scope")
	}
	c.required("organisation")
	if c.required("year") {
		if v, ok := d.Int("year"); ok && (v < MinYear || v > MaxYear) {
			c.add(d.Pos("year"), Error, RuleYearRange, "year %d is out of range: use the year of the assessment round, %d to %d", v, MinYear, MaxYear)
		}
	}
	if c.required("status") {
		c.oneOf(assessment.Keys(assessment.Statuses), "status")
	}
	if v, ok := d.Text("submitted"); ok && !validDate(v) {
		c.add(d.Pos("submitted"), Error, RuleDateFormat, "submitted %q is not a date: write it as YYYY-MM-DD, like 2024-10-31", short(v))
	}

	scope, _ := d.Text("scope")
	switch {
	case scope == assessment.ScopeService && !d.Has("service"):
		c.add(d.Pos("scope"), Error, RuleServiceScope, "a file of scope service needs a service: group with its sector")
	case scope == assessment.ScopeService:
		if c.required("service", "sector") {
			c.oneOf(assessment.Keys(assessment.Sectors), "service", "sector")
		}
	case d.Has("service") && scope != "":
		c.add(d.KeyPos("service"), Error, RuleServiceScope, "service: is only for files of scope service: remove it, or set scope: service")
	}
	if scope != assessment.ScopeService && d.Has("service", "sector") {
		// Sector words are still checked so a later change of scope is clean.
		c.oneOf(assessment.Keys(assessment.Sectors), "service", "sector")
	}
	c.tags("funding", "service", "funding")

	status, _ := d.Text("status")
	final := status == assessment.StatusFinal
	if final {
		if !d.Has("submitted") {
			c.add(d.Pos("status"), Error, RuleFinal, "a final file needs the date it was submitted: add submitted: YYYY-MM-DD, or set status: draft")
		}
		for _, p := range assessment.Principles {
			if !d.Exists("principles", p.Key) {
				c.add(d.Pos("principles", p.Key), Error, RuleFinal, "a final file needs all six principles: %s (%s) is missing", p.Key, p.Name.EN)
			}
		}
	}

	for _, p := range assessment.Principles {
		if !d.Exists("principles", p.Key) || d.Has("principles", p.Key) && !d.IsMap("principles", p.Key) {
			continue // absent, or not a group of keys (reported already)
		}
		base := []string{"principles", p.Key}
		at := func(rest ...string) []string { return append(slices.Clone(base), rest...) }
		c.rating(at("rating")...)
		c.rating(at("target")...)
		_, rated := d.Int(at("rating")...)
		reason := d.Has(at("not_rated")...)
		switch {
		case rated && reason:
			c.add(d.KeyPos(at("not_rated")...), Error, RuleNotRated, "%s has both a rating and a reason for not rating it: keep one", p.Key)
		case !rated && !reason && !d.Has(at("rating")...):
			sev := Warning
			if final {
				sev = Error
			}
			c.add(d.KeyPos(base...), sev, RuleNotRated, "%s has no rating: give a rating from 1 to 4, or say why in not_rated", p.Key)
		}
		for i := 0; d.Exists(at("actions", strconv.Itoa(i))...); i++ {
			item := at("actions", strconv.Itoa(i))
			if !d.IsMap(item...) {
				continue
			}
			if !d.Has(append(item, "action")...) {
				c.add(d.Pos(item...), Error, RuleRequired, "each action needs action: saying what will be done")
			}
			if v, ok := d.Text(append(item, "due")...); ok && !monthRE.MatchString(v) {
				c.add(d.Pos(append(item, "due")...), Error, RuleDateFormat, "due %q is not a month: write it as YYYY-MM, like 2025-03", short(v))
			}
		}
		c.tags("theme", at("themes")...)
		for i := 0; d.Exists(at("feedback", strconv.Itoa(i))...); i++ {
			item := at("feedback", strconv.Itoa(i))
			if !d.IsMap(item...) {
				continue
			}
			if !d.Has(append(item, "quote")...) {
				c.add(d.Pos(item...), Error, RuleRequired, "each feedback item needs quote: with the words said")
			}
			if c.requiredItem(append(item, "from"), "each feedback item needs from: saying who it came from ("+strings.Join(assessment.Keys(assessment.Sources), ", ")+")") {
				c.oneOf(assessment.Keys(assessment.Sources), append(item, "from")...)
			}
		}
	}
}

func (c *checker) requiredItem(path []string, msg string) bool {
	if c.doc.Has(path...) {
		return true
	}
	c.add(c.doc.Pos(path...), Error, RuleRequired, "%s", msg)
	return false
}

func validDate(s string) bool {
	if len(s) != 10 {
		return false
	}
	_, err := time.Parse(time.DateOnly, s)
	return err == nil
}

func short(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:37]) + "..."
	}
	return s
}

// semantics checks what the schema cannot say: a target below the rating,
// and the warnings about evidence, children's voices and personal data.
func (c *checker) semantics() {
	d, a := c.doc, c.doc.Assessment
	// A voice given as something other than true or false was reported
	// already; do not guess that it means no.
	children, babies := []string{"voices", "children_and_young_people"}, []string{"voices", "babies_and_younger_children"}
	if !a.Voices.ChildrenAndYoungPeople && !a.Voices.BabiesAndYoungerChildren && d.IsBool(children...) && d.IsBool(babies...) {
		c.add(d.KeyPos("voices"), Warning, RuleChildrenVoice, "no children's or young people's voice is recorded: NEST asks that they shape the assessment; record it under voices: once they have")
	}
	c.personal(a.Voices.How, "voices", "how")
	c.personal(a.Organisation, "organisation")
	for _, p := range assessment.Principles {
		r := a.Principles[p.Key]
		if r == nil {
			continue
		}
		base := []string{"principles", p.Key}
		at := func(rest ...string) []string { return append(slices.Clone(base), rest...) }
		rating, rok := d.Int(at("rating")...)
		target, tok := d.Int(at("target")...)
		if rok && tok && target < rating && target >= 1 && rating <= 4 {
			c.add(d.Pos(at("target")...), Error, RuleTarget, "target %d is below this year's rating of %d: aim for %d or higher", target, rating, rating)
		}
		if rok && rating >= 1 && rating <= 4 && !r.HasText() {
			c.add(d.KeyPos(base...), Warning, RuleNoEvidence, "%s is rated %d but says nothing behind it: add what is working well, concerns or actions", p.Key, rating)
		}
		c.personal(r.NotRated, at("not_rated")...)
		c.personal(r.WorkingWell, at("working_well")...)
		c.personal(r.Concerns, at("concerns")...)
		c.personal(r.GoodLooksLike, at("good_looks_like")...)
		for i, act := range r.Actions {
			c.personal(act.Action, at("actions", strconv.Itoa(i), "action")...)
			c.personal(act.Owner, at("actions", strconv.Itoa(i), "owner")...)
		}
		for i, q := range r.Feedback {
			c.personal(q.Quote, at("feedback", strconv.Itoa(i), "quote")...)
		}
	}
}

func (c *checker) personal(text string, path ...string) {
	kind, offset := PersonalData(text)
	if kind == "" {
		return
	}
	pos := c.doc.Pos(path...)
	if line, col, ok := c.doc.TextPos(offset, path...); ok {
		pos = assessment.Pos{Line: line, Column: col}
	}
	c.add(pos, Warning, RulePersonalData, "this looks like %s: reports are published, so remove anything that identifies a person", kind)
}

func suggestTag(s string) string {
	if t := assessment.TagOf(s); t != "" {
		return t
	}
	return "short-term-funding"
}
