package schema

import (
	"github.com/nest-nyth/nest/assessment"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
	"unsafe"

	"go.yaml.in/yaml/v3"
)

// fastParse reads the plain subset of YAML that NEST files are written in
// (block mappings and lists, plain and single-quoted text, | blocks, short
// [flow, lists]) straight into the node tree yaml.v3 would build, several
// times faster than yaml.v3. On anything outside that subset it gives up
// (ok false) and the caller parses with yaml.v3, so it changes no result:
// FuzzFastParse holds it to yaml.v3's tree, position for position.
func fastParse(data []byte) (root *yaml.Node, release func(), ok bool) {
	p := fastParser{}
	defer func() {
		if !ok {
			p.release()
		}
	}()
	if !p.split(data) {
		return nil, nil, false
	}
	i := p.next(0)
	if i < 0 || p.lines[i].indent != 0 {
		return nil, nil, false
	}
	root, ok = p.mapping(i, 0)
	if !ok || p.next(p.pos) >= 0 {
		return nil, nil, false
	}
	return root, p.release, true
}

type fastLine struct {
	text   string // without the newline
	off    int    // where text starts in the file
	indent int    // where the content starts: spaces, and "- " of a list item
	blank  bool   // only spaces, or a comment
}

type fastParser struct {
	src   string // the file's text
	lines []fastLine
	pos   int             // the first line not yet consumed
	slab  []yaml.Node     // where the next node is made
	used  []*[]yaml.Node  // the slabs taken from slabs
	ptrs  []*yaml.Node    // where the next list of a node's children is made
	lists []*[]*yaml.Node // the slabs taken from childLists
}

// Nodes are made in slabs, and a checked file's slabs are used again for
// the next: made one by one they were half the allocations of checking a
// file, and two thirds of its bytes, the garbage that set the collector
// going again and again through 10,000 files.
var slabs = sync.Pool{New: func() any {
	s := make([]yaml.Node, 0, 256)
	return &s
}}

// node is a new node like n.
func (p *fastParser) node(n yaml.Node) *yaml.Node {
	if len(p.slab) == cap(p.slab) {
		s := slabs.Get().(*[]yaml.Node)
		p.used = append(p.used, s)
		p.slab = (*s)[:0]
	}
	p.slab = append(p.slab, n)
	return &p.slab[len(p.slab)-1]
}

// Nodes' lists of children are made in slabs too, each at the size
// counted for it (children), not grown by doubling.
var childLists = sync.Pool{New: func() any {
	s := make([]*yaml.Node, 0, 512)
	return &s
}}

// children is an empty list of children with room for n.
func (p *fastParser) children(n int) []*yaml.Node {
	if n > 64 {
		return make([]*yaml.Node, 0, n)
	}
	if cap(p.ptrs)-len(p.ptrs) < n {
		s := childLists.Get().(*[]*yaml.Node)
		p.lists = append(p.lists, s)
		p.ptrs = (*s)[:0]
	}
	k := len(p.ptrs)
	p.ptrs = p.ptrs[:k+n]
	return p.ptrs[k : k : k+n]
}

// count is how many lines from i on are at column indent before one is
// less deep: the keys of a mapping there, or the items of a list (a list
// under a key at its own column counts the keys after it too: room
// enough).
func (p *fastParser) count(i, indent int) int {
	n := 0
	for ; i < len(p.lines); i++ {
		switch l := p.lines[i]; {
		case l.blank:
		case l.indent < indent:
			return n
		case l.indent == indent:
			n++
		}
	}
	return n
}

// release gives the parser's nodes back to be made again: nothing may
// hold one after. They are cleared first, so that a slab waiting in the
// pool keeps no file's text alive.
func (p *fastParser) release() {
	for _, s := range p.used {
		clear((*s)[:cap(*s)])
		slabs.Put(s)
	}
	p.used, p.slab = nil, nil
	for _, s := range p.lists {
		clear((*s)[:cap(*s)])
		childLists.Put(s)
	}
	p.lists, p.ptrs = nil, nil
	p.src = ""
	if p.lines != nil {
		clear(p.lines)
		lines := p.lines[:0]
		lineLists.Put(&lines)
		p.lines = nil
	}
}

// lineLists are the lists of a file's lines, used again as slabs are.
var lineLists = sync.Pool{New: func() any { return new([]fastLine) }}

// split cuts data into lines, refusing what the subset leaves to yaml.v3:
// tabs, carriage returns, byte order marks, document markers, directives.
func (p *fastParser) split(data []byte) bool {
	if len(data) == 0 || data[len(data)-1] != '\n' || !printable(data) {
		return false // without a final newline, the last | block ends differently
	}
	// The text is read where it lies, not copied: a copy of every file
	// was 30 MB of 10,000 files' checking. So data must not change while
	// what is read from it is in use (see Check).
	s := unsafe.String(unsafe.SliceData(data), len(data))
	p.src = s
	p.lines = (*lineLists.Get().(*[]fastLine))[:0]
	p.lines = slices.Grow(p.lines, strings.Count(s, "\n")+1)
	for len(s) > 0 {
		line, off := s, len(p.src)-len(s)
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			line, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		line = strings.TrimSuffix(line, "\r") // Windows line ends
		indent := 0
		for indent < len(line) && line[indent] == ' ' {
			indent++
		}
		rest := line[indent:]
		if indent == 0 && (strings.HasPrefix(rest, "%") || strings.HasPrefix(rest, "---") || strings.HasPrefix(rest, "...")) {
			return false
		}
		p.lines = append(p.lines, fastLine{text: line, off: off, indent: indent, blank: rest == "" || rest[0] == '#'})
	}
	return true
}

// printable reports whether data is UTF-8 made only of the characters
// YAML allows, less tabs, byte order marks and every line break but \n and
// \r\n (a lone carriage return, NEL, U+2028 and U+2029 move yaml.v3's
// line count).
func printable(data []byte) bool {
	for i := 0; i < len(data); {
		c := data[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\n' && !(c == '\r' && i+1 < len(data) && data[i+1] == '\n') || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError || r < 0xA0 || r == 0x2028 || r == 0x2029 || r >= 0xD800 && r <= 0xDFFF || r == 0xFEFF || r == 0xFFFE || r == 0xFFFF {
			return false
		}
		i += size
	}
	return true
}

// next returns the first line from i on that is not blank, or -1.
func (p *fastParser) next(i int) int {
	for ; i < len(p.lines); i++ {
		if !p.lines[i].blank {
			return i
		}
	}
	return -1
}

func col(text string, offset int) int {
	return utf8.RuneCountInString(text[:offset]) + 1
}

// mapping reads a block mapping whose keys start at column indent, from
// line i.
func (p *fastParser) mapping(i, indent int) (*yaml.Node, bool) {
	m := p.node(yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: i + 1, Column: indent + 1})
	m.Content = p.children(2 * p.count(i, indent))
	for i >= 0 && p.lines[i].indent == indent {
		line := p.lines[i]
		content := line.text[indent:]
		colon := strings.Index(content, ":")
		if colon <= 0 || (colon+1 < len(content) && content[colon+1] != ' ') {
			return nil, false
		}
		key := content[:colon]
		if !plainKey(key) {
			return nil, false
		}
		m.Content = append(m.Content, p.node(yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key, Line: i + 1, Column: indent + 1}))
		start := indent + colon + 1
		for start < len(line.text) && line.text[start] == ' ' {
			start++
		}
		value, ok := p.value(i, indent, start, indent+colon+1)
		if !ok {
			return nil, false
		}
		m.Content = append(m.Content, value)
		i = p.next(p.pos)
	}
	if i >= 0 && p.lines[i].indent > indent {
		return nil, false
	}
	return m, true
}

// plainKey accepts the keys of the format: letters, digits, _ and -,
// starting with a letter, and not a word YAML reads as a boolean or null.
func plainKey(k string) bool {
	if k == "" || !(k[0] >= 'a' && k[0] <= 'z' || k[0] >= 'A' && k[0] <= 'Z') {
		return false
	}
	for i := 0; i < len(k); i++ {
		c := k[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	switch k {
	case "true", "True", "TRUE", "false", "False", "FALSE", "null", "Null", "NULL":
		return false
	}
	return true
}

// value reads the value of a key at column indent on line i, starting at
// byte start of the line, and leaves p.pos after it. afterColon is the byte
// after the key's colon, where yaml.v3 places an empty value.
func (p *fastParser) value(i, indent, start, afterColon int) (*yaml.Node, bool) {
	text := p.lines[i].text
	rest := text[start:]
	p.pos = i + 1
	if rest == "" || rest[0] == '#' {
		// Nothing on the line: a nested block, or an empty value.
		j := p.next(i + 1)
		switch {
		case j >= 0 && p.lines[j].indent > indent:
			return p.block(j, p.lines[j].indent)
		case j >= 0 && p.lines[j].indent == indent && isItem(p.lines[j].text[indent:]):
			return p.sequence(j, indent)
		}
		return p.node(yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Line: i + 1, Column: col(text, afterColon)}), true
	}
	n, ok := p.scalar(i, start)
	if !ok {
		return nil, false
	}
	if n.Style == yaml.LiteralStyle {
		return n, true
	}
	// A plain value that goes on over the next, deeper lines is left to
	// yaml.v3.
	if j := p.next(i + 1); j >= 0 && p.lines[j].indent > indent {
		return nil, false
	}
	return n, true
}

func isItem(content string) bool {
	return content == "-" || strings.HasPrefix(content, "- ")
}

// block reads the nested block starting at line i with column indent.
func (p *fastParser) block(i, indent int) (*yaml.Node, bool) {
	if isItem(p.lines[i].text[indent:]) {
		return p.sequence(i, indent)
	}
	return p.mapping(i, indent)
}

// sequence reads a block list whose dashes are at column indent.
func (p *fastParser) sequence(i, indent int) (*yaml.Node, bool) {
	s := p.node(yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: i + 1, Column: indent + 1})
	s.Content = p.children(p.count(i, indent))
	for i >= 0 && p.lines[i].indent == indent && isItem(p.lines[i].text[indent:]) {
		text := p.lines[i].text
		start := indent + 1
		for start < len(text) && text[start] == ' ' {
			start++
		}
		if start == len(text) || text[start] == '#' || text[start] == '-' {
			return nil, false // an empty item, or a list in a list
		}
		var item *yaml.Node
		var ok bool
		if k := strings.Index(text[start:], ":"); k > 0 && (start+k+1 == len(text) || text[start+k+1] == ' ') && plainKey(text[start:start+k]) {
			// "- key: value": a mapping whose keys line up after the dash.
			p.lines[i].indent = start
			item, ok = p.mapping(i, start)
			p.lines[i].indent = indent
		} else {
			item, ok = p.scalar(i, start)
			p.pos = i + 1
			if ok && item.Style != yaml.LiteralStyle {
				if j := p.next(i + 1); j >= 0 && p.lines[j].indent > indent {
					return nil, false
				}
			}
		}
		if !ok {
			return nil, false
		}
		s.Content = append(s.Content, item)
		i = p.next(p.pos)
	}
	if i >= 0 && p.lines[i].indent > indent {
		return nil, false
	}
	return s, true
}

// scalar reads the value that starts at byte start of line i: a | block,
// a [flow list], {}, a single-quoted or a plain scalar.
func (p *fastParser) scalar(i, start int) (*yaml.Node, bool) {
	text := p.lines[i].text
	rest := text[start:]
	n := p.node(yaml.Node{Kind: yaml.ScalarNode, Line: i + 1, Column: col(text, start)})
	switch rest[0] {
	case '|':
		return p.literal(i, start)
	case '[':
		return p.flowList(i, start)
	case '{':
		if strings.TrimRight(rest, " ") != "{}" {
			return nil, false
		}
		return p.node(yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Style: yaml.FlowStyle, Line: i + 1, Column: n.Column}), true
	case '"':
		end := strings.IndexByte(rest[1:], '"')
		if end < 0 || strings.IndexByte(rest[1:end+1], '\\') >= 0 {
			return nil, false // escapes, or a value over several lines
		}
		if after := strings.TrimLeft(rest[end+2:], " "); after != "" && (after[0] != '#' || after == rest[end+2:]) {
			return nil, false
		}
		n.Tag, n.Value, n.Style = "!!str", rest[1:end+1], yaml.DoubleQuotedStyle
		return n, true
	case '\'':
		end := 1
		var b strings.Builder
		for {
			q := strings.IndexByte(rest[end:], '\'')
			if q < 0 {
				return nil, false // goes on to another line
			}
			b.WriteString(rest[end : end+q])
			end += q + 1
			if end < len(rest) && rest[end] == '\'' {
				b.WriteByte('\'')
				end++
				continue
			}
			break
		}
		if after := strings.TrimLeft(rest[end:], " "); after != "" && (after[0] != '#' || after == rest[end:]) {
			return nil, false
		}
		n.Tag, n.Value, n.Style = "!!str", b.String(), yaml.SingleQuotedStyle
		return n, true
	}
	value, ok := plainValue(rest)
	if !ok {
		return nil, false
	}
	n.Tag, n.Value = resolvePlain(value)
	if n.Tag == "" {
		return nil, false
	}
	if i := strings.Index(rest, " #"); i >= 0 {
		n.LineComment = strings.TrimRight(strings.TrimLeft(rest[i:], " "), " ") // as yaml.v3 keeps it
	}
	return n, true
}

// plainValue cuts a comment off a plain scalar and checks it is one the
// subset reads: no indicator first, no ": " or " #" inside.
func plainValue(s string) (string, bool) {
	if i := strings.Index(s, " #"); i >= 0 {
		s = s[:i]
	}
	s = strings.TrimRight(s, " ")
	if s == "" || strings.ContainsRune("?:,[]{}#&*!|>'\"%@`", rune(s[0])) || (s[0] == '-' && (len(s) == 1 || s[1] == ' ')) {
		return "", false
	}
	if strings.Contains(s, ": ") || strings.HasSuffix(s, ":") {
		return "", false
	}
	return s, true
}

// resolvePlain gives a plain scalar the tag yaml.v3 would, or "" for the
// forms the subset leaves to yaml.v3 (floats, octal, other timestamps).
func resolvePlain(s string) (tag, value string) {
	switch s {
	case "true", "True", "TRUE", "false", "False", "FALSE":
		return "!!bool", s
	case "~", "null", "Null", "NULL":
		return "!!null", s
	}
	switch c := s[0]; {
	case c == '.' || c == '<' || c == '+':
		return "", ""
	case c == '-' || c >= '0' && c <= '9':
		switch {
		case isDecimal(s):
			return "!!int", s
		case assessment.IsDate(s):
			if _, err := time.Parse("2006-1-2", s); err == nil {
				return "!!timestamp", s
			}
			return "!!str", s
		case len(s) == 7 && assessment.IsDate(s+"-01"):
			return "!!str", s // a month, YYYY-MM
		}
		return "", ""
	}
	return "!!str", s
}

func isDecimal(s string) bool {
	if s[0] == '-' {
		s = s[1:]
	}
	if s == "" || len(s) > 18 || (s[0] == '0' && len(s) > 1) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// literal reads a | or |- block scalar whose indicator is at byte start of
// line i.
func (p *fastParser) literal(i, start int) (*yaml.Node, bool) {
	text := p.lines[i].text
	header := strings.TrimRight(text[start:], " ")
	if c := strings.Index(header, " #"); c >= 0 {
		header = strings.TrimRight(header[:c], " ")
	}
	strip := false
	switch header {
	case "|":
	case "|-":
		strip = true
	default:
		return nil, false
	}
	parent := p.lines[i].indent
	j := i + 1
	if j >= len(p.lines) || p.lines[j].indent <= parent || p.lines[j].indent == len(p.lines[j].text) {
		return nil, false // empty, or starting with an empty line
	}
	indent := p.lines[j].indent
	// The block's lines, and its length: the words are put together
	// once, at their size, and a block of one line (most are) is read
	// where it lies.
	first, size, pendingBlank := j, 0, 0
	for ; j < len(p.lines); j++ {
		l := p.lines[j]
		if strings.TrimLeft(l.text, " ") == "" {
			if len(l.text) > indent {
				return nil, false // spaces beyond the indentation on an empty line
			}
			pendingBlank++
			continue
		}
		if l.indent < indent {
			break
		}
		size += pendingBlank + len(l.text) - indent + 1
		pendingBlank = 0
	}
	if j < len(p.lines) && p.lines[j].indent > parent {
		return nil, false // a less indented line that still belongs to the block
	}
	var value string
	if l := p.lines[first]; size == len(l.text)-indent+1 && p.src[l.off+len(l.text)] == '\n' {
		value = p.src[l.off+indent : l.off+len(l.text)+1]
	} else {
		var b strings.Builder
		b.Grow(size)
		blank := 0
		for _, l := range p.lines[first:j] {
			if strings.TrimLeft(l.text, " ") == "" {
				blank++
				continue
			}
			for ; blank > 0; blank-- {
				b.WriteByte('\n')
			}
			b.WriteString(l.text[indent:])
			b.WriteByte('\n')
		}
		value = b.String()
	}
	if strip {
		value = strings.TrimSuffix(value, "\n")
	}
	p.pos = j - pendingBlank
	if j == len(p.lines) {
		p.pos = j
	}
	return p.node(yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: value, Style: yaml.LiteralStyle, Line: i + 1, Column: col(text, start)}), true
}

// flowList reads a [flow, list] of plain scalars on one line.
func (p *fastParser) flowList(i, start int) (*yaml.Node, bool) {
	text := p.lines[i].text
	end := strings.IndexByte(text[start:], ']')
	if end < 0 {
		return nil, false
	}
	end += start
	if after := strings.TrimLeft(text[end+1:], " "); after != "" && (after[0] != '#' || after == text[end+1:]) {
		return nil, false
	}
	s := p.node(yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Style: yaml.FlowStyle, Line: i + 1, Column: col(text, start)})
	inner := text[start+1 : end]
	if strings.TrimSpace(inner) == "" {
		if inner != "" {
			return nil, false
		}
		return s, true
	}
	offset := start + 1
	// Columns are counted on from the last item, not from the line's
	// start: a list of thousands of items is read in one pass.
	column, counted := col(text, offset), offset
	for _, item := range strings.Split(inner, ",") {
		lead := len(item) - len(strings.TrimLeft(item, " "))
		v := strings.TrimRight(item[lead:], " ")
		if v == "" || strings.ContainsAny(v, "[]{}#:'\"") {
			return nil, false
		}
		if pv, ok := plainValue(v); !ok || pv != v {
			return nil, false
		}
		tag, value := resolvePlain(v)
		if tag == "" {
			return nil, false
		}
		column += utf8.RuneCountInString(text[counted : offset+lead])
		counted = offset + lead
		s.Content = append(s.Content, p.node(yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: value, Line: i + 1, Column: column}))
		offset += len(item) + 1
	}
	return s, true
}
