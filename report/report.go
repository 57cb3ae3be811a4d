package report

import (
	"fmt"
	"strconv"

	"github.com/nest-nyth/nest/assessment"
	"github.com/nest-nyth/nest/internal/ordered"
)

// Levels of report.
const (
	National = "national" // the regions' own submissions, one per region
	Regional = "regional" // the services of one region
)

// Options say what report to make.
type Options struct {
	Level     string // National or Regional
	Region    string // the region of a regional report
	Year      int    // the assessment year
	Title     string // "" for the default title
	Date      string // YYYY-MM-DD, printed as the report's date
	MaxQuotes int    // quotes and examples shown per principle and kind; 0 for the default
	// Words are the language the report names things in: regions,
	// principles, themes, whose voices (nil for English). Organisations
	// are ordered by its alphabet.
	Words *assessment.Words
	// LeftOut are the files found but not in the report (errors, drafts),
	// so that it says so rather than count their regions as silent.
	LeftOut []LeftOut
}

// LeftOut is a file that was found but is not in the report, and why.
type LeftOut struct {
	File   string `json:"file"`
	Region string `json:"region,omitempty"` // its region, when it could be read
	Reason string `json:"reason"`           // "has errors", "draft"
}

// Input is one submission to aggregate: its file name (for the appendix)
// and what it says. Submissions must be valid and final; the caller
// filters.
type Input struct {
	File       string // as the report names it
	Path       string // as found, for messages; never published
	Assessment *assessment.Assessment
}

// Tenths is a number with one decimal, held as tenths so that rounding is
// a person's (halves up: 2.25 is 2.3) and printing is exact.
type Tenths int

// String prints 23 as "2.3".
func (t Tenths) String() string {
	sign := ""
	if t < 0 {
		sign, t = "-", -t
	}
	return sign + strconv.Itoa(int(t)/10) + "." + strconv.Itoa(int(t)%10)
}

// MarshalJSON writes the number itself, 2.3.
func (t Tenths) MarshalJSON() ([]byte, error) { return []byte(t.String()), nil }

// Mean is sum/n to one decimal, halves rounded up, as a person rounds.
func Mean(sum, n int) Tenths {
	return Tenths((20*sum + n) / (2 * n))
}

// Report is the whole of a NEST implementation update. Field names are the
// documented JSON format.
type Report struct {
	// Words are the language its names are in (Options.Words); nil is
	// English.
	Words        *assessment.Words `json:"-"`
	Title        string            `json:"title"`
	Level        string            `json:"level"`
	Region       string            `json:"region,omitempty"`      // key, for a regional report
	RegionName   string            `json:"region_name,omitempty"` // name, for a regional report
	Year         int               `json:"year"`
	Date         string            `json:"date"`
	Submissions  []Submission      `json:"submissions"`
	NotSubmitted []Named           `json:"not_submitted"` // national: the regions with no file at all
	LeftOut      []LeftOut         `json:"left_out"`      // files found but not in the report
	Principles   []PrincipleStats  `json:"principles"`
	Highest      []string          `json:"highest"` // keys of the principles with the highest mean
	Lowest       []string          `json:"lowest"`  // and the lowest
	Rows         []Row             `json:"rows"`    // a row per region (national) or service (regional)
	Voices       []VoiceCount      `json:"voices"`
	How          []Said            `json:"how"` // how each submission heard the voices it records
	// Compare is what changed since the previous round, when one was
	// given (Compare); absent otherwise.
	Compare *Comparison `json:"compare,omitempty"`
}

// Named is a key and its name.
type Named struct {
	Key  string `json:"key"`
	Name string `json:"name"`
}

// Submission is one file that went into the report.
type Submission struct {
	File         string `json:"file,omitempty"` // internal edition only
	Region       string `json:"region"`
	RegionName   string `json:"region_name"`
	Scope        string `json:"scope"`
	Organisation string `json:"organisation"`
	Sector       string `json:"sector,omitempty"`
	Submitted    string `json:"submitted,omitempty"`
	Status       string `json:"status"`
	Language     string `json:"language,omitempty"` // of its words, when the file says
}

// PrincipleStats are one principle's figures and words across submissions.
type PrincipleStats struct {
	Key        string
	Name       string
	Rated      int     // submissions with a rating
	NotRated   int     // with a reason instead
	Mean       *Tenths // nil when none is rated
	Min        int     // 0 when none is rated
	Max        int     // 0 when none is rated
	AtLevel    []int   // how many rated each level: 1, 2, 3, 4
	Targets    int     // submissions with a target
	MeanTarget *Tenths // nil when none has one
	Themes     []Count // by how many submissions raised them, most first
	// The words, each attributed to its region (national) or service
	// (regional), in the order of the submissions. Texts holds those of
	// each of assessment.ResponseTexts, by key (working_well, concerns,
	// ...).
	Texts           map[string][]Said
	NotRatedReasons []Said
	Actions         []Action
	Quotes          []Quote
}

// MarshalJSON writes the documented JSON format: the figures, then the
// words of every free text of the format's table under its own key.
func (s PrincipleStats) MarshalJSON() ([]byte, error) {
	o := ordered.Object{
		{Key: "key", Value: s.Key}, {Key: "name", Value: s.Name}, {Key: "rated", Value: s.Rated},
		{Key: "not_rated", Value: s.NotRated}, {Key: "mean", Value: s.Mean}, {Key: "min", Value: s.Min},
		{Key: "max", Value: s.Max}, {Key: "at_level", Value: s.AtLevel}, {Key: "targets", Value: s.Targets},
		{Key: "mean_target", Value: s.MeanTarget}, {Key: "themes", Value: s.Themes},
	}
	for _, f := range assessment.ResponseTexts() {
		o = append(o, ordered.Member{Key: f.Key, Value: s.Texts[f.Key]})
	}
	o = append(o, ordered.Member{Key: "not_rated_reasons", Value: s.NotRatedReasons},
		ordered.Member{Key: "actions", Value: s.Actions}, ordered.Member{Key: "quotes", Value: s.Quotes})
	return o.MarshalJSON()
}

// Count is how many submissions raised something.
type Count struct {
	Key   string `json:"key"`
	Label string `json:"label"`
	Count int    `json:"count"`
}

// Said is text from one submission, with who it is attributed to: a
// region's name (national) or a service's organisation (regional).
type Said struct {
	ID   string `json:"id"` // stable: the same text has the same id in every run
	By   string `json:"by"`
	Text string `json:"text"`
	Lang string `json:"lang,omitempty"` // the language it is written in, when its file says
}

// Action is a planned action, attributed.
type Action struct {
	ID     string `json:"id"`
	By     string `json:"by"`
	Action string `json:"action"`
	Owner  string `json:"owner,omitempty"`
	Due    string `json:"due,omitempty"`
	Lang   string `json:"lang,omitempty"`
}

// Quote is feedback, attributed, with who said it (a Sources key).
type Quote struct {
	ID    string `json:"id"`
	By    string `json:"by"`
	Quote string `json:"quote"`
	From  string `json:"from"`
	Lang  string `json:"lang,omitempty"`
}

// Row is one region's or service's ratings, in the order of the
// principles; 0 where a principle is not rated. Its targets and themes are
// in the same order, so that a spreadsheet row per submission and
// principle (WriteCSV) needs nothing else.
type Row struct {
	Key     string     `json:"key"`  // region key, or the service's folded name
	Name    string     `json:"name"` // region name, or the organisation
	Ratings Ratings    `json:"ratings"`
	Targets Ratings    `json:"targets"` // the rating aimed for next year; null where none
	Themes  [][]string `json:"themes"`  // the theme tags raised under each principle
}

// Ratings are one submission's ratings in the order of the principles; 0
// where a principle is not rated, which the JSON writes as null, so that a
// script averaging them gets the report's averages.
type Ratings []int

// MarshalJSON writes each rating, and null for none.
func (rs Ratings) MarshalJSON() ([]byte, error) {
	b := []byte{'['}
	for i, r := range rs {
		if i > 0 {
			b = append(b, ',')
		}
		if r == 0 {
			b = append(b, "null"...)
		} else {
			b = strconv.AppendInt(b, int64(r), 10)
		}
	}
	return append(b, ']'), nil
}

// VoiceCount is how many submissions heard a group.
type VoiceCount struct {
	Key   string `json:"key"`
	Label string `json:"label"`
	Count int    `json:"count"`
	Of    int    `json:"of"`
}

// FileName is the default name of a report's file: nest-national-2024.pdf,
// or nest-gwent-2024.pdf for a region.
func FileName(o Options, ext string) string {
	who := o.Level
	if o.Level == Regional {
		who = o.Region
	}
	return fmt.Sprintf("nest-%s-%d.%s", who, o.Year, ext)
}

// ForEdition is the report as an edition may show it: the public edition
// names no files and leaves out what was left out (drafts, files with
// errors); the internal edition has everything.
func (r *Report) ForEdition(edition string) *Report {
	if edition == Internal {
		return r
	}
	c := *r
	c.Submissions = make([]Submission, len(r.Submissions))
	for i, s := range r.Submissions {
		s.File = ""
		c.Submissions[i] = s
	}
	c.LeftOut = []LeftOut{}
	return &c
}
