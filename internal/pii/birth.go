package pii

import (
	"strings"
	"unicode/utf8"
)

// A date of birth is a full date (day, month and year) tied to a birth cue:
//
//	cues      born, birth, birthday, birthdate, DOB, D.O.B., "b." (only right
//	          before a date), and in Welsh ganwyd, ganed, aned, geni / eni /
//	          ngeni (dyddiad geni, ei geni), genedigaeth, pen-blwydd
//	dates     12/03/2016, 12.03.16, 12-03-2016, US order 12/31/2015,
//	          2016-03-12, 3 March 2016, 3rd of March 2016, March 3, 2016,
//	          Sept. 3 2016, 3ydd o Fawrth 2016, 12fed Mai 2016
//
// Between the cue and the date may come only small words ("on", "the", "is",
// "was", "her", "ar", "y", "ei", a weekday, ...), punctuation such as ':' or
// '(', and one capitalised word (a name or, after "in", a place): "born in
// Cardiff on 3 March 2016", "Ganwyd Elis ar 5 Mehefin 2014". Anything else
// breaks the tie, which keeps "Born into Care, launched 1 April 2023" and
// "the birth to five service, launched 1 September 2022" out. A date may also
// come just before "DOB", "date of birth" or "dyddiad geni":
// "03/03/2016 (DOB)". Month and year alone, a year, or an age are not found.
//
// The match runs from the cue to the end of the date (or from the date to the
// cue), so redaction withholds both even when "b." ends a "sentence".

// maxTieWords is how many words may come between a cue and its date.
const maxTieWords = 6

func scanBirthDates(s string, add func(Kind, int, int)) {
	prevStart, prevEnd := -1, -1 // the word before, for "date of birth", "pen-blwydd"
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf && !isASCIILetter(c) || c >= utf8.RuneSelf && !letterAt(s, i) {
			i++
			continue
		}
		j := wordEnd(s, i)
		if maybeCue(s[i:j]) {
			cueStart, cueEnd, reverse, ok := birthCue(s, i, j, prevStart, prevEnd)
			if ok && !figurative(s, cueStart) {
				if j-i == 1 && lower(s[i]) == 'b' {
					// "b. 03/03/2016": the date must follow at once.
					k := cueEnd
					if k < len(s) && s[k] == ' ' {
						k++
					}
					if e, ok := parseDate(s, k); ok {
						add(DateOfBirth, cueStart, e)
					}
				} else if e, ok := dateAfterCue(s, cueEnd); ok {
					add(DateOfBirth, cueStart, e)
				} else if reverse {
					if st, ok := dateBeforeCue(s, cueStart); ok {
						add(DateOfBirth, st, cueEnd)
					}
				}
			}
		}
		prevStart, prevEnd = i, j
		i = j
	}
}

// maybeCue is a cheap filter before birthCue: every cue is 1 to 11 letters
// and starts with one of these.
func maybeCue(w string) bool {
	if len(w) > 11 {
		return false
	}
	switch lower(w[0]) {
	case 'a', 'b', 'd', 'e', 'g', 'n', 'p':
		return true
	}
	return false
}

// lowerWord lower-cases the ASCII letters of w into buf, without
// allocating; a word longer than buf comes back empty.
func lowerWord(buf *[16]byte, w string) []byte {
	if len(w) > len(buf) {
		return nil
	}
	for i := 0; i < len(w); i++ {
		buf[i] = lower(w[i])
	}
	return buf[:len(w)]
}

// figurative reports a cue whose subject is an organisation or an idea, not
// a child: "the forum was born on", "the hub's first birthday on". Walking
// back from the cue over a few filler words ("was", "first", a possessive),
// the word before must be one of orgNouns.
func figurative(s string, cue int) bool {
	i := cue
	for words := 0; words < 4; words++ {
		for i > 0 && isSpace(s[i-1]) {
			i--
		}
		e := i
		for i > 0 && letterBefore(s, i) {
			_, size := utf8.DecodeLastRuneInString(s[:i])
			i -= size
		}
		if i == e {
			return false
		}
		var buf [16]byte
		w := lowerWord(&buf, s[i:e])
		if string(w) == "s" { // a possessive: "hub’s", "hub's"
			switch {
			case strings.HasSuffix(s[:i], "'"):
				i--
			case strings.HasSuffix(s[:i], "’"):
				i -= len("’")
			default:
				return false
			}
			words--
			continue
		}
		switch {
		case orgNouns[string(w)]:
			return true
		case !fillerWords[string(w)]:
			return false
		}
	}
	return false
}

// orgNouns are things that are "born" or have birthdays in the reports.
var orgNouns = map[string]bool{}

// fillerWords may stand between such a noun and the cue.
var fillerWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`forum hub project service programme program scheme
		initiative idea campaign group team pilot network partnership board charity centre
		club panel strategy framework plan website app helpline line network movement
		fforwm hyb prosiect gwasanaeth rhaglen cynllun syniad ymgyrch grŵp tîm rhwydwaith
		partneriaeth bwrdd elusen canolfan clwb`) {
		orgNouns[w] = true
	}
	for _, w := range strings.Fields(`was were is has had been officially first second third
		fifth tenth finally really truly only new`) {
		fillerWords[w] = true
	}
}

// wordEnd returns the end of the word of letters starting at s[i].
func wordEnd(s string, i int) int {
	j := i
	for j < len(s) {
		if c := s[j]; c < utf8.RuneSelf {
			if !isASCIILetter(c) {
				break
			}
			j++
			continue
		}
		if !letterAt(s, j) {
			break
		}
		_, size := utf8.DecodeRuneInString(s[j:])
		j += size
	}
	return j
}

// birthCue reports whether the word s[i:j] is a birth cue, the span of the
// whole cue ("date of birth" starts at "date"), and whether a date may come
// before it.
func birthCue(s string, i, j, prevStart, prevEnd int) (start, end int, reverse, ok bool) {
	var wb, pb [16]byte
	w := lowerWord(&wb, s[i:j])
	var prev []byte
	if prevStart >= 0 && i-prevEnd <= 1 && (i == prevEnd || s[prevEnd] == ' ' || s[prevEnd] == '-') {
		prev = lowerWord(&pb, s[prevStart:prevEnd])
	}
	start, end = i, j
	switch string(w) {
	case "born", "birthday", "birthdate", "ganwyd", "ganed", "aned", "anwyd", "eni", "ngeni",
		"genedigaeth", "penblwydd":
	case "birth":
		start, reverse = dateOfBefore(s, i)
	case "geni":
		if string(prev) == "dyddiad" {
			start, reverse = prevStart, true
		}
	case "blwydd":
		if string(prev) != "pen" {
			return 0, 0, false, false
		}
		start = prevStart
	case "dob":
		reverse = true
		if end < len(s) && s[end] == '.' {
			end++
		}
	case "d":
		// D.O.B. (the letters of "d.o.b" are separate words to wordEnd)
		if i+5 > len(s) || !equalFold(s[i:i+5], "d.o.b") || letterAt(s, i+5) {
			return 0, 0, false, false
		}
		end, reverse = i+5, true
		if end < len(s) && s[end] == '.' {
			end++
		}
	case "b":
		if j >= len(s) || s[j] != '.' {
			return 0, 0, false, false
		}
		end = j + 1
	default:
		return 0, 0, false, false
	}
	return start, end, reverse, true
}

// dateOfBefore finds "date of " before the "birth" at s[i], so the cue
// starts there and a date may precede it.
func dateOfBefore(s string, i int) (start int, reverse bool) {
	const p = "date of "
	if i >= len(p) && equalFold(s[i-len(p):i], p) && !letterBefore(s, i-len(p)) {
		return i - len(p), true
	}
	return i, false
}

// tieWords may stand between a cue and its date.
var tieWords = map[string]bool{
	"on": true, "the": true, "is": true, "was": true, "of": true, "date": true, "dated": true,
	"her": true, "his": true, "their": true, "my": true, "our": true, "your": true, "its": true,
	"as": true, "given": true, "recorded": true, "dob": true, "d": true, "o": true, "b": true,
	"ar": true, "y": true, "yr": true, "ei": true, "eu": true, "fy": true, "ein": true, "eich": true,
	"yw": true, "ydy": true, "ydi": true, "oedd": true, "dyddiad": true, "ddydd": true, "dydd": true,
	"sef": true, "mae": true, "hi": true, "fe": true, "fo": true, "nhw": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true,
	"llun": true, "mawrth": true, "mercher": true, "iau": true, "gwener": true, "sadwrn": true, "sul": true,
}

// placeWords may be followed by one capitalised word (a place).
var placeWords = map[string]bool{"in": true, "at": true, "yng": true, "ym": true, "yn": true, "near": true}

// dateAfterCue looks for a date after a cue ending at s[i], across tie words.
func dateAfterCue(s string, i int) (int, bool) {
	free := false // one capitalised word (a name or a place) allowed
	breaks := 0   // one line break allowed: "Date of birth:\n03/03/2016"
	for words := 0; words <= maxTieWords; {
		for i < len(s) {
			if n := quoteAt(s, i); n > 0 {
				i += n
				continue
			}
			c := s[i]
			if c == '\n' || c == '\r' {
				if breaks++; breaks > 1 {
					return 0, false
				}
				if c == '\r' && i+1 < len(s) && s[i+1] == '\n' {
					i++ // "\r\n" is one break
				}
			} else if !isSpace(c) && strings.IndexByte(":,-()\"'=", c) < 0 {
				break
			}
			i++
		}
		if i >= len(s) {
			return 0, false
		}
		if e, ok := parseDate(s, i); ok {
			return e, true
		}
		if !letterAt(s, i) {
			return 0, false
		}
		j := wordEnd(s, i)
		var buf [16]byte
		w := lowerWord(&buf, s[i:j])
		words++
		switch {
		case tieWords[string(w)]:
		case placeWords[string(w)]:
			free = false // the place may take the free word
		case !free && isUpper(s[i]):
			free = true
		default:
			return 0, false
		}
		// A full stop ends the tie, except after a single letter ("D.O.B.").
		if j < len(s) && s[j] == '.' && j-i > 1 {
			return 0, false
		}
		i = j
		if i < len(s) && s[i] == '.' {
			i++
		}
	}
	return 0, false
}

// quoteAt returns the length of a curly quote at s[i], or 0.
func quoteAt(s string, i int) int {
	for _, q := range []string{"‘", "’", "“", "”"} {
		if strings.HasPrefix(s[i:], q) {
			return len(q)
		}
	}
	return 0
}

// dateBeforeCue finds a date that ends just before a cue at s[i] (spaces and
// '(', ':', ',', '-' between): "03/03/2016 (DOB)".
func dateBeforeCue(s string, i int) (int, bool) {
	q := i
	for q > 0 && i-q < 4 && (isSpace(s[q-1]) || strings.IndexByte("(:,-", s[q-1]) >= 0) {
		q--
	}
	if q == 0 || !isAlnum(s[q-1]) {
		return 0, false
	}
	// A date is at most 30 bytes ("3rd of September, 2016"); try each start.
	for st := max(0, q-30); st < q; st++ {
		if wordBefore(s, st) || !isAlnum(s[st]) {
			continue
		}
		if e, ok := parseDate(s, st); ok && e == q {
			return st, true
		}
	}
	return 0, false
}

// parseDate parses a full date starting at s[i] and returns its end.
func parseDate(s string, i int) (int, bool) {
	if i >= len(s) || wordBefore(s, i) {
		return 0, false
	}
	if isDigit(s[i]) {
		if e, ok := numericDate(s, i); ok {
			return e, true
		}
		return dayMonthYear(s, i)
	}
	return monthDayYear(s, i)
}

// numericDate parses 12/03/2016, 12.03.16, 12-3-2016, 12/31/2015 (US) and
// 2016-03-12.
func numericDate(s string, i int) (int, bool) {
	a, j := number(s, i, 4)
	if j == i || j >= len(s) || strings.IndexByte("/.-", s[j]) < 0 {
		return 0, false
	}
	sep := s[j]
	b, k := number(s, j+1, 2)
	if k == j+1 || k >= len(s) || s[k] != sep {
		return 0, false
	}
	c, e := number(s, k+1, 4)
	if e == k+1 || wordAt(s, e) || e+1 < len(s) && (s[e] == sep || s[e] == '.') && isDigit(s[e+1]) {
		return 0, false
	}
	na, nc := j-i, e-k-1
	switch {
	case na == 4: // ISO year-month-day
		return e, nc <= 2 && year(a) && 1 <= b && b <= 12 && 1 <= c && c <= 31
	case na <= 2 && (nc == 2 || nc == 4 && year(c)):
		uk := 1 <= a && a <= 31 && 1 <= b && b <= 12
		us := 1 <= a && a <= 12 && 1 <= b && b <= 31
		return e, uk || us
	}
	return 0, false
}

// dayMonthYear parses "3 March 2016", "3rd of March, 2016", "12fed o Fai 2015".
func dayMonthYear(s string, i int) (int, bool) {
	day, j := number(s, i, 2)
	if j == i || day < 1 || day > 31 {
		return 0, false
	}
	j = ordinalSuffix(s, j)
	if wordAt(s, j) {
		return 0, false
	}
	j = spaces(s, j)
	if w := wordEnd(s, j); w > j && (equalFold(s[j:w], "of") || equalFold(s[j:w], "o")) {
		j = spaces(s, w)
	}
	m := monthEnd(s, j)
	if m == j {
		return 0, false
	}
	return yearAfter(s, m)
}

// monthDayYear parses "March 3, 2016", "March 3rd 2016", "Sept. 3 2016".
func monthDayYear(s string, i int) (int, bool) {
	m := monthEnd(s, i)
	if m == i {
		return 0, false
	}
	j := spaces(s, m)
	day, k := number(s, j, 2)
	if k == j || day < 1 || day > 31 {
		return 0, false
	}
	k = ordinalSuffix(s, k)
	if wordAt(s, k) {
		return 0, false
	}
	return yearAfter(s, k)
}

// yearAfter parses ", 2016" or " 2016" at s[i] and returns the end.
func yearAfter(s string, i int) (int, bool) {
	comma := i < len(s) && s[i] == ','
	if comma {
		i++
	}
	j := spaces(s, i)
	if j == i && !comma {
		return 0, false
	}
	y, e := number(s, j, 4)
	if e-j != 4 || !year(y) || wordAt(s, e) {
		return 0, false
	}
	return e, true
}

// monthEnd returns the end of a month name at s[i] (i when none), with the
// full stop of an abbreviation.
func monthEnd(s string, i int) int {
	j := wordEnd(s, i)
	var buf [16]byte
	if j == i || !months[string(lowerWord(&buf, s[i:j]))] {
		return i
	}
	if j < len(s) && s[j] == '.' && j-i <= 4 {
		j++
	}
	return j
}

// months are the English month names and abbreviations and the Welsh names
// with their soft-mutated forms (o Fawrth, o Fai, ...).
var months = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`january jan february feb march mar april apr may june jun
		july jul august aug september sep sept october oct november nov december dec
		ionawr chwefror mawrth fawrth ebrill mai fai mehefin fehefin gorffennaf orffennaf
		awst medi fedi hydref tachwedd dachwedd rhagfyr ragfyr`) {
		m[w] = true
	}
	return m
}()

// ordinalSuffix skips an English or Welsh ordinal ending after a day:
// st nd rd th, af il ydd ed fed eg ain.
func ordinalSuffix(s string, i int) int {
	j := i
	for j < len(s) && isASCIILetter(s[j]) && j-i < 3 {
		j++
	}
	if wordAt(s, j) {
		return i
	}
	var buf [16]byte
	switch string(lowerWord(&buf, s[i:j])) {
	case "st", "nd", "rd", "th", "af", "il", "ydd", "ed", "fed", "eg", "ain":
		return j
	}
	return i
}

// number reads up to max digits at s[i] and returns the value and the end
// (i when none, or when more digits follow).
func number(s string, i, max int) (int, int) {
	v, j := 0, i
	for j < len(s) && isDigit(s[j]) {
		if j-i == max {
			return 0, i
		}
		v = v*10 + int(s[j]-'0')
		j++
	}
	return v, j
}

func spaces(s string, i int) int {
	for i < len(s) && isSpace(s[i]) {
		i++
	}
	return i
}

func year(y int) bool { return 1900 <= y && y <= 2099 }
