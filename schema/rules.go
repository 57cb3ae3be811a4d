package schema

import "github.com/nest-nyth/nest/assessment"

// Severity of a finding.
type Severity string

const (
	Error   Severity = "error"
	Warning Severity = "warning"
)

// Rule is a check that can produce findings. Its ID is shown after every
// finding so that people can look it up.
type Rule struct {
	ID       string
	Severity Severity // the usual severity; a finding may differ
	Summary  string   // in English; Say gives it in another language
	// InSchema is true when the JSON Schema expresses the rule too, so any
	// editor or validator that reads the schema enforces it.
	InSchema bool
}

// Rule ids, shown to users after every finding.
const (
	RuleRead          = "read-error"
	RuleFileTooLarge  = "file-too-large"
	RuleEncoding      = "encoding"
	RuleEmpty         = "empty-file"
	RuleSyntax        = "yaml-syntax"
	RuleTabs          = "tab-indent"
	RuleDocuments     = "multiple-documents"
	RuleDuplicateKey  = "duplicate-key"
	RuleAlias         = "yaml-alias"
	RuleUnknownKey    = "unknown-key"
	RuleNotNest       = "not-nest"
	RuleType          = "wrong-type"
	RuleFormatVersion = "format-version"
	RuleRequired      = "required"
	RuleUnknownValue  = "unknown-value"
	RuleYearRange     = "year-range"
	RuleRatingRange   = "rating-range"
	RuleDateFormat    = "date-format"
	RuleDateRange     = "date-range"
	RuleTagFormat     = "tag-format"
	RuleTooMany       = "too-many"
	RuleServiceScope  = "service-scope"
	RuleFinal         = "final-incomplete"
	RuleNotRated      = "not-rated"
	RuleTarget        = "target-below-rating"
	RuleDuplicate     = "duplicate-submission"
	RuleChildrenVoice = "no-children-voice"
	RuleNoEvidence    = "no-evidence"
	RulePersonalData  = "personal-data"
	RuleUnprintable   = "unprintable-character"
	RuleCommentInText = "comment-in-text"
)

// Rules lists every rule, in the order the README documents them. Each
// rule's Summary is the catalogue's, in English (messages.rule.ID); Say
// gives it in another language.
var Rules = []Rule{
	{ID: RuleRead, Severity: Error, InSchema: false},
	{ID: RuleFileTooLarge, Severity: Error, InSchema: false},
	{ID: RuleEncoding, Severity: Error, InSchema: false},
	{ID: RuleEmpty, Severity: Error, InSchema: false},
	{ID: RuleSyntax, Severity: Error, InSchema: false},
	{ID: RuleTabs, Severity: Error, InSchema: false},
	{ID: RuleDocuments, Severity: Error, InSchema: false},
	{ID: RuleDuplicateKey, Severity: Error, InSchema: false},
	{ID: RuleAlias, Severity: Error, InSchema: false},
	{ID: RuleNotNest, Severity: Error, InSchema: true},
	{ID: RuleUnknownKey, Severity: Error, InSchema: true},
	{ID: RuleType, Severity: Error, InSchema: true},
	{ID: RuleFormatVersion, Severity: Error, InSchema: true},
	{ID: RuleRequired, Severity: Error, InSchema: true},
	{ID: RuleUnknownValue, Severity: Error, InSchema: true},
	{ID: RuleYearRange, Severity: Error, InSchema: true},
	{ID: RuleRatingRange, Severity: Error, InSchema: true},
	{ID: RuleDateFormat, Severity: Error, InSchema: true},
	{ID: RuleDateRange, Severity: Error, InSchema: false},
	{ID: RuleTagFormat, Severity: Error, InSchema: true},
	{ID: RuleTooMany, Severity: Error, InSchema: true},
	{ID: RuleServiceScope, Severity: Error, InSchema: true},
	{ID: RuleFinal, Severity: Error, InSchema: true},
	{ID: RuleNotRated, Severity: Error, InSchema: true},
	{ID: RuleTarget, Severity: Error, InSchema: false},
	{ID: RuleDuplicate, Severity: Error, InSchema: false},
	{ID: RuleChildrenVoice, Severity: Warning, InSchema: false},
	{ID: RuleNoEvidence, Severity: Warning, InSchema: false},
	{ID: RuleCommentInText, Severity: Warning, InSchema: false},
	{ID: RuleUnprintable, Severity: Warning, InSchema: false},
	{ID: RulePersonalData, Severity: Warning, InSchema: false},
}

func init() {
	for i := range Rules {
		Rules[i].Summary = Rules[i].Say(assessment.English)
	}
}

// Say is the rule's summary in the language of w (English when nil).
func (r Rule) Say(w *assessment.Words) string {
	return wordsOr(w).Say("messages.rule." + r.ID)
}

// RuleByID returns the rule with the given id.
func RuleByID(id string) (Rule, bool) {
	for _, r := range Rules {
		if r.ID == id {
			return r, true
		}
	}
	return Rule{}, false
}
