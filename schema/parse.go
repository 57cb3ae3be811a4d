package schema

import (
	"bytes"
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/nest-nyth/nest/assessment"
	"github.com/nest-nyth/nest/internal/text"
	"go.yaml.in/yaml/v3"
)

// Reading a file into a YAML node tree, with the line and column of every
// problem found on the way.

// problem is something wrong with a file at a line and column (1-based).
type problem struct {
	Line, Column int
	Rule         string
	Message      string
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// parse turns bytes into the top-level mapping node, or says why it
// cannot, in the language of w. release is to be called when done with
// the tree: after it, no node of it may be used.
func parse(data []byte, w *assessment.Words) (root *yaml.Node, release func(), _ *problem) {
	if len(data) > assessment.MaxFileSize {
		return nil, nil, &problem{Line: 1, Column: 1, Rule: RuleFileTooLarge, Message: w.Say("messages.too.large.size", len(data), assessment.MaxFileSize)}
	}
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE, 0, 0}) || bytes.HasPrefix(data, []byte{0, 0, 0xFE, 0xFF}) {
		return nil, nil, &problem{Line: 1, Column: 1, Rule: RuleEncoding, Message: w.Say("messages.encoding.utf", "UTF-32")}
	}
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return nil, nil, &problem{Line: 1, Column: 1, Rule: RuleEncoding, Message: w.Say("messages.encoding.utf", "UTF-16")}
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		line, col := offsetPos(data, i)
		return nil, nil, &problem{Line: line, Column: col, Rule: RuleEncoding, Message: w.Say("messages.encoding.binary")}
	}
	if !utf8.Valid(data) {
		i := firstInvalid(data)
		line, col := offsetPos(data, i)
		return nil, nil, &problem{Line: line, Column: col, Rule: RuleEncoding, Message: w.Say("messages.encoding.invalid")}
	}
	// Unmarshal reads from the bytes directly, faster than a Decoder over a
	// reader, and reads only the first document: a second is found by its
	// marker line, with no second parse.
	if root, release, ok := fastParse(data); ok {
		return root, release, nil
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, nil, syntaxProblem(data, err, w)
	}
	if line := secondDocumentLine(data); line > 0 {
		return nil, nil, &problem{Line: line, Column: 1, Rule: RuleDocuments, Message: w.Say("messages.documents")}
	}
	if len(doc.Content) == 0 {
		return nil, nil, emptyProblem(data, w)
	}
	root = doc.Content[0]
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return nil, nil, emptyProblem(data, w)
	}
	if root.Kind != yaml.MappingNode {
		return nil, nil, &problem{Line: root.Line, Column: root.Column, Rule: RuleType, Message: w.Say("messages.not.mapping", describe(w, root))}
	}
	return root, func() {}, nil
}

func emptyProblem(data []byte, w *assessment.Words) *problem {
	key := "messages.empty"
	if len(bytes.TrimSpace(data)) > 0 {
		key = "messages.empty.comments"
	}
	return &problem{Line: 1, Column: 1, Rule: RuleEmpty, Message: w.Say(key)}
}

// syntaxProblem turns a yaml.v3 error into a problem with a line, and
// explains tabs, the commonest cause, in plain words. The commonest of
// yaml.v3's messages are said in w's words, the library's own kept after
// them in brackets; any other is given as the library words it, in
// English, after w's words for "this is not valid YAML".
func syntaxProblem(data []byte, err error, w *assessment.Words) *problem {
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
		return &problem{Line: tl, Column: 1, Rule: RuleTabs, Message: w.Say("messages.tabs")}
	}
	line = max(line, 1) // every finding has a line and column, 1:1 for the whole file
	col := 1
	for _, h := range syntaxHints {
		if strings.Contains(msg, h.yaml) {
			msg = w.Say("messages.syntax.hint", w.Say(h.key), msg)
			break
		}
	}
	return &problem{Line: line, Column: col, Rule: RuleSyntax, Message: w.Say("messages.syntax", msg)}
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

// syntaxHints put yaml.v3's commonest messages in a coordinator's words:
// the catalogue's, by key.
var syntaxHints = []struct{ yaml, key string }{
	{"found unexpected end of stream", "messages.syntax.end"},
	{"mapping values are not allowed in this context", "messages.syntax.colon"},
	{"did not find expected key", "messages.syntax.indent"},
	{"could not find expected ':'", "messages.syntax.no.colon"},
	{"did not find expected ',' or ']'", "messages.syntax.list"},
	{"did not find expected ',' or '}'", "messages.syntax.group"},
	{"found character that cannot start any token", "messages.syntax.character"},
	{"did not find expected '-' indicator", "messages.syntax.item"},
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

func offsetPos(data []byte, offset int) (line, col int) {
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

// describe names the kind of a node for messages, in w's words.
func describe(w *assessment.Words, n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return w.Say("messages.describe.group")
	case yaml.SequenceNode:
		return w.Say("messages.describe.list")
	case yaml.AliasNode:
		return w.Say("messages.describe.alias")
	}
	switch n.Tag {
	case "!!null":
		return w.Say("messages.describe.empty")
	case "!!int", "!!float":
		return w.Say("messages.describe.number", text.Safe(text.Short(n.Value)))
	case "!!bool":
		return w.Say("messages.describe.bool", text.Safe(text.Short(n.Value)))
	case "!!timestamp":
		return w.Say("messages.describe.date", text.Safe(text.Short(n.Value)))
	}
	return strconv.Quote(text.Short(n.Value))
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

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

func Closest(s string, allowed []string) string {
	norm := assessment.TagOf(s)
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

// lines indexes a file's lines, made once a file and only when a finding
// needs a position inside text: each lookup is then cheap, however long the
// file.
type lines struct {
	data   []byte
	starts []int // byte offset of each line, from line 1
}

func (l *lines) at(line int) []byte {
	if l.starts == nil {
		l.starts = append(l.starts, 0)
		for i, c := range l.data {
			if c == '\n' {
				l.starts = append(l.starts, i+1)
			}
		}
	}
	if line < 1 || line > len(l.starts) {
		return nil
	}
	b := l.data[l.starts[line-1]:]
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		b = b[:i]
	}
	return b
}

// indent counts the spaces that start a line; blank says whether the line
// holds nothing else.
func (l *lines) indent(line int) (spaces int, blank bool) {
	b := l.at(line)
	for spaces < len(b) && b[spaces] == ' ' {
		spaces++
	}
	return spaces, spaces == len(bytes.TrimRight(b, "\r"))
}

// from returns a line from rune column col on.
func (l *lines) from(line, col int) string {
	s := string(l.at(line))
	for c := 1; c < col && s != ""; c++ {
		_, size := utf8.DecodeRuneInString(s)
		s = s[size:]
	}
	return s
}

// textPos returns the line and column of the byte at offset inside the
// text of the scalar n. It is exact for literal blocks (|) and one-line
// values, and the start of the value otherwise.
func (l *lines) textPos(n *yaml.Node, offset int) (line, col int) {
	if n.Kind != yaml.ScalarNode || offset < 0 || offset > len(n.Value) {
		return n.Line, n.Column
	}
	before := n.Value[:offset]
	lineStart := strings.LastIndexByte(before, '\n') + 1
	runes := utf8.RuneCountInString(before[lineStart:])
	switch {
	case n.Style&yaml.LiteralStyle != 0:
		// The block's indentation is its first line's that holds text;
		// spaces beyond it are part of the text, and counted in runes
		// already.
		first, last := n.Line+1, n.Line+1+strings.Count(n.Value, "\n")
		indent, blank := l.indent(first)
		for first < last && blank {
			first++
			indent, blank = l.indent(first)
		}
		line = n.Line + 1 + strings.Count(before, "\n")
		return line, indent + runes + 1
	case n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 && !strings.HasPrefix(l.from(n.Line, n.Column+1), before):
		return n.Line, n.Column // an escape before it: columns in the file and the text differ
	case !strings.Contains(n.Value, "\n"):
		col = n.Column + runes
		if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
			col++
		}
		return n.Line, col
	}
	return n.Line, n.Column
}
