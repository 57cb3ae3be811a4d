package main

import "testing"

func TestLanguage(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	for _, c := range []struct {
		args      []string
		env       map[string]string
		lang, bad string
		wrong     bool
	}{
		{nil, nil, "en", "", false},
		{[]string{"validate", "--lang", "cy", "f.yaml"}, nil, "cy", "", false},
		{[]string{"aggregate", "--lang=cy+en"}, map[string]string{"NEST_LANG": "en"}, "cy+en", "", false},
		{[]string{"validate", "--lang", "CY"}, nil, "cy", "", false},
		{[]string{"validate", "--", "--lang", "cy"}, nil, "en", "", false}, // a file called --lang
		{[]string{"validate", "--lang", "fr"}, nil, "en", "fr", true},
		{[]string{"validate", "--lang", "fr"}, map[string]string{"LANG": "cy_GB.UTF-8"}, "cy", "fr", true}, // said in Welsh
		{[]string{"validate", "--lang", "cy", "--lang", "fr"}, nil, "en", "fr", true},                      // the last counts, as for the flag
		{[]string{"--lang", "fr", "validate", "--lang", "cy"}, nil, "cy", "", false},
		{[]string{"validate", "--lang="}, nil, "en", "", true},
		{[]string{"validate", "--lang", ""}, map[string]string{"NEST_LANG": "cy"}, "cy", "", true},
		{nil, map[string]string{"NEST_LANG": "cy"}, "cy", "", false},
		{nil, map[string]string{"NEST_LANG": "klingon"}, "en", "klingon", true},
		{nil, map[string]string{"NEST_LANG": "klingon", "LANG": "cy_GB.UTF-8"}, "cy", "klingon", true},
		{nil, map[string]string{"LANG": "cy_GB.UTF-8"}, "cy", "", false},
		{nil, map[string]string{"LANG": "cy_GB.UTF-8", "LC_MESSAGES": "en_GB.UTF-8"}, "en", "", false},
		{nil, map[string]string{"LANG": "en_GB.UTF-8", "LC_ALL": "cy_GB"}, "cy", "", false},
		{nil, map[string]string{"LANG": "C.UTF-8"}, "en", "", false},
		{nil, map[string]string{"LANG": "fr_FR.UTF-8"}, "en", "", false},
	} {
		lang, bad, wrong := language(c.args, env(c.env))
		if lang != c.lang || bad != c.bad || wrong != c.wrong {
			t.Errorf("language(%q, %v) = %q, %q, %v; want %q, %q, %v", c.args, c.env, lang, bad, wrong, c.lang, c.bad, c.wrong)
		}
	}
}
