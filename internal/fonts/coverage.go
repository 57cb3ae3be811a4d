package fonts

import (
	"encoding/binary"
	"errors"
	"fmt"
	"unicode"
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

// coverageOne reads the characters of one face from the format 4 cmap
// subtable fpdf reads, range by range (asking for each of 65,536
// characters in turn took 5 ms for the four faces, at the start of every
// check and report).
func coverageOne(data []byte) (*Coverage, error) {
	if err := CheckTrueType(data); err != nil {
		return nil, err
	}
	sub, err := cmap4(data)
	if err != nil {
		return nil, err
	}
	u16 := func(at int) (int, error) {
		if at < 0 || at+2 > len(sub) {
			return 0, errors.New("cmap format 4 subtable out of range")
		}
		return int(binary.BigEndian.Uint16(sub[at:])), nil
	}
	segs, err := u16(6)
	if err != nil {
		return nil, err
	}
	segs /= 2
	ends, starts, deltas, offsets := 14, 16+2*segs, 16+4*segs, 16+6*segs
	c := &Coverage{}
	for i := range segs {
		end, err1 := u16(ends + 2*i)
		start, err2 := u16(starts + 2*i)
		delta, err3 := u16(deltas + 2*i)
		offset, err4 := u16(offsets + 2*i)
		if err := errors.Join(err1, err2, err3, err4); err != nil {
			return nil, err
		}
		for r := start; r <= end && r < 0xFFFF; r++ {
			g := r
			if offset != 0 {
				if g, err = u16(offsets + 2*i + offset + 2*(r-start)); err != nil {
					return nil, err
				}
				if g == 0 {
					continue
				}
			}
			if (g+delta)&0xFFFF == 0 {
				continue
			}
			if r := rune(r); !(r >= 0xD800 && r <= 0xDFFF || r == 0xFFFE || unicode.IsControl(r) || r == 0) {
				c.set(r) // surrogates, non-characters, C0/C1 controls: never drawn
			}
		}
	}
	return c, nil
}

// cmap4 is the font's format 4 Unicode cmap subtable (platform 3
// encoding 1, or platform 0), the first there is.
func cmap4(data []byte) ([]byte, error) {
	n := int(binary.BigEndian.Uint16(data[4:]))
	for i := range n {
		rec := data[12+16*i:]
		if string(rec[:4]) != "cmap" {
			continue
		}
		off, ln := int(binary.BigEndian.Uint32(rec[8:])), int(binary.BigEndian.Uint32(rec[12:]))
		if off+ln > len(data) || ln < 4 {
			return nil, errors.New("cmap out of range")
		}
		cmap := data[off : off+ln]
		nsub := int(binary.BigEndian.Uint16(cmap[2:]))
		for j := 0; j < nsub && 4+8*j+8 <= len(cmap); j++ {
			rec := cmap[4+8*j:]
			plat, enc := binary.BigEndian.Uint16(rec), binary.BigEndian.Uint16(rec[2:])
			so := int(binary.BigEndian.Uint32(rec[4:]))
			if so+4 > len(cmap) {
				continue
			}
			if (plat == 3 && enc == 1 || plat == 0) && binary.BigEndian.Uint16(cmap[so:]) == 4 {
				return cmap[so:min(len(cmap), so+int(binary.BigEndian.Uint16(cmap[so+2:])))], nil
			}
		}
	}
	return nil, errors.New("no format 4 Unicode cmap subtable, which fpdf needs")
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
	_, err := cmap4(data)
	return err
}
