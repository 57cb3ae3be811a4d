package assessment

import (
	"fmt"
	"strings"
)

// SubmissionKey identifies what a file submits: a region's own
// self-assessment is one a year whatever its organisation is called; a
// service's is its region, organisation and year. Organisation names that
// differ only in case, accents, spacing or punctuation ("Tŷ Teulu", "Ty
// teulu") are one organisation.
func SubmissionKey(a *Assessment) string {
	org := ""
	if a.Scope != ScopeRegion {
		org = FoldName(a.Organisation)
	}
	return fmt.Sprintf("%s\x00%s\x00%s\x00%d", a.Region, a.Scope, org, a.Year)
}

// FoldName makes names that a person would call the same compare equal:
// lowercase, without accents, with words joined by single hyphens. A name
// with no Latin letters or digits at all is kept, lowercased, with its
// spaces folded.
func FoldName(s string) string {
	if t := TagOf(s); t != "" {
		return t
	}
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// RegionName is the English name of a region, or the key itself for one
// the catalogue does not know, so nothing prints blank.
func RegionName(key string) string {
	if r, ok := RegionByKey(key); ok {
		return r.Name.EN
	}
	return key
}
