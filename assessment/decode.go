package assessment

import (
	"bytes"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// MaxFileSize is the largest file Decode accepts. A self-assessment is a few
// kilobytes; anything near this size is a mistake or an attack.
const MaxFileSize = 1 << 20

// Rules of the problems Decode reports. They are the rule ids shown to users.
const (
	RuleFileTooLarge = "file-too-large"
	RuleEncoding     = "encoding"
	RuleEmpty        = "empty-file"
	RuleSyntax       = "yaml-syntax"
	RuleTabs         = "tab-indent"
	RuleDocuments    = "multiple-documents"
	RuleDuplicateKey = "duplicate-key"
	RuleAlias        = "yaml-alias"
	RuleUnknownKey   = "unknown-key"
	RuleNotNest      = "not-nest"
	RuleType         = "wrong-type"
)

// Problem is something wrong with a file, at a line and column (1-based;
// 0 when the problem is with the whole file).
type Problem struct {
	Line, Column int
	Rule         string
	Message      string
}

// Pos is a line and column in a file, both counted from 1.
type Pos struct{ Line, Column int }

// Document is a decoded file: the assessment, and the YAML tree it was read
// from so that later checks can point at the line of any value.
type Document struct {
	Assessment *Assessment
	root       *yaml.Node // the top-level mapping, or the value a view is of
	key        *yaml.Node // for a view, the key (or list item) it is under
	data       []byte     // the file, to place positions inside text
}

// Decode reads one assessment from YAML. It reports every problem of shape
// and type it finds; the Document is nil only when the file could not be read
// as YAML at all. Values are not range-checked here: see package schema.
func Decode(data []byte) (*Document, []Problem) {
	root, p := parse(data)
	if p != nil {
		return nil, []Problem{*p}
	}
	var d decoder
	d.checkTree(root)
	if d.aliasSeen {
		return nil, d.problems // never follow an alias: it may be a bomb
	}
	if !anyKey(root, topKeys) {
		// Another tool's YAML: one finding, not one for every key.
		return nil, []Problem{{Line: root.Line, Column: root.Column, Rule: RuleNotNest,
			Message: "this is not a NEST self-assessment: it has none of the keys nest:, region:, principles: (another tool's file?)"}}
	}
	a := d.assessment(root)
	return &Document{Assessment: a, root: root, data: data}, d.problems
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// parse turns bytes into the top-level mapping node, or says why it cannot.
func parse(data []byte) (*yaml.Node, *Problem) {
	if len(data) > MaxFileSize {
		return nil, &Problem{Rule: RuleFileTooLarge, Message: fmt.Sprintf("file is %d bytes, over the limit of %d (1 MiB): is this really a NEST self-assessment?", len(data), MaxFileSize)}
	}
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return nil, &Problem{Line: 1, Column: 1, Rule: RuleEncoding, Message: "file is in UTF-16: save it as UTF-8"}
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		line, col := position(data, i)
		return nil, &Problem{Line: line, Column: col, Rule: RuleEncoding, Message: "file holds binary data (a NUL byte), not YAML text"}
	}
	if !utf8.Valid(data) {
		i := firstInvalid(data)
		line, col := position(data, i)
		return nil, &Problem{Line: line, Column: col, Rule: RuleEncoding, Message: "file is not valid UTF-8 text: save it as UTF-8 (in Excel or Word: \"CSV UTF-8\" or \"Unicode (UTF-8)\")"}
	}
	// Unmarshal reads from the bytes directly, faster than a Decoder over a
	// reader, and reads only the first document: a second is found by its
	// marker line, with no second parse.
	if root, ok := fastParse(data); ok {
		return root, nil
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, syntaxProblem(data, err)
	}
	if line := secondDocumentLine(data); line > 0 {
		return nil, &Problem{Line: line, Column: 1, Rule: RuleDocuments, Message: "file holds more than one YAML document (a second ---): put each self-assessment in a file of its own"}
	}
	if len(doc.Content) == 0 {
		return nil, emptyProblem(data)
	}
	root := doc.Content[0]
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return nil, emptyProblem(data)
	}
	if root.Kind != yaml.MappingNode {
		return nil, &Problem{Line: root.Line, Column: root.Column, Rule: RuleType, Message: "a NEST file is a group of keys with their values (nest: 1, region: ..., principles: ...), not " + describe(root)}
	}
	return root, nil
}

func emptyProblem(data []byte) *Problem {
	msg := "file is empty"
	if len(bytes.TrimSpace(data)) > 0 {
		msg = "file has only comments, no answers"
	}
	return &Problem{Rule: RuleEmpty, Message: msg + ": start from `nest init` or run `nest assess`"}
}

// syntaxProblem turns a yaml.v3 error into a problem with a line, and
// explains tabs, the commonest cause, in plain words.
func syntaxProblem(data []byte, err error) *Problem {
	msg := err.Error()
	line := 0
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	} else {
		msg = strings.TrimPrefix(msg, "yaml: ")
	}
	if first := firstBadLine(data); first > 0 {
		line = first
	}
	if tl := tabIndentLine(data, line); tl > 0 {
		return &Problem{Line: tl, Column: 1, Rule: RuleTabs, Message: "line is indented with a tab: YAML needs spaces for indentation"}
	}
	col := 0
	if line > 0 {
		col = 1
	}
	for _, h := range syntaxHints {
		if strings.Contains(msg, h.yaml) {
			msg = h.plain + " (" + msg + ")"
			break
		}
	}
	return &Problem{Line: line, Column: col, Rule: RuleSyntax, Message: "this is not valid YAML: " + msg}
}

// firstBadLine finds the line a YAML error is on. yaml.v3 names the line
// where the enclosing block starts, which can be far above the mistake; the
// first line at which the file's beginning stops parsing is the mistake's.
// Lines are counted from 1; 0 means the error shows only at the end of the
// file (an unclosed quote or bracket), where yaml.v3's line stands.
func firstBadLine(data []byte) int {
	var starts []int // byte offset just past each line
	for i, c := range data {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	starts = append(starts, len(data))
	fails := func(lines int) bool {
		var n yaml.Node
		err := yaml.Unmarshal(data[:starts[lines-1]], &n)
		return err != nil && !strings.Contains(err.Error(), "end of stream")
	}
	if !fails(len(starts)) {
		return 0
	}
	lo, hi := 1, len(starts) // the answer is in [lo, hi]
	for lo < hi {
		mid := (lo + hi) / 2
		if fails(mid) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	// An unclosed [list] or {group} fails only at the next line: name the
	// line that opened it.
	line := lo
	text := strings.Split(string(data), "\n")
	for l := line - 1; l >= 1 && l >= line-1; l-- {
		t := text[l-1]
		if strings.Count(t, "[") > strings.Count(t, "]") || strings.Count(t, "{") > strings.Count(t, "}") {
			return l
		}
	}
	return line
}

// syntaxHints put yaml.v3's commonest messages in a coordinator's words.
var syntaxHints = []struct{ yaml, plain string }{
	{"found unexpected end of stream", "the file ends in the middle of a value: is a quote or bracket not closed?"},
	{"mapping values are not allowed in this context", "a colon followed by a space inside a value: put the value in quotes, or check the indentation"},
	{"did not find expected key", "a line is indented out of step with the lines around it"},
	{"could not find expected ':'", "a key has no colon after it, or a line is indented out of step"},
	{"did not find expected ',' or ']'", "a [list] is not closed with ]"},
	{"did not find expected ',' or '}'", "a {group} is not closed with }"},
	{"found character that cannot start any token", "a character YAML does not allow at the start of a value (such as @ or `): put the value in quotes"},
	{"did not find expected '-' indicator", "a list item is indented out of step with the items around it"},
}

// tabIndentLine returns the first line, up to and including limit (or any
// line when limit is 0), whose indentation holds a tab; 0 if there is none.
func tabIndentLine(data []byte, limit int) int {
	for n, line := range bytes.Split(data, []byte("\n")) {
		if limit > 0 && n+1 > limit {
			break
		}
		for _, c := range line {
			if c == '\t' {
				return n + 1
			}
			if c != ' ' {
				break
			}
		}
	}
	return 0
}

// secondDocumentLine returns the line of a marker that starts a second
// YAML document (--- after content, or content after ...), or 0.
func secondDocumentLine(data []byte) int {
	if !bytes.Contains(data, []byte("---")) && !bytes.Contains(data, []byte("...")) {
		return 0
	}
	content, ended := false, false
	for n, line := range bytes.Split(data, []byte("\n")) {
		switch {
		case isMarker(line, "---"):
			if content || ended {
				return n + 1
			}
			content = true // what follows --- on its line, if anything, is content
		case isMarker(line, "..."):
			ended = content
		default:
			t := bytes.TrimSpace(line)
			if len(t) == 0 || t[0] == '#' || (!content && t[0] == '%') {
				continue
			}
			if ended {
				return n + 1
			}
			content = true
		}
	}
	return 0
}

func isMarker(line []byte, marker string) bool {
	return bytes.HasPrefix(line, []byte(marker)) &&
		(len(line) == 3 || line[3] == ' ' || line[3] == '\t' || line[3] == '\r')
}

func position(data []byte, offset int) (line, col int) {
	before := data[:offset]
	line = bytes.Count(before, []byte("\n")) + 1
	start := bytes.LastIndexByte(before, '\n') + 1
	col = utf8.RuneCount(before[start:]) + 1
	return line, col
}

func firstInvalid(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(data)
}

// describe names the kind of a node for messages.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a group of keys"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	}
	switch n.Tag {
	case "!!null":
		return "empty"
	case "!!int", "!!float":
		return "the number " + n.Value
	case "!!bool":
		return "yes/no value " + n.Value
	case "!!timestamp":
		return "the date " + n.Value
	}
	return strconv.Quote(short(n.Value))
}

func short(s string) string {
	if utf8.RuneCountInString(s) > 40 {
		r := []rune(s)
		return string(r[:37]) + "..."
	}
	return s
}

type decoder struct {
	problems  []Problem
	aliasSeen bool // one alias problem a file is enough
}

func (d *decoder) add(n *yaml.Node, rule, format string, args ...any) {
	d.problems = append(d.problems, Problem{Line: n.Line, Column: n.Column, Rule: rule, Message: fmt.Sprintf(format, args...)})
}

// checkTree rejects what YAML allows but a NEST file must not hold:
// duplicate keys (yaml.v3 keeps both in a node tree) and anchors and aliases
// (which can expand a small file into a huge one).
func (d *decoder) checkTree(n *yaml.Node) {
	if n.Kind == yaml.AliasNode || n.Anchor != "" {
		if !d.aliasSeen {
			d.add(n, RuleAlias, "YAML anchors and aliases (& and *) are not allowed in a NEST file: write the text out in full")
			d.aliasSeen = true
		}
		return
	}
	if n.Kind == yaml.MappingNode && len(n.Content) > 2 {
		d.duplicates(n.Content)
	}
	for _, c := range n.Content {
		d.checkTree(c)
	}
}

// duplicates reports repeated keys among a mapping's keys and values. The
// format's mappings are small, where comparing pairs beats a map; a large
// one (only a hostile file has one) gets a map.
func (d *decoder) duplicates(content []*yaml.Node) {
	report := func(k, prev *yaml.Node) {
		d.add(k, RuleDuplicateKey, "key %q appears twice (first on line %d): keep one", short(k.Value), prev.Line)
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

// fields walks a mapping, calling set for each key. set returns false for a
// key it does not know. what names the mapping in messages.
func (d *decoder) fields(n *yaml.Node, what string, known []string, set func(key string, v *yaml.Node)) bool {
	if n.Kind != yaml.MappingNode {
		if !isNull(n) {
			d.add(n, RuleType, "%s should be a group of keys, not %s", what, describe(n))
		}
		return false
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			d.add(k, RuleUnknownKey, "a key in %s is %s: keys are single words, like %s", what, describe(k), known[0])
			continue
		}
		if !contains(known, k.Value) {
			msg := fmt.Sprintf("unknown key %q in %s", short(k.Value), what)
			if s := Closest(k.Value, known); s != "" {
				msg += fmt.Sprintf(": did you mean %q?", s)
			} else {
				msg += ": expected one of " + strings.Join(known, ", ")
			}
			d.add(k, RuleUnknownKey, "%s", msg)
			continue
		}
		set(k.Value, v)
	}
	return true
}

// isGroup reports whether a list item is a group of keys, and says what is
// wrong when it is not, an empty item (-) included.
func (d *decoder) isGroup(n *yaml.Node, what, needs string) bool {
	if n.Kind == yaml.MappingNode {
		return true
	}
	d.add(n, RuleType, "%s should be a group of keys with %s, not %s", what, needs, describe(n))
	return false
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

func (d *decoder) str(n *yaml.Node, what string) string {
	if isNull(n) {
		return ""
	}
	if n.Kind != yaml.ScalarNode || n.Tag != "!!str" {
		d.add(n, RuleType, "%s should be text, not %s", what, describe(n))
		return ""
	}
	return n.Value
}

// date accepts text or a YAML date (2024-10-31 unquoted is a timestamp).
// A number (20241031) is taken as text too, so that the date rule can say
// how to write it.
func (d *decoder) date(n *yaml.Node, what string) string {
	if n.Kind == yaml.ScalarNode && (n.Tag == "!!timestamp" || n.Tag == "!!int" || n.Tag == "!!float") {
		return n.Value
	}
	return d.str(n, what)
}

func (d *decoder) integer(n *yaml.Node, what string) int {
	if isNull(n) {
		return 0
	}
	if i, ok := intValue(n); ok {
		return i
	}
	d.add(n, RuleType, "%s should be a whole number, not %s", what, describe(n))
	return 0
}

// intValue reads a whole number. A float with no fraction (2.0) counts, as
// it does in JSON Schema.
func intValue(n *yaml.Node) (int, bool) {
	if n.Kind != yaml.ScalarNode {
		return 0, false
	}
	switch n.Tag {
	case "!!int":
		v := strings.ReplaceAll(n.Value, "_", "")
		base := 0
		if t := strings.TrimLeft(v, "+-"); len(t) > 1 && t[0] == '0' && t[1] >= '0' && t[1] <= '9' {
			base = 10 // 010 is ten to a person, not eight
		}
		i, err := strconv.ParseInt(v, base, 64)
		return int(i), err == nil
	case "!!float":
		f, err := strconv.ParseFloat(n.Value, 64)
		if err == nil && f == math.Trunc(f) && math.Abs(f) < 1<<53 {
			return int(f), true
		}
	}
	return 0, false
}

func (d *decoder) boolean(n *yaml.Node, what string) bool {
	if isNull(n) {
		return false
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!bool" {
		var b bool
		if err := n.Decode(&b); err == nil {
			return b
		}
	}
	d.add(n, RuleType, "%s should be true or false, not %s", what, describe(n))
	return false
}

func (d *decoder) list(n *yaml.Node, what string) []*yaml.Node {
	if isNull(n) {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		d.add(n, RuleType, "%s should be a list, not %s", what, describe(n))
		return nil
	}
	return n.Content
}

func (d *decoder) strings(n *yaml.Node, what string) []string {
	items := d.list(n, what)
	if len(items) == 0 {
		return nil
	}
	out := make([]string, 0, len(items))
	for _, it := range items {
		if isNull(it) {
			d.add(it, RuleType, "each of %s should be text, not empty", what)
			continue
		}
		if s := d.str(it, "each of "+what); s != "" {
			out = append(out, s)
		}
	}
	return out
}

var (
	topKeys       = []string{"nest", "region", "scope", "organisation", "service", "year", "submitted", "status", "voices", "principles"}
	serviceKeys   = []string{"sector", "funding"}
	voicesKeys    = []string{"children_and_young_people", "babies_and_younger_children", "parents_and_carers", "practitioners", "how"}
	responseKeys  = []string{"rating", "not_rated", "target", "working_well", "concerns", "good_looks_like", "actions", "themes", "feedback"}
	actionKeys    = []string{"action", "owner", "due"}
	quoteKeys     = []string{"quote", "from"}
	principleKeys []string // filled with the catalogue
)

func (d *decoder) assessment(root *yaml.Node) *Assessment {
	a := &Assessment{Principles: map[string]*Response{}}
	d.fields(root, "the file", topKeys, func(key string, v *yaml.Node) {
		switch key {
		case "nest":
			a.Nest = d.integer(v, "nest (the format version)")
		case "region":
			a.Region = d.str(v, "region")
		case "scope":
			a.Scope = d.str(v, "scope")
		case "organisation":
			a.Organisation = d.str(v, "organisation")
		case "service":
			if isNull(v) {
				return
			}
			a.Service = &Service{}
			d.fields(v, "service", serviceKeys, func(key string, v *yaml.Node) {
				switch key {
				case "sector":
					a.Service.Sector = d.str(v, "sector")
				case "funding":
					a.Service.Funding = d.strings(v, "funding")
				}
			})
		case "year":
			a.Year = d.integer(v, "year")
		case "submitted":
			a.Submitted = d.date(v, "submitted")
		case "status":
			a.Status = d.str(v, "status")
		case "voices":
			d.voices(v, &a.Voices)
		case "principles":
			d.fields(v, "principles", principleKeys, func(key string, v *yaml.Node) {
				a.Principles[key] = d.response(v, key)
			})
		}
	})
	return a
}

func (d *decoder) voices(n *yaml.Node, v *Voices) {
	d.fields(n, "voices", voicesKeys, func(key string, n *yaml.Node) {
		switch key {
		case "children_and_young_people":
			v.ChildrenAndYoungPeople = d.boolean(n, key)
		case "babies_and_younger_children":
			v.BabiesAndYoungerChildren = d.boolean(n, key)
		case "parents_and_carers":
			v.ParentsAndCarers = d.boolean(n, key)
		case "practitioners":
			v.Practitioners = d.boolean(n, key)
		case "how":
			v.How = d.str(n, "how")
		}
	})
}

func (d *decoder) response(n *yaml.Node, principle string) *Response {
	r := &Response{}
	d.fields(n, principle, responseKeys, func(key string, v *yaml.Node) {
		switch key {
		case "rating":
			r.Rating = d.integer(v, "rating")
		case "not_rated":
			r.NotRated = d.str(v, "not_rated")
		case "target":
			r.Target = d.integer(v, "target")
		case "working_well":
			r.WorkingWell = d.str(v, "working_well")
		case "concerns":
			r.Concerns = d.str(v, "concerns")
		case "good_looks_like":
			r.GoodLooksLike = d.str(v, "good_looks_like")
		case "actions":
			for _, it := range d.list(v, "actions") {
				if !d.isGroup(it, "each action", "action: what will be done") {
					continue
				}
				var act Action
				d.fields(it, "each action", actionKeys, func(key string, v *yaml.Node) {
					switch key {
					case "action":
						act.Action = d.str(v, "action")
					case "owner":
						act.Owner = d.str(v, "owner")
					case "due":
						act.Due = d.date(v, "due")
					}
				})
				r.Actions = append(r.Actions, act)
			}
		case "themes":
			r.Themes = d.strings(v, "themes")
		case "feedback":
			for _, it := range d.list(v, "feedback") {
				if !d.isGroup(it, "each feedback item", "quote: and from:") {
					continue
				}
				var q Quote
				d.fields(it, "each feedback quote", quoteKeys, func(key string, v *yaml.Node) {
					switch key {
					case "quote":
						q.Quote = d.str(v, "quote")
					case "from":
						q.From = d.str(v, "from")
					}
				})
				r.Feedback = append(r.Feedback, q)
			}
		}
	})
	return r
}

// anyKey reports whether a mapping has any of the keys.
func anyKey(m *yaml.Node, keys []string) bool {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if contains(keys, m.Content[i].Value) {
			return true
		}
	}
	return false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Closest returns the allowed word a person most likely meant by s: the
// same word in other spelling (Gwent, north wales, Cardiff & Vale) or one
// a typo away. It returns "" when nothing is close.
func Closest(s string, allowed []string) string {
	norm := TagOf(s)
	for _, a := range allowed {
		if strings.ReplaceAll(a, "_", "-") == norm {
			return a
		}
	}
	best, bestDist := "", 3
	for _, a := range allowed {
		if dist := editDistance(norm, strings.ReplaceAll(a, "_", "-")); dist < bestDist {
			best, bestDist = a, dist
		}
	}
	return best
}

// TagOf turns text into a tag of lowercase words joined by hyphens
// ("Staff retention" -> "staff-retention").
func TagOf(s string) string {
	var b strings.Builder
	dash := false
	s = strings.ReplaceAll(s, "&", " and ")
	for _, r := range strings.ToLower(s) {
		r = unaccent(r)
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	return b.String()
}

// unaccent turns the accented Latin letters of Welsh and its neighbours
// (ŵ ŷ â ê î ô û ï é à ...) into their plain letter, so that "Tŷ Teulu"
// makes the tag ty-teulu.
func unaccent(r rune) rune {
	if r < 0xC0 || r > 0x17F {
		return r
	}
	const from = "àáâãäåèéêëìíîïòóôõöùúûüýÿŵŷāăąēĕėęěīĭįōŏőūŭůűųçćĉċčñńņňśŝşšźżž"
	const to = "aaaaaaeeeeiiiiooooouuuuyywyaaaeeeeeiiiooouuuuucccccnnnnsssszzz"
	if i := strings.IndexRune(from, r); i >= 0 {
		return rune(to[utf8.RuneCountInString(from[:i])])
	}
	return r
}

func editDistance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		return 1 << 30
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// Has reports whether the value at path is present and not empty (null or
// empty text).
// Path elements are mapping keys, or list indexes written as numbers.
func (doc *Document) Has(path ...string) bool {
	n := doc.find(path)
	return n != nil && !isNull(n) && !(n.Kind == yaml.ScalarNode && n.Tag == "!!str" && n.Value == "")
}

// Pos returns the position of the value at path or, when it is absent, of
// the key of its nearest present ancestor, so that a message about a missing
// value points where it should go.
func (doc *Document) Pos(path ...string) Pos {
	n, key := doc.root, doc.key
	for _, p := range path {
		k, v := child(n, p)
		if v == nil {
			if key != nil {
				return Pos{key.Line, key.Column}
			}
			return Pos{n.Line, n.Column}
		}
		n, key = v, k
	}
	return Pos{n.Line, n.Column}
}

// KeyPos returns the position of the key at the end of path (for a list
// item, the item itself), or Pos of path when it is absent.
func (doc *Document) KeyPos(path ...string) Pos {
	if len(path) == 0 {
		if doc.key != nil {
			return Pos{doc.key.Line, doc.key.Column}
		}
		return Pos{doc.root.Line, doc.root.Column}
	}
	parent := doc.find(path[:len(path)-1])
	if parent != nil {
		if k, _ := child(parent, path[len(path)-1]); k != nil {
			return Pos{k.Line, k.Column}
		}
	}
	return doc.Pos(path...)
}

func (doc *Document) find(path []string) *yaml.Node {
	n := doc.root
	for _, p := range path {
		_, n = child(n, p)
		if n == nil {
			return nil
		}
	}
	return n
}

// child returns the key and value of p in a mapping, or the item at index p
// in a list (as both key and value).
func child(n *yaml.Node, p string) (k, v *yaml.Node) {
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == p {
				return n.Content[i], n.Content[i+1]
			}
		}
	case yaml.SequenceNode:
		if i, err := strconv.Atoi(p); err == nil && i >= 0 && i < len(n.Content) {
			return n.Content[i], n.Content[i]
		}
	}
	return nil, nil
}

// Int returns the whole number at path; ok is false when it is absent,
// empty or not a whole number (Decode has reported the last).
func (doc *Document) Int(path ...string) (value int, ok bool) {
	n := doc.find(path)
	if n == nil {
		return 0, false
	}
	return intValue(n)
}

// Text returns the text at path (a YAML date counts as text); ok is false
// when it is absent, empty or not text.
func (doc *Document) Text(path ...string) (value string, ok bool) {
	n := doc.find(path)
	if n == nil || n.Kind != yaml.ScalarNode || (n.Tag != "!!str" && n.Tag != "!!timestamp") {
		return "", false
	}
	return n.Value, true
}

// DateText returns a date as written, text or a number (20241031), for
// the date rules; ok is false when it is absent, empty or not a scalar.
func (doc *Document) DateText(path ...string) (value string, ok bool) {
	n := doc.find(path)
	if n == nil || n.Kind != yaml.ScalarNode {
		return "", false
	}
	switch n.Tag {
	case "!!str", "!!timestamp", "!!int", "!!float":
		return n.Value, true
	}
	return "", false
}

// IsBool reports whether the value at path is true or false, or absent
// or empty; false when it is something else.
func (doc *Document) IsBool(path ...string) bool {
	n := doc.find(path)
	return n == nil || isNull(n) || n.Kind == yaml.ScalarNode && n.Tag == "!!bool"
}

// At returns a view of the part of the document at path, whose own paths
// and positions start there; nil when nothing is at path.
func (doc *Document) At(path ...string) *Document {
	if len(path) == 0 {
		return doc
	}
	parent := doc.find(path[:len(path)-1])
	if parent == nil {
		return nil
	}
	k, v := child(parent, path[len(path)-1])
	if v == nil {
		return nil
	}
	return &Document{Assessment: doc.Assessment, root: v, key: k, data: doc.data}
}

// Items returns a view of each item of the list at path; none when it is
// absent or not a list.
func (doc *Document) Items(path ...string) []*Document {
	n := doc.find(path)
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil
	}
	views := make([]Document, len(n.Content))
	items := make([]*Document, len(n.Content))
	for i, it := range n.Content {
		views[i] = Document{Assessment: doc.Assessment, root: it, key: it, data: doc.data}
		items[i] = &views[i]
	}
	return items
}

// Exists reports whether a key or list item is at path, even if empty.
func (doc *Document) Exists(path ...string) bool {
	return doc.find(path) != nil
}

// IsMap reports whether the value at path is a group of keys.
func (doc *Document) IsMap(path ...string) bool {
	n := doc.find(path)
	return n != nil && n.Kind == yaml.MappingNode
}

// TextPos returns the line and column of the byte at offset inside the text
// at path. It is exact for literal blocks (|) and one-line values, and the
// start of the value otherwise.
func (doc *Document) TextPos(offset int, path ...string) (line, col int, ok bool) {
	n := doc.find(path)
	if n == nil || n.Kind != yaml.ScalarNode || offset < 0 || offset > len(n.Value) {
		return 0, 0, false
	}
	before := n.Value[:offset]
	lineStart := strings.LastIndexByte(before, '\n') + 1
	runes := utf8.RuneCountInString(before[lineStart:])
	switch {
	case n.Style&yaml.LiteralStyle != 0:
		// The block's indentation is its first line's; spaces beyond it
		// are part of the text, and counted in runes already.
		first := n.Line + 1
		for first < n.Line+1+strings.Count(n.Value, "\n") && lineIndent(doc.data, first) == lineLength(doc.data, first) {
			first++ // empty lines before the text
		}
		line = n.Line + 1 + strings.Count(before, "\n")
		return line, lineIndent(doc.data, first) + runes + 1, true
	case n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 && !strings.HasPrefix(lineFrom(doc.data, n.Line, n.Column+1), before):
		return n.Line, n.Column, true // an escape before it: columns in the file and the text differ
	case !strings.Contains(n.Value, "\n"):
		col = n.Column + runes
		if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
			col++
		}
		return n.Line, col, true
	}
	return n.Line, n.Column, true
}

// lineAt returns line (1-based) of data, without its newline.
func lineAt(data []byte, line int) []byte {
	for n := 1; n < line; n++ {
		i := bytes.IndexByte(data, '\n')
		if i < 0 {
			return nil
		}
		data = data[i+1:]
	}
	if i := bytes.IndexByte(data, '\n'); i >= 0 {
		data = data[:i]
	}
	return data
}

// lineFrom returns line (1-based) of data from rune column col on.
func lineFrom(data []byte, line, col int) string {
	s := string(lineAt(data, line))
	for c := 1; c < col && s != ""; c++ {
		_, size := utf8.DecodeRuneInString(s)
		s = s[size:]
	}
	return s
}

// lineLength is the length of a line of data (1-based).
func lineLength(data []byte, line int) int {
	return len(lineAt(data, line))
}

// lineIndent counts the spaces that start a line of data (1-based).
func lineIndent(data []byte, line int) int {
	l := lineAt(data, line)
	spaces := 0
	for spaces < len(l) && l[spaces] == ' ' {
		spaces++
	}
	return spaces
}
