package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// readme is the README's path, found once, before a test changes folder.
var readme, _ = filepath.Abs("../../README.md")

// readmeBlock returns the README's fenced block of the language lang that
// holds marker.
func readmeBlock(t *testing.T, lang, marker string) string {
	t.Helper()
	data, err := os.ReadFile(readme)
	if err != nil {
		t.Fatal(err)
	}
	for _, part := range strings.Split(string(data), "```"+lang+"\n")[1:] {
		if body, _, _ := strings.Cut(part, "```"); strings.Contains(body, marker) {
			return body
		}
	}
	t.Fatalf("README.md has no ```%s block with %q", lang, marker)
	return ""
}

// The git hook the README shows is the one the repository ships and the
// git_hook script tests.
func TestREADMEHookIsTheShippedOne(t *testing.T) {
	hook, err := os.ReadFile("../../.githooks/pre-commit")
	if err != nil {
		t.Fatal(err)
	}
	if got := readmeBlock(t, "sh", "git checkout-index"); got != string(hook) {
		t.Errorf("the README's hook differs from .githooks/pre-commit:\n%s", got)
	}
}

// The README's example of --format json is what nest writes for the
// example it describes: gwent.yaml with a rating of 5 on line 19.
func TestREADMEValidateJSON(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile("../../examples/2024/regions/gwent.yaml")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	if lines[18] != "    rating: 3" {
		t.Fatalf("line 19 of gwent.yaml is %q", lines[18])
	}
	lines[18] = "    rating: 5"
	if err := os.MkdirAll(filepath.Join(dir, "2024"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "2024", "gwent.yaml"), []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	_, stdout, _ := nest(t, "", nil, "validate", "--format", "json", "2024/gwent.yaml")
	var got, want any
	block := readmeBlock(t, "json", `"unreadable"`)
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(block), &want); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("nest writes\n%s\nthe README shows\n%v", stdout, want)
	}
}

// The README names every key of the aggregate JSON, and no other.
func TestREADMEAggregateJSONKeys(t *testing.T) {
	data, err := os.ReadFile(readme)
	if err != nil {
		t.Fatal(err)
	}
	_, para, _ := strings.Cut(string(data), "The JSON (`--format json`) keeps")
	para, _, _ = strings.Cut(para, "\n\n")
	for _, level := range [][]string{{"../../examples/2024/regions"}, {"../../examples/2024/services/gwent"},
		{"../../examples/2024/regions", "--compare", "../../examples/2023/regions"}} {
		_, stdout, stderr := nest(t, "", nil, append([]string{"aggregate", "--format", "json", "--include-drafts", "--edition", "internal"}, level...)...)
		var doc map[string]any
		if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
			t.Fatalf("%v\n%s", err, stderr)
		}
		var walk func(v any)
		walk = func(v any) {
			switch v := v.(type) {
			case map[string]any:
				for k, x := range v {
					if !strings.Contains(para, "`"+k+"`") && !strings.Contains(para, k+",") && !strings.Contains(para, k+")") && !strings.Contains(para, " "+k+" ") {
						t.Errorf("the README does not name the JSON key %q", k)
					}
					walk(x)
				}
			case []any:
				for _, x := range v {
					walk(x)
				}
			}
		}
		walk(doc)
	}
}

// The README's example of nest summary --compare is what nest prints.
func TestREADMESummary(t *testing.T) {
	block := readmeBlock(t, "console", "$ nest summary examples/2024/regions --compare")
	command, want, _ := strings.Cut(block, "\n")
	t.Chdir("../..")
	_, stdout, stderr := nest(t, "", nil, strings.Fields(strings.TrimPrefix(command, "$ nest "))...)
	if stdout != want {
		t.Errorf("nest prints\n%s\nthe README shows\n%s\n%s", stdout, want, stderr)
	}
}
