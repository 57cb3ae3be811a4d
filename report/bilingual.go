package report

import (
	"errors"
	"strings"

	"github.com/nest-nyth/nest/assessment"
)

// Bilingual makes one Doc of a report in Welsh and in English, Welsh
// first, as Welsh Government publishes under the Welsh Language
// Standards: the title page gives both titles with the same prominence;
// each section's heading is in both languages; under it come the
// section's Welsh, then its English, marked as English, each whole (its
// own tables, chart and chosen words). Words from the files are shown as
// written in both, never translated.
//
// cy and en must be the same report built in each language: the same
// sections in the same order. With editorial files, CheckBilingual says
// which section one language lacks before the Docs are built.
func Bilingual(cy, en *Doc) (*Doc, error) {
	cyLead, cySecs := sections(cy.Blocks)
	enLead, enSecs := sections(en.Blocks)
	if len(cySecs) != len(enSecs) {
		return nil, errors.New(cy.words.Say("cli.bilingual.sections", len(cySecs), len(enSecs)))
	}
	d := *cy
	d.Second = &Second{Lang: en.Lang, Title: en.Title, Subtitle: en.Subtitle, Type: en.Front.Type, Lines: en.Front.Lines, words: en.words}
	d.Blocks = nil

	// The English part's ids are its own: a section's heading is the
	// bilingual one; anything else is prefixed, and its links follow.
	rename := map[string]string{}
	for i, s := range enSecs {
		rename[s[0].(Heading).ID] = cySecs[i][0].(Heading).ID
		for _, b := range s[1:] {
			if h, ok := b.(Heading); ok {
				rename[h.ID] = "en-" + h.ID
			}
		}
	}
	for _, b := range cyLead {
		if c, ok := b.(Contents); ok {
			for _, e := range enLead {
				if ec, ok := e.(Contents); ok {
					c.Other = ec.Title
				}
			}
			b = c
		}
		d.Blocks = append(d.Blocks, b)
	}
	for i := range cySecs {
		h := cySecs[i][0].(Heading)
		h.Other = enSecs[i][0].(Heading).Text
		d.Blocks = append(d.Blocks, h)
		d.Blocks = append(d.Blocks, cySecs[i][1:]...)
		var part []Block
		for _, b := range enSecs[i][1:] {
			part = append(part, renamed(b, rename))
		}
		if len(part) > 0 {
			d.Blocks = append(d.Blocks, Part{Lang: en.Lang, Blocks: part})
		}
	}
	return &d, nil
}

// sections splits blocks at each level 1 heading: what comes before the
// first (the contents), and each section starting with its heading.
func sections(blocks []Block) (lead []Block, secs [][]Block) {
	for _, b := range blocks {
		if h, ok := b.(Heading); ok && h.Level <= 1 {
			secs = append(secs, []Block{b})
			continue
		}
		if len(secs) == 0 {
			lead = append(lead, b)
			continue
		}
		secs[len(secs)-1] = append(secs[len(secs)-1], b)
	}
	return lead, secs
}

// renamed is a block of the English part with its ids, and the links to
// them, renamed so that they are unique beside the Welsh.
func renamed(b Block, rename map[string]string) Block {
	id := func(s string) string {
		if n, ok := rename[s]; ok {
			return n
		}
		if s == "" {
			return ""
		}
		return "en-" + s
	}
	runs := func(rs []Run) []Run {
		out := make([]Run, len(rs))
		for i, r := range rs {
			if target, ok := strings.CutPrefix(r.Link, "#"); ok {
				r.Link = "#" + id(target)
			}
			out[i] = r
		}
		return out
	}
	switch b := b.(type) {
	case Heading:
		b.ID = id(b.ID)
		return b
	case Para:
		b.Runs = runs(b.Runs)
		return b
	case List:
		items := make([][]Run, len(b.Items))
		for i, it := range b.Items {
			items[i] = runs(it)
		}
		b.Items = items
		return b
	case Table:
		b.ID = id(b.ID)
		return b
	case Figure:
		b.ID, b.Data = id(b.ID), id(b.Data)
		return b
	}
	return b
}

// CheckBilingual says whether a Welsh and an English editorial file make
// the same report: the same sections (level 1 headings) in the same
// order, each with the same directives. The first difference is an error
// naming the section, never an English section quietly shown alone. A
// section is known by the figures it places: which of several sections of
// text alone one language lacks cannot be told, and the first after the
// last section both have is named.
func CheckBilingual(cy, en *Editorial, w *assessment.Words) error {
	if w == nil {
		w = assessment.English
	}
	cs, es := editorialSections(cy), editorialSections(en)
	none := func(s string) string {
		if s == "" {
			return w.Say("cli.bilingual.none")
		}
		return s
	}
	for i := range max(len(cs), len(es)) {
		switch {
		case i >= len(cs):
			return errors.New(w.Say("cli.bilingual.welsh", cy.File, es[i].title, i+1, en.File, es[i].line))
		case i >= len(es):
			return errors.New(w.Say("cli.bilingual.english", en.File, cs[i].title, i+1, cy.File, cs[i].line))
		case cs[i].directives != es[i].directives && len(cs) < len(es) && cs[i].directives == es[i+1].directives:
			return errors.New(w.Say("cli.bilingual.welsh", cy.File, es[i].title, i+1, en.File, es[i].line))
		case cs[i].directives != es[i].directives && len(es) < len(cs) && es[i].directives == cs[i+1].directives:
			return errors.New(w.Say("cli.bilingual.english", en.File, cs[i].title, i+1, cy.File, cs[i].line))
		case cs[i].directives != es[i].directives:
			return errors.New(w.Say("cli.bilingual.figures", i+1, cs[i].title, cy.File, cs[i].line, es[i].title, en.File, es[i].line,
				cy.File, none(cs[i].directives), en.File, none(es[i].directives)))
		}
	}
	return nil
}

type editorialSection struct {
	title, directives string
	line              int
}

// editorialSections lists an editorial file's level 1 sections, each with
// the directives under it (what the figures are), in order.
func editorialSections(e *Editorial) []editorialSection {
	var out []editorialSection
	for _, p := range e.Parts {
		if h, ok := p.Block.(Heading); ok && h.Level <= 1 {
			out = append(out, editorialSection{title: h.Text, line: p.Line})
			continue
		}
		if p.Block != nil || len(out) == 0 || p.Directive.Name == "quotes" {
			continue // chosen words may differ between the languages
		}
		s := &out[len(out)-1]
		s.directives = strings.TrimSpace(s.directives + " nest:" + strings.TrimSpace(p.Directive.Name+" "+strings.Join(p.Directive.Args, " ")))
	}
	return out
}
