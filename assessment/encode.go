package assessment

import (
	"bytes"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Marshal writes an assessment in the canonical form of the file format:
// a schema modeline, keys in the order of Format, two-space indentation,
// multi-line text as literal block scalars, empty values left out. The same
// assessment always gives the same bytes.
func Marshal(a *Assessment) ([]byte, error) {
	root := &yaml.Node{Kind: yaml.MappingNode}
	encodeFields(root, Format, a)
	var buf bytes.Buffer
	buf.WriteString("# yaml-language-server: $schema=" + SchemaURL + "\n")
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(root); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// encodeFields adds to the mapping m every field of fs that has a value in
// owner, in table order.
func encodeFields(m *yaml.Node, fs []*Field, owner any) {
	for _, f := range fs {
		if v := encodeValue(f, owner); v != nil {
			m.Content = append(m.Content, scalar("!!str", f.Key), v)
		}
	}
}

// encodeValue is the node of a field's value, or nil when it has none.
func encodeValue(f *Field, owner any) *yaml.Node {
	switch f.Kind {
	case KindVersion, KindYear, KindRating:
		return intNode(*f.Number(owner))
	case KindText, KindChoice, KindMonth:
		return strNode(*f.Text(owner))
	case KindDate:
		if s := *f.Text(owner); s != "" {
			return dateNode(s)
		}
	case KindBool:
		return boolNode(*f.Flag(owner))
	case KindTags:
		return flowList(*f.TagList(owner))
	case KindGroup:
		g := f.Group(owner, false)
		if g == nil {
			return nil
		}
		return mapping(f.Fields, g)
	case KindList:
		if f.Len(owner) == 0 {
			return nil
		}
		l := &yaml.Node{Kind: yaml.SequenceNode}
		for i := range f.Len(owner) {
			l.Content = append(l.Content, mapping(f.Fields, f.Index(owner, i)))
		}
		return l
	case KindLabels:
		m := *f.Labels(owner)
		if len(m) == 0 {
			return nil
		}
		n := &yaml.Node{Kind: yaml.MappingNode}
		for _, tag := range slices.Sorted(maps.Keys(m)) {
			if v := strNode(m[tag]); v != nil {
				n.Content = append(n.Content, scalar("!!str", tag), v)
			}
		}
		return n
	case KindPrinciples:
		ps := &yaml.Node{Kind: yaml.MappingNode}
		for _, k := range f.Keys() {
			if e := f.Entry(owner, k, false); e != nil {
				ps.Content = append(ps.Content, scalar("!!str", k), mapping(f.Fields, e))
			}
		}
		if len(ps.Content) > 0 {
			return ps
		}
	}
	return nil
}

// mapping is a group's node; an empty group is written as {}.
func mapping(fs []*Field, owner any) *yaml.Node {
	m := &yaml.Node{Kind: yaml.MappingNode}
	encodeFields(m, fs, owner)
	if len(m.Content) == 0 {
		m.Style = yaml.FlowStyle
	}
	return m
}

func scalar(tag, value string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: value}
}

func strNode(s string) *yaml.Node {
	if s == "" {
		return nil
	}
	if strings.ContainsAny(s, "\n\r") {
		s = blockText(s)
	}
	n := scalar("!!str", s)
	switch {
	case strings.Contains(s, "\n"):
		n.Style = yaml.LiteralStyle
	case yaml11Special(s):
		n.Style = yaml.DoubleQuotedStyle
	}
	return n
}

// YAML 1.1, which Python's, Ruby's and many editors' readers still follow,
// takes more plain words for something other than text than YAML 1.2 does:
// yes, no, on, off, y and n are true or false, 12:30 is the number 750, and
// = cannot be read at all. yaml.v3 quotes what 1.2 would misread; these are
// quoted too, so every reader gets the text back.
var (
	yaml11Bool  = regexp.MustCompile(`^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$`)
	yaml11Int   = regexp.MustCompile(`^[-+]?(?:0b[0-1_]+|0[0-7_]+|(?:0|[1-9][0-9_]*)|0x[0-9a-fA-F_]+|[1-9][0-9_]*(?::[0-5]?[0-9])+)$`)
	yaml11Float = regexp.MustCompile(`^(?:[-+]?(?:[0-9][0-9_]*)?\.[0-9.]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$`)
	yaml11Null  = regexp.MustCompile(`^(?:~|null|Null|NULL)$`)
)

func yaml11Special(s string) bool {
	switch {
	case s == "=" || s == "<<":
		return true
	case s == "" || len(s) > 40: // nothing longer is special
		return false
	}
	return yaml11Bool.MatchString(s) || yaml11Int.MatchString(s) || yaml11Float.MatchString(s) || yaml11Null.MatchString(s)
}

// blockText readies text of several lines for a | block, which cannot hold
// spaces at the end of a line (text pasted from a word processor has them)
// or carriage returns: it drops those, and nothing a reader would see.
func blockText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t")
	}
	return strings.Join(lines, "\n")
}

func intNode(i int) *yaml.Node {
	if i == 0 {
		return nil
	}
	return scalar("!!int", strconv.Itoa(i))
}

func boolNode(b bool) *yaml.Node {
	return scalar("!!bool", strconv.FormatBool(b))
}

// dateNode writes a YYYY-MM-DD date unquoted, as people type it.
func dateNode(s string) *yaml.Node {
	if IsDate(s) {
		return scalar("!!timestamp", s)
	}
	return strNode(s)
}

// IsDate reports whether s has the shape YYYY-MM-DD (digits, not checked
// as a real day).
func IsDate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i, c := range s {
		if i != 4 && i != 7 && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

func flowList(items []string) *yaml.Node {
	if len(items) == 0 {
		return nil
	}
	l := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
	for _, s := range items {
		l.Content = append(l.Content, scalar("!!str", s))
	}
	return l
}

// MarshalOver writes a as Marshal does, but over previous, the file as it
// was, so that what people wrote around the answers stays: comments above,
// beside and below keys (a coordinator's "# agreed at board 12 Sept", the
// help of a nest init template), keys left empty on purpose, and values
// unchanged as they were written. Answers that changed are replaced, new
// ones added in the format's order, and ones that were removed are removed
// (an emptied key that carries a comment stays, empty). previous must be a
// valid NEST file; when it cannot be read, a is written as Marshal does.
func MarshalOver(previous []byte, a *Assessment) ([]byte, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(previous, &doc); err != nil || len(doc.Content) != 1 || doc.Content[0].Kind != yaml.MappingNode {
		return Marshal(a)
	}
	fresh := &yaml.Node{Kind: yaml.MappingNode}
	encodeFields(fresh, Format, a)
	mergeMapping(doc.Content[0], fresh)
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// mergeMapping makes the mapping old say what fresh says, keeping old's
// comments and the order of its keys; keys new to it go where the format
// puts them.
func mergeMapping(old, fresh *yaml.Node) {
	for i := 0; i+1 < len(fresh.Content); i += 2 {
		k, v := fresh.Content[i], fresh.Content[i+1]
		if j := keyIndex(old, k.Value); j >= 0 {
			old.Content[j+1] = mergeValue(old.Content[j+1], v)
			continue
		}
		// After the last key of old that comes before it in fresh.
		at := 0
		for p := i - 2; p >= 0; p -= 2 {
			if j := keyIndex(old, fresh.Content[p].Value); j >= 0 {
				at = j + 2
				break
			}
		}
		old.Content = slices.Insert(old.Content, at, k, v)
	}
	// Keys fresh no longer has: gone, unless a comment holds them.
	kept := old.Content[:0]
	for i := 0; i+1 < len(old.Content); i += 2 {
		k, v := old.Content[i], old.Content[i+1]
		if keyIndex(fresh, k.Value) < 0 {
			if !commented(k) && !commented(v) {
				continue
			}
			if v.Kind != yaml.ScalarNode || v.Tag != "!!null" {
				v = &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", HeadComment: v.HeadComment, LineComment: v.LineComment, FootComment: v.FootComment}
			}
		}
		kept = append(kept, k, v)
	}
	old.Content = kept
	if len(old.Content) > 0 {
		old.Style &^= yaml.FlowStyle // {} that now has keys
	}
}

// mergeValue is the node to write for a key whose value was old and is
// now fresh: old itself when nothing changed, else fresh with old's
// comments.
func mergeValue(old, fresh *yaml.Node) *yaml.Node {
	switch {
	case old.Kind == yaml.MappingNode && fresh.Kind == yaml.MappingNode:
		mergeMapping(old, fresh)
		return old
	case old.Kind == yaml.SequenceNode && fresh.Kind == yaml.SequenceNode && fresh.Style&yaml.FlowStyle == 0:
		for i, item := range fresh.Content {
			if i < len(old.Content) {
				old.Content[i] = mergeValue(old.Content[i], item)
			} else {
				old.Content = append(old.Content, item)
			}
		}
		old.Content = old.Content[:len(fresh.Content)]
		return old
	case old.Kind == yaml.ScalarNode && fresh.Kind == yaml.ScalarNode && sameScalar(old, fresh):
		return old // as it was written: quotes, block style and all
	}
	fresh.HeadComment, fresh.LineComment, fresh.FootComment = old.HeadComment, old.LineComment, old.FootComment
	return fresh
}

// sameScalar reports whether two scalars say the same thing.
func sameScalar(a, b *yaml.Node) bool {
	if a.Value != b.Value {
		return false
	}
	return a.Tag == b.Tag || a.ShortTag() == b.ShortTag()
}

func keyIndex(m *yaml.Node, key string) int {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return i
		}
	}
	return -1
}

func commented(n *yaml.Node) bool {
	return n.HeadComment != "" || n.LineComment != "" || n.FootComment != ""
}
