package main

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nest-nyth/nest/assessment"
	"github.com/nest-nyth/nest/examples"
	"github.com/nest-nyth/nest/schema"
)

// phone is personal data planted in the files below.
const phone = "Ring Sian on 07700 900123 after six."

// freeTextKeys lists every free-text field of the format's table, by its
// catalogue key, walking the table itself.
func freeTextKeys() []string {
	var keys []string
	var walk func(fs []*assessment.Field)
	walk = func(fs []*assessment.Field) {
		for _, f := range fs {
			if f.FreeText {
				keys = append(keys, f.HelpKey())
			}
			walk(f.Fields)
		}
	}
	walk(assessment.Format)
	return keys
}

// sample is a final service file in which every free text of the table has
// a value: the Tŷ Teulu example, with an action that has an owner, a quote,
// and a principle not rated.
func sample(t *testing.T) *assessment.Assessment {
	t.Helper()
	data, err := fs.ReadFile(examples.FS, "2024/services/gwent/ty-teulu-family-hub.yaml")
	if err != nil {
		t.Fatal(err)
	}
	a := schema.Check("ty-teulu.yaml", data).Assessment
	r := a.Principles["no_wrong_door"]
	r.Actions = append(r.Actions, assessment.Action{Action: "Open a second drop-in.", Owner: "Family support team"})
	r.Feedback = append(r.Feedback, assessment.Quote{Quote: "They listened.", From: "family"})
	r.Rating, r.Target, r.NotRated = 0, 0, "Partners meet in spring to agree it."
	r.GoodLooksLike = "Every family finds help at the first door."
	r.Themes = append(r.Themes, "ty-teulu")
	a.ThemeLabels = map[string]string{"ty-teulu": "Tŷ Teulu"}
	return a
}

// plant puts the phone number in the first value of the field with the
// catalogue key key, and reports whether there was one.
func plant(a *assessment.Assessment, key string) bool {
	done := false
	assessment.FreeTexts(a, func(_ []string, f *assessment.Field, text *string) {
		if !done && f.HelpKey() == key {
			*text, done = phone, true
		}
	})
	return done
}

// pdfText is the text of a PDF as pdftotext gives it, the extraction .ci/run
// uses.
func pdfText(t *testing.T, path string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pdftotext is needed (Debian: poppler-utils); .ci/run installs it")
		}
		t.Skip("pdftotext is not installed (Debian: poppler-utils)")
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// Every free text of the format, holding a phone number, is withheld from
// every format of the report, and the warning names the file as it was
// given, so the command in it works.
func TestAggregateWithholdsEveryFreeText(t *testing.T) {
	keys := freeTextKeys()
	if len(keys) < 8 {
		t.Fatalf("the table has only %d free-text fields: %v", len(keys), keys)
	}
	others, _ := fs.Glob(examples.FS, "2024/services/gwent/*.yaml")
	for _, key := range keys {
		t.Run(key, func(t *testing.T) {
			dir := t.TempDir()
			for _, o := range others {
				if strings.Contains(o, "ty-teulu") {
					continue
				}
				data, _ := fs.ReadFile(examples.FS, o)
				if err := os.WriteFile(filepath.Join(dir, filepath.Base(o)), data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			a := sample(t)
			if !plant(a, key) {
				t.Fatalf("the sample has no %s to plant personal data in", key)
			}
			data, err := assessment.Marshal(a)
			if err != nil {
				t.Fatal(err)
			}
			file := filepath.Join(dir, "ty-teulu.yaml")
			if err := os.WriteFile(file, data, 0o644); err != nil {
				t.Fatal(err)
			}
			if r := schema.Check(file, data); !r.Valid() {
				t.Fatalf("the planted file is not valid: %v", r.Findings)
			}
			pdf := filepath.Join(t.TempDir(), "gwent.pdf")
			for _, args := range [][]string{
				{"aggregate", dir, "-o", pdf, "--date", "2024-11-30"},
				{"aggregate", dir, "--format", "json", "--date", "2024-11-30"},
				{"aggregate", dir, "--format", "html", "--edition", "internal", "-o", "-", "--date", "2024-11-30"},
				{"aggregate", dir, "--format", "csv", "--edition", "internal", "-o", "-", "--date", "2024-11-30"},
				{"aggregate", dir, "--format", "csv", "--table", "principles", "-o", "-", "--date", "2024-11-30"},
			} {
				var out, errs bytes.Buffer
				code := run(args, &streams{In: strings.NewReader(""), Out: &out, Err: &errs, Env: func(string) string { return "" }})
				if code != exitOK {
					t.Fatalf("nest %v: exit %d\n%s", args, code, errs.String())
				}
				if want := file + ": warning: 1 text withheld from the report: it looks like personal data (nest validate " + file + " shows where)"; !strings.Contains(errs.String(), want) {
					t.Errorf("nest %v: no warning naming %s:\n%s", args, file, errs.String())
				}
				text := out.String()
				if args[2] == "-o" {
					text = pdfText(t, pdf)
				}
				for _, leak := range []string{"07700", "900123", "Ring Sian"} {
					if strings.Contains(text, leak) {
						t.Errorf("nest %v published %q from %s", args, leak, key)
					}
				}
			}
		})
	}
}
