package schema

import (
	"cmp"
	"fmt"
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
func (r *Result) Valid() bool { return !hasError(r.Findings) }

func hasError(fs []Finding) bool {
	for _, f := range fs {
		if f.Severity == Error {
			return true
		}
	}
	return false
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

// required reports a key of d that is missing or empty; field names its
// text in the catalogue.
func (c *checker) required(d *assessment.Document, key, field string) bool {
	if d.Has(key) {
		return true
	}
	if key == "nest" {
		c.add(d.Pos(key), Error, RuleRequired, "nest: 1 is missing: add it at the top; it says which version of the format the file is in")
		return false
	}
	c.add(d.Pos(key), Error, RuleRequired, "%s is missing: add %s: (%s)", key, key, lowerFirst(assessment.Fields[field].Help))
	return false
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + strings.TrimSuffix(s[1:], ".")
}

// oneOf checks a word against a closed list.
func (c *checker) oneOf(d *assessment.Document, allowed []string, key string) {
	v, ok := d.Text(key)
	if !ok || slices.Contains(allowed, v) {
		return
	}
	msg := fmt.Sprintf("%s %q is not one of the allowed values", key, short(v))
	if s := assessment.Closest(v, allowed); s != "" {
		msg += fmt.Sprintf(": did you mean %q?", s)
	} else {
		msg += ": use one of " + strings.Join(allowed, ", ")
	}
	c.add(d.Pos(key), Error, RuleUnknownValue, "%s", msg)
}

// isTag reports whether s is lowercase words joined by single hyphens, as
// kebabPattern says (checked by hand: this runs for every tag of every file).
func isTag(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c == '-' && s[i-1] != '-':
		default:
			return false
		}
	}
	return true
}

// IsMonth reports whether s is YYYY-MM with a month from 01 to 12, as
// the schema's pattern for due says.
func IsMonth(s string) bool {
	if len(s) != 7 || s[4] != '-' {
		return false
	}
	for i, c := range []byte(s) {
		if i != 4 && (c < '0' || c > '9') {
			return false
		}
	}
	m := (s[5]-'0')*10 + s[6] - '0'
	return m >= 1 && m <= 12
}

func (c *checker) tags(d *assessment.Document, what, key string) {
	for _, item := range d.Items(key) {
		v, ok := item.Text()
		switch {
		case !ok || isTag(v):
		case assessment.TagOf(v) == "":
			c.add(item.Pos(), Error, RuleTagFormat, "%s tag %q has no letters or digits: remove it, or write a tag like staff-retention", what, short(v))
		default:
			c.add(item.Pos(), Error, RuleTagFormat, "%s tag %q should be lowercase words joined by hyphens, like %q", what, short(v), assessment.TagOf(v))
		}
	}
}

func (c *checker) rating(d *assessment.Document, key string) {
	v, ok := d.Int(key)
	if !ok || v >= 1 && v <= 4 {
		return
	}
	c.add(d.Pos(key), Error, RuleRatingRange, "%s %d is out of range: use 1 (basic) to 4 (embedded)", key, v)
}

var (
	regionKeys = assessment.RegionKeys()
	scopeKeys  = assessment.Keys(assessment.Scopes)
	statusKeys = assessment.Keys(assessment.Statuses)
	sectorKeys = assessment.Keys(assessment.Sectors)
	sourceKeys = assessment.Keys(assessment.Sources)
)

// values checks what the JSON Schema says about values: required keys,
// allowed words, ranges and formats.
func (c *checker) values() {
	d := c.doc
	if c.required(d, "nest", "nest") {
		if v, ok := d.Int("nest"); ok && v != assessment.FormatVersion {
			c.add(d.Pos("nest"), Error, RuleFormatVersion, "this file is in format version %d, but this nest reads version %d: update nest, or write nest: %d", v, assessment.FormatVersion, assessment.FormatVersion)
		}
	}
	if c.required(d, "region", "region") {
		c.oneOf(d, regionKeys, "region")
	}
	if c.required(d, "scope", "scope") {
		c.oneOf(d, scopeKeys, "scope")
	}
	c.required(d, "organisation", "organisation")
	if c.required(d, "year", "year") {
		if v, ok := d.Int("year"); ok && (v < MinYear || v > MaxYear) {
			c.add(d.Pos("year"), Error, RuleYearRange, "year %d is out of range: use the year of the assessment round, %d to %d", v, MinYear, MaxYear)
		}
	}
	if c.required(d, "status", "status") {
		c.oneOf(d, statusKeys, "status")
	}
	if v, ok := d.DateText("submitted"); ok && !validDate(v) {
		c.add(d.Pos("submitted"), Error, RuleDateFormat, "submitted %q is not a date: write it as YYYY-MM-DD, like 2024-10-31", short(v))
	}

	scope, _ := d.Text("scope")
	service := d.At("service")
	if d.Has("service") && !service.IsMap() {
		service = nil // not a group of keys: reported already, nothing more to say
	} else {
		if service != nil && !service.IsMap() {
			service = nil // empty
		}
		c.serviceScope(scope, service)
	}
	if service != nil {
		// Sector words are checked whatever the scope, so a later change
		// of scope is clean.
		c.oneOf(service, sectorKeys, "sector")
		c.tags(service, "funding", "funding")
	}
	c.finalAndPrinciples()
}

// serviceScope checks that a service: group is there exactly for a
// service's file.
func (c *checker) serviceScope(scope string, service *assessment.Document) {
	d := c.doc
	switch {
	case scope == assessment.ScopeService && !d.Has("service"):
		c.add(d.Pos("scope"), Error, RuleServiceScope, "a file of scope service needs a service: group with its sector")
	case scope == assessment.ScopeService && service != nil:
		c.required(service, "sector", "service.sector")
	case d.Has("service") && scope != "":
		c.add(d.KeyPos("service"), Error, RuleServiceScope, "service: is only for files of scope service: remove it, or set scope: service")
	}
}

// finalAndPrinciples checks what a final file needs, and each principle.
func (c *checker) finalAndPrinciples() {
	d := c.doc
	status, _ := d.Text("status")
	final := status == assessment.StatusFinal
	if final && !d.Has("submitted") {
		c.add(d.Pos("status"), Error, RuleFinal, "a final file needs the date it was submitted: add submitted: YYYY-MM-DD, or set status: draft")
	}
	principles := d.At("principles")
	for _, p := range assessment.Principles {
		var pd *assessment.Document
		if principles != nil {
			pd = principles.At(p.Key)
		}
		if pd == nil {
			if final {
				c.add(d.Pos("principles", p.Key), Error, RuleFinal, "a final file needs all six principles: %s (%s) is missing", p.Key, p.Name.EN)
			}
			continue
		}
		if pd.Has() && !pd.IsMap() {
			continue // not a group of keys: reported already
		}
		c.principle(pd, p.Key, final)
	}
}

func (c *checker) principle(d *assessment.Document, key string, final bool) {
	c.rating(d, "rating")
	c.rating(d, "target")
	_, rated := d.Int("rating")
	reason := d.Has("not_rated")
	switch {
	case rated && reason:
		c.add(d.KeyPos("not_rated"), Error, RuleNotRated, "%s has both a rating and a reason for not rating it: keep one", key)
	case !rated && !reason && !d.Has("rating"):
		sev := Warning
		if final {
			sev = Error
		}
		c.add(d.KeyPos(), sev, RuleNotRated, "%s has no rating: give a rating from 1 to 4, or say why in not_rated", key)
	}
	for _, item := range d.Items("actions") {
		if !item.IsMap() {
			continue
		}
		if !item.Has("action") {
			c.add(item.Pos(), Error, RuleRequired, "each action needs action: saying what will be done")
		}
		if v, ok := item.DateText("due"); ok && !IsMonth(v) {
			c.add(item.Pos("due"), Error, RuleDateFormat, "due %q is not a month: write it as YYYY-MM, like 2025-03", short(v))
		}
	}
	c.tags(d, "theme", "themes")
	for _, item := range d.Items("feedback") {
		if !item.IsMap() {
			continue
		}
		if !item.Has("quote") {
			c.add(item.Pos(), Error, RuleRequired, "each feedback item needs quote: with the words said")
		}
		if !item.Has("from") {
			c.add(item.Pos("from"), Error, RuleRequired, "each feedback item needs from: saying who it came from (%s)", strings.Join(sourceKeys, ", "))
		} else {
			c.oneOf(item, sourceKeys, "from")
		}
	}
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
	if !a.Voices.ChildrenAndYoungPeople && !a.Voices.BabiesAndYoungerChildren && (!d.Has("voices") || d.IsMap("voices")) &&
		d.IsBool("voices", "children_and_young_people") && d.IsBool("voices", "babies_and_younger_children") {
		c.add(d.KeyPos("voices"), Warning, RuleChildrenVoice, "no children's or young people's voice is recorded: NEST asks that they shape the assessment; record it under voices: once they have")
	}
	c.personal(d.At("voices"), a.Voices.How, "how")
	c.personal(d, a.Organisation, "organisation")
	principles := d.At("principles")
	if principles == nil {
		return
	}
	for _, p := range assessment.Principles {
		r, pd := a.Principles[p.Key], principles.At(p.Key)
		if r == nil || pd == nil {
			continue
		}
		rating, rok := pd.Int("rating")
		target, tok := pd.Int("target")
		if rok && tok && target < rating && target >= 1 && rating <= 4 {
			c.add(pd.Pos("target"), Error, RuleTarget, "target %d is below this year's rating of %d: aim for %d or higher", target, rating, rating)
		}
		if rok && rating >= 1 && rating <= 4 && !r.HasText() {
			c.add(pd.KeyPos(), Warning, RuleNoEvidence, "%s is rated %d but says nothing behind it: add what is working well, concerns or actions", p.Key, rating)
		}
		c.personal(pd, r.NotRated, "not_rated")
		c.personal(pd, r.WorkingWell, "working_well")
		c.personal(pd, r.Concerns, "concerns")
		c.personal(pd, r.GoodLooksLike, "good_looks_like")
		if len(r.Actions) > 0 {
			for i, item := range pd.Items("actions") {
				if i < len(r.Actions) {
					c.personal(item, r.Actions[i].Action, "action")
					c.personal(item, r.Actions[i].Owner, "owner")
				}
			}
		}
		if len(r.Feedback) > 0 {
			for i, item := range pd.Items("feedback") {
				if i < len(r.Feedback) {
					c.personal(item, r.Feedback[i].Quote, "quote")
				}
			}
		}
	}
}

// personal warns when text, the value of key in d, looks like personal data.
func (c *checker) personal(d *assessment.Document, text, key string) {
	if d == nil {
		return
	}
	kind, offset := PersonalData(text)
	if kind == "" {
		return
	}
	pos := d.Pos(key)
	if line, col, ok := d.TextPos(offset, key); ok {
		pos = assessment.Pos{Line: line, Column: col}
	}
	c.add(pos, Warning, RulePersonalData, "this looks like %s: reports are published, so remove anything that identifies a person", kind)
}
