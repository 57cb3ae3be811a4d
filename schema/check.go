package schema

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/nest-nyth/nest/assessment"
	"github.com/nest-nyth/nest/internal/fonts"
	"github.com/nest-nyth/nest/internal/text"
	"go.yaml.in/yaml/v3"
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

// String formats a finding as file:line:col: severity: message [rule],
// one line safe to print: the file's name and the message are made safe
// for a terminal (text.Safe), so no name or value can forge another line.
func (f Finding) String() string {
	return f.Location() + ": " + string(f.Severity) + ": " + text.Safe(f.Message) + " [" + f.Rule + "]"
}

// Location is file:line:col, the file's name made safe for a terminal. A
// finding about the whole file is at 1:1.
func (f Finding) Location() string {
	return text.Safe(f.File) + ":" + strconv.Itoa(max(f.Line, 1)) + ":" + strconv.Itoa(max(f.Column, 1))
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
	// Assessment is the decoded file; nil when it could not be read as a
	// NEST file at all.
	Assessment *assessment.Assessment
	statusPos  position // of the status key, for messages about the file as a submission
}

// position is a line and column in a file, both counted from 1.
type position struct{ line, col int }

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

// Options change how files are checked.
type Options struct {
	// Today is the date, YYYY-MM-DD, after which no file can have been
	// submitted; "" to leave that unchecked. The caller reads the clock:
	// nothing below the command does.
	Today string
	// Words are the language of the findings' messages; nil is English.
	// Rule ids, keys and values quoted from the file are the same in every
	// language.
	Words *assessment.Words
}

// wordsOr is w, or English when there is none.
func wordsOr(w *assessment.Words) *assessment.Words {
	if w == nil {
		return assessment.English
	}
	return w
}

// Check reads one file and applies every single-file rule: the shape and
// types of the format, the values the JSON Schema allows, and the rules
// beyond it. name is used in findings only. The texts of the result's
// Assessment may be read from data itself: data must not change while the
// result is in use (assessment.Detach copies them out).
func Check(name string, data []byte) Result { return Options{}.Check(name, data) }

// Check is Check with options.
func (o Options) Check(name string, data []byte) Result {
	c := checker{file: name, data: data, today: o.Today, w: wordsOr(o.Words)}
	root, release, p := parse(data, c.w)
	if p != nil {
		c.findings = append(c.findings, Finding{File: name, Line: p.Line, Column: p.Column, Severity: Error, Rule: p.Rule, Message: p.Message})
		return Result{Findings: c.findings}
	}
	defer release() // the tree is not kept: what is, is copied out of it
	c.tree(root)
	if c.aliasSeen {
		return Result{Findings: c.findings} // never follow an alias: it may be a bomb
	}
	if !looksNEST(root) {
		// Another tool's YAML: one finding, not one for every key.
		c.add(root, Error, RuleNotNest, "messages.not.nest",
			keyList(assessment.FieldNest), keyList(assessment.FieldPrinciples), keyList(assessment.FieldRegion))
		return Result{Findings: c.findings}
	}
	a := &assessment.Assessment{Principles: map[string]*assessment.Response{}}
	c.root = root
	status, _ := textOf(valueOf(root, assessment.FieldStatus.Key))
	c.final = status == assessment.StatusFinal
	c.scope, _ = textOf(valueOf(root, assessment.FieldScope.Key))
	c.fields(root, root, assessment.Format, a, c.w.Say("messages.what.file"), true)
	c.rules(a)
	res := Result{Findings: c.findings, Assessment: a, statusPos: position{root.Line, root.Column}}
	if k := keyOf(root, assessment.FieldStatus.Key); k != nil {
		res.statusPos = position{k.Line, k.Column}
	}
	return res
}

type checker struct {
	file      string
	data      []byte
	root      *yaml.Node
	findings  []Finding
	aliasSeen bool // one alias problem a file is enough
	final     bool // status: final
	scope     string
	today     string
	lines     *lines // made when a position inside text is needed
	w         *assessment.Words
}

// add makes a finding at n: its message is the catalogue's text of key,
// in the checker's language, with args filled in. Nothing is said, and
// no words looked up, until there is a finding.
func (c *checker) add(n *yaml.Node, sev Severity, rule, key string, args ...any) {
	c.addAt(n.Line, n.Column, sev, rule, key, args...)
}

func (c *checker) addAt(line, col int, sev Severity, rule, key string, args ...any) {
	c.findings = append(c.findings, Finding{File: c.file, Line: line, Column: col, Severity: sev, Rule: rule, Message: c.w.Say(key, args...)})
}

// item is what one item of a list or tags field is called, in the
// checker's language ("each action", "theme").
func (c *checker) item(f *assessment.Field) string {
	if k, ok := itemKeys[f]; ok {
		return c.w.Say(k)
	}
	return f.Item()
}

// help is a field's help, in the checker's language.
func (c *checker) help(f *assessment.Field) string {
	return f.HelpIn(c.w)
}

// describe names the kind of a node, in the checker's language.
func (c *checker) describe(n *yaml.Node) string { return describe(c.w, n) }

// keyList names keys as they are written: "nest:, region:, principles:".
func keyList(fs ...*assessment.Field) string {
	var keys []string
	for _, f := range fs {
		keys = append(keys, f.Key+":")
	}
	return strings.Join(keys, ", ")
}

// tree rejects what YAML allows but a NEST file must not hold: duplicate
// keys (yaml.v3 keeps both in a node tree) and anchors and aliases (which
// can expand a small file into a huge one).
func (c *checker) tree(n *yaml.Node) {
	if n.Kind == yaml.AliasNode || n.Anchor != "" {
		if !c.aliasSeen {
			c.add(n, Error, RuleAlias, "messages.alias")
			c.aliasSeen = true
		}
		return
	}
	if n.Kind == yaml.MappingNode && len(n.Content) > 2 {
		c.duplicates(n.Content)
	}
	for _, ch := range n.Content {
		c.tree(ch)
	}
}

// duplicates reports repeated keys among a mapping's keys and values. The
// format's mappings are small, where comparing pairs beats a map; a large
// one (only a hostile file has one) gets a map.
func (c *checker) duplicates(content []*yaml.Node) {
	report := func(k, prev *yaml.Node) {
		c.add(k, Error, RuleDuplicateKey, "messages.duplicate.key", text.Short(k.Value), prev.Line)
	}
	if len(content) <= 2*16 {
		for i := 2; i+1 < len(content); i += 2 {
			k := content[i]
			for j := 0; j < i; j += 2 {
				if prev := content[j]; k.Kind == yaml.ScalarNode && prev.Kind == yaml.ScalarNode && prev.Value == k.Value {
					report(k, prev)
					break
				}
			}
		}
		return
	}
	seen := make(map[string]*yaml.Node, len(content)/2)
	for i := 0; i+1 < len(content); i += 2 {
		k := content[i]
		if k.Kind != yaml.ScalarNode {
			continue
		}
		if prev, ok := seen[k.Value]; ok {
			report(k, prev)
			continue
		}
		seen[k.Value] = k
	}
}

// knownKeys are the keys of fs, made once for each table.
func knownKeys(fs []*assessment.Field) []string {
	if len(fs) == 0 {
		return nil
	}
	if keys, ok := keyCache[fs[0]]; ok {
		return keys
	}
	return assessment.KeysOf(fs)
}

// itemKeys are the catalogue's keys of what an item of each list or tags
// field is called, made once.
var itemKeys = func() map[*assessment.Field]string {
	m := map[*assessment.Field]string{}
	var add func(fs []*assessment.Field)
	add = func(fs []*assessment.Field) {
		for _, f := range fs {
			if f.Item() != "" {
				m[f] = "fields." + f.HelpKey() + ".item"
			}
			add(f.Fields)
		}
	}
	add(assessment.Format)
	return m
}()

var keyCache = func() map[*assessment.Field][]string {
	m := map[*assessment.Field][]string{}
	var add func(fs []*assessment.Field)
	add = func(fs []*assessment.Field) {
		if len(fs) == 0 {
			return
		}
		m[fs[0]] = assessment.KeysOf(fs)
		for _, f := range fs {
			add(f.Fields)
		}
	}
	add(assessment.Format)
	return m
}()

// mapping walks the mapping n, calling set for each known key. what names
// the mapping in messages. It reports false when n is not a mapping.
func (c *checker) mapping(n *yaml.Node, what string, known []string, set func(k, v *yaml.Node)) bool {
	if n.Kind != yaml.MappingNode {
		if !isNull(n) {
			c.add(n, Error, RuleType, "messages.type.group", what, c.describe(n))
		}
		return false
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			c.add(k, Error, RuleUnknownKey, "messages.key.type", what, c.describe(k), known[0])
			continue
		}
		if !slices.Contains(known, k.Value) {
			if s := Closest(k.Value, known); s != "" {
				c.add(k, Error, RuleUnknownKey, "messages.key.unknown.mean", text.Short(k.Value), what, s)
			} else {
				c.add(k, Error, RuleUnknownKey, "messages.key.unknown.list", text.Short(k.Value), what, strings.Join(known, ", "))
			}
			continue
		}
		set(k, v)
	}
	return true
}

// fields decodes the mapping n into owner by the table fs, checking every
// value. at is where a missing key is reported (the group's key, or the
// list item); required says whether missing required keys are.
func (c *checker) fields(n, at *yaml.Node, fs []*assessment.Field, owner any, what string, required bool) {
	ok := c.mapping(n, what, knownKeys(fs), func(k, v *yaml.Node) {
		c.value(k, v, assessment.Lookup(fs, k.Value), owner)
	})
	if !ok || !required {
		return
	}
	item := at == n && n != c.root // a list item is where its missing keys are reported
	for _, f := range fs {
		v := valueOf(n, f.Key)
		if !f.Required || has(v) {
			continue
		}
		at := at
		if v != nil {
			at = v // there, but empty
		}
		switch {
		case f.Kind == assessment.KindVersion:
			c.add(at, Error, RuleRequired, "messages.required.version", f.Key+":", assessment.FormatVersion)
		case item:
			// An action or a quote not yet whole is kept in a draft, as
			// nest assess keeps what was typed when someone stops
			// half-way: a final file needs it whole.
			sev := Warning
			if c.final {
				sev = Error
			}
			help := text.LowerFirst(text.FirstSentence(c.help(f)))
			if f.Kind == assessment.KindChoice {
				c.add(at, sev, RuleRequired, "messages.required.choice", what, f.Key, help, strings.Join(assessment.Keys(f.Choices()), ", "))
			} else {
				c.add(at, sev, RuleRequired, "messages.required.item", what, f.Key, help)
			}
		default:
			c.add(at, Error, RuleRequired, "messages.required.missing", f.Key, f.Key, text.LowerFirst(c.help(f)))
		}
	}
}

// value decodes one key's value into owner and checks it.
func (c *checker) value(k, v *yaml.Node, f *assessment.Field, owner any) {
	if f.Max > 0 && (v.Kind == yaml.SequenceNode && len(v.Content) > f.Max || v.Kind == yaml.MappingNode && len(v.Content) > 2*f.Max) {
		n := len(v.Content)
		if v.Kind == yaml.MappingNode {
			n /= 2
		}
		c.add(k, Error, RuleTooMany, "messages.too.many", f.Key, n, f.Max)
		return // not read further: nothing so long is worth the time
	}
	switch f.Kind {
	case assessment.KindVersion:
		n := c.integer(v, c.w.Say("messages.what.version", f.Key))
		*f.Number(owner) = n
		if i, ok := intValue(v); ok && i != assessment.FormatVersion {
			c.add(v, Error, RuleFormatVersion, "messages.format.version", i, assessment.FormatVersion, f.Key+":", assessment.FormatVersion)
		}
	case assessment.KindYear:
		*f.Number(owner) = c.integer(v, f.Key)
		if i, ok := intValue(v); ok && (i < assessment.MinYear || i > assessment.MaxYear) {
			c.add(v, Error, RuleYearRange, "messages.year.range", f.Key, i, assessment.MinYear, assessment.MaxYear)
		}
	case assessment.KindRating:
		*f.Number(owner) = c.integer(v, f.Key)
		if i, ok := intValue(v); ok && (i < 1 || i > len(assessment.Levels)) {
			c.add(v, Error, RuleRatingRange, "messages.rating.range", f.Key, i, c.levelRange())
		}
	case assessment.KindText:
		s := c.str(v, f.Key)
		*f.Text(owner) = s
		if f.FreeText && s != "" {
			c.personal(v, s)
			c.printable(v, s)
			c.commentInText(v, f)
		}
	case assessment.KindChoice:
		*f.Text(owner) = c.str(v, f.Key)
		if t, ok := textOf(v); ok && t != "" {
			c.oneOf(v, f, t)
		}
	case assessment.KindDate, assessment.KindMonth:
		*f.Text(owner) = c.date(v, f.Key)
		if t, ok := dateText(v); ok {
			if f.Kind == assessment.KindDate && !validDate(t) {
				c.add(v, Error, RuleDateFormat, "messages.date.format", f.Key, text.Short(t))
			}
			if f.Kind == assessment.KindMonth && !IsMonth(t) {
				c.add(v, Error, RuleDateFormat, "messages.month.format", f.Key, text.Short(t))
			}
		}
	case assessment.KindBool:
		*f.Flag(owner) = c.boolean(v, f.Key)
	case assessment.KindTags:
		*f.TagList(owner) = c.strings(v, f.Key)
		c.tags(v, f)
	case assessment.KindGroup:
		if isNull(v) {
			return
		}
		if v.Kind != yaml.MappingNode {
			c.add(v, Error, RuleType, "messages.type.group", f.Key, c.describe(v))
			return
		}
		// A group's own required keys apply where the group is allowed:
		// service's sector only in a service's file.
		required := f != assessment.FieldService || c.scope == assessment.ScopeService
		c.fields(v, k, f.Fields, f.Group(owner, true), f.Key, required)
	case assessment.KindList:
		for _, it := range c.list(v, f.Key) {
			if it.Kind != yaml.MappingNode {
				var needs []string
				for _, item := range f.Fields {
					if item.Required {
						needs = append(needs, item.Key+":")
					}
				}
				c.add(it, Error, RuleType, "messages.type.item", c.item(f), c.and(needs), c.describe(it))
				continue
			}
			c.fields(it, it, f.Fields, f.Add(owner), c.item(f), true)
		}
	case assessment.KindLabels:
		if isNull(v) {
			return
		}
		if v.Kind != yaml.MappingNode {
			c.add(v, Error, RuleType, "messages.type.labels", f.Key, c.describe(v))
			return
		}
		m := map[string]string{}
		for i := 0; i+1 < len(v.Content); i += 2 {
			tag, label := v.Content[i], v.Content[i+1]
			if t, ok := textOf(tag); ok {
				c.tag(tag, t, assessment.FieldThemes)
				if l := c.str(label, f.Key+" "+t); l != "" {
					m[t] = l
					c.personal(label, l)
					c.printable(label, l)
				}
			} else {
				c.add(tag, Error, RuleType, "messages.type.label.tag", f.Key, c.describe(tag))
			}
		}
		*f.Labels(owner) = m
	case assessment.KindPrinciples:
		c.mapping(v, f.Key, f.Keys(), func(k, v *yaml.Node) {
			r := f.Entry(owner, k.Value, true).(*assessment.Response)
			c.fields(v, k, f.Fields, r, k.Value, false)
			if isNull(v) || v.Kind == yaml.MappingNode {
				c.principle(k, v, r)
			}
		})
	}
}

// levelRange is "1 (basic) to 4 (embedded)", from the catalogue.
func (c *checker) levelRange() string {
	first, last := assessment.Levels[0], assessment.Levels[len(assessment.Levels)-1]
	name := func(l int) string { return strings.ToLower(c.w.Label("levels", strconv.Itoa(l))) }
	return c.w.Say("messages.level.range", first.Rating, name(first.Rating), last.Rating, name(last.Rating))
}

// and joins keys as "a and b" (or "a, b and c").
func (c *checker) and(keys []string) string {
	if len(keys) < 2 {
		return strings.Join(keys, "")
	}
	return c.w.Say("messages.and", strings.Join(keys[:len(keys)-1], ", "), keys[len(keys)-1])
}

// has reports whether a value is present and not empty (null, or text of
// only spaces: "   " says no more than "").
func has(n *yaml.Node) bool {
	return n != nil && !isNull(n) && !(n.Kind == yaml.ScalarNode && n.Tag == "!!str" && strings.TrimSpace(n.Value) == "")
}

// valueOf is the value of key in the mapping n, or nil.
func valueOf(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

// keyOf is the key node of key in the mapping n, or nil.
func keyOf(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i]
		}
	}
	return nil
}

// textOf is a scalar's text (a YAML date counts as text); ok is false for
// anything else.
func textOf(n *yaml.Node) (string, bool) {
	if n == nil || n.Kind != yaml.ScalarNode || (n.Tag != "!!str" && n.Tag != "!!timestamp") {
		return "", false
	}
	return n.Value, true
}

// dateText is a date as written, text or a number (20241031), for the date
// rules; ok is false when it is absent, empty or not a scalar.
func dateText(n *yaml.Node) (string, bool) {
	if n == nil || n.Kind != yaml.ScalarNode {
		return "", false
	}
	switch n.Tag {
	case "!!str", "!!timestamp", "!!int", "!!float":
		return n.Value, true
	}
	return "", false
}

func (c *checker) str(n *yaml.Node, what string) string {
	if isNull(n) {
		return ""
	}
	if n.Kind != yaml.ScalarNode || n.Tag != "!!str" {
		c.add(n, Error, RuleType, "messages.type.text", what, c.describe(n))
		return ""
	}
	return n.Value
}

// date accepts text or a YAML date (2024-10-31 unquoted is a timestamp).
// A number (20241031) is taken as text too, so that the date rule can say
// how to write it.
func (c *checker) date(n *yaml.Node, what string) string {
	if n.Kind == yaml.ScalarNode && (n.Tag == "!!timestamp" || n.Tag == "!!int" || n.Tag == "!!float") {
		return n.Value
	}
	return c.str(n, what)
}

func (c *checker) integer(n *yaml.Node, what string) int {
	if isNull(n) {
		return 0
	}
	if i, ok := intValue(n); ok {
		return i
	}
	c.add(n, Error, RuleType, "messages.type.number", what, c.describe(n))
	return 0
}

func (c *checker) boolean(n *yaml.Node, what string) bool {
	if isNull(n) {
		return false
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!bool" {
		var b bool
		if err := n.Decode(&b); err == nil {
			return b
		}
	}
	c.add(n, Error, RuleType, "messages.type.bool", what, c.describe(n))
	return false
}

func (c *checker) list(n *yaml.Node, what string) []*yaml.Node {
	if isNull(n) {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		c.add(n, Error, RuleType, "messages.type.list", what, c.describe(n))
		return nil
	}
	return n.Content
}

func (c *checker) strings(n *yaml.Node, what string) []string {
	items := c.list(n, what)
	if len(items) == 0 {
		return nil
	}
	out := make([]string, 0, len(items))
	for _, it := range items {
		switch {
		case isNull(it):
			c.add(it, Error, RuleType, "messages.type.each.empty", what)
		case it.Kind != yaml.ScalarNode || it.Tag != "!!str":
			// "each of ..." is made only when there is something to say
			c.add(it, Error, RuleType, "messages.type.text", c.w.Say("messages.what.each", what), c.describe(it))
		case it.Value != "":
			out = append(out, it.Value)
		}
	}
	return out
}

// oneOf checks a word against a closed list.
func (c *checker) oneOf(n *yaml.Node, f *assessment.Field, v string) {
	allowed := assessment.Keys(f.Choices())
	if slices.Contains(allowed, v) {
		return
	}
	if s := Closest(v, allowed); s != "" {
		c.add(n, Error, RuleUnknownValue, "messages.value.unknown.mean", f.Key, text.Short(v), s)
	} else {
		c.add(n, Error, RuleUnknownValue, "messages.value.unknown.list", f.Key, text.Short(v), strings.Join(allowed, ", "))
	}
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

func validDate(s string) bool {
	if len(s) != 10 {
		return false
	}
	_, err := time.Parse(time.DateOnly, s)
	return err == nil
}

// tags checks the form of each tag of a list.
func (c *checker) tags(n *yaml.Node, f *assessment.Field) {
	if n.Kind != yaml.SequenceNode {
		return
	}
	for _, item := range n.Content {
		if v, ok := textOf(item); ok {
			c.tag(item, v, f)
		}
	}
}

// tag checks the form of one tag, and that it is not personal data: tags
// are published too.
func (c *checker) tag(n *yaml.Node, v string, f *assessment.Field) {
	if kind := assessment.TagPersonalData(v); kind != "" {
		c.add(n, Warning, RulePersonalData, "messages.tag.personal", c.item(f), c.personalKind(kind))
	}
	switch {
	case isTag(v):
	case assessment.TagOf(v) == "":
		c.add(n, Error, RuleTagFormat, "messages.tag.empty", c.item(f), text.Short(v))
	default:
		c.add(n, Error, RuleTagFormat, "messages.tag.format", c.item(f), text.Short(v), assessment.TagOf(v))
	}
}

// personal warns when the text of n looks like personal data, at the line
// and column of what looks so.
func (c *checker) personal(n *yaml.Node, s string) {
	kind, offset := assessment.PersonalData(s)
	if kind == "" {
		return
	}
	if c.lines == nil {
		c.lines = &lines{data: c.data}
	}
	line, col := c.lines.textPos(n, offset)
	c.addAt(line, col, Warning, RulePersonalData, "messages.personal", c.personalKind(kind))
}

// personalKind says a kind of personal data ("a phone number", as
// assessment.PersonalData names it in English) in the checker's language.
func (c *checker) personalKind(kind string) string {
	for k, en := range assessment.PersonalDataKinds {
		if en == kind {
			return c.w.Say("personal_data." + k)
		}
	}
	return kind
}

// commentInText warns when a comment follows a plain one-line text on its
// line: in YAML, " #" starts a comment, so "We were ranked #1 in Wales" is
// read as "We were ranked", and nothing else would say so.
func (c *checker) commentInText(n *yaml.Node, f *assessment.Field) {
	if n.Style != 0 || n.LineComment == "" || strings.Contains(n.Value, "\n") {
		return
	}
	if c.lines == nil {
		c.lines = &lines{data: c.data}
	}
	line := string(c.lines.at(n.Line))
	col := n.Column
	if i := strings.Index(line, n.Value); i >= 0 {
		if j := strings.Index(line[i+len(n.Value):], "#"); j >= 0 {
			col = utf8.RuneCountInString(line[:i+len(n.Value)+j]) + 1
		}
	}
	c.addAt(n.Line, col, Warning, RuleCommentInText, "messages.comment",
		f.Key, text.Short(n.Value))
}

// printable warns when the text of n has characters the PDF report's font
// cannot draw, at the first of them.
func (c *checker) printable(n *yaml.Node, s string) {
	missing := fonts.Missing(s)
	if len(missing) == 0 {
		return
	}
	if c.lines == nil {
		c.lines = &lines{data: c.data}
	}
	line, col := c.lines.textPos(n, strings.IndexRune(s, missing[0]))
	c.addAt(line, col, Warning, RuleUnprintable, "messages.unprintable",
		fonts.Named(missing), string(fonts.Report().Placeholder()))
}

// principle checks what a principle's answers need together: a rating or
// a reason, a target at or above the rating, and something said behind a
// rating. k is the principle's key, v its answers (a mapping, or empty).
func (c *checker) principle(k, v *yaml.Node, r *assessment.Response) {
	rating := valueOf(v, assessment.FieldRating.Key)
	_, rated := intValue(orNull(rating))
	reason := has(valueOf(v, assessment.FieldNotRated.Key))
	switch {
	case rated && reason:
		c.add(keyOf(v, assessment.FieldNotRated.Key), Error, RuleNotRated, "messages.not.rated.both", k.Value)
	case !rated && !reason && !has(rating):
		sev := Warning
		if c.final {
			sev = Error
		}
		c.add(k, sev, RuleNotRated, "messages.not.rated", k.Value, len(assessment.Levels), assessment.FieldNotRated.Key)
	}
	target := valueOf(v, assessment.FieldTarget.Key)
	rv, rok := intValue(orNull(rating))
	tv, tok := intValue(orNull(target))
	if rok && tok && tv < rv && tv >= 1 && rv <= len(assessment.Levels) {
		c.add(target, Error, RuleTarget, "messages.target", assessment.FieldTarget.Key, tv, rv, rv)
	}
	if rok && rv >= 1 && rv <= len(assessment.Levels) && !r.HasText() {
		c.add(k, Warning, RuleNoEvidence, "messages.no.evidence", k.Value, rv)
	}
}

var nullNode = &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null"}

func orNull(n *yaml.Node) *yaml.Node {
	if n == nil {
		return nullNode
	}
	return n
}

// rules checks what the file's keys need together: a service group exactly
// for a service's file, what a final file needs, and children's voices.
func (c *checker) rules(a *assessment.Assessment) {
	root := c.root
	status := valueOf(root, assessment.FieldStatus.Key)
	service := valueOf(root, assessment.FieldService.Key)
	scope := valueOf(root, assessment.FieldScope.Key)
	scopeText, _ := textOf(scope)
	switch {
	case service != nil && !isNull(service) && service.Kind != yaml.MappingNode:
		// not a group of keys: reported already, nothing more to say
	case scopeText == assessment.ScopeService && !has(service):
		c.add(scope, Error, RuleServiceScope, "messages.service.needed", assessment.ScopeService, assessment.FieldService.Key, assessment.FieldService.Fields[0].Key)
	case scopeText != assessment.ScopeService && has(service) && scopeText != "":
		c.add(keyOf(root, assessment.FieldService.Key), Error, RuleServiceScope, "messages.service.only", assessment.FieldService.Key, assessment.ScopeService, assessment.ScopeService)
	}

	c.submittedWhen(a, valueOf(root, assessment.FieldSubmitted.Key))
	if c.final && !has(valueOf(root, assessment.FieldSubmitted.Key)) {
		c.add(status, Error, RuleFinal, "messages.final.submitted", assessment.FieldSubmitted.Key+":", assessment.StatusDraft)
	}
	principles := valueOf(root, assessment.FieldPrinciples.Key)
	if c.final {
		at := keyOf(root, assessment.FieldPrinciples.Key)
		if at == nil {
			at = root
		}
		for _, p := range assessment.Principles {
			if valueOf(principles, p.Key) == nil {
				c.add(at, Error, RuleFinal, "messages.final.principle", p.Key, c.w.Label("principles", p.Key))
			}
		}
	}

	// A voice given as something other than true or false was reported
	// already; do not guess that it means no.
	voices := valueOf(root, assessment.FieldVoices.Key)
	if !a.Voices.ChildrenHeard() && (voices == nil || isNull(voices) || voices.Kind == yaml.MappingNode) {
		unsure := false
		for _, f := range assessment.FieldVoices.Fields {
			if v := valueOf(voices, f.Key); f.ChildVoice() && v != nil && !isNull(v) && !(v.Kind == yaml.ScalarNode && v.Tag == "!!bool") {
				unsure = true
			}
		}
		if !unsure {
			at := keyOf(root, assessment.FieldVoices.Key)
			if at == nil {
				at = root
			}
			c.add(at, Warning, RuleChildrenVoice, "messages.children.voice", assessment.FieldVoices.Key+":")
		}
	}
}

// submittedWhen checks that a file was submitted around its year (the year
// before, of or after the round) and not after today.
func (c *checker) submittedWhen(a *assessment.Assessment, at *yaml.Node) {
	if at == nil || !validDate(a.Submitted) {
		return
	}
	y, _ := strconv.Atoi(a.Submitted[:4])
	key := assessment.FieldSubmitted.Key
	switch {
	case c.today != "" && a.Submitted > c.today:
		c.add(at, Error, RuleDateRange, "messages.date.future", key, a.Submitted, c.today)
	case a.Year >= assessment.MinYear && (y < a.Year-1 || y > a.Year+1):
		c.add(at, Error, RuleDateRange, "messages.date.far", key, a.Submitted, a.Year, a.Year-1, a.Year+1)
	}
}

// looksNEST decides whether a file is a NEST self-assessment at all, on more
// than a key's name (a CI file may have a job called nest:): the format
// version as a value, principles: holding a principle, or region: naming a
// region nest knows.
func looksNEST(root *yaml.Node) bool {
	if v := valueOf(root, assessment.FieldNest.Key); v != nil && v.Kind == yaml.ScalarNode {
		return true
	}
	if p := valueOf(root, assessment.FieldPrinciples.Key); p != nil && p.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(p.Content); i += 2 {
			if slices.Contains(assessment.PrincipleKeys(), p.Content[i].Value) || Closest(p.Content[i].Value, assessment.PrincipleKeys()) != "" {
				return true
			}
		}
	}
	r, ok := textOf(valueOf(root, assessment.FieldRegion.Key))
	return ok && (slices.Contains(assessment.RegionKeys(), r) || Closest(r, assessment.RegionKeys()) != "")
}
