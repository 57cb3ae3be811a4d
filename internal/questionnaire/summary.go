package questionnaire

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/nest-nyth/nest/assessment"
	"github.com/nest-nyth/nest/internal/text"
	"github.com/nest-nyth/nest/schema"
	"go.yaml.in/yaml/v3"
)

// summaryPage is the overview: where each principle stands, what nest
// validate would ask to fix, in words, and where to go next: finish, mark
// the file final, or back to any page.
func (fl *flow) summaryPage() *page {
	a, w := fl.a, fl.w
	// The file is checked with the date it would be marked final on:
	// today's, when it has none (a 2024 file marked final in 2026 is one
	// nest validate rejects, so it is not offered).
	asFinal := *a
	if asFinal.Submitted == "" {
		asFinal.Submitted = fl.o.Today
	}
	text, errs := Summary(&asFinal, w.Words)
	return &page{
		ID: "summary", Title: w.p("summary.title"), Intro: text,
		Questions: []*question{{
			Key: "next", Kind: askSelect, Title: w.p("summary.next"),
			Choices: func(Draft) []choice {
				finish := w.p("summary.finish_draft")
				if a.Status == assessment.StatusFinal {
					finish = w.p("summary.finish_final")
				}
				cs := []choice{{Value: "finish", Label: finish}}
				if errs == 0 && a.Status != assessment.StatusFinal {
					cs = append(cs, choice{Value: "final", Label: w.p("summary.final")})
				}
				cs = append(cs, choice{Value: "about", Label: w.p("summary.about", aboutLine(a, w))})
				for i, pr := range assessment.Principles {
					cs = append(cs, choice{Value: "principle:" + strconv.Itoa(i),
						Label: w.principle(pr.Key) + ": " + state(a.Principles[pr.Key], w)})
				}
				return cs
			},
			Start: func(Draft) string { return "finish" },
		}},
		load: func() Draft { return Draft{} },
		store: func(d Draft, finished bool) {
			if finished && d["next"] == "final" {
				a.Status = assessment.StatusFinal
				if a.Submitted == "" {
					a.Submitted = fl.o.Today
				}
			}
		},
		next: func(d Draft) string {
			switch v := d["next"]; v {
			case "finish", "final", "":
				return ""
			default:
				fl.back = true
				return v
			}
		},
	}
}

// aboutLine describes the first step's answers in a few words.
func aboutLine(a *assessment.Assessment, w words) string {
	who := w.Label("regions", a.Region)
	if a.Scope == assessment.ScopeService {
		who = a.Organisation + ", " + who
	}
	return fmt.Sprintf("%s, %d", who, a.Year)
}

// state says where a principle stands, in words.
func state(r *assessment.Response, w words) string {
	switch {
	case r == nil || !answered(r):
		return w.p("state.unanswered")
	case r.Rating > 0:
		l, _ := assessment.LevelByRating(r.Rating)
		s := w.level(l)
		if !complete(r) {
			s += ", " + w.p("state.nothing_said")
		}
		return s
	case r.NotRated != "":
		return w.p("state.not_rated") + ": " + r.NotRated
	}
	return w.p("state.no_rating")
}

// Summary says what nest validate would report were the file marked final
// now, in words: which principle or answer, and what to do. It returns the
// text and the number of errors (a file with errors cannot be final). It
// is in the language of lang (nil: English); the findings it does not
// word itself are as package schema words them.
func Summary(a *assessment.Assessment, lang *assessment.Words) (string, int) {
	if lang == nil {
		lang = assessment.English
	}
	w := words{lang}
	status := a.Status
	a.Status = assessment.StatusFinal
	data, err := assessment.Marshal(a)
	a.Status = status
	if err != nil {
		return err.Error(), 1
	}
	findings := schema.Options{Words: lang}.Check("", data).Findings
	schema.Sort(findings)
	where := places(data)
	// The same advice for several principles is said once, naming them.
	var errs, warns []string
	nerr := 0
	places := map[string][]placed{}
	for _, f := range findings {
		// The date submitted is filled in when it is marked final.
		if f.Rule == schema.RuleFinal && a.Submitted == "" && strings.Contains(f.Message, assessment.FieldSubmitted.Key) {
			continue
		}
		if f.Severity == schema.Error {
			nerr++
		}
		place, msg, rank := inWords(f, where[f.Line], w)
		if _, seen := places[msg]; !seen {
			if f.Severity == schema.Error {
				errs = append(errs, msg)
			} else {
				warns = append(warns, msg)
			}
		}
		if place != "" {
			places[msg] = append(places[msg], placed{place, rank})
		} else if places[msg] == nil {
			places[msg] = []placed{}
		}
	}
	list := func(msgs []string) string {
		var lines []string
		for _, m := range msgs {
			if ps := places[m]; len(ps) > 0 {
				// The framework's order of the principles, not the
				// file's order of their keys (which is alphabetical).
				slices.SortStableFunc(ps, func(a, b placed) int { return a.rank - b.rank })
				names := make([]string, len(ps))
				for i, p := range ps {
					names[i] = p.name
				}
				m = strings.Join(names, ", ") + ": " + m
			}
			lines = append(lines, "- "+m)
		}
		return strings.Join(lines, "\n")
	}
	var b strings.Builder
	if len(errs) == 0 {
		b.WriteString(w.p("summary.can_be_final"))
	} else {
		b.WriteString(w.p("summary.to_fix"))
		b.WriteString("\n" + list(errs))
	}
	if len(warns) > 0 {
		b.WriteString("\n" + w.p("summary.worth_a_look") + "\n" + list(warns))
	}
	return b.String(), nerr
}

// placed is a place a finding is about, with the index of its principle
// in the framework (-1 for an answer outside the principles).
type placed struct {
	name string
	rank int
}

// principleOf is the index in assessment.Principles of the principle a
// finding is about, and whether its message names it: a rating's rules
// name the principle, which comes first; otherwise where the finding is.
// -1 when it is about none.
func principleOf(f schema.Finding, path []string) (rank int, named bool) {
	switch f.Rule {
	case schema.RuleNotRated, schema.RuleNoEvidence, schema.RuleFinal:
		for i, pr := range assessment.Principles {
			if strings.Contains(f.Message, pr.Key) {
				return i, true
			}
		}
	}
	for i, pr := range assessment.Principles {
		if len(path) >= 2 && path[0] == assessment.FieldPrinciples.Key && path[1] == pr.Key {
			return i, false
		}
	}
	return -1, false
}

// inWords is a finding as the summary says it: the principle or answer it
// is about, by name, what to do, and the principle's place in the
// framework (-1 for none), by which the summary orders the names.
func inWords(f schema.Finding, path []string, w words) (place, msg string, rank int) {
	msg = f.Message
	title := func(key string) string {
		if !assessment.English.Has("fields." + key + ".title") {
			return ""
		}
		return w.Say("fields." + key + ".title")
	}
	rank, named := principleOf(f, path)
	switch {
	case rank >= 0:
		place = w.principle(assessment.Principles[rank].Key)
		if !named && len(path) >= 3 {
			if t := title(path[2]); t != "" {
				place += ", " + text.LowerFirst(t)
			}
		}
	case len(path) >= 1 && path[0] != assessment.FieldPrinciples.Key:
		place = title(path[0])
	}
	switch f.Rule {
	case schema.RuleNotRated:
		msg = w.p("finding.not_rated")
	case schema.RuleNoEvidence:
		msg = w.p("finding.no_evidence")
	case schema.RuleFinal:
		msg = w.p("finding.unanswered")
	case schema.RuleChildrenVoice:
		msg, place = w.p("finding.children"), title(assessment.FieldVoices.Key)
	case schema.RuleRequired:
		// An action or a quote kept half-way, when someone stopped.
		if rank >= 0 && len(path) >= 3 {
			if key := "finding.item_incomplete." + path[2]; w.Has("prompts." + key) {
				msg = w.p(key)
			}
		}
	}
	for _, pr := range assessment.Principles {
		msg = strings.ReplaceAll(msg, pr.Key, w.principle(pr.Key))
	}
	return place, msg, rank
}

// places maps each line of a file to the keys that lead to it.
func places(data []byte) map[int][]string {
	out := map[int][]string{}
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil || len(doc.Content) == 0 {
		return out
	}
	var walk func(n *yaml.Node, path []string)
	walk = func(n *yaml.Node, path []string) {
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				k := n.Content[i]
				p := append(append([]string(nil), path...), k.Value)
				out[k.Line] = p
				walk(n.Content[i+1], p)
			}
		case yaml.SequenceNode:
			for _, c := range n.Content {
				walk(c, path)
			}
		}
		if _, ok := out[n.Line]; !ok {
			out[n.Line] = path
		}
	}
	walk(doc.Content[0], nil)
	return out
}
