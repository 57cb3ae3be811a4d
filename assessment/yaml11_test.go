package assessment_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/nest-nyth/nest/assessment"
)

// Text that a YAML 1.1 reader would take for a yes/no value, a number or
// nothing is written so that Python's reader (PyYAML, which follows YAML
// 1.1 as Ruby's and many editors' do) reads it back as the same text.
func TestYAML11ReadersGetTheText(t *testing.T) {
	words := []string{"yes", "Yes", "YES", "no", "No", "on", "On", "off", "OFF", "y", "Y", "n", "N",
		"true", "False", "~", "null", "12:30", "1:20:30", "0b1010", "017", "0x1F", "1_000", "1e3",
		"1.5", ".5", "+1", "-2", ".inf", ".NaN", "=", "<<", "2024-10-31", "Tŷ Teulu", "plain words"}
	python := ""
	for _, p := range []string{"python3", "/usr/bin/python3"} { // a pyenv python may lack Debian's PyYAML
		if path, err := exec.LookPath(p); err == nil && exec.Command(path, "-c", "import yaml").Run() == nil {
			python = path
			break
		}
	}
	if python == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("python3 with PyYAML is needed (Debian: python3-yaml); .ci/run installs it")
		}
		t.Skip("python3 with PyYAML is not installed")
	}
	var docs []string
	for _, w := range words {
		a := &assessment.Assessment{Nest: 1, Organisation: w, Principles: map[string]*assessment.Response{
			"trusted_adults": {GoodLooksLike: w, Themes: []string{"staff-retention"}},
		}}
		data, err := assessment.Marshal(a)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, string(data))
	}
	in, _ := json.Marshal(docs)
	cmd := exec.Command(python, "-c", `import sys, json, yaml
out = []
for doc in json.load(sys.stdin):
    try:
        d = yaml.safe_load(doc)
        out.append([d["organisation"], d["principles"]["trusted_adults"]["good_looks_like"]])
    except Exception as e:
        out.append(["cannot read: " + str(e).splitlines()[0]])
print(json.dumps(out))`)
	cmd.Stdin = strings.NewReader(string(in))
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	var got [][]any
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatal(err)
	}
	for i, w := range words {
		for _, g := range got[i] {
			if s, ok := g.(string); !ok || s != w {
				t.Errorf("%q: PyYAML reads %#v\n%s", w, g, docs[i])
			}
		}
	}
}
