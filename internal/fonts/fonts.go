// Package fonts holds the typeface of nest's PDF reports, Noto Sans
// (regular, bold, italic, bold italic; version 2.004 from Debian's
// fonts-noto-core, cut to Latin, Greek, Cyrillic and the usual signs by
// subset.sh; SIL Open Font License 1.1, see OFL.txt), and knows which
// characters it can draw. fpdf, which lays the reports out, draws only
// characters of the Basic Multilingual Plane that the font has, and fails
// or crashes on others (an emoji in an organisation's name once panicked
// inside it): Printable puts a visible placeholder in their place, and
// Missing lets validate warn of them first.
package fonts

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"

	"github.com/nest-nyth/nest/internal/text"
)

// The faces, as TrueType bytes for fpdf.AddUTF8FontFromBytes.
var (
	//go:embed NotoSans-Regular.ttf
	Regular []byte
	//go:embed NotoSans-Bold.ttf
	Bold []byte
	//go:embed NotoSans-Italic.ttf
	Italic []byte
	//go:embed NotoSans-BoldItalic.ttf
	BoldItalic []byte
)

// Family is the name the faces are registered under in a PDF.
const Family = "NotoSans"

// Report is what the report's faces can all draw, read from their
// character maps the first time it is needed (about 0.1 ms).
var Report = sync.OnceValue(func() *Coverage {
	cov, err := CoverageOf(Regular, Bold, Italic, BoldItalic)
	if err != nil {
		panic("nest: the built-in font is broken: " + err.Error())
	}
	return cov
})

// Printable is s made safe for the report's font (see Coverage.Printable),
// and the characters it replaced.
func Printable(s string) (string, []rune) {
	if ascii(s) && !strings.Contains(s, "\t") {
		return s, nil // printable ASCII: always drawn, no need to read the font
	}
	return Report().Printable(s)
}

// Named names missing characters for a message: the first three, each
// with its code point ("🙂 (U+1F642), 中 (U+4E2D)"), then "..." for more.
func Named(missing []rune) string {
	var names []string
	for _, r := range missing[:min(len(missing), 3)] {
		names = append(names, fmt.Sprintf("%s (U+%04X)", text.Safe(string(r)), r))
	}
	if len(missing) > 3 {
		names = append(names, "...")
	}
	return strings.Join(names, ", ")
}

// Missing lists the characters of s, once each, that the report's font
// cannot draw and that have no look-alike it can (a tab is printed as a
// space, and is not missing).
func Missing(s string) []rune {
	if ascii(s) {
		return nil
	}
	_, replaced := Report().Printable(s)
	missing := replaced[:0]
	for _, r := range replaced {
		if fb, ok := Fallbacks[r]; !ok || !covered(Report(), fb) {
			missing = append(missing, r)
		}
	}
	return missing
}

// ascii reports whether s is printable ASCII, tabs and newlines only.
func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x7f || c < 0x20 && c != '\n' && c != '\t' {
			return false
		}
	}
	return true
}
