package assessment

// FormatVersion is the version of the file format this package reads and writes.
const FormatVersion = 1

// SchemaURL is where the JSON Schema of the file format is published; files
// written by nest name it in a yaml-language-server modeline so that editors
// offer completion and help.
const SchemaURL = "https://raw.githubusercontent.com/nest-nyth/nest/main/schema/nest.schema.json"

// Scopes and statuses.
const (
	ScopeRegion  = "region"
	ScopeService = "service"
	StatusDraft  = "draft"
	StatusFinal  = "final"
)

// Assessment is one self-assessment: a region's or a service's answers for
// one year. Absent numbers are zero and absent text is empty.
type Assessment struct {
	Nest         int
	Region       string
	Scope        string
	Organisation string
	Service      *Service // only when Scope is ScopeService
	Year         int
	Submitted    string // YYYY-MM-DD
	Status       string
	// Language is the language its people wrote in: cy, en, or cy+en for
	// both; "" when the file does not say. Reports mark its words so,
	// and never translate them.
	Language string
	Voices   Voices
	// Principles holds the answers by principle key. Iterate in the order
	// of Principles, never over the map.
	Principles map[string]*Response
	// ThemeLabels holds the file's own themes as the person wrote them, by
	// tag: ty-teulu is "Tŷ Teulu".
	ThemeLabels map[string]string
}

// Service describes a service or project that assesses itself.
type Service struct {
	Sector  string
	Funding []string
}

// Voices records whose voices informed the assessment.
type Voices struct {
	ChildrenAndYoungPeople   bool
	BabiesAndYoungerChildren bool
	ParentsAndCarers         bool
	Practitioners            bool
	How                      string
}

// Response is the answer for one principle.
type Response struct {
	Rating        int    // 1 to 4; 0 when not rated
	NotRated      string // why there is no rating
	Target        int    // the rating aimed for next year; 0 when not set
	WorkingWell   string
	Concerns      string
	GoodLooksLike string
	Actions       []Action
	Themes        []string
	Feedback      []Quote
}

// HasText reports whether any free text, action or quote was given.
func (r *Response) HasText() bool {
	return r.WorkingWell != "" || r.Concerns != "" || r.GoodLooksLike != "" ||
		len(r.Actions) > 0 || len(r.Feedback) > 0
}

// Action is a planned action.
type Action struct {
	Action string
	Owner  string
	Due    string // YYYY-MM
}

// Quote is feedback to show in reports, with who it came from (one of Sources).
type Quote struct {
	Quote string
	From  string
}
