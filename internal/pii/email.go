package pii

import (
	"strings"
	"unicode/utf8"
)

// E-mail addresses are found around each '@' (a full-width "＠" is one after
// normalisation, and an invisible character inside an address is gone), with
// at most one space either side of it. Spelt-out addresses are found too:
//
//	mali [at] example [dot] co [dot] uk    bracketed "at", any brackets
//	carer.jones(at)example.com              (the dots may be real)
//	jo.bloggs at example dot org            unbracketed: only with at least one
//	                                        "dot" and a known top-level domain
//
// "jo at example.org" is not found: "meet at school.Then" is as likely.
// Social media handles ("@MeicCymru") and web addresses are not personal data
// here and are not found.

func (d *Detector) scanEmails(s string, add func(Kind, int, int)) {
	for off := 0; off < len(s); {
		p := strings.IndexByte(s[off:], '@')
		if p < 0 {
			break
		}
		p += off
		off = p + 1
		le := p
		if le > 0 && s[le-1] == ' ' {
			le--
		}
		ls := localStart(s, le)
		if ls == le {
			continue
		}
		ds := p + 1
		if ds < len(s) && s[ds] == ' ' {
			ds++
		}
		de, tld, _, ok := domainEnd(s, ds, false)
		if !ok || (le < p || ds > p+1) && !knownTLD[strings.ToLower(tld)] {
			// With a space by the '@' ("jo @ example.org") the domain must
			// end in a known top-level domain: "meet @ school.Then" is prose.
			continue
		}
		if d.emails[strings.ToLower(s[ls:le])+"@"+strings.ToLower(s[ds:de])] {
			continue
		}
		add(Email, ls, de)
		off = de
	}
}

// scanSpeltEmails finds "name [at] example [dot] org" and its kin.
func scanSpeltEmails(s string, add func(Kind, int, int)) {
	for i := 0; i+2 <= len(s); i++ {
		if lower(s[i]) != 'a' || lower(s[i+1]) != 't' || wordBefore(s, i) || wordAt(s, i+2) {
			continue
		}
		// Bracketed: the nearest non-space either side are matching brackets.
		l := i - 1
		for l >= 0 && s[l] == ' ' {
			l--
		}
		r := i + 2
		for r < len(s) && s[r] == ' ' {
			r++
		}
		bracketed := l >= 0 && r < len(s) && opener(s[r]) != 0 && s[l] == opener(s[r])
		var le, ds int
		if bracketed {
			le, ds = l, r+1
			for le > 0 && s[le-1] == ' ' {
				le--
			}
			for ds < len(s) && s[ds] == ' ' {
				ds++
			}
		} else {
			if i == 0 || s[i-1] != ' ' || i+2 >= len(s) || s[i+2] != ' ' {
				continue
			}
			le, ds = i-1, i+3
		}
		ls := localStart(s, le)
		if ls == le {
			continue
		}
		de, tld, spelt, ok := domainEnd(s, ds, true)
		if !ok || !bracketed && (!spelt || !knownTLD[strings.ToLower(tld)]) {
			continue
		}
		add(Email, ls, de)
		i = de - 1
	}
}

// knownTLD lists the top-level domains an unbracketed "name at example dot
// org" must end in.
var knownTLD = map[string]bool{
	"org": true, "com": true, "net": true, "uk": true, "cymru": true, "wales": true,
	"gov": true, "nhs": true, "ac": true, "co": true, "sch": true, "edu": true,
	"info": true, "io": true, "me": true, "ie": true, "eu": true, "scot": true,
}

// localStart walks back from s[end] over the local part of an address and
// returns where it starts (end when there is none).
func localStart(s string, end int) int {
	i := end
	for i > 0 {
		c := s[i-1]
		if c < utf8.RuneSelf {
			if isAlnum(c) || strings.IndexByte("._%+-'", c) >= 0 {
				i--
				continue
			}
			break
		}
		r, size := utf8.DecodeLastRuneInString(s[:i])
		if !isWordRune(r) {
			break
		}
		i -= size
	}
	for i < end && strings.IndexByte(".-'+", s[i]) >= 0 {
		i++
	}
	return i
}

// domainEnd parses a domain at s[i:]: labels of letters, digits and hyphens
// joined by dots, at least two of them, the last (the top-level domain) of two
// or more letters. With spelt, a dot may also be written "[dot]", "(dot)" or
// " dot ", and spelt reports whether one was. A full stop after the domain
// is left out. tld is the last label.
func domainEnd(s string, i int, speltOK bool) (end int, tld string, spelt, ok bool) {
	labels := 0
	lastStart, lastEnd := -1, -1
	for {
		j := labelEnd(s, i)
		if j == i {
			break
		}
		labels++
		lastStart, lastEnd = i, j
		// A separator, then the next label.
		if j+1 < len(s) && s[j] == '.' && labelEnd(s, j+1) > j+1 {
			i = j + 1
			continue
		}
		if speltOK {
			if k, ok := speltDot(s, j); ok && labelEnd(s, k) > k {
				spelt = true
				i = k
				continue
			}
		}
		break
	}
	if labels < 2 || lastEnd-lastStart < 2 {
		return 0, "", false, false
	}
	for k := lastStart; k < lastEnd; k++ {
		if !isASCIILetter(s[k]) {
			return 0, "", false, false
		}
	}
	return lastEnd, s[lastStart:lastEnd], spelt, true
}

// labelEnd returns the end of the domain label at s[i:] (i when none).
func labelEnd(s string, i int) int {
	j := i
	for j < len(s) {
		c := s[j]
		if c < utf8.RuneSelf {
			if isAlnum(c) || c == '-' {
				j++
				continue
			}
			break
		}
		r, size := utf8.DecodeRuneInString(s[j:])
		if !isWordRune(r) {
			break
		}
		j += size
	}
	for j > i && s[j-1] == '-' {
		j--
	}
	return j
}

// speltDot matches " [dot] ", "(dot)", " dot " at s[i:] and returns where
// the next label starts.
func speltDot(s string, i int) (int, bool) {
	j := i
	for j < len(s) && s[j] == ' ' {
		j++
	}
	spaced := j > i
	var close byte
	if j < len(s) && closer(s[j]) != 0 {
		close = closer(s[j])
		j++
		for j < len(s) && s[j] == ' ' {
			j++
		}
	}
	if j+3 > len(s) || lower(s[j]) != 'd' || lower(s[j+1]) != 'o' || lower(s[j+2]) != 't' {
		return 0, false
	}
	j += 3
	if close != 0 {
		for j < len(s) && s[j] == ' ' {
			j++
		}
		if j >= len(s) || s[j] != close {
			return 0, false
		}
		j++
	} else if !spaced || j >= len(s) || s[j] != ' ' {
		return 0, false
	}
	for j < len(s) && s[j] == ' ' {
		j++
	}
	return j, true
}
