package main

import (
	"strings"

	"github.com/nest-nyth/nest/assessment"
)

// The languages nest speaks: Welsh, English, and for a report both, Welsh
// first.
const (
	langWelsh     = "cy"
	langEnglish   = "en"
	langBilingual = "cy+en"
)

// language is the language to speak: --lang (looked for in args before
// the command runs, since the help is written in it), else NEST_LANG,
// else the locale's (LC_ALL, then LC_MESSAGES, then LANG), else English.
// A --lang or NEST_LANG that is none of cy, en and cy+en is returned as
// bad; a locale nest does not speak is English.
func language(args []string, env func(string) string) (lang, bad string) {
	for i, a := range args {
		if a == "--" {
			break
		}
		v, ok := strings.CutPrefix(a, "--lang=")
		if !ok && a == "--lang" && i+1 < len(args) {
			v, ok = args[i+1], true
		}
		if ok {
			if l := norm(v); l != "" {
				return l, ""
			}
			return langEnglish, v
		}
	}
	if v := env("NEST_LANG"); v != "" {
		if l := norm(v); l != "" {
			return l, ""
		}
		return langEnglish, v
	}
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := env(k); v != "" {
			if strings.HasPrefix(strings.ToLower(v), "cy") {
				return langWelsh, ""
			}
			return langEnglish, ""
		}
	}
	return langEnglish, ""
}

// norm reads a language as given on the command line: cy, en or cy+en,
// in any case, with a locale's region and encoding allowed (cy_GB.UTF-8).
func norm(v string) string {
	v = strings.ToLower(strings.TrimSpace(v))
	switch v {
	case "cy+en", "cy-en", "cy,en":
		return langBilingual
	}
	parts := strings.FieldsFunc(v, func(r rune) bool { return r == '_' || r == '-' || r == '.' || r == '@' })
	if len(parts) == 0 {
		return ""
	}
	switch parts[0] {
	case "cy":
		return langWelsh
	case "en":
		return langEnglish
	}
	return ""
}

// wordsOf are the words to speak in: Welsh for cy and cy+en (a bilingual
// report writes both; its messages are Welsh), English otherwise.
func wordsOf(lang string) *assessment.Words {
	if lang == langEnglish {
		return assessment.English
	}
	return assessment.Welsh()
}
