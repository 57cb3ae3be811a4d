package report

import (
	"slices"
	"strings"
	"unicode"

	"github.com/nest-nyth/nest/assessment"
)

// Synthesis is a first draft, in plain sentences made from the figures, of
// what a principle's section says beyond its figures (the average, the
// range and who did not rate it, which the section gives anyway): where
// its average stands among the principles, the themes most raised, and
// what they aim for. The analysts rewrite it in their
// own words (nest draft-update starts them off with it); a report without
// an editorial file prints it as it is.
func Synthesis(r *Report, i int, w *assessment.Words) []string {
	s := r.Principles[i]
	var out []string
	if s.Mean == nil {
		return []string{w.Say("synth.none", unit(w, r.Level, len(r.Submissions)))}
	}
	// Where the average stands.
	high, low := slices.Contains(r.Highest, s.Key), slices.Contains(r.Lowest, s.Key)
	others := func(keys []string) []string {
		var names []string
		for _, k := range keys {
			if k != s.Key {
				names = append(names, lowerName(r, k))
			}
		}
		return names
	}
	switch {
	case high && low:
		out = append(out, w.Say("synth.only", s.Mean.String()))
	case high && len(r.Highest) > 1:
		out = append(out, w.Say("synth.highest.shared", s.Mean.String(), andList(w, others(r.Highest))))
	case high:
		out = append(out, w.Say("synth.highest", s.Mean.String()))
	case low && len(r.Lowest) > 1:
		out = append(out, w.Say("synth.lowest.shared", s.Mean.String(), andList(w, others(r.Lowest))))
	case low:
		out = append(out, w.Say("synth.lowest", s.Mean.String()))
	default:
		out = append(out, w.Say("synth.between", s.Mean.String(), r.highMean().String(), r.lowMean().String()))
	}
	// The themes most raised: those raised by two or more, up to three.
	var themes []string
	for _, t := range s.Themes {
		if t.Count < 2 || len(themes) == 3 {
			break
		}
		themes = append(themes, w.Say("synth.theme", lowerFirstWord(t.Label), t.Count))
	}
	if len(themes) > 0 {
		out = append(out, w.Count("synth.themes", len(themes), andList(w, themes)))
	}
	if s.MeanTarget != nil {
		out = append(out, w.Count("synth.target", s.Targets, s.Targets, unitWord(w, r.Level, s.Targets), s.MeanTarget.String()))
	}
	return out
}

// unitWord is "region" or "regions", "service" or "services", for n.
func unitWord(w *assessment.Words, level string, n int) string {
	if level == National {
		return w.Count("word.regions", n)
	}
	return w.Count("word.services", n)
}

// lowerName is a principle's name in running text.
func lowerName(r *Report, key string) string {
	for _, p := range r.Principles {
		if p.Key == key {
			return lowerFirstWord(p.Name)
		}
	}
	return key
}

// lowerFirstWord lowers the first letter of a name for running text: "Safe
// and supportive communities" becomes "safe and supportive communities".
func lowerFirstWord(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	if len(r) > 1 && r[1] >= 'A' && r[1] <= 'Z' {
		return s // an acronym: NHS
	}
	first, _, _ := strings.Cut(s, " ")
	if properWords[first] {
		return s // Welsh language, English
	}
	return string(append([]rune{unicode.ToLower(r[0])}, r[1:]...))
}

// properWords keep their capital in running text.
var properWords = map[string]bool{"Welsh": true, "English": true, "Wales": true, "Cymraeg": true}

// highMean and lowMean are the highest and lowest average ratings.
func (r *Report) highMean() Tenths { return r.meanOf(r.Highest) }
func (r *Report) lowMean() Tenths  { return r.meanOf(r.Lowest) }

func (r *Report) meanOf(keys []string) Tenths {
	for _, p := range r.Principles {
		if len(keys) > 0 && p.Key == keys[0] && p.Mean != nil {
			return *p.Mean
		}
	}
	return 0
}
