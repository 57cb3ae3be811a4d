package pii

// National Insurance numbers: two prefix letters, six digits and a suffix
// letter A to D, written together ("AB123456C") or spaced in the usual pairs
// ("AB 12 34 56 C"). The prefix follows HMRC's rules (first letter not D, F,
// I, Q, U or V; second not D, F, I, O, Q, U or V; not BG, GB, KN, NK, NT, TN or
// ZZ), so HMRC's own example QQ 12 34 56 C is not found. Without its suffix
// letter the pattern is too like a reference number and is not found.

func scanNINumbers(s string, add func(Kind, int, int)) {
	for i := 0; i < len(s); {
		start, end, ok := nextToken(s, i)
		if !ok {
			break
		}
		i = end
		// Two letters, then the digits in the same token or the next.
		if end-start != 2 && (end-start < 3 || !isDigit(s[start+2])) {
			continue
		}
		if e, ok := niAt(s, start); ok {
			add(NINumber, start, e)
			i = e
		}
	}
}

func niAt(s string, i int) (int, bool) {
	if i+9 > len(s) {
		return 0, false
	}
	a, b := s[i], s[i+1]
	if !isASCIILetter(b) || contains("DFIQUV", a) || contains("DFIOQUV", b) {
		return 0, false
	}
	switch string([]byte{a &^ 0x20, b &^ 0x20}) {
	case "BG", "GB", "KN", "NK", "NT", "TN", "ZZ":
		return 0, false
	}
	j := i + 2
	for pair := 0; pair < 3; pair++ {
		if j < len(s) && s[j] == ' ' {
			j++
		}
		if j+2 > len(s) || !isDigit(s[j]) || !isDigit(s[j+1]) {
			return 0, false
		}
		j += 2
	}
	if j < len(s) && s[j] == ' ' {
		j++
	}
	if j >= len(s) || !contains("ABCD", s[j]) || wordAt(s, j+1) {
		return 0, false
	}
	if !sameCase(string([]byte{a, b, s[j]})) {
		return 0, false
	}
	return j + 1, true
}
