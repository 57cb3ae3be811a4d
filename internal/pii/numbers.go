package pii

// Phone and NHS numbers are found in one pass over "chains": digit groups
// joined by short runs of spaces, dashes, dots and brackets ("07700 900 123",
// "+44 (0) 29 2018 0452", "943-476-5919"). A chain is never joined across a
// comma, a slash, a colon or a line break, so counts, money, times and dates
// ("1,234", "2024/25", "10:30", "12/03/2024") never form one. Within a chain
// each group is tried as the start of a number, taking the longest run of
// groups that is one; a number holds at most 15 digits, so the work per
// group is bounded and the pass is linear.

// group is one run of ASCII digits in the normalised text, s[start:end].
type group struct{ start, end int }

// maxGap is the most separator characters allowed between two groups.
const maxGap = 3

func isNumSep(c byte) bool {
	return c == ' ' || c == '\t' || c == '-' || c == '.' || c == '(' || c == ')'
}

// window is how many groups past a start a number may need: at most 16
// digits, so 16 groups, and a "(0)".
const window = 20

func (d *Detector) scanNumbers(s string, add func(Kind, int, int)) {
	var chain []group
	for i := 0; i < len(s); {
		if !isDigit(s[i]) {
			i++
			continue
		}
		// A chain is handled as it grows, keeping only a window of groups,
		// so "1 2 3 ..." over a megabyte takes no more memory than "1 2".
		chain = chain[:0]
		next := 0 // the first group not yet tried as the start of a number
		for {
			j := i
			for j < len(s) && isDigit(s[j]) {
				j++
			}
			chain = append(chain, group{i, j})
			if len(chain) >= 4*window {
				next = d.numbersInChain(s, chain, next, len(chain)-window, add)
				drop := min(next, len(chain)-window)
				chain = append(chain[:0], chain[drop:]...)
				next -= drop
			}
			k := j
			for k < len(s) && k-j < maxGap && isNumSep(s[k]) {
				k++
			}
			if k > j && k < len(s) && isDigit(s[k]) {
				i = k
				continue
			}
			i = j
			break
		}
		d.numbersInChain(s, chain, next, len(chain), add)
	}
}

// numbersInChain tries each group of chain from start up to (not including)
// limit as the first of a number, and returns the first group it did not
// try (past limit when a number ran over it).
func (d *Detector) numbersInChain(s string, chain []group, start, limit int, add func(Kind, int, int)) int {
	g := start
	for g < limit {
		// Cheap tests first: a phone number starts with a group of two
		// digits or more ("0044", "029") or after a '+'; an NHS number
		// with a group of three or ten.
		first := chain[g]
		n := first.end - first.start
		if n < 2 && !(first.start > 0 && s[first.start-1] == '+') && !isTrunkZero(s, first) && n != 3 && n != 10 {
			g++
			continue
		}
		if end, canon, ok := phoneAt(s, chain, g); ok {
			if !d.numbers[canon] {
				add(Phone, startWithPrefix(s, chain[g].start), chain[end].end)
			}
			g = end + 1
			continue
		}
		if end, canon, ok := nhsAt(s, chain, g); ok {
			if !d.numbers[canon] {
				add(NHSNumber, chain[g].start, chain[end].end)
			}
			g = end + 1
			continue
		}
		g++
	}
	return g
}

// startWithPrefix moves a match start back over a "+" or "(" just before it.
func startWithPrefix(s string, i int) int {
	if i > 0 && (s[i-1] == '+' || s[i-1] == '(') {
		return i - 1
	}
	return i
}

// boundedBefore reports whether a number may start at s[i]: not inside a
// word ("Y7", "KS2", "A470") nor after a decimal point or other digits.
func boundedBefore(s string, i int) bool {
	if letterBefore(s, i) {
		return false
	}
	return !(i >= 2 && (s[i-1] == '.' || s[i-1] == ',') && isDigit(s[i-2]))
}

// boundedAfter reports whether a number may end at s[i]: not followed by a
// letter ("3rd") nor by a decimal part ("1.5", "1,250").
func boundedAfter(s string, i int) bool {
	if letterAt(s, i) {
		return false
	}
	return !(i+1 < len(s) && (s[i] == '.' || s[i] == ',') && isDigit(s[i+1]))
}

// phoneAt reports the longest UK phone number (or other international
// number) whose first group is chain[g]: the index of its last group and its
// canonical digits for the allow-list.
//
// National numbers start with 0 and have 10 or 11 digits (see validUK);
// written in groups, the first group holds the area or mobile code and so at
// least 3 digits, the others at least 2: "01.04.2024" is not a phone number.
// International numbers start "+" or "00"; "+44" and "0044" become the
// national form (an optional "(0)" is dropped) and follow the same rules.
// Other country codes need 8 to 15 digits in all.
func phoneAt(s string, chain []group, g int) (end int, canon string, ok bool) {
	first := chain[g]
	if !boundedBefore(s, first.start) {
		return 0, "", false
	}
	plus := first.start > 0 && s[first.start-1] == '+'
	if plus && first.start > 1 && wordBefore(s, first.start-1) {
		return 0, "", false // "1+44..." is arithmetic
	}
	var buf [16]byte
	digits := buf[:0]
	intl := plus
	uk := false     // an international number with country code 44
	skipTrunk := -1 // index of a "(0)" group to leave out
	// "(0)1632 960212": a bracketed trunk 0 with no country code before it
	// is the start of the first group.
	trunk := !plus && isTrunkZero(s, first) && g+1 < len(chain)
	firstLen := first.end - first.start
	if trunk {
		firstLen += chain[g+1].end - chain[g+1].start
	}
	best := -1
	bestCanon := ""
	for j := g; j < len(chain); j++ {
		gr := chain[j]
		n := gr.end - gr.start
		if j == skipTrunk {
			continue
		}
		if len(digits)+n > 16 {
			break
		}
		digits = append(digits, s[gr.start:gr.end]...)
		if j == g {
			switch {
			case intl:
			case len(digits) >= 2 && digits[0] == '0' && digits[1] == '0':
				intl = true
				digits = append(digits[:0], digits[2:]...)
			case digits[0] != '0':
				return 0, "", false
			}
			if intl && len(digits) >= 2 && digits[0] == '4' && digits[1] == '4' {
				uk = true
				digits = append(append(digits[:0], '0'), digits[2:]...)
				if j+1 < len(chain) && isTrunkZero(s, chain[j+1]) {
					skipTrunk = j + 1
				}
			}
		}
		if letterAt(s, gr.end) {
			// This group runs into a word ("3rd"): no number ends here,
			// and none goes on past it either.
			break
		}
		// How a national number is split into groups: one group, or a
		// first group of at least 3 digits (the area or mobile code) and
		// later groups of at least 2. After +44 the first group is the
		// country code, and what follows it is checked by validUK alone.
		// A group that breaks this rule breaks every longer number too.
		if trunk && j == g+1 {
			// still the first group
		} else if (!intl || uk) && j > g && (n < 2 || !uk && firstLen < 3) {
			break
		}
		switch {
		case !intl || uk:
			if validUK(digits) {
				best, bestCanon = j, string(digits)
			}
		default:
			if len(digits) >= 8 && len(digits) <= 15 {
				best, bestCanon = j, "+"+string(digits)
			}
		}
	}
	if best < 0 {
		return 0, "", false
	}
	return best, bestCanon, true
}

// isTrunkZero reports the "(0)" of "+44 (0) 29 ...".
func isTrunkZero(s string, g group) bool {
	return g.end-g.start == 1 && s[g.start] == '0' && g.start > 0 && s[g.start-1] == '(' &&
		g.end < len(s) && s[g.end] == ')'
}

// validUK reports whether national digits (leading 0) make a UK number:
// 11 digits for 01, 02, 03, 05, 07, 08 and 09 numbers, or 10 for some 01
// areas and for 0800 and 0500 freephone numbers.
func validUK(d []byte) bool {
	if len(d) < 10 || d[0] != '0' {
		return false
	}
	switch len(d) {
	case 11:
		switch d[1] {
		case '1', '2', '3', '5', '7', '8', '9':
			return true
		}
	case 10:
		return d[1] == '1' || string(d[1:4]) == "800" || string(d[1:4]) == "500"
	}
	return false
}

// nhsAt reports an NHS number starting at chain[g]: ten digits written
// together or as 3-3-4 with one separator character, that pass the
// modulus 11 check (which ten random digits pass one time in eleven).
func nhsAt(s string, chain []group, g int) (end int, canon string, ok bool) {
	first := chain[g]
	if !boundedBefore(s, first.start) || first.start > 0 && s[first.start-1] == '+' {
		return 0, "", false
	}
	var d [10]byte
	switch n := first.end - first.start; {
	case n == 10:
		copy(d[:], s[first.start:first.end])
		end = g
	case n == 3 && g+2 < len(chain):
		a, b := chain[g+1], chain[g+2]
		if b.end-b.start != 4 || a.end-a.start != 3 || a.start-first.end != 1 || b.start-a.end != 1 {
			return 0, "", false
		}
		if sep := s[first.end]; sep != s[a.end] || sep == '(' || sep == ')' {
			return 0, "", false
		}
		copy(d[:3], s[first.start:first.end])
		copy(d[3:6], s[a.start:a.end])
		copy(d[6:], s[b.start:b.end])
		end = g + 2
	default:
		return 0, "", false
	}
	if !boundedAfter(s, chain[end].end) || !nhsChecksum(d[:]) {
		return 0, "", false
	}
	return end, string(d[:]), true
}

// nhsChecksum applies the NHS number's modulus 11 check.
func nhsChecksum(d []byte) bool {
	sum := 0
	for i := 0; i < 9; i++ {
		sum += int(d[i]-'0') * (10 - i)
	}
	check := 11 - sum%11
	if check == 11 {
		check = 0
	}
	return check != 10 && check == int(d[9]-'0')
}
