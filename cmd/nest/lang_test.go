package main

import "testing"

func TestLanguage(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	for _, c := range []struct {
		args      []string
		env       map[string]string
		lang, bad string
	}{
		{nil, nil, "en", ""},
		{[]string{"validate", "--lang", "cy", "f.yaml"}, nil, "cy", ""},
		{[]string{"aggregate", "--lang=cy+en"}, map[string]string{"NEST_LANG": "en"}, "cy+en", ""},
		{[]string{"validate", "--lang", "CY"}, nil, "cy", ""},
		{[]string{"validate", "--", "--lang", "cy"}, nil, "en", ""}, // a file called --lang
		{[]string{"validate", "--lang", "fr"}, nil, "en", "fr"},
		{[]string{"validate", "--lang="}, nil, "en", ""},
		{nil, map[string]string{"NEST_LANG": "cy"}, "cy", ""},
		{nil, map[string]string{"NEST_LANG": "klingon"}, "en", "klingon"},
		{nil, map[string]string{"LANG": "cy_GB.UTF-8"}, "cy", ""},
		{nil, map[string]string{"LANG": "cy_GB.UTF-8", "LC_MESSAGES": "en_GB.UTF-8"}, "en", ""},
		{nil, map[string]string{"LANG": "en_GB.UTF-8", "LC_ALL": "cy_GB"}, "cy", ""},
		{nil, map[string]string{"LANG": "C.UTF-8"}, "en", ""},
		{nil, map[string]string{"LANG": "fr_FR.UTF-8"}, "en", ""},
	} {
		lang, bad := language(c.args, env(c.env))
		if lang != c.lang || bad != c.bad {
			t.Errorf("language(%q, %v) = %q, %q; want %q, %q", c.args, c.env, lang, bad, c.lang, c.bad)
		}
	}
}
