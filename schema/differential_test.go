package schema

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/nest-nyth/nest/examples"
	"go.yaml.in/yaml/v3"
)

// The hand-written checks must agree with the published schema: for every
// file that parses, a real draft 2020-12 validator accepts it exactly when
// nest finds no error from a rule the schema expresses. The files are the
// examples and many mutations of them.
func TestAgreesWithJSONSchema(t *testing.T) {
	sch, err := compile()
	if err != nil {
		t.Fatal(err)
	}
	cases := 0
	agree := func(name string, data []byte) {
		t.Helper()
		var doc yaml.Node
		if err := yaml.Unmarshal(data, &doc); err != nil || len(doc.Content) == 0 {
			return // not YAML: outside what a JSON Schema can judge
		}
		r := Check(name, data)
		if r.Assessment == nil {
			return // refused before the schema applies (aliases, duplicates)
		}
		cases++
		var schemaErrors []string
		for _, f := range r.Findings {
			if rule, _ := RuleByID(f.Rule); rule.InSchema && f.Severity == Error {
				schemaErrors = append(schemaErrors, f.String())
			}
		}
		verr := sch.Validate(toJSON(doc.Content[0]))
		if (verr == nil) != (len(schemaErrors) == 0) {
			t.Errorf("%s: JSON Schema says %v; nest says %v\n%s", name, verr, schemaErrors, data)
		}
	}
	err = fs.WalkDir(examples.FS, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(examples.FS, path)
		if err != nil {
			return err
		}
		agree(path, data)
		for i, m := range mutations {
			var doc yaml.Node
			if err := yaml.Unmarshal(data, &doc); err != nil {
				t.Fatal(err)
			}
			if !m.apply(doc.Content[0]) {
				continue
			}
			out, err := yaml.Marshal(&doc)
			if err != nil {
				t.Fatal(err)
			}
			agree(fmt.Sprintf("%s mutation %d (%s)", path, i, m.name), out)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if cases < 11*len(mutations)/2 {
		t.Fatalf("only %d cases compared", cases)
	}
}

type mutation struct {
	name  string
	apply func(root *yaml.Node) bool
}

func node(src string) *yaml.Node {
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		panic(err)
	}
	if len(doc.Content) == 0 {
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: ""}
	}
	return doc.Content[0]
}

// at finds the mapping value or list item at a dotted path.
func at(root *yaml.Node, path string) (parent *yaml.Node, index int) {
	parts := strings.Split(path, ".")
	n := root
	for i, p := range parts {
		idx := -1
		switch n.Kind {
		case yaml.MappingNode:
			for j := 0; j+1 < len(n.Content); j += 2 {
				if n.Content[j].Value == p {
					idx = j + 1
				}
			}
		case yaml.SequenceNode:
			if k, err := strconv.Atoi(p); err == nil && k < len(n.Content) {
				idx = k
			}
		}
		if idx < 0 {
			return nil, -1
		}
		if i == len(parts)-1 {
			return n, idx
		}
		n = n.Content[idx]
	}
	return nil, -1
}

func set(path, value string) mutation {
	return mutation{"set " + path + " to " + value, func(root *yaml.Node) bool {
		parts := strings.Split(path, ".")
		parent, i := at(root, path)
		if parent == nil {
			// Add the key to an existing parent mapping.
			if len(parts) == 1 {
				parent = root
			} else {
				p, j := at(root, strings.Join(parts[:len(parts)-1], "."))
				if p == nil || p.Content[j].Kind != yaml.MappingNode {
					return false
				}
				parent = p.Content[j]
			}
			parent.Content = append(parent.Content, node(parts[len(parts)-1]), node(value))
			return true
		}
		parent.Content[i] = node(value)
		return true
	}}
}

func del(path string) mutation {
	return mutation{"delete " + path, func(root *yaml.Node) bool {
		parent, i := at(root, path)
		if parent == nil {
			return false
		}
		if parent.Kind == yaml.MappingNode {
			parent.Content = slices.Delete(parent.Content, i-1, i+1)
		} else {
			parent.Content = slices.Delete(parent.Content, i, i+1)
		}
		return true
	}}
}

func both(a, b mutation) mutation {
	return mutation{a.name + ", " + b.name, func(root *yaml.Node) bool { return a.apply(root) && b.apply(root) }}
}

var mutations = []mutation{
	set("nest", "2"), set("nest", "'1'"), del("nest"),
	set("region", "Gwent"), set("region", "''"), set("region", "~"), del("region"), set("region", "[gwent]"),
	set("scope", "national"), set("scope", "service"), del("scope"),
	set("organisation", "''"), set("organisation", "42"), del("organisation"),
	set("service", "{sector: health}"), set("service", "~"), set("service.sector", "nhs"), set("service.sector", "~"), del("service"),
	set("service.funding", "[Big Lottery]"), set("service.funding", "rif"), set("service.funding", "~"), set("service.extra", "1"),
	set("year", "2019"), set("year", "2101"), set("year", "'2024'"), set("year", "2024.0"), set("year", "2024.5"), del("year"),
	set("submitted", "2024-02-30"), set("submitted", "31/10/2024"), set("submitted", "~"), del("submitted"), set("submitted", "2024-10-31T10:00:00Z"),
	set("status", "submitted"), set("status", "draft"), del("status"),
	both(set("status", "draft"), del("submitted")), both(set("status", "draft"), del("principles.no_wrong_door")),
	set("voices", "~"), set("voices", "yes"), set("voices.parents_and_carers", "'yes'"), set("voices.how", "12"), set("voices.how", "~"), set("voices.whom", "x"),
	del("principles"), set("principles", "~"), set("principles", "{}"), set("principles.trusted-adults", "{}"),
	del("principles.no_wrong_door"), set("principles.no_wrong_door", "~"), set("principles.no_wrong_door", "{}"),
	set("principles.trusted_adults.rating", "0"), set("principles.trusted_adults.rating", "5"), set("principles.trusted_adults.rating", "2.5"),
	set("principles.trusted_adults.rating", "2.0"), set("principles.trusted_adults.rating", "two"), set("principles.trusted_adults.rating", "~"),
	del("principles.trusted_adults.rating"),
	set("principles.trusted_adults.not_rated", "Not yet"), set("principles.trusted_adults.not_rated", "''"),
	both(del("principles.trusted_adults.rating"), set("principles.trusted_adults.not_rated", "Not yet")),
	both(set("status", "draft"), del("principles.trusted_adults.rating")),
	set("principles.trusted_adults.target", "5"), set("principles.trusted_adults.target", "~"), set("principles.trusted_adults.target", "1"),
	set("principles.trusted_adults.working_well", "[a, b]"), set("principles.trusted_adults.working_well", "~"),
	set("principles.trusted_adults.actions", "~"), set("principles.trusted_adults.actions", "[]"), set("principles.trusted_adults.actions", "do it"),
	set("principles.trusted_adults.actions", "[{owner: me}]"), set("principles.trusted_adults.actions", "[{action: x, due: 2025-13}]"),
	set("principles.trusted_adults.actions", "[{action: x, due: '2025-3'}]"), set("principles.trusted_adults.actions", "[{action: x, due: 2025-03-01}]"),
	set("principles.trusted_adults.actions", "[{action: x, when: soon}]"), set("principles.trusted_adults.actions", "[{action: ''}]"),
	set("principles.trusted_adults.actions", "[x]"),
	set("principles.trusted_adults.themes", "[Staff Retention]"), set("principles.trusted_adults.themes", "[staff--retention]"),
	set("principles.trusted_adults.themes", "[a1-b2]"), set("principles.trusted_adults.themes", "[1]"), set("principles.trusted_adults.themes", "[~]"),
	set("principles.trusted_adults.feedback", "[{quote: hi}]"), set("principles.trusted_adults.feedback", "[{quote: hi, from: teacher}]"),
	set("principles.trusted_adults.feedback", "[{quote: '', from: region}]"), set("principles.trusted_adults.feedback", "[{from: region}]"),
	set("principles.trusted_adults.feedback", "[{quote: hi, from: region, name: x}]"),
	set("principles.trusted_adults.feedback", "[{quote: hi, from: ''}]"), set("principles.trusted_adults.feedback", "[{quote: hi, from: ~}]"),
	set("principles.trusted_adults.feedback", "[{quote: ~, from: family}]"), set("principles.trusted_adults.actions", "[{action: ~, owner: me}]"),
	both(set("status", "draft"), set("principles.trusted_adults.feedback", "[{quote: hi, from: ''}]")),
	both(set("status", "draft"), set("principles.trusted_adults.feedback", "[{quote: hi, from: ~}]")),
	both(set("status", "draft"), set("principles.trusted_adults.feedback", "[{quote: hi}]")),
	both(set("status", "draft"), set("principles.trusted_adults.actions", "[{owner: me}]")),
	set("principles.trusted_adults.colour", "blue"), set("extra", "1"),
}

// toJSON turns a YAML tree into the values a JSON validator expects, as any
// YAML-reading validator would: dates stay text, numbers stay numbers.
func toJSON(n *yaml.Node) any {
	switch n.Kind {
	case yaml.MappingNode:
		m := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			m[n.Content[i].Value] = toJSON(n.Content[i+1])
		}
		return m
	case yaml.SequenceNode:
		l := []any{}
		for _, c := range n.Content {
			l = append(l, toJSON(c))
		}
		return l
	}
	switch n.Tag {
	case "!!null":
		return nil
	case "!!bool":
		return n.Value == "true"
	case "!!int", "!!float":
		var v any
		d := json.NewDecoder(bytes.NewReader([]byte(n.Value)))
		d.UseNumber()
		if err := d.Decode(&v); err == nil {
			return v
		}
	}
	return n.Value
}
