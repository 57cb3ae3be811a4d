package schema

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

var update = flag.Bool("update", false, "rewrite golden files and nest.schema.json")

func TestSchemaUpToDate(t *testing.T) {
	built := Build()
	if *update {
		if err := os.WriteFile("nest.schema.json", built, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal(built, JSON) {
		t.Fatal("nest.schema.json is out of date with the catalogue: run go test ./schema -run TestSchemaUpToDate -update")
	}
}

func TestSchemaCompiles(t *testing.T) {
	if _, err := compile(); err != nil {
		t.Fatal(err)
	}
}

// compile loads the embedded schema with a real draft 2020-12 validator.
func compile() (*jsonschema.Schema, error) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(JSON))
	if err != nil {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	if err := c.AddResource("nest.schema.json", doc); err != nil {
		return nil, err
	}
	return c.Compile("nest.schema.json")
}

// Every property an editor can complete carries a title and a description.
func TestEveryPropertyHasTitleAndDescription(t *testing.T) {
	var s map[string]any
	if err := json.Unmarshal(JSON, &s); err != nil {
		t.Fatal(err)
	}
	count := 0
	var walk func(path string, node any, isProperty bool)
	walk = func(path string, node any, isProperty bool) {
		m, ok := node.(map[string]any)
		if !ok {
			if list, ok := node.([]any); ok {
				for _, it := range list {
					walk(path, it, false)
				}
			}
			return
		}
		// Properties inside if/then/not/anyOf only restate a constraint.
		if isProperty && !constraintOnly(path) {
			count++
			for _, k := range []string{"title", "description"} {
				if v, _ := m[k].(string); v == "" {
					t.Errorf("%s has no %s", path, k)
				}
			}
		}
		for k, v := range m {
			if k == "properties" {
				for name, p := range v.(map[string]any) {
					walk(path+"/"+name, p, true)
				}
				continue
			}
			walk(path+"/"+k, v, false)
		}
	}
	walk("", s, false)
	if count < 30 {
		t.Errorf("only %d properties seen: the walk is broken", count)
	}
}

func constraintOnly(path string) bool {
	for _, part := range []string{"/if", "/then", "/else", "/not", "/anyOf", "/allOf"} {
		if bytes.Contains([]byte(path), []byte(part)) {
			return true
		}
	}
	return false
}
