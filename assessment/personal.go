package assessment

import (
	"strings"
	"sync"

	"github.com/nest-nyth/nest/internal/pii"
)

// Reports built from these files are published, so free text is searched
// for the personal data that most often slips in: e-mail addresses, UK phone
// numbers, NHS and National Insurance numbers, postcodes and dates of birth
// (package pii, after folding the many ways a number can be written). The
// public helplines in the catalogue may be printed.

var detector = sync.OnceValue(func() *pii.Detector {
	numbers := make([]string, len(PublicNumbers))
	for i, c := range PublicNumbers {
		numbers[i] = c.Key
	}
	return pii.New(numbers)
})

// PersonalData reports the first thing in text that looks like personal
// data: what it looks like ("a phone number"), and its byte offset. kind is
// "" when there is none.
func PersonalData(text string) (kind string, offset int) {
	m, ok := detector().First(text)
	if !ok {
		return "", 0
	}
	return PersonalDataKinds[string(m.Kind)], m.Start
}

// WithholdPersonal removes from text each sentence that holds personal
// data, leaving the catalogue's mark where they were, and says how many it
// removed; text without any is returned as it is.
func WithholdPersonal(text string) (out string, withheld int) {
	ms := detector().Find(text)
	if len(ms) == 0 {
		return text, 0
	}
	return pii.RedactMarked(text, ms, Prompts["report.withheld"])
}

// TagPersonalData says what a tag looks like when it looks like personal
// data, read with its hyphens as spaces too (07700-900123).
func TagPersonalData(tag string) string {
	if kind, _ := PersonalData(tag); kind != "" {
		return kind
	}
	kind, _ := PersonalData(strings.ReplaceAll(tag, "-", " "))
	return kind
}
