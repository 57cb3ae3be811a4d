package main

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/nest-nyth/nest/assessment"
	"github.com/nest-nyth/nest/internal/files"
	"github.com/nest-nyth/nest/internal/fonts"
	"github.com/nest-nyth/nest/report"
	"github.com/nest-nyth/nest/schema"
)

// languages are the words of each language a report is made in: Welsh
// and English for cy+en, Welsh first; the one asked for otherwise.
func (s *streams) languages() []*assessment.Words {
	if s.lang == langBilingual {
		return []*assessment.Words{assessment.Welsh(), assessment.English}
	}
	return []*assessment.Words{wordsOf(s.lang)}
}

// readEditorials reads the editorial file of each language of the report:
// the file named for English (update.md), the Welsh beside it
// (update.cy.md); naming either finds the other. A language whose file is
// missing is an error, never the other language's words quietly instead;
// for a bilingual report the two must have the same sections.
func readEditorials(s *streams, named string, langs []*assessment.Words, pdf bool) ([]*report.Editorial, error) {
	w := s.words
	english, welsh := named, named
	if base, ok := strings.CutSuffix(named, ".cy"+filepath.Ext(named)); ok {
		english = base + filepath.Ext(named)
	} else {
		welsh = strings.TrimSuffix(named, filepath.Ext(named)) + ".cy" + filepath.Ext(named)
	}
	var out []*report.Editorial
	for _, lw := range langs {
		path := english
		if lw.Lang == "cy" {
			path = welsh
		}
		if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) && path != named {
			if lw.Lang != "cy" {
				return nil, fail(exitFailure, w.Say("cli.aggregate.editorial.missing.en", path, named), w.Say("cli.aggregate.editorial.missing.en.hint", path))
			}
			return nil, fail(exitFailure, w.Say("cli.aggregate.editorial.missing", path, named), w.Say("cli.aggregate.editorial.missing.hint", path))
		}
		data, err := files.Read(path, nil, 4<<20)
		if err != nil {
			return nil, fail(exitFailure, w.Say("cli.read.failed", path, s.fileError(err)))
		}
		e, err := report.ReadEditorial(path, data, w)
		if err != nil {
			return nil, fail(exitFindings, err.Error(), w.Say("cli.aggregate.editorial.hint"))
		}
		if pdf {
			warnUnprintable(s, path, data)
		}
		out = append(out, e)
	}
	if len(out) == 2 {
		if err := report.CheckBilingual(out[0], out[1], w); err != nil {
			return nil, fail(exitFindings, err.Error())
		}
	}
	return out, nil
}

// warnUnprintable warns of each line of an editorial file with a
// character the PDF's font cannot draw, as nest validate warns of one in
// a submission: the PDF shows a placeholder there.
func warnUnprintable(s *streams, path string, data []byte) {
	w := s.words
	for i, line := range strings.Split(string(data), "\n") {
		missing := fonts.Missing(line)
		if len(missing) == 0 {
			continue
		}
		col := utf8.RuneCountInString(line[:max(0, strings.IndexRune(line, missing[0]))]) + 1
		sayf(s.Err, "%s:%d:%d: %s: %s [%s]\n", path, i+1, col, w.Say("cli.warning"),
			w.Say("messages.unprintable", fonts.Named(missing), string(fonts.Report().Placeholder())), schema.RuleUnprintable)
	}
}

// render writes the report in the format and edition asked for: JSON and
// CSV from the figures, PDF and HTML built from the report of each
// language with its editorial, a bilingual one made of the two.
func render(o *aggregateOptions, reps []*report.Report, langs []*assessment.Words, editorials []*report.Editorial, w *assessment.Words) ([]byte, error) {
	rep := reps[0]
	var buf bytes.Buffer
	var err error
	switch o.format {
	case "json":
		err = report.WriteJSON(&buf, rep.ForEdition(o.edition))
	case "csv":
		err = report.WriteCSV(&buf, rep.ForEdition(o.edition), report.CSVOptions{Table: o.table, Edition: o.edition, Words: langs[0]})
	default:
		var docs []*report.Doc
		for i, lw := range langs {
			bo := report.BuildOptions{Edition: o.edition, MaxQuotes: o.maxQuotes, Published: o.date, Words: lw, Messages: w}
			if editorials != nil {
				bo.Editorial = editorials[i]
			}
			if o.format == "html" {
				bo.Format = report.HTML
			}
			doc, err := report.Build(reps[i], bo)
			if err != nil {
				return nil, fail(exitFindings, err.Error())
			}
			docs = append(docs, doc)
		}
		doc := docs[0]
		if len(docs) == 2 {
			if doc, err = report.Bilingual(docs[0], docs[1]); err != nil {
				return nil, fail(exitFindings, err.Error())
			}
		}
		if o.format == "html" {
			err = report.WriteHTML(&buf, doc)
		} else {
			err = report.WritePDF(&buf, doc, rep.Date)
		}
	}
	return buf.Bytes(), err
}
