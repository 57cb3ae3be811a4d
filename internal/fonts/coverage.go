package fonts

import (
	"encoding/binary"
	"errors"
	"fmt"
	"unicode"

	"golang.org/x/image/font/sfnt"
)

// Coverage is the set of characters a font (or the intersection of several
// faces of a family) can draw, as far as fpdf is concerned: Basic
// Multilingual Plane only, because fpdf v0.12.0 reads only the format 4
// (16-bit) cmap and uses 16-bit CIDs; a rune above U+FFFF is never covered.
type Coverage struct {
	bits        [0x10000 / 64]uint64
	placeholder rune
}

// Placeholders lists, in order of preference, the characters used to stand
// for a character the font cannot draw; the first one the font has is used.
var Placeholders = []rune{'\uFFFD', '\u25A1', '?'}

// Has reports whether the font has a glyph for r.
func (c *Coverage) Has(r rune) bool {
	if r < 0 || r > 0xFFFF {
		return false
	}
	return c.bits[r>>6]&(1<<(uint(r)&63)) != 0
}

func (c *Coverage) set(r rune) { c.bits[r>>6] |= 1 << (uint(r) & 63) }

// Placeholder is the visible character Printable puts in place of a
// character the font cannot draw.
func (c *Coverage) Placeholder() rune { return c.placeholder }

// Count is the number of characters covered.
func (c *Coverage) Count() int {
	n := 0
	for _, w := range c.bits {
		for ; w != 0; w &= w - 1 {
			n++
		}
	}
	return n
}

// Missing returns the runes of s (in order, without repeats) the font lacks.
func (c *Coverage) Missing(s string) []rune {
	var out []rune
	seen := map[rune]bool{}
	for _, r := range s {
		if !c.Has(r) && !seen[r] {
			seen[r] = true
			out = append(out, r)
		}
	}
	return out
}

// CoverageOf reads the cmap of one or more TrueType fonts (for example the
// regular, bold and italic faces of a family) and returns the characters
// that ALL of them can draw, so that text is safe whichever face it is set in.
func CoverageOf(ttfs ...[]byte) (*Coverage, error) {
	if len(ttfs) == 0 {
		return nil, errors.New("fonts: no font given")
	}
	var all *Coverage
	for i, data := range ttfs {
		c, err := coverageOne(data)
		if err != nil {
			return nil, fmt.Errorf("fonts: face %d: %w", i, err)
		}
		if all == nil {
			all = c
			continue
		}
		for j := range all.bits {
			all.bits[j] &= c.bits[j]
		}
	}
	all.placeholder = 0
	for _, p := range Placeholders {
		if all.Has(p) {
			all.placeholder = p
			break
		}
	}
	if all.placeholder == 0 {
		return nil, errors.New("fonts: the font has none of the placeholder characters U+FFFD, U+25A1, '?'")
	}
	return all, nil
}

func coverageOne(data []byte) (*Coverage, error) {
	if err := CheckTrueType(data); err != nil {
		return nil, err
	}
	f, err := sfnt.Parse(data)
	if err != nil {
		return nil, err
	}
	var buf sfnt.Buffer
	c := &Coverage{}
	for r := rune(1); r <= 0xFFFF; r++ {
		if r >= 0xD800 && r <= 0xDFFF || r == 0xFFFE || r == 0xFFFF || unicode.IsControl(r) {
			continue // surrogates, non-characters, C0/C1 controls: never drawn
		}
		gi, err := f.GlyphIndex(&buf, r)
		if err != nil {
			return nil, err
		}
		if gi != 0 {
			c.set(r)
		}
	}
	return c, nil
}

// CheckTrueType checks what fpdf's UTF-8 font parser needs: a single font
// (not a collection) with TrueType outlines (a glyf and loca table, not CFF)
// and a Unicode cmap subtable in format 4 (platform 3 encoding 1, or
// platform 0), which is the only one fpdf v0.12.0 reads.
func CheckTrueType(data []byte) error {
	if len(data) < 12 {
		return errors.New("too short for a font")
	}
	switch v := binary.BigEndian.Uint32(data); v {
	case 0x00010000, 0x74727565: // 1.0, 'true'
	case 0x4F54544F: // 'OTTO'
		return errors.New("CFF outlines (OTTO), fpdf needs TrueType glyf outlines")
	case 0x74746366: // 'ttcf'
		return errors.New("font collection (ttc), fpdf needs a single font")
	default:
		return fmt.Errorf("unknown sfnt version %#08x", v)
	}
	n := int(binary.BigEndian.Uint16(data[4:]))
	if len(data) < 12+16*n {
		return errors.New("truncated table directory")
	}
	tables := map[string][2]uint32{}
	for i := 0; i < n; i++ {
		rec := data[12+16*i:]
		tables[string(rec[:4])] = [2]uint32{binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])}
	}
	for _, t := range []string{"glyf", "loca", "cmap", "hmtx", "hhea", "head", "maxp", "post", "name"} {
		if _, ok := tables[t]; !ok {
			return fmt.Errorf("no %q table", t)
		}
	}
	cm := tables["cmap"]
	off, ln := int(cm[0]), int(cm[1])
	if off+ln > len(data) || ln < 4 {
		return errors.New("cmap out of range")
	}
	cmap := data[off : off+ln]
	nsub := int(binary.BigEndian.Uint16(cmap[2:]))
	for i := 0; i < nsub && 4+8*i+8 <= len(cmap); i++ {
		rec := cmap[4+8*i:]
		plat, enc := binary.BigEndian.Uint16(rec), binary.BigEndian.Uint16(rec[2:])
		so := int(binary.BigEndian.Uint32(rec[4:]))
		if so+2 > len(cmap) {
			continue
		}
		if (plat == 3 && enc == 1 || plat == 0) && binary.BigEndian.Uint16(cmap[so:]) == 4 {
			return nil
		}
	}
	return errors.New("no format 4 Unicode cmap subtable, which fpdf needs")
}
