package main

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/nest-nyth/nest/assessment"
	"github.com/nest-nyth/nest/internal/files"
	"github.com/spf13/cobra"
)

type catalogueOptions struct {
	unreviewed bool
	format     string
	load       string // a translator's CSV to read back
	into       string // the Welsh catalogue file to update
}

func newCatalogueCmd(s *streams) *cobra.Command {
	w := s.words
	o := &catalogueOptions{}
	cmd := &cobra.Command{
		Use:     "catalogue",
		Short:   w.Say("cli.catalogue.short"),
		Long:    w.Say("cli.catalogue.long") + "\n" + s.exitStatus(w.Say("cli.catalogue.exit.ok"), ""),
		Example: "  nest catalogue --unreviewed\n  nest catalogue --unreviewed --format csv > cy.csv\n  nest catalogue --load cy.csv --into assessment/catalogue/cy.yaml",
		Args:    s.noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			switch o.format {
			case "text", "csv":
			default:
				return usagef("%s", w.Say("cli.catalogue.format.bad", o.format))
			}
			if o.load != "" {
				return runCatalogueLoad(s, o)
			}
			return runCatalogueList(s, o)
		},
	}
	f := cmd.Flags()
	f.BoolVar(&o.unreviewed, "unreviewed", false, w.Say("cli.catalogue.flag.unreviewed"))
	f.StringVar(&o.format, "format", "text", w.Say("cli.catalogue.flag.format"))
	f.StringVar(&o.load, "load", "", w.Say("cli.catalogue.flag.load"))
	f.StringVar(&o.into, "into", "", w.Say("cli.catalogue.flag.into"))
	return cmd
}

// csvHead is the header row of the translators' spreadsheet.
var csvHead = []string{"key", "form", "english", "welsh", "reviewed"}

func runCatalogueList(s *streams, o *catalogueOptions) error {
	w := s.words
	all := assessment.Entries()
	var list []assessment.Entry
	waiting := 0
	for _, e := range all {
		if !e.Reviewed {
			waiting++
		}
		if !o.unreviewed || !e.Reviewed {
			list = append(list, e)
		}
	}
	var b bytes.Buffer
	if o.format == "csv" {
		b.WriteString("\uFEFF") // so that a spreadsheet reads it as UTF-8
		c := csv.NewWriter(&b)
		c.UseCRLF = true
		_ = c.Write(csvHead)
		for _, e := range list {
			_ = c.Write([]string{e.Key, e.Form, e.English, e.Welsh, yesNo(e.Reviewed)})
		}
		c.Flush()
	} else {
		indent := strings.NewReplacer("\n", "\n      ") // a text of several lines stays under its label
		for _, e := range list {
			fmt.Fprintf(&b, "%s%s\n  en: %s\n  cy: %s\n", e.Key, formNote(e.Form), indent.Replace(e.English), indent.Replace(e.Welsh))
		}
	}
	if _, err := s.Out.Write(b.Bytes()); err != nil {
		return err
	}
	sayf(s.Err, "%s\n", w.Count("cli.catalogue.waiting", waiting, waiting, len(all)))
	return nil
}

func formNote(form string) string {
	if form == "" {
		return ""
	}
	return " (" + form + ")"
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// runCatalogueLoad reads a translator's spreadsheet back into the Welsh
// catalogue: the built-in one, written to standard output, or the file
// --into names, updated in place.
func runCatalogueLoad(s *streams, o *catalogueOptions) error {
	w := s.words
	data, err := os.ReadFile(o.load)
	if err != nil {
		return fail(exitFailure, w.Say("cli.catalogue.load.unreadable", o.load, s.fileError(err)))
	}
	entries, err := readCatalogueCSV(w, data)
	if err != nil {
		return fail(exitFindings, o.load+": "+err.Error())
	}
	base := assessment.WelshFile()
	if o.into != "" {
		if base, err = os.ReadFile(o.into); err != nil {
			return fail(exitFailure, w.Say("cli.catalogue.load.unreadable", o.into, s.fileError(err)))
		}
	}
	out, err := assessment.ApplyWelsh(base, entries, w)
	if err != nil {
		return fail(exitFindings, o.load+": "+err.Error(), w.Say("cli.catalogue.load.nothing"))
	}
	if o.into == "" {
		_, err := s.Out.Write(out)
		return err
	}
	if err := files.WriteAtomic(o.into, out, 0o644); err != nil {
		return fail(exitFailure, s.writeError("cli.catalogue.load.unwritable", o.into, err))
	}
	sayf(s.Err, "%s\n", w.Count("cli.catalogue.load.done", len(entries), o.into, len(entries)))
	return nil
}

// readCatalogueCSV reads the spreadsheet runCatalogueList writes, with the
// line of each problem.
func readCatalogueCSV(w *assessment.Words, data []byte) ([]assessment.Entry, error) {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = len(csvHead)
	head, err := r.Read()
	if err != nil {
		return nil, err
	}
	for i, h := range csvHead {
		if strings.ToLower(strings.TrimSpace(head[i])) != h {
			return nil, errors.New(w.Say("cli.catalogue.load.columns", strings.Join(csvHead, ", ")))
		}
	}
	var out []assessment.Entry
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		line, _ := r.FieldPos(0)
		var reviewed bool
		switch strings.ToLower(strings.TrimSpace(rec[4])) {
		case "yes", "y", "ie", "true", "1":
			reviewed = true
		case "no", "n", "na", "false", "0", "":
		default:
			return nil, errors.New(w.Say("cli.catalogue.load.reviewed", line, rec[4]))
		}
		out = append(out, assessment.Entry{Key: rec[0], Form: rec[1], English: rec[2], Welsh: rec[3], Reviewed: reviewed})
	}
}
