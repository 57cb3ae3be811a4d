package schema

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
	Summary  string
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

// Rules lists every rule, in the order the README documents them.
var Rules = []Rule{
	{RuleRead, Error, "The file or folder could not be read: missing, unreadable, or a symbolic link loop.", false},
	{RuleFileTooLarge, Error, "The file is over 1 MiB; a self-assessment is a few kilobytes.", false},
	{RuleEncoding, Error, "The file is not UTF-8 text (binary data, UTF-16, or another encoding).", false},
	{RuleEmpty, Error, "The file is empty or holds only comments.", false},
	{RuleSyntax, Error, "The file is not valid YAML.", false},
	{RuleTabs, Error, "A line is indented with a tab; YAML needs spaces.", false},
	{RuleDocuments, Error, "The file holds more than one YAML document.", false},
	{RuleDuplicateKey, Error, "A key appears twice in the same group.", false},
	{RuleAlias, Error, "YAML anchors and aliases are not allowed.", false},
	{RuleNotNest, Error, "A YAML file that is not a NEST self-assessment at all (none of its keys are).", true},
	{RuleUnknownKey, Error, "A key the format does not have, often a typo.", true},
	{RuleType, Error, "A value of the wrong kind: text where a number is needed, a list where text is needed.", true},
	{RuleFormatVersion, Error, "nest: must be 1, the format version this nest reads.", true},
	{RuleRequired, Error, "A required key is missing or empty.", true},
	{RuleUnknownValue, Error, "A value that is not one of the allowed words (region, scope, status, sector, who a quote is from).", true},
	{RuleYearRange, Error, "The year is not between 2020 and 2100.", true},
	{RuleRatingRange, Error, "A rating or target is not 1 (basic) to 4 (embedded).", true},
	{RuleDateFormat, Error, "A date is not YYYY-MM-DD (submitted) or YYYY-MM (due), or is not a real date.", true},
	{RuleDateRange, Error, "The date submitted is after today, or far from the assessment year (more than a year before or after it).", false},
	{RuleTagFormat, Error, "A theme or funding tag is not lowercase words joined by hyphens.", true},
	{RuleTooMany, Error, "A list holds more items than a self-assessment may have: 50 themes per principle, 100 actions or quotes, 20 funding tags, 300 theme labels.", true},
	{RuleServiceScope, Error, "A service: group is needed exactly when the scope is service.", true},
	{RuleFinal, Error, "A final file lacks a principle or the date submitted.", true},
	{RuleNotRated, Error, "A principle needs a rating or a reason in not_rated, not both; a draft without either gets a warning.", true},
	{RuleTarget, Error, "The target for next year is below this year's rating.", false},
	{RuleDuplicate, Error, "Two final files for one submission: a region's own for the same year, or a service's (same region, organisation and year).", false},
	{RuleChildrenVoice, Warning, "No children's or young people's voice is recorded.", false},
	{RuleNoEvidence, Warning, "A principle is rated but has no text, actions or quotes behind the rating.", false},
	{RuleCommentInText, Warning, "A comment (#) follows one-line text on its line, so the text stops before it: quote the text, or write it as a | block.", false},
	{RuleUnprintable, Warning, "Free text has a character the PDF report's font cannot draw (an emoji, a CJK character); the PDF shows a placeholder, the other formats keep it.", false},
	{RulePersonalData, Warning, "Free text looks like personal data (e-mail, phone, postcode, NHS number, date of birth); reports are published.", false},
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
