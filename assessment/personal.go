package assessment

import (
	"regexp"
	"strings"
)

// Reports built from these files are published, so free text is searched for
// the personal data that most often slips in. Each pattern errs towards
// warning: a person can confirm a false alarm, but not unpublish a report.
var (
	emailRE    = regexp.MustCompile(`[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}`)
	phoneRE    = regexp.MustCompile(`(?:\+44\s?(?:\(0\)\s?)?|\(0|\b0)\d{2,4}\)?[\s\-]?\d{3,4}[\s\-]?\d{3,4}\b`)
	nhsRE      = regexp.MustCompile(`\b\d{3}[\s\-]?\d{3}[\s\-]?\d{4}\b`)
	postcodeRE = regexp.MustCompile(`(?i)\b[A-Z]{1,2}[0-9][A-Z0-9]?\s?[0-9][A-Z]{2}\b`)
	birthRE    = regexp.MustCompile(`(?i)\b(?:date of birth|d\.?o\.?b\.?|born)\W+(?:[a-z]+\W+){0,3}?(?:\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}|\d{1,2}(?:st|nd|rd|th)?(?:\s+of)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*,?\s+\d{4}|\d{4}-\d{2}-\d{2})`)
)

// PersonalData reports the first thing in text that looks like personal
// data: what kind it is, and its byte offset. kind is "" when there is none.
func PersonalData(text string) (kind string, offset int) {
	// One pass finds what each pattern needs before it can match, so the
	// regular expressions run only on the rare text that might match.
	hasAt, digits, codeLike := false, 0, false
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case c == '@':
			hasAt = true
		case c >= '0' && c <= '9':
			digits++
			if i > 0 && (text[i-1] >= 'A' && text[i-1] <= 'Z' || text[i-1] >= 'a' && text[i-1] <= 'z') {
				codeLike = true // a letter then a digit, as in CF10
			}
		}
	}
	if !hasAt && digits == 0 {
		return "", 0 // the common case, and cheap
	}
	best, bestAt := "", len(text)
	try := func(name string, loc []int) {
		if loc != nil && loc[0] < bestAt {
			best, bestAt = name, loc[0]
		}
	}
	if hasAt {
		try("an e-mail address", emailRE.FindStringIndex(text))
	}
	if digits >= 10 { // phone and NHS numbers have ten digits or more
		try("a phone number", phoneRE.FindStringIndex(text))
		for _, loc := range nhsRE.FindAllStringIndex(text, -1) {
			if nhsChecksum(text[loc[0]:loc[1]]) {
				try("an NHS number", loc)
				break
			}
		}
	}
	if codeLike {
		try("a postcode", postcodeRE.FindStringIndex(text))
	}
	if digits >= 4 && mentionsBirth(text) {
		try("a date of birth", birthRE.FindStringIndex(text))
	}
	if best == "" {
		return "", 0
	}
	return best, bestAt
}

// mentionsBirth is a cheap test for the words birthRE starts with.
func mentionsBirth(text string) bool {
	for _, w := range []string{"orn", "ORN", "irth", "IRTH", "ob", "OB", "o.b", "O.B", "oB", "Ob"} {
		if strings.Contains(text, w) {
			return true
		}
	}
	return false
}

// nhsChecksum applies the NHS number's modulus 11 check, which most ten
// digit numbers (a phone number without its 0, a reference) fail.
func nhsChecksum(s string) bool {
	var d []int
	for _, r := range s {
		if r >= '0' && r <= '9' {
			d = append(d, int(r-'0'))
		}
	}
	if len(d) != 10 {
		return false
	}
	sum := 0
	for i := 0; i < 9; i++ {
		sum += d[i] * (10 - i)
	}
	check := 11 - sum%11
	if check == 11 {
		check = 0
	}
	return check != 10 && check == d[9]
}
