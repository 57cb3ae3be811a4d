package assessment

import (
	"bytes"
	"slices"
	"testing"

	"go.yaml.in/yaml/v3"
)

func TestCatalogueShape(t *testing.T) {
	// Every key of the English file is one nest reads: a misspelt section
	// would otherwise be dropped without a word (the program decodes the
	// file as it is, to start quickly).
	data, err := catalogueFiles.ReadFile("catalogue/en.yaml")
	if err != nil {
		t.Fatal(err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var c catalogue
	if err := dec.Decode(&c); err != nil {
		t.Errorf("en.yaml: %v", err)
	}
	wantPrinciples := []string{"trusted_adults", "wellbeing_across_education", "co_produced_innovations",
		"easy_access_to_expertise", "safe_and_supportive_communities", "no_wrong_door"}
	var got []string
	for _, p := range Principles {
		got = append(got, p.Key)
		if p.Name.EN == "" || p.Summary == "" {
			t.Errorf("principle %s lacks a name or summary", p.Key)
		}
	}
	if !slices.Equal(got, wantPrinciples) {
		t.Errorf("principles %v, want %v in the order of the 2024 update", got, wantPrinciples)
	}
	for i, l := range Levels {
		if l.Rating != i+1 || l.Name.EN == "" || l.Meaning == "" {
			t.Errorf("level %d is %+v", i+1, l)
		}
	}
	if len(Levels) != 4 {
		t.Errorf("%d levels, want 4", len(Levels))
	}
	if len(Regions) != 7 {
		t.Errorf("%d regions, want 7", len(Regions))
	}
	for _, r := range Regions {
		if r.Name.EN == "" || !Welsh().Has("regions."+r.Key+".name") || r.HealthBoard == "" || len(r.LocalAuthorities) == 0 {
			t.Errorf("region %s is incomplete: %+v", r.Key, r)
		}
	}
	for name, list := range map[string][]Choice{"scopes": Scopes, "statuses": Statuses, "sectors": Sectors,
		"sources": Sources, "voice groups": VoiceGroups, "themes": Themes, "funding": FundingStreams} {
		if len(list) == 0 {
			t.Errorf("no %s", name)
		}
		for _, c := range list {
			if c.Key == "" || c.Label == "" {
				t.Errorf("%s: %+v has an empty key or label", name, c)
			}
		}
	}
}

// Every key of the file format has a title and help, for the form, the
// template and the schema; every list names its items, and every key of a
// list item has an example for the template.
func TestCatalogueCoversEveryKey(t *testing.T) {
	for _, k := range helpKeys() {
		if f := Fields[k]; f.Title == "" || f.Help == "" {
			t.Errorf("no title or help for %s", k)
		}
	}
	var check func(fs []*Field, inItem bool)
	check = func(fs []*Field, inItem bool) {
		for _, f := range fs {
			if (f.Kind == KindList || f.Kind == KindTags) && f.Item() == "" {
				t.Errorf("%s: no item: word in the catalogue", f.HelpKey())
			}
			if inItem && f.Example() == "" {
				t.Errorf("%s: no example: in the catalogue", f.HelpKey())
			}
			check(f.Fields, f.Kind == KindList)
		}
	}
	check(Format, false)
	// Every catalogue entry is a key of the format: none left behind.
	for k := range Fields {
		if !slices.Contains(helpKeys(), k) {
			t.Errorf("the catalogue has words for %q, which is not a key of the format", k)
		}
	}
}

// No string in either catalogue file is empty, and the Welsh file uses only
// keys the English one has.
func TestCatalogueFiles(t *testing.T) {
	var walk func(path string, n *yaml.Node)
	walk = func(path string, n *yaml.Node) {
		switch n.Kind {
		case yaml.DocumentNode, yaml.SequenceNode:
			for _, c := range n.Content {
				walk(path, c)
			}
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				walk(path+"."+n.Content[i].Value, n.Content[i+1])
			}
		case yaml.ScalarNode:
			if n.Value == "" && n.Tag != "!!null" { // a section may be empty
				t.Errorf("%s: empty string at line %d", path, n.Line)
			}
		}
	}
	for _, name := range []string{"en.yaml", "cy.yaml"} {
		data, err := catalogueFiles.ReadFile("catalogue/" + name)
		if err != nil {
			t.Fatal(err)
		}
		var doc yaml.Node
		if err := yaml.Unmarshal(data, &doc); err != nil {
			t.Fatal(err)
		}
		walk(name, &doc)
	}
}
