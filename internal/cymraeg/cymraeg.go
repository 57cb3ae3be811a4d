// Package cymraeg holds the little of the Welsh language that nest must
// get right by rule rather than by writing whole sentences: the order of
// the Welsh alphabet, the initial mutations, and which plural form a
// number takes.
//
// Most Welsh in nest is whole sentences in the catalogue, written so that
// no word is glued to another. Where a name from a file must follow a
// word that mutates it ("o Went", "i Bowys"), or a count chooses the
// form of a noun ("dau wasanaeth", "tri chyngor"), these functions do it.
package cymraeg

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The Welsh alphabet: 29 letters, eight of them written with two
// characters. "ng" comes after "g", "rh" after "r".
var alphabet = []string{
	"a", "b", "c", "ch", "d", "dd", "e", "f", "ff", "g", "ng", "h", "i", "j", "l", "ll",
	"m", "n", "o", "p", "ph", "r", "rh", "s", "t", "th", "u", "w", "y",
}

var rank = func() map[string]int {
	m := map[string]int{}
	for i, l := range alphabet {
		m[l] = i + 1
	}
	return m
}()

// base is a letter without its accent: â ê î ô û ŵ ŷ and the rest sort as
// their plain letter, the accent deciding only between words otherwise
// the same.
func base(r rune) (rune, bool) {
	switch r {
	case 'â', 'á', 'à', 'ä':
		return 'a', true
	case 'ê', 'é', 'è', 'ë':
		return 'e', true
	case 'î', 'í', 'ì', 'ï':
		return 'i', true
	case 'ô', 'ó', 'ò', 'ö':
		return 'o', true
	case 'û', 'ú', 'ù', 'ü':
		return 'u', true
	case 'ŵ', 'ẃ', 'ẁ', 'ẅ':
		return 'w', true
	case 'ŷ', 'ý', 'ỳ', 'ÿ':
		return 'y', true
	}
	return r, false
}

// letters splits a word into Welsh letters, lower-cased and without
// accents, and says whether it had any accent.
//
// "ng" is read as one letter, except in a name that begins "Llan" before
// a g (Llangollen is Llan-gollen), and in Bangor: telling "ng" the
// letter from n and g side by side needs a dictionary, and these are the
// cases a Welsh place name meets most.
func letters(s string) (out []string, accented bool) {
	var b strings.Builder
	for _, r := range s {
		r = unicode.ToLower(r)
		if p, ok := base(r); ok {
			accented = true
			r = p
		}
		b.WriteRune(r)
	}
	w := b.String()
	for i := 0; i < len(w); {
		if i+1 < len(w) {
			two := w[i : i+2]
			if _, ok := rank[two]; ok && len(two) == 2 && !(two == "ng" && splitNG(w, i)) {
				out = append(out, two)
				i += 2
				continue
			}
		}
		r, n := utf8.DecodeRuneInString(w[i:])
		out = append(out, string(r))
		i += n
	}
	return out, accented
}

// splitNG says whether the "ng" at w[i:] is n then g.
func splitNG(w string, i int) bool {
	start := strings.LastIndexFunc(w[:i], func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' }) + 1
	word := w[start:]
	return (strings.HasPrefix(word, "llan") && i-start == 3) || (strings.HasPrefix(word, "bangor") && i-start == 2)
}

// Compare orders a and b as a Welsh dictionary does: -1, 0 or +1. Letters
// are compared by their place in the Welsh alphabet ("ll" after "l",
// "rh" after "r", "dd" after "d"), without regard to case or accents,
// which decide only between words otherwise equal. Characters that are
// not letters (spaces, punctuation, digits) come before the letters;
// letters outside the Welsh alphabet (k, q, v, x, z) after them.
func Compare(a, b string) int {
	la, acA := letters(a)
	lb, acB := letters(b)
	for i := 0; i < len(la) && i < len(lb); i++ {
		if c := compareLetter(la[i], lb[i]); c != 0 {
			return c
		}
	}
	switch {
	case len(la) != len(lb):
		return sign(len(la) - len(lb))
	case acA != acB: // the plain word first
		if acA {
			return 1
		}
		return -1
	}
	return strings.Compare(a, b)
}

func compareLetter(a, b string) int {
	ca, ra := class(a)
	cb, rb := class(b)
	switch {
	case ca != cb:
		return sign(ca - cb)
	case ra != rb:
		return sign(ra - rb)
	}
	return strings.Compare(a, b)
}

// class puts a letter in its group, and gives its place in the group:
// 0 for what is not a letter (spaces, punctuation, digits), by code; 1
// for the letters of the Welsh alphabet, by their place in it; 2 for
// other letters (k, q, v, x, z, and other alphabets), by code.
func class(l string) (int, int) {
	if r, ok := rank[l]; ok {
		return 1, r
	}
	r, _ := utf8.DecodeRuneInString(l)
	if unicode.IsLetter(r) {
		return 2, int(r)
	}
	return 0, int(r)
}

func sign(n int) int {
	switch {
	case n < 0:
		return -1
	case n > 0:
		return 1
	}
	return 0
}

// Plural is the CLDR plural form of n in Welsh: zero, one, two, few (3),
// many (6) or other. The forms are where a Welsh noun after a number
// changes: "dau wasanaeth" (soft mutation after two), "tri chyngor"
// (aspirate after three), "chwe phlentyn" (aspirate after six).
func Plural(n int) string {
	switch n {
	case 0:
		return "zero"
	case 1:
		return "one"
	case 2:
		return "two"
	case 3:
		return "few"
	case 6:
		return "many"
	}
	return "other"
}

// soft is the soft mutation of a word's first letter (treiglad meddal).
var soft = []struct{ from, to string }{
	{"ll", "l"}, {"rh", "r"}, {"p", "b"}, {"t", "d"}, {"c", "g"},
	{"b", "f"}, {"d", "dd"}, {"g", ""}, {"m", "f"},
}

// aspirate is the aspirate mutation (treiglad llaes).
var aspirate = []struct{ from, to string }{{"p", "ph"}, {"t", "th"}, {"c", "ch"}}

// nasal is the nasal mutation (treiglad trwynol).
var nasal = []struct{ from, to string }{
	{"p", "mh"}, {"t", "nh"}, {"c", "ngh"}, {"b", "m"}, {"d", "n"}, {"g", "ng"},
}

// Soft mutates the first letter of s as after "o", "i", "dau", "ei" (his):
// Gwent → Went, Powys → Bowys, Caerdydd → Gaerdydd, Llanelli → Lanelli.
// The case of the first letter is kept. Words that begin with a letter
// the mutation does not touch are returned as they are; so are the
// exceptions that keep their first letter ("ll" and "rh" mutate; "ts",
// "tsh" and loan words in "g" before a consonant do not).
func Soft(s string) string { return mutate(s, soft) }

// Aspirate mutates s as after "a" (and), "tri", "chwe", "ei" (her):
// plentyn → phlentyn, cyngor → chyngor, teulu → theulu.
func Aspirate(s string) string { return mutate(s, aspirate) }

// Nasal mutates s as after "yn" (in) and "fy": Gwent → Ngwent,
// Caerdydd → Nghaerdydd, Powys → Mhowys, Bangor → Mangor.
func Nasal(s string) string { return mutate(s, nasal) }

// startsWithVowel says whether s begins with a Welsh vowel (a e i o u w
// y, with or without an accent).
func startsWithVowel(s string) bool {
	if n, ok := leadingNumber(s); ok {
		return numberStartsWithVowel(n)
	}
	r, _ := utf8.DecodeRuneInString(s)
	b, _ := base(unicode.ToLower(r))
	return strings.ContainsRune("aeiouwy", b)
}

// leadingNumber is the number s starts with, written in digits.
func leadingNumber(s string) (int, bool) {
	n, digits := 0, 0
	for digits < len(s) && digits < 9 && '0' <= s[digits] && s[digits] <= '9' {
		n = 10*n + int(s[digits]-'0')
		digits++
	}
	return n, digits > 0
}

// numberStartsWithVowel says whether a number, read aloud in Welsh's
// decimal way, starts with a vowel: un (1), wyth (8), un deg ... (11 to
// 19), wyth deg ... (80 to 89), wyth cant ... (800 to 899), wyth mil ...
// (8,000 to 8,999). Cant (100) and mil (1,000) do not.
func numberStartsWithVowel(n int) bool {
	switch {
	case n == 1, n == 8, n >= 10 && n <= 19:
		return n != 10 // deg
	case n >= 80 && n <= 89, n >= 800 && n <= 899, n >= 8000 && n <= 8999:
		return true
	}
	return false
}

func mutate(s string, table []struct{ from, to string }) string {
	lower := strings.ToLower(s)
	if strings.HasPrefix(lower, "ts") {
		return s
	}
	for _, m := range table {
		if !strings.HasPrefix(lower, m.from) {
			continue
		}
		// A two-letter digraph is not the one-letter rule's: "ch" is not
		// "c", "th" is not "t", "ph" is not "p", "dd" is not "d".
		if len(m.from) == 1 && len(lower) > 1 {
			if _, ok := rank[lower[:2]]; ok && lower[:2] != "ng" {
				return s
			}
		}
		rest := s[len(m.from):]
		to := m.to
		if r, _ := utf8.DecodeRuneInString(s); unicode.IsUpper(r) {
			if to == "" { // Gwent → Went: the next letter takes the capital
				r2, n := utf8.DecodeRuneInString(rest)
				return string(unicode.ToUpper(r2)) + rest[n:]
			}
			to = strings.ToUpper(to[:1]) + to[1:]
		}
		return to + rest
	}
	return s
}

// After puts a word from a file after a Welsh preposition, mutating it as
// the preposition does: "o" and "i" soft, "yn" nasal (and "yn" itself
// becomes "yng" before ng, "ym" before m), "a" and "gyda" aspirate.
// Another word is put before s unchanged.
func After(prep, s string) string {
	switch strings.ToLower(prep) {
	case "o", "i", "am", "ar", "at", "gan", "heb", "dan", "dros", "drwy", "wrth", "hyd":
		return prep + " " + Soft(s)
	case "a", "â":
		if startsWithVowel(s) { // ac Abertawe, ag ef
			return map[string]string{"a": "ac", "â": "ag"}[prep] + " " + s
		}
		return prep + " " + Aspirate(s)
	case "gyda", "tua":
		return prep + " " + Aspirate(s)
	case "yn":
		m := Nasal(s)
		switch {
		case strings.HasPrefix(strings.ToLower(m), "ng"):
			prep = prep[:1] + "ng"
		case strings.HasPrefix(strings.ToLower(m), "m"):
			prep = prep[:1] + "m"
		}
		return prep + " " + m
	}
	return prep + " " + s
}
