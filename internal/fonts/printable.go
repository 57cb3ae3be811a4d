package fonts

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"
	"golang.org/x/text/unicode/norm"
)

// Fallbacks are look-alikes used, before falling back to the placeholder,
// for a character the font lacks. A fallback is used only if the font has
// every character of it.
var Fallbacks = map[rune]string{
	'\t':     " ",
	'\u00A0': " ",      // no-break space
	'\u2007': "\u00A0", // figure space
	'\u2009': " ",      // thin space
	'\u202F': "\u00A0", // narrow no-break space
	'\u2010': "-",      // hyphen
	'\u2011': "-",      // non-breaking hyphen
	'\u2212': "-",      // minus sign (Noto Sans 2020 lacks it)
	'\u2012': "\u2013", // figure dash
	'\u2013': "-",      // en dash
	'\u2014': "-",      // em dash
	'\u2018': "'", '\u2019': "'", '\u201A': ",",
	'\u201C': "\"", '\u201D': "\"", '\u201E': "\"",
	'\u2026': "...", // ellipsis
	'\u2264': "<=",  // less-than or equal to (Noto Sans 2020 lacks the signs below)
	'\u2265': ">=",  // greater-than or equal to
	'\u2192': "->",  // rightwards arrow
	'\u2190': "<-",  // leftwards arrow
}

// Printable returns s made safe to hand to fpdf set in a font with coverage
// cov: every character the font cannot draw — and every character above
// U+FFFF, which fpdf v0.12.0 cannot handle at all — is replaced, so fpdf
// only ever sees characters the font has. replaced lists the visible
// characters of s that the font lacks, once each, in order of first
// appearance (nil when there are none), for a warning.
//
// In detail:
//   - s is first put in Unicode NFC, so a decomposed "w" + U+0302 becomes
//     the precomposed ŵ the font has (fpdf does no mark positioning).
//   - Text is taken a grapheme cluster (a user-perceived character) at a
//     time: a cluster with a character the font lacks becomes ONE
//     placeholder (cov.Placeholder(): U+FFFD, else U+25A1, else '?'), so
//     an emoji ZWJ sequence, a flag or an emoji with a skin-tone modifier
//     shows as a single placeholder, like a CJK ideograph or 🙂.
//   - Before that, a missing character with a look-alike in Fallbacks that
//     the font has uses it (U+2212 minus -> '-', thin space -> space, ...).
//   - Missing invisible format characters (ZWJ, variation selectors, emoji
//     flag tags, bidi controls, ...) are dropped without being reported,
//     so "©\uFE0F" is "©".
//   - Soft hyphens, byte order marks (U+FEFF) and carriage returns are
//     always dropped (fpdf would draw a soft hyphen as a visible hyphen);
//     '\n' is kept for MultiCell/Write. Other controls get the placeholder.
//   - Each run of invalid UTF-8 bytes becomes one placeholder and is
//     reported as U+FFFD (fpdf panics on truncated UTF-8).
func (cov *Coverage) Printable(s string) (string, []rune) {
	if fast(cov, s) {
		return s, nil
	}
	var replaced []rune
	seen := map[rune]bool{}
	report := func(r rune) {
		if !seen[r] {
			seen[r] = true
			replaced = append(replaced, r)
		}
	}
	if !utf8.ValidString(s) {
		report(utf8.RuneError)
		// One U+FFFD per run of invalid bytes; it is then drawn, or
		// replaced by the placeholder, like any other character.
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	s = norm.NFC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	ph := string(cov.placeholder)
	var out []string // pieces of the current cluster
	rest := s
	state := -1
	for len(rest) > 0 {
		var cluster string
		cluster, rest, _, state = uniseg.FirstGraphemeClusterInString(rest, state)
		out = out[:0]
		bad := false
		for i := 0; i < len(cluster); {
			r, w := utf8.DecodeRuneInString(cluster[i:])
			i += w
			switch {
			case r == '\n':
				out = append(out, "\n")
			case r == '\r' || r == '\u00AD' || r == '\uFEFF':
				// dropped: fpdf strips \r only in MultiCell/Write, draws a
				// soft hyphen as a hyphen, and a BOM is never wanted.
			case cov.Has(r):
				out = append(out, string(r))
			default:
				if fb, ok := Fallbacks[r]; ok && covered(cov, fb) {
					report(r)
					out = append(out, fb)
				} else if isInvisible(r) {
					// dropped, and not reported: it changes nothing a
					// reader sees (ZWJ, variation selector, flag tag, ...)
				} else {
					report(r)
					bad = true
				}
			}
		}
		if bad {
			b.WriteString(ph)
			continue
		}
		for _, p := range out {
			b.WriteString(p)
		}
	}
	return b.String(), replaced
}

// fast reports whether s needs no change: valid UTF-8 in NFC whose every
// character the font has (and no \r or soft hyphen).
func fast(cov *Coverage, s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c != '\n' && !cov.Has(rune(c)) { // controls (\r, \t) are never covered
				return false
			}
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && w == 1 || r == '\u00AD' || r == '\uFEFF' || !cov.Has(r) {
			return false
		}
		i += w
	}
	return norm.NFC.QuickSpanString(s) == len(s) // no allocation, unlike IsNormalString
}

func covered(cov *Coverage, s string) bool {
	for _, r := range s {
		if !cov.Has(r) {
			return false
		}
	}
	return true
}

// isInvisible reports whether r is an invisible format character that may be
// dropped when the font lacks it (Unicode Default_Ignorable_Code_Point and
// the Cf category).
func isInvisible(r rune) bool {
	return unicode.Is(unicode.Other_Default_Ignorable_Code_Point, r) ||
		unicode.Is(unicode.Variation_Selector, r) ||
		unicode.Is(unicode.Cf, r) && !unicode.Is(unicode.Prepended_Concatenation_Mark, r)
}
