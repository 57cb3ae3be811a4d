package questionnaire

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/nest-nyth/nest/assessment"
	"github.com/nest-nyth/nest/schema"
	"go.yaml.in/yaml/v3"
)

// summaryPage is the overview: where each principle stands, what nest
// validate would ask to fix, in words, and where to go next: finish, mark
// the file final, or back to any page.
func (fl *flow) summaryPage() *page {
	a := fl.a
	text, errs := Summary(a)
	return &page{
		ID: "summary", Title: prompt["summary.title"], Intro: text,
		Questions: []*question{{
			Key: "next", Kind: askSelect, Title: prompt["summary.next"],
			Choices: func(Draft) []choice {
				finish := prompt["summary.finish_draft"]
				if a.Status == assessment.StatusFinal {
					finish = prompt["summary.finish_final"]
				}
				cs := []choice{{Value: "finish", Label: finish}}
				if errs == 0 && a.Status != assessment.StatusFinal {
					cs = append(cs, choice{Value: "final", Label: prompt["summary.final"]})
				}
				cs = append(cs, choice{Value: "about", Label: fmt.Sprintf(prompt["summary.about"], aboutLine(a))})
				for i, pr := range assessment.Principles {
					cs = append(cs, choice{Value: "principle:" + strconv.Itoa(i),
						Label: pr.Name.EN + ": " + state(a.Principles[pr.Key])})
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
func aboutLine(a *assessment.Assessment) string {
	who := assessment.RegionName(a.Region)
	if a.Scope == assessment.ScopeService {
		who = a.Organisation + ", " + who
	}
	return fmt.Sprintf("%s, %d", who, a.Year)
}

// state says where a principle stands, in words.
func state(r *assessment.Response) string {
	switch {
	case r == nil || !answered(r):
		return prompt["state.unanswered"]
	case r.Rating > 0:
		l, _ := assessment.LevelByRating(r.Rating)
		s := levelLabel(l)
		if !complete(r) {
			s += ", " + prompt["state.nothing_said"]
		}
		return s
	case r.NotRated != "":
		return prompt["state.not_rated"] + ": " + r.NotRated
	}
	return prompt["state.no_rating"]
}

// Summary says what nest validate would report were the file marked final
// now, in words: which principle or answer, and what to do. It returns the
// text and the number of errors (a file with errors cannot be final).
func Summary(a *assessment.Assessment) (string, int) {
	status := a.Status
	a.Status = assessment.StatusFinal
	data, err := assessment.Marshal(a)
	a.Status = status
	if err != nil {
		return err.Error(), 1
	}
	findings := schema.Check("", data).Findings
	schema.Sort(findings)
	where := places(data)
	// The same advice for several principles is said once, naming them.
	var errs, warns []string
	nerr := 0
	places := map[string][]string{}
	for _, f := range findings {
		// The date submitted is filled in when it is marked final.
		if f.Rule == schema.RuleFinal && a.Submitted == "" && strings.Contains(f.Message, assessment.FieldSubmitted.Key) {
			continue
		}
		if f.Severity == schema.Error {
			nerr++
		}
		place, msg := inWords(f, where[f.Line])
		if _, seen := places[msg]; !seen {
			if f.Severity == schema.Error {
				errs = append(errs, msg)
			} else {
				warns = append(warns, msg)
			}
		}
		if place != "" {
			places[msg] = append(places[msg], place)
		} else if places[msg] == nil {
			places[msg] = []string{}
		}
	}
	list := func(msgs []string) string {
		var lines []string
		for _, m := range msgs {
			if ps := places[m]; len(ps) > 0 {
				m = strings.Join(ps, ", ") + ": " + m
			}
			lines = append(lines, "- "+m)
		}
		return strings.Join(lines, "\n")
	}
	var b strings.Builder
	if len(errs) == 0 {
		b.WriteString(prompt["summary.can_be_final"])
	} else {
		b.WriteString(prompt["summary.to_fix"])
		b.WriteString("\n" + list(errs))
	}
	if len(warns) > 0 {
		b.WriteString("\n" + prompt["summary.worth_a_look"] + "\n" + list(warns))
	}
	return b.String(), nerr
}

// inWords is a finding as the summary says it: the principle or answer it
// is about, by name, and what to do.
func inWords(f schema.Finding, path []string) (place, msg string) {
	msg = f.Message
	if len(path) >= 2 && path[0] == assessment.FieldPrinciples.Key {
		if pr, ok := assessment.PrincipleByKey(path[1]); ok {
			place = pr.Name.EN
		}
		if len(path) >= 3 {
			if t := assessment.Fields[path[2]].Title; t != "" {
				place += ", " + strings.ToLower(t[:1]) + t[1:]
			}
		}
	} else if len(path) >= 1 {
		place = assessment.Fields[path[0]].Title
	}
	switch f.Rule {
	case schema.RuleNotRated:
		msg = prompt["finding.not_rated"]
		place = principleNamed(f.Message, place)
	case schema.RuleNoEvidence:
		msg = prompt["finding.no_evidence"]
		place = principleNamed(f.Message, place)
	case schema.RuleFinal:
		msg = prompt["finding.unanswered"]
		place = principleNamed(f.Message, place)
	case schema.RuleChildrenVoice:
		msg, place = prompt["finding.children"], assessment.Fields[assessment.FieldVoices.Key].Title
	}
	for _, pr := range assessment.Principles {
		msg = strings.ReplaceAll(msg, pr.Key, pr.Name.EN)
	}
	return place, msg
}

// principleNamed is the name of the principle a message names, else place.
func principleNamed(msg, place string) string {
	for _, pr := range assessment.Principles {
		if strings.Contains(msg, pr.Key) {
			return pr.Name.EN
		}
	}
	return place
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
