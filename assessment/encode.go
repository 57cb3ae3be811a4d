package assessment

import (
	"bytes"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Marshal writes an assessment in the canonical form of the file format:
// a schema modeline, keys in the documented order, two-space indentation,
// multi-line text as literal block scalars, empty values left out. The same
// assessment always gives the same bytes.
func Marshal(a *Assessment) ([]byte, error) {
	root := &yaml.Node{Kind: yaml.MappingNode}
	add := func(m *yaml.Node, key string, v *yaml.Node) {
		if v != nil {
			m.Content = append(m.Content, scalar("!!str", key), v)
		}
	}
	add(root, "nest", intNode(a.Nest))
	add(root, "region", strNode(a.Region))
	add(root, "scope", strNode(a.Scope))
	add(root, "organisation", strNode(a.Organisation))
	if a.Service != nil {
		s := &yaml.Node{Kind: yaml.MappingNode}
		add(s, "sector", strNode(a.Service.Sector))
		add(s, "funding", flowList(a.Service.Funding))
		add(root, "service", s)
	}
	add(root, "year", intNode(a.Year))
	if a.Submitted != "" {
		add(root, "submitted", dateNode(a.Submitted))
	}
	add(root, "status", strNode(a.Status))
	v := &yaml.Node{Kind: yaml.MappingNode}
	add(v, "children_and_young_people", boolNode(a.Voices.ChildrenAndYoungPeople))
	add(v, "babies_and_younger_children", boolNode(a.Voices.BabiesAndYoungerChildren))
	add(v, "parents_and_carers", boolNode(a.Voices.ParentsAndCarers))
	add(v, "practitioners", boolNode(a.Voices.Practitioners))
	add(v, "how", strNode(a.Voices.How))
	add(root, "voices", v)
	ps := &yaml.Node{Kind: yaml.MappingNode}
	for _, p := range Principles {
		r := a.Principles[p.Key]
		if r == nil {
			continue
		}
		m := &yaml.Node{Kind: yaml.MappingNode}
		add(m, "rating", intNode(r.Rating))
		add(m, "not_rated", strNode(r.NotRated))
		add(m, "target", intNode(r.Target))
		add(m, "working_well", strNode(r.WorkingWell))
		add(m, "concerns", strNode(r.Concerns))
		add(m, "good_looks_like", strNode(r.GoodLooksLike))
		if len(r.Actions) > 0 {
			l := &yaml.Node{Kind: yaml.SequenceNode}
			for _, act := range r.Actions {
				it := &yaml.Node{Kind: yaml.MappingNode}
				add(it, "action", strNode(act.Action))
				add(it, "owner", strNode(act.Owner))
				add(it, "due", strNode(act.Due))
				l.Content = append(l.Content, it)
			}
			add(m, "actions", l)
		}
		add(m, "themes", flowList(r.Themes))
		if len(r.Feedback) > 0 {
			l := &yaml.Node{Kind: yaml.SequenceNode}
			for _, q := range r.Feedback {
				it := &yaml.Node{Kind: yaml.MappingNode}
				add(it, "quote", strNode(q.Quote))
				add(it, "from", strNode(q.From))
				l.Content = append(l.Content, it)
			}
			add(m, "feedback", l)
		}
		if len(m.Content) == 0 {
			m.Style = yaml.FlowStyle // an empty principle is written as {}
		}
		add(ps, p.Key, m)
	}
	if len(ps.Content) > 0 {
		add(root, "principles", ps)
	}

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
	if strings.Contains(s, "\n") {
		n.Style = yaml.LiteralStyle
	}
	return n
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
	if isDate(s) {
		return scalar("!!timestamp", s)
	}
	return strNode(s)
}

func isDate(s string) bool {
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
