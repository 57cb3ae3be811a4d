package assessment

import (
	"strings"
	"unicode/utf8"
)

// TagOf turns text into a tag of lowercase words joined by hyphens
// ("Staff retention" -> "staff-retention").
func TagOf(s string) string {
	var b strings.Builder
	dash := false
	s = strings.ReplaceAll(s, "&", " and ")
	for _, r := range strings.ToLower(s) {
		r = unaccent(r)
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	return b.String()
}

// unaccent turns the accented Latin letters of Welsh and its neighbours
// (ŵ ŷ â ê î ô û ï é à ...) into their plain letter, so that "Tŷ Teulu"
// makes the tag ty-teulu.
func unaccent(r rune) rune {
	if r < 0xC0 || r > 0x17F {
		return r
	}
	const from = "àáâãäåèéêëìíîïòóôõöùúûüýÿŵŷāăąēĕėęěīĭįōŏőūŭůűųçćĉċčñńņňśŝşšźżž"
	const to = "aaaaaaeeeeiiiiooooouuuuyywyaaaeeeeeiiiooouuuuucccccnnnnsssszzz"
	if i := strings.IndexRune(from, r); i >= 0 {
		return rune(to[utf8.RuneCountInString(from[:i])])
	}
	return r
}
