package pii

import (
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// normText is text as the scanners see it: NFKC-normalised (full-width
// digits and letters become ASCII, "＠" becomes "@"), with invisible
// characters dropped and space, dash and dot variants folded to ' ', '-' and
// '.'. segs records every place where it differs from the original, so that
// offsets map back exactly.
//
// Between two segments the normalised text is a byte-for-byte copy of the
// original (every ASCII run is), so a segment list is enough: for a mostly
// ASCII text it is short, and a lookup is a binary search.
type normText struct {
	s    string
	segs []seg // in order of n; nil when s is the original text
}

// seg is one stretch of the original, text[o0:o1], that normalised to
// s[n:n+nlen] (nlen is 0 for a dropped invisible character).
type seg struct {
	n, nlen, o0, o1 int32
}

// span maps the normalised span s[a:b] (b > a) to the smallest span of the
// original text that produced it. A match that starts or ends inside a
// segment (the "1" of "½") widens to the whole segment, so the result always
// falls on rune boundaries of the original.
func (t *normText) span(a, b int) (int, int) {
	if t.segs == nil {
		return a, b
	}
	return t.orig(a, false), t.orig(b-1, true)
}

// orig maps the normalised byte at p to the original: the start of what
// produced it, or (end) the end.
func (t *normText) orig(p int, end bool) int {
	// The last segment starting at or before p.
	k := sort.Search(len(t.segs), func(i int) bool { return int(t.segs[i].n) > p }) - 1
	if k < 0 {
		if end {
			return p + 1
		}
		return p
	}
	g := t.segs[k]
	if p < int(g.n+g.nlen) { // inside the segment's output
		if end {
			return int(g.o1)
		}
		return int(g.o0)
	}
	o := int(g.o1) + (p - int(g.n+g.nlen)) // in the copied run after it
	if end {
		return o + 1
	}
	return o
}

// normalise builds the normalised form of text. ASCII runs are copied; each
// stretch of non-ASCII runes, with the ASCII character before it (a base
// letter that a combining mark may join), goes through NFKC segment by
// segment. A normalisation boundary always falls before an ASCII character,
// so normalising stretch by stretch gives the same result as normalising the
// whole text, at a fraction of the cost on mostly-ASCII text. nonASCII (the
// number of non-ASCII runes, or 0 when unknown) sizes the segment list: each
// segment takes at least one of them. Offsets are int32: texts up to 2 GiB.
func normalise(text string, nonASCII int) normText {
	var b strings.Builder
	b.Grow(len(text) + 16)
	segs := make([]seg, 0, nonASCII)
	var it norm.Iter
	i := 0
	for i < len(text) {
		j := i
		for j < len(text) && text[j] < utf8.RuneSelf {
			j++
		}
		if j == len(text) {
			b.WriteString(text[i:])
			break
		}
		rs := j
		if j > i {
			rs = j - 1
		}
		b.WriteString(text[i:rs])
		k := j
		for k < len(text) && text[k] >= utf8.RuneSelf {
			k++
		}
		it.InitString(norm.NFKC, text[rs:k])
		// Iter may hand out a long decomposition ("㋀" is "1月") in pieces
		// before it moves past the rune: a segment stays open until the
		// input position moves.
		open, n0, o0 := false, 0, 0
		for !it.Done() {
			p0 := rs + it.Pos()
			out := it.Next()
			p1 := rs + it.Pos()
			if !open && len(out) == 1 && p1-p0 == 1 && out[0] == text[p0] {
				b.WriteByte(out[0]) // the ASCII base, unchanged
				continue
			}
			if !open {
				open, n0, o0 = true, b.Len(), p0
			}
			for len(out) > 0 {
				r, size := utf8.DecodeRune(out)
				out = out[size:]
				if f, keep := fold(r); keep {
					b.WriteRune(f)
				}
			}
			if p1 > p0 {
				segs = append(segs, seg{n: int32(n0), nlen: int32(b.Len() - n0), o0: int32(o0), o1: int32(p1)})
				open = false
			}
		}
		if open {
			segs = append(segs, seg{n: int32(n0), nlen: int32(b.Len() - n0), o0: int32(o0), o1: int32(k)})
		}
		i = k
	}
	return normText{s: b.String(), segs: segs}
}

// fold maps a normalised rune to what the scanners compare: invisible
// characters go (keep is false), line separators become '\n', every other
// space ' ', every dash '-', and middle dots '.'.
func fold(r rune) (rune, bool) {
	switch {
	case r < utf8.RuneSelf:
		return r, true
	case invisible(r):
		return 0, false
	case r == 0x85 || r == 0x2028 || r == 0x2029:
		return '\n', true
	case unicode.IsSpace(r):
		return ' ', true
	case r == 0x2212 || r == 0x2043 || unicode.Is(unicode.Pd, r):
		return '-', true
	case r == 0xB7 || r == 0x2027 || r == 0x2219 || r == 0x22C5 || r == 0x30FB:
		return '.', true
	}
	return r, true
}

// invisible reports characters that show nothing and so can hide inside a
// number or address: zero-width space, joiners, word joiner, BOM, soft
// hyphen, bidi controls (all format characters, Cf), the combining grapheme
// joiner, variation selectors and the Hangul fillers.
func invisible(r rune) bool {
	switch {
	case unicode.Is(unicode.Cf, r):
		return true
	case r == 0x34F, r == 0x115F, r == 0x1160, r == 0x3164, r == 0xFFA0:
		return true
	case r >= 0xFE00 && r <= 0xFE0F, r >= 0xE0100 && r <= 0xE01EF:
		return true
	}
	return false
}

// hints is what one cheap pass over the original text (prescan) learns
// about it, so that Find can skip what cannot match.
type hints struct {
	digits   int  // ASCII digits, and twice each rune that may normalise to digits
	at       bool // an '@' (or a full-width or small one)
	spelt    bool // a bracketed "at", the word "dot", or full-width forms
	nonASCII int  // non-ASCII runes: 0 means normalisation is the identity
}

// worth reports whether text could hold anything the scanners look for.
// Everything but an e-mail address needs at least two digits (a postcode has
// two, a date three or more, a phone number eight), and an e-mail address
// needs an '@', a bracketed "at" or a "dot".
func (h hints) worth() bool { return h.at || h.spelt || h.digits >= 2 }

// byteClass sorts bytes for prescan: 0 for the bytes it passes over.
var byteClass = func() (t [256]uint8) {
	for c := '0'; c <= '9'; c++ {
		t[c] = 1
	}
	t['@'] = 2
	t[']'], t[')'], t['}'], t['>'] = 3, 3, 3, 3
	t['t'], t['T'] = 4, 4
	for c := utf8.RuneSelf; c < 256; c++ {
		t[c] = 5
	}
	return t
}()

// prescan is the fast path: one pass over the bytes. Non-ASCII runes that
// NFKC turns into a digit or '@' count as such (mayBeDigit is checked
// against every rune in the tests); scanners treat '\t' as a space and '\r'
// as a line break themselves, so pure ASCII text needs no normalising.
func prescan(text string) (h hints) {
	for i := 0; i < len(text); {
		c := text[i]
		switch byteClass[c] {
		case 0:
			i++
			continue
		case 1:
			h.digits++
		case 2:
			h.at = true
		case 3:
			if !h.spelt && bracketedAtBefore(text, i) {
				h.spelt = true
			}
		case 4:
			if !h.spelt && i >= 2 && dotWordAt(text, i-2) {
				h.spelt = true
			}
		case 5:
			r, size := utf8.DecodeRuneInString(text[i:])
			i += size
			h.nonASCII++
			switch {
			case r == 0xFF20 || r == 0xFE6B:
				h.at = true
			case mayBeDigit(r):
				h.digits += 2 // "⑩" is two digits
			case r >= 0xFF00 && r <= 0xFF65 || r >= 0xFE50 && r <= 0xFE6F || invisible(r):
				// Full-width or small brackets and letters ("［at］"), or an
				// invisible character that may split an "at" or a "dot":
				// look again after normalising.
				h.spelt = true
			}
			continue
		}
		i++
	}
	return h
}

// mayBeDigit reports non-ASCII runes whose NFKC form holds an ASCII digit:
// digits of any script (full-width, mathematical), other numbers (², ①, ½)
// and the CJK compatibility squares ("㋀" is "1月").
func mayBeDigit(r rune) bool {
	return unicode.IsDigit(r) || unicode.Is(unicode.No, r) || r >= 0x3200 && r <= 0x33FF
}

// bracketedAtBefore reports whether the closing bracket at text[i] ends an
// "[at]", "(at)", "{at}" or "<at>", spaces allowed inside.
func bracketedAtBefore(text string, i int) bool {
	j := i - 1
	for j >= 0 && text[j] == ' ' {
		j--
	}
	if j < 2 || lower(text[j]) != 't' || lower(text[j-1]) != 'a' {
		return false
	}
	j -= 2
	for j >= 0 && text[j] == ' ' {
		j--
	}
	return j >= 0 && text[j] == opener(text[i])
}

// dotWordAt reports whether text[i:] starts with the word "dot" (any case).
func dotWordAt(text string, i int) bool {
	if i+3 > len(text) || lower(text[i]) != 'd' || lower(text[i+1]) != 'o' || lower(text[i+2]) != 't' {
		return false
	}
	return (i == 0 || !isAlnum(text[i-1])) && (i+3 == len(text) || !isAlnum(text[i+3]))
}

func opener(c byte) byte {
	switch c {
	case ']':
		return '['
	case ')':
		return '('
	case '}':
		return '{'
	case '>':
		return '<'
	}
	return 0
}

func closer(c byte) byte {
	switch c {
	case '[':
		return ']'
	case '(':
		return ')'
	case '{':
		return '}'
	case '<':
		return '>'
	}
	return 0
}

func isDigit(c byte) bool       { return '0' <= c && c <= '9' }
func isASCIILetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }
func isAlnum(c byte) bool       { return isDigit(c) || isASCIILetter(c) }
func isUpper(c byte) bool       { return 'A' <= c && c <= 'Z' }
func lower(c byte) byte {
	if isUpper(c) {
		return c | 0x20
	}
	return c
}

// isSpace reports the spaces of normalised text ('\t' survives in ASCII text).
func isSpace(c byte) bool { return c == ' ' || c == '\t' }

// wordBefore reports whether the rune ending at s[i] is a letter, digit or
// mark: whether i is inside a word rather than at its start.
func wordBefore(s string, i int) bool {
	if i <= 0 {
		return false
	}
	if c := s[i-1]; c < utf8.RuneSelf {
		return isAlnum(c) || c == '_'
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return isWordRune(r)
}

// wordAt reports whether the rune starting at s[i] is a letter, digit or mark.
func wordAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	if c := s[i]; c < utf8.RuneSelf {
		return isAlnum(c) || c == '_'
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isWordRune(r)
}

// letterBefore is wordBefore without digits.
func letterBefore(s string, i int) bool {
	if i <= 0 {
		return false
	}
	if c := s[i-1]; c < utf8.RuneSelf {
		return isASCIILetter(c)
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return isLetterRune(r)
}

// letterAt is wordAt without digits.
func letterAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	if c := s[i]; c < utf8.RuneSelf {
		return isASCIILetter(c)
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isLetterRune(r)
}

func isWordRune(r rune) bool {
	if r < bmp {
		return runeBits()[0][r>>6]&(1<<(r&63)) != 0
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

func isLetterRune(r rune) bool {
	if r < bmp {
		return runeBits()[1][r>>6]&(1<<(r&63)) != 0
	}
	return unicode.IsLetter(r) || unicode.IsMark(r)
}

// runeBits cache isWordRune (0) and isLetterRune (1) for the Basic
// Multilingual Plane: the Unicode tables are searched once, the first time
// a text has a letter outside ASCII, not for every ’ and ŵ of every text,
// nor at the start of a run that meets none.
const bmp = 0x10000

var runeBits = sync.OnceValue(func() *[2][bmp / 64]uint64 {
	var t [2][bmp / 64]uint64
	for r := rune(0); r < bmp; r++ {
		letter := unicode.IsLetter(r) || unicode.IsMark(r)
		if letter {
			t[1][r>>6] |= 1 << (r & 63)
		}
		if letter || unicode.IsDigit(r) {
			t[0][r>>6] |= 1 << (r & 63)
		}
	}
	return &t
})
