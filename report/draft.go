package report

import (
	"fmt"
	"strings"

	"github.com/nest-nyth/nest/assessment"
)

// MaxDraftQuotes is how many of a principle's words a starter editorial
// file offers, spread across regions or services, when there are more.
const MaxDraftQuotes = 40

// DraftEditorial writes a starter editorial file for a report: the front
// matter to fill in, the sections of the 2024 update with a first draft of
// each principle's synthesis made from the figures, and every words a
// principle could quote, each with its id on a line of its own so that
// the analysts delete the ones they do not want. They edit it, then pass
// it to nest aggregate --editorial.
func DraftEditorial(r *Report, w *assessment.Words) []byte {
	if w == nil {
		w = assessment.English
	}
	var b strings.Builder
	line := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	comment := func(text string) { line("<!-- %s -->", safeComment(text)) }
	publisher, contact := w.Say("front.publisher.national"), w.Say("front.contact.national")
	if r.Level == Regional {
		publisher, contact = w.Say("front.publisher.regional", r.RegionName), ""
	}
	line("---")
	line("title: %s", yamlText(r.Title))
	line("publisher: %s", yamlText(publisher))
	line("published:          # %s", w.Say("draft.published"))
	line("contact: %s", yamlText(contact))
	line("---")
	line("")
	comment(w.Say("draft.about"))
	line("")
	line("# %s", w.Say("h.introduction"))
	line("")
	if r.Level == National {
		line("%s", w.Say("intro.national", roundOf(r, w)))
	} else {
		line("%s", w.Say("intro.regional", r.RegionName, roundOf(r, w)))
	}
	line("")
	line("# %s", perspectives(r, w))
	line("")
	line("%s", w.Say("intro.method"))
	line("")
	line("<!-- nest:levels -->")
	line("")
	line("<!-- nest:summary -->")
	for i, s := range r.Principles {
		line("")
		line("## %s", s.Name)
		line("")
		line("<!-- nest:principle %s -->", s.Key)
		line("")
		if syn := Synthesis(r, i, w); len(syn) > 0 {
			line("%s", strings.Join(syn, " "))
			line("")
		}
		comment(w.Say("draft.quotes"))
		b.WriteString("\n")
		bld := &builder{r: r, w: w, o: BuildOptions{Words: w}}
		var pool []quotable
		texts := r.texts()
		for _, q := range s.Quotes {
			pool = append(pool, texts[q.ID])
		}
		for _, f := range assessment.ResponseTexts() {
			for _, t := range s.Texts[f.Key] {
				pool = append(pool, texts[t.ID])
			}
		}
		for _, a := range s.Actions {
			pool = append(pool, texts[a.ID])
		}
		shown, _, rest := pick(pool, MaxDraftQuotes)
		for _, q := range shown {
			e := bld.excerpt(q, 1)
			comment(e.Lead + " " + q.text)
			line("<!-- nest:quotes %s -->", q.id)
			line("")
		}
		if rest > 0 {
			comment(w.Count("draft.more", rest, rest))
			line("")
		}
	}
	line("")
	line("## %s", w.Say("h.voices"))
	line("")
	line("<!-- nest:voices -->")
	line("")
	line("# %s", w.Say("h.conclusion"))
	line("")
	comment(w.Say("draft.conclusion"))
	line("")
	line("# %s", w.Say("h.submissions"))
	line("")
	line("<!-- nest:submissions -->")
	return []byte(b.String())
}

func perspectives(r *Report, w *assessment.Words) string {
	if r.Level == National {
		return w.Say("h.perspectives.national")
	}
	return w.Say("h.perspectives.regional")
}

func roundOf(r *Report, w *assessment.Words) string {
	return (&builder{r: r, w: w}).round()
}

// safeComment keeps text inside an HTML comment: no "-->" to end it, and
// no "nest:" to be read as a directive.
func safeComment(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	s = strings.ReplaceAll(s, "-->", "- ->")
	return strings.ReplaceAll(s, "nest:", "nest :")
}

// yamlText quotes a value for the front matter when YAML would misread it.
func yamlText(s string) string {
	if s == "" {
		return ""
	}
	if strings.ContainsAny(s, ":#'\"{}[],&*!|>%@`") || strings.TrimSpace(s) != s {
		return "'" + strings.ReplaceAll(s, "'", "''") + "'"
	}
	return s
}
