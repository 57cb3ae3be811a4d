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
// the command runs, since the help is written in it; the last one given
// counts, as it does for the flag), else NEST_LANG, else the locale's
// (LC_ALL, then LC_MESSAGES, then LANG), else English. A --lang or
// NEST_LANG that is none of cy, en and cy+en (an empty one too) is
// returned as bad, with wrong set, and lang is then what the rest would
// choose, to say so in; a locale nest does not speak is English.
func language(args []string, env func(string) string) (lang, bad string, wrong bool) {
	flag, given := "", false
	for i, a := range args {
		if a == "--" {
			break
		}
		if v, ok := strings.CutPrefix(a, "--lang="); ok {
			flag, given = v, true
		} else if a == "--lang" && i+1 < len(args) {
			flag, given = args[i+1], true
		}
	}
	lang, bad, wrong = fromEnv(env)
	if given {
		if l := norm(flag); l != "" {
			return l, "", false
		}
		return lang, flag, true
	}
	return lang, bad, wrong
}

// fromEnv is the language the environment asks for: NEST_LANG, else the
// locale's.
func fromEnv(env func(string) string) (lang, bad string, wrong bool) {
	locale := langEnglish
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := env(k); v != "" {
			if strings.HasPrefix(strings.ToLower(v), "cy") {
				locale = langWelsh
			}
			break
		}
	}
	if v := env("NEST_LANG"); v != "" {
		if l := norm(v); l != "" {
			return l, "", false
		}
		return locale, v, true
	}
	return locale, "", false
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
