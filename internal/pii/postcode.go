package pii

import "unicode/utf8"

// Full UK postcodes: an outward code (A9, A99, AA9, AA99, A9A, AA9A) whose
// letters are one of the 124 postcode areas, then an inward code (9AA, no C,
// I, K, M, O or V), with one or two spaces or none between. Checking the area
// keeps "Y7 2nd" and "KS2 1st" out. Either case is found ("cf10 1aa"), but
// not mixed case, and a lower-case inward code that reads as an ordinal
// ("B2 3rd floor") is taken as the ordinal. An outward code alone ("CF10",
// "SA1") names a district, not an address, and is not found.
//
// The postcode of a school or a public building is still found: the detector
// cannot tell it from a home's, and an address can identify a family (a
// small setting, a foster home). A person confirms the false alarm.

func scanPostcodes(s string, add func(Kind, int, int)) {
	for i := 0; i < len(s); {
		start, j, ok := nextToken(s, i)
		if !ok {
			break
		}
		i = start
		tok := s[i:j]
		switch {
		case len(tok) >= 5 && len(tok) <= 7 && outwardOK(tok[:len(tok)-3]) && inwardOK(tok[len(tok)-3:]) && sameCase(tok):
			add(Postcode, i, j)
		case len(tok) >= 2 && len(tok) <= 4 && (outwardOK(tok) || equalFold(tok, "GIR")):
			k := j
			for k < len(s) && k-j < 2 && isSpace(s[k]) {
				k++
			}
			e := k + 3
			if e > len(s) || wordAt(s, e) {
				break
			}
			in := s[k:e]
			if !isDigit(in[0]) || !isAlnum(in[1]) || !isAlnum(in[2]) {
				break
			}
			if !(inwardOK(in) || equalFold(tok, "GIR") && equalFold(in, "0AA")) || !sameCase(tok+in) {
				break
			}
			if isOrdinal(in) && (lower(in[1]) == in[1] || ordinalNoun(s, e)) {
				break // "B2 3rd floor", "ROOM B2 3RD FLOOR"
			}
			add(Postcode, i, e)
			j = e
		}
		i = j
	}
}

// nextToken finds the next run of ASCII letters and digits at or after
// s[i] that starts with a letter and is a whole word (no letter, digit or
// mark on either side), for the postcode and NI number scanners. It skips
// whole words, so the scan is linear.
func nextToken(s string, i int) (start, end int, ok bool) {
	for i < len(s) {
		c := s[i]
		if !isAlnum(c) && c != '_' {
			if c >= utf8.RuneSelf && wordAt(s, i) {
				i = skipWord(s, i)
				continue
			}
			i++
			continue
		}
		j := skipWord(s, i)
		if !isASCIILetter(c) || j < len(s) && s[j] >= utf8.RuneSelf {
			i = j // starts with a digit, or runs into a non-ASCII letter
			continue
		}
		k := i
		for k < j && isAlnum(s[k]) {
			k++
		}
		if k < j { // holds '_' or a non-ASCII letter
			i = j
			continue
		}
		return i, j, true
	}
	return 0, 0, false
}

// skipWord returns the end of the word (letters, digits, marks, '_') at s[i].
func skipWord(s string, i int) int {
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if !isAlnum(c) && c != '_' {
				return i
			}
			i++
			continue
		}
		if !wordAt(s, i) {
			return i
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return i
}

// outwardOK checks an outward code's shape and area.
func outwardOK(t string) bool {
	n := len(t)
	if n < 2 || n > 4 || !isASCIILetter(t[0]) {
		return false
	}
	area := 1
	if isASCIILetter(t[1]) {
		area = 2
	}
	if !postcodeArea(t[:area]) {
		return false
	}
	rest := t[area:] // 9, 99, 9A
	switch {
	case len(rest) == 1:
		return isDigit(rest[0])
	case len(rest) == 2 && isDigit(rest[0]) && isDigit(rest[1]):
		return true
	case len(rest) == 2 && isDigit(rest[0]) && isASCIILetter(rest[1]):
		if area == 1 {
			return contains("ABCDEFGHJKPSTUW", rest[1])
		}
		return contains("ABEHMNPRVWXY", rest[1])
	}
	return false
}

// inwardOK checks an inward code: a digit and two letters, none of CIKMOV.
func inwardOK(t string) bool {
	return len(t) == 3 && isDigit(t[0]) && isASCIILetter(t[1]) && isASCIILetter(t[2]) &&
		!contains("CIKMOV", t[1]) && !contains("CIKMOV", t[2])
}

// isOrdinal reports "1st", "2nd", "3rd", "4th" and so on.
func isOrdinal(t string) bool {
	suffix := string([]byte{lower(t[1]), lower(t[2])})
	switch t[0] {
	case '1':
		return suffix == "st"
	case '2':
		return suffix == "nd"
	case '3':
		return suffix == "rd"
	}
	return suffix == "th"
}

// ordinalNoun reports whether the word after s[i] (past spaces) is one an
// ordinal often qualifies: "3RD FLOOR", "1ST YEAR".
func ordinalNoun(s string, i int) bool {
	i = spaces(s, i)
	j := i
	for j < len(s) && isASCIILetter(s[j]) {
		j++
	}
	var buf [16]byte
	switch string(lowerWord(&buf, s[i:j])) {
	case "floor", "year", "term", "half", "place", "edition", "class", "grade", "time",
		"week", "day", "month", "quarter", "round", "stage", "phase", "session", "visit":
		return true
	}
	return false
}

// sameCase reports whether the letters of t are all upper or all lower case.
func sameCase(t string) bool {
	up, low := false, false
	for i := 0; i < len(t); i++ {
		switch c := t[i]; {
		case isUpper(c):
			up = true
		case 'a' <= c && c <= 'z':
			low = true
		}
	}
	return !(up && low)
}

// contains reports whether upper-case set holds c, in either case.
func contains(set string, c byte) bool {
	c = lower(c)
	for i := 0; i < len(set); i++ {
		if set[i]|0x20 == c {
			return true
		}
	}
	return false
}

func equalFold(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		if lower(a[i]) != lower(b[i]) {
			return false
		}
	}
	return true
}

// postcodeAreas are the UK postcode areas, BF (forces) and BX (non-geographic).
var postcodeAreas = func() (t [27 * 27]bool) {
	for _, a := range []string{
		"AB", "AL", "B", "BA", "BB", "BD", "BF", "BH", "BL", "BN", "BR", "BS", "BT", "BX",
		"CA", "CB", "CF", "CH", "CM", "CO", "CR", "CT", "CV", "CW",
		"DA", "DD", "DE", "DG", "DH", "DL", "DN", "DT", "DY",
		"E", "EC", "EH", "EN", "EX", "FK", "FY",
		"G", "GL", "GU", "GY", "HA", "HD", "HG", "HP", "HR", "HS", "HU", "HX",
		"IG", "IM", "IP", "IV", "JE", "KA", "KT", "KW", "KY",
		"L", "LA", "LD", "LE", "LL", "LN", "LS", "LU",
		"M", "ME", "MK", "ML", "N", "NE", "NG", "NN", "NP", "NR", "NW",
		"OL", "OX", "PA", "PE", "PH", "PL", "PO", "PR", "RG", "RH", "RM",
		"S", "SA", "SE", "SG", "SK", "SL", "SM", "SN", "SO", "SP", "SR", "SS", "ST", "SW", "SY",
		"TA", "TD", "TF", "TN", "TQ", "TR", "TS", "TW", "UB",
		"W", "WA", "WC", "WD", "WF", "WN", "WR", "WS", "WV", "YO", "ZE",
	} {
		t[areaIndex(a)] = true
	}
	return t
}()

func areaIndex(a string) int {
	i := int(lower(a[0])-'a'+1) * 27
	if len(a) == 2 {
		i += int(lower(a[1]) - 'a' + 1)
	}
	return i
}

func postcodeArea(a string) bool { return postcodeAreas[areaIndex(a)] }
