package report

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/nest-nyth/nest/assessment"
)

// Candidate is one file found for a report, already checked.
type Candidate struct {
	Path string // as found, for messages: the command in a hint works with it
	Name string // as the report shows it (see ShownName)
	// Assessment is the file's content; nil when it could not be read.
	Assessment *assessment.Assessment
	HasErrors  bool // it has errors: it is left out (or, strict, stops the report)
	Duplicate  bool // it is a final submission that another file makes too
}

// Choice is what Choose decided: the submissions to report on, what was
// left out and why, and the report's level, region and year.
type Choice struct {
	Inputs  []Input
	LeftOut []LeftOut
	Invalid int // files left out for errors
	Drafts  int // drafts left out
	Other   int // valid files of another year, level or region
	Level   string
	Region  string
	Year    int
	w       *assessment.Words // the language of its messages
}

// ChoiceError says why no report can be made, and what to do.
type ChoiceError struct {
	Kind    ChoiceErrorKind
	Message string
	Hint    string
}

func (e *ChoiceError) Error() string { return e.Message }

// ChoiceErrorKind sorts the reasons Choose refuses.
type ChoiceErrorKind int

const (
	// Ambiguous: the files do not say which report to make (several
	// years, regions and services mixed): the person must choose.
	Ambiguous ChoiceErrorKind = iota
	// Refused: the files cannot make a report as they are (errors under
	// strict, a submission in two files, nothing to report).
	Refused
)

// Rules is how Choose treats files it could leave out.
type Rules struct {
	Level, Region string // "" to take them from the files
	Year          int    // 0 to take it from the files
	IncludeDrafts bool   // report on drafts too
	Strict        bool   // refuse when any file has errors
	// Words are the language of the messages (nil for English).
	Words *assessment.Words
}

func (r Rules) words() *assessment.Words {
	if r.Words == nil {
		return assessment.English
	}
	return r.Words
}

// Check says what is wrong with rules given on a command line.
func (r Rules) Check() error {
	w := r.words()
	switch {
	case r.Level != "" && r.Level != National && r.Level != Regional:
		return errors.New(w.Say("cli.choose.level", r.Level, National, Regional))
	case r.Region != "" && !slices.Contains(assessment.RegionKeys(), r.Region):
		return errors.New(w.Say("cli.choose.region", r.Region, strings.Join(assessment.RegionKeys(), ", ")))
	}
	return nil
}

// Choose decides what goes into a report. Files with errors are left out
// (Strict refuses instead), drafts are left out unless included, and two
// files for one submission refuse the report: its figures would count
// twice. The level comes from the files unless given: the regions' own
// files make a national report, one region's service files a regional one;
// so do the region and the year.
func Choose(cands []Candidate, r Rules) (*Choice, error) {
	c := &Choice{Level: r.Level, Region: r.Region, Year: r.Year, w: r.words()}
	w := c.w
	valid := make([]Candidate, 0, len(cands))
	duplicates := false
	for _, cand := range cands {
		switch {
		case cand.HasErrors:
			c.Invalid++
			duplicates = duplicates || cand.Duplicate
			c.leave(cand, LeftErrors)
		case cand.Assessment.Status != assessment.StatusFinal && !r.IncludeDrafts:
			c.Drafts++
			c.leave(cand, LeftDraft)
		default:
			valid = append(valid, cand)
		}
	}
	if duplicates {
		return nil, &ChoiceError{Refused, w.Say("cli.choose.twice"), w.Say("cli.choose.twice.hint")}
	}
	if c.Invalid > 0 && r.Strict {
		return nil, &ChoiceError{Refused, w.Count("cli.choose.strict", c.Invalid, c.Invalid), w.Say("cli.choose.strict.hint")}
	}
	if err := c.settle(valid); err != nil {
		return nil, err
	}
	seen := make(map[string]Candidate, len(valid))
	c.Inputs = make([]Input, 0, len(valid))
	for _, cand := range valid {
		a := cand.Assessment
		if a.Year != c.Year || !c.belongs(a) {
			c.Other++
			continue
		}
		// A draft beside its final, with drafts included, would count twice.
		key := assessment.SubmissionKey(a)
		if first, ok := seen[key]; ok {
			return nil, &ChoiceError{Refused, w.Say("cli.choose.same", first.Path, cand.Path), w.Say("cli.choose.same.hint")}
		}
		seen[key] = cand
		c.Inputs = append(c.Inputs, Input{File: cand.Name, Path: cand.Path, Assessment: a})
	}
	if len(c.Inputs) == 0 {
		if len(valid) == 0 {
			return nil, &ChoiceError{Refused, w.Say("cli.choose.nothing"), ""}
		}
		msg := w.Count("cli.choose.none."+c.Level, len(valid), len(valid), c.Year)
		if c.Level == Regional && c.Region != "" {
			msg = w.Count("cli.choose.none.in", len(valid), len(valid), c.Year, c.Region)
		}
		return nil, &ChoiceError{Refused, msg, w.Say("cli.choose.none.hint")}
	}
	return c, nil
}

// Notes say what Choose left out, and why, one sentence each.
func (c *Choice) Notes() []string {
	var notes []string
	w := c.w
	if w == nil {
		w = assessment.English
	}
	for _, n := range []struct {
		n         int
		kind, key string
	}{
		{c.Invalid, "warning", "cli.choose.left.errors"},
		{c.Drafts, "note", "cli.choose.left.drafts"},
		{c.Other, "note", "cli.choose.left.other"},
	} {
		if n.n > 0 {
			notes = append(notes, w.Say("cli."+n.kind)+": "+w.Count(n.key, n.n, n.n))
		}
	}
	return notes
}

// Why a file was left out.
const (
	LeftErrors = "has errors"
	LeftDraft  = "draft"
)

func (c *Choice) leave(cand Candidate, reason string) {
	l := LeftOut{File: cand.Name, Reason: reason}
	if a := cand.Assessment; a != nil && slices.Contains(assessment.RegionKeys(), a.Region) {
		l.Region = a.Region // only a region nest knows: a file with errors may say anything
	}
	c.LeftOut = append(c.LeftOut, l)
}

// belongs reports whether a submission is of the report's level and
// region.
func (c *Choice) belongs(a *assessment.Assessment) bool {
	switch c.Level {
	case National:
		return a.Scope == assessment.ScopeRegion
	case Regional:
		return a.Scope == assessment.ScopeService && a.Region == c.Region
	}
	return false
}

// settle takes the year, level and region from the files where they were
// not given.
func (c *Choice) settle(valid []Candidate) error {
	if c.Year == 0 {
		var years []int
		for _, cand := range valid {
			if y := cand.Assessment.Year; !slices.Contains(years, y) {
				years = append(years, y)
			}
		}
		if len(years) > 1 {
			slices.Sort(years)
			var ys []string
			for _, y := range years {
				ys = append(ys, strconv.Itoa(y))
			}
			return &ChoiceError{Ambiguous, c.w.Say("cli.choose.years", strings.Join(ys, ", ")), c.w.Say("cli.choose.years.hint")}
		}
		if len(years) == 1 {
			c.Year = years[0]
		}
	}
	// The level is guessed from every file, so a year that matches none
	// still names the right kind of report.
	scopes, regions := map[string]bool{}, map[string]bool{}
	for _, cand := range valid {
		a := cand.Assessment
		scopes[a.Scope] = true
		if a.Scope == assessment.ScopeService {
			regions[a.Region] = true
		}
	}
	if c.Level == "" {
		switch {
		case c.Region != "" || len(scopes) == 1 && scopes[assessment.ScopeService]:
			c.Level = Regional
		case len(scopes) > 1:
			return &ChoiceError{Ambiguous, c.w.Say("cli.choose.mixed"), c.w.Say("cli.choose.mixed.hint")}
		default:
			c.Level = National
		}
	}
	if c.Level == Regional && c.Region == "" {
		if len(regions) > 1 {
			return &ChoiceError{Ambiguous, c.w.Say("cli.choose.regions", len(regions)), c.w.Say("cli.choose.regions.hint")}
		}
		for r := range regions {
			c.Region = r
		}
	}
	return nil
}

// ShownNames are how a report names files: each relative to the folder
// named that holds it (root), or by its base name when it was named
// itself, so that a home folder's name is never published and the same
// files give the same report however the paths were typed. Two files that
// would have one name (gwent.yaml in two folders) are told apart by the
// names of those folders. A name that looks like personal data is withheld
// ("file 3 (name withheld)"); withheld lists which.
func ShownNames(paths, roots []string, w *assessment.Words) (names []string, withheld []int) {
	if w == nil {
		w = assessment.English
	}
	names = make([]string, len(paths))
	count := map[string]int{}
	for i, p := range paths {
		names[i] = shownName(roots[i], p)
		count[names[i]]++
	}
	for i, p := range paths {
		if count[names[i]] > 1 {
			abs, err := filepath.Abs(roots[i])
			if err != nil {
				abs = roots[i]
			}
			if roots[i] == p { // a file named: the folder it is in
				abs = filepath.Dir(abs)
			}
			names[i] = filepath.Base(abs) + "/" + names[i]
		}
	}
	for i, n := range names {
		if kind, _ := assessment.PersonalData(strings.NewReplacer("-", " ", "_", " ").Replace(n)); kind != "" {
			names[i] = w.Say("withheld.file", i+1)
			withheld = append(withheld, i)
		}
	}
	return names, withheld
}

func shownName(root, file string) string {
	if rel, err := filepath.Rel(root, file); err == nil && rel != "." && !strings.HasPrefix(rel, "..") {
		return filepath.ToSlash(rel)
	}
	return filepath.Base(file)
}

// Date is the report's date: given, else the moment SOURCE_DATE_EPOCH
// names, else the latest date a file was submitted, else the last day of
// the year. Never the clock, so the same files give the same report.
func Date(given string, epoch *time.Time, in []Input, year int) string {
	if given != "" {
		return given
	}
	if epoch != nil {
		return epoch.UTC().Format(time.DateOnly)
	}
	latest := ""
	for _, i := range in {
		latest = max(latest, i.Assessment.Submitted)
	}
	if latest != "" {
		return latest
	}
	return fmt.Sprintf("%d-12-31", year)
}

// Withheld is a text, or part of one, left out of a report because it
// looks like personal data.
type Withheld struct {
	Path []string // where it was in the file: "principles", "gwent", "concerns"
	Kind string   // what it looks like: "a phone number"
}

// Withhold takes out of a everything that looks like personal data, since
// reports are published. It walks the format's table, so no field a person
// writes in is missed: from a text, the sentences that hold it (a mark is
// left where they were); a name (the organisation, a theme's label) or a
// tag, whole. It returns what it withheld.
func Withhold(a *assessment.Assessment) []Withheld {
	var out []Withheld
	assessment.FreeTexts(a, func(path []string, f *assessment.Field, t *string) {
		kind, _ := assessment.PersonalData(*t)
		if kind == "" {
			return
		}
		out = append(out, Withheld{Path: slices.Clone(path), Kind: kind})
		if f == assessment.FieldOrganisation || f.Kind == assessment.KindLabels {
			*t = ""
			return
		}
		*t, _ = assessment.WithholdPersonal(*t)
	})
	assessment.Walk(assessment.Format, a, func(path []string, f *assessment.Field, owner any) {
		if f.Kind != assessment.KindTags {
			return
		}
		tags := f.TagList(owner)
		kept := (*tags)[:0]
		for _, tag := range *tags {
			if kind := assessment.TagPersonalData(tag); kind != "" {
				out = append(out, Withheld{Path: append(slices.Clone(path), tag), Kind: kind})
				continue
			}
			kept = append(kept, tag)
		}
		*tags = kept
	})
	return out
}
