package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/nest-nyth/nest/assessment"
)

// The packages whose words reach a person: the commands, and everything
// they say through. Each is scanned, test files aside.
var spoken = []string{
	".",
	"../../assessment",
	"../../schema",
	"../../output",
	"../../report",
	"../../internal/questionnaire",
	"../../internal/files",
	"../../internal/text",
}

// prose is what a sentence or a label looks like: two words with a space
// or a mark between them, one capitalised word, or a small English word
// between values ("%s to %s").
var prose = regexp.MustCompile(`[A-Za-z]{2,}[ ,;:'’][ ]?[a-z]{2,}|^[A-Z][a-z]{2,}[.!?:]?$| (to|of|and|or|from|for|with|by|the|in|at) `)

// notSaid are the string literals that look like words but are not said
// to anyone in a language, each with the reason. A literal is named by its
// file and its text.
var notSaid = map[string]string{
	"cmd/nest/lang.go: cy,en":                  "a spelling of --lang cy+en that nest reads",
	"cmd/nest/root.go: unknown command":        "the start of cobra's message, recognised to say it in nest's words",
	"cmd/nest/root.go: unknown flag":           "the start of pflag's message, recognised to say it in nest's words",
	"cmd/nest/root.go: unknown shorthand flag": "the start of pflag's message, recognised to say it in nest's words",

	"assessment/translate.go:  zero one two few many other":                                                                         "the plural forms' names, the catalogue's own keys",
	"assessment/words.go:  zero one two few many other ":                                                                            "the plural forms' names, the catalogue's own keys",
	"assessment/words.go: %s: given twice":                                                                                          "a fault in the catalogue shipped inside nest, found by its tests before a release",
	"assessment/words.go: reviewed: %q is not a key of the catalogue":                                                               "a fault in the catalogue shipped inside nest, found by its tests before a release",
	"assessment/words.go: should be a group of sections":                                                                            "a fault in the catalogue shipped inside nest, found by its tests before a release",
	"assessment/words.go: report: should be a group of keys":                                                                        "a fault in the catalogue shipped inside nest, found by its tests before a release",
	"assessment/words.go: report.%s: should be a text, or texts by plural form (zero, one, two, few, many, other; other is needed)": "a fault in the catalogue shipped inside nest, found by its tests before a release",

	"report/choose.go: has errors":                "a value of the JSON's left_out reasons, read by scripts; said in words from the catalogue",
	"report/draft.go: <!-- nest:levels -->":       "a directive of the editorial file, the same in both languages",
	"report/draft.go: <!-- nest:summary -->":      "a directive of the editorial file, the same in both languages",
	"report/draft.go: <!-- nest:principle %s -->": "a directive of the editorial file, the same in both languages",
	"report/draft.go: <!-- nest:quotes %s -->":    "a directive of the editorial file, the same in both languages",
	"report/draft.go: <!-- nest:voices -->":       "a directive of the editorial file, the same in both languages",
	"report/draft.go: <!-- nest:submissions -->":  "a directive of the editorial file, the same in both languages",
	"report/pdf.go: Disc":                         "a PDF list numbering name (ISO 32000)",
	"report/pdf.go: Decimal":                      "a PDF list numbering name (ISO 32000)",
	"report/pdf.go: Lbl":                          "a PDF structure type",
	"report/pdf.go: Div":                          "a PDF structure type",
	"report/pdf.go: Span":                         "a PDF structure type",
	"report/pdf.go: Link":                         "a PDF structure type",
	"report/pdf.go: Reference":                    "a PDF structure type",
	"report/pdf.go: Column":                       "a PDF table header scope",
	"report/pdf.go: Row":                          "a PDF table header scope",
	"report/pdf.go: Table":                        "a PDF structure type",
	"report/pdf.go: Caption":                      "a PDF structure type",
	"report/pdf.go: Figure":                       "a PDF structure type",
	"report/synthesis.go: Welsh":                  "a word of an English sentence that keeps its capital when lowered",
	"report/synthesis.go: English":                "a word of an English sentence that keeps its capital when lowered",
	"report/synthesis.go: Wales":                  "a word of an English sentence that keeps its capital when lowered",
	"report/synthesis.go: Cymraeg":                "a word of an English sentence that keeps its capital when lowered",

	"internal/files/files.go: not a regular file (a named pipe, socket or device): skipped":                     "the error's own text; nest says it from the catalogue (cli.file.*)",
	"internal/files/files.go: no such file or folder":                                                           "the error's own text; nest says it from the catalogue (cli.file.*)",
	"internal/files/files.go: permission denied":                                                                "the error's own text; nest says it from the catalogue (cli.file.*)",
	"internal/files/files.go: symbolic link loop":                                                               "the error's own text; nest says it from the catalogue (cli.file.*)",
	"internal/files/files.go: symbolic link loop: this folder links back to a folder that contains it; skipped": "the error's own text; nest says it from the catalogue (cli.file.*)",
	"internal/files/files.go: file is too large":                                                                "the error's own text; nest says it from the catalogue (cli.file.*)",
	"internal/files/files.go: %w: over the limit of %d bytes":                                                   "the error's own text; nest says it from the catalogue (cli.file.*)",
	"schema/batch.go: file is too large":                                                                        "the error's own text; nest says it from the catalogue (cli.file.large)",
	"schema/build.go: NEST self-assessment":                                                                     "the published JSON Schema's title: the schema is one document, in English, like its field help",
	"schema/build.go: A Regional Partnership Board's or a service's self-assessment against the six principles of the NEST/NYTH framework, rated on the NEST journey scale of 1 to 4 (file format version 1).": "the published JSON Schema's description: the schema is one document, in English, like its field help",
	"schema/fastyaml.go: True":                                                     "a YAML 1.1 word read as a boolean or null, not said",
	"schema/fastyaml.go: False":                                                    "a YAML 1.1 word read as a boolean or null, not said",
	"schema/fastyaml.go: Null":                                                     "a YAML 1.1 word read as a boolean or null, not said",
	"schema/parse.go: end of stream":                                               "yaml.v3's message, recognised to say it in nest's words",
	"schema/parse.go: found unexpected end of stream":                              "yaml.v3's message, recognised to say it in nest's words",
	"schema/parse.go: mapping values are not allowed in this context":              "yaml.v3's message, recognised to say it in nest's words",
	"schema/parse.go: did not find expected key":                                   "yaml.v3's message, recognised to say it in nest's words",
	"schema/parse.go: could not find expected ':'":                                 "yaml.v3's message, recognised to say it in nest's words",
	"schema/parse.go: did not find expected ',' or ']'":                            "yaml.v3's message, recognised to say it in nest's words",
	"schema/parse.go: did not find expected ',' or '}'":                            "yaml.v3's message, recognised to say it in nest's words",
	"schema/parse.go: found character that cannot start any token":                 "yaml.v3's message, recognised to say it in nest's words",
	"schema/parse.go: did not find expected '-' indicator":                         "yaml.v3's message, recognised to say it in nest's words",
	"output/junit.go: nest validate":                                               "the JUnit suite's name, which CI systems read",
	"output/output.go: unknown format %q: use one of %s":                           "a program's mistake calling the package: nest checks the format first and says it from the catalogue",
	"internal/questionnaire/questionnaire.go: final file left as it was":           "the error's own text; nest assess says it from the catalogue (cli.assess.final.kept)",
	"internal/questionnaire/questionnaire.go: an answer does not fit its question": "the error's own text; the answer's own error says it from the catalogue",
	"internal/questionnaire/questionnaire.go: stopped on ":                         "the error's own text; nest assess says it from the catalogue (cli.assess.stopped.saved)",
	"internal/questionnaire/tui.go: new line":                                      "huh's key help, matched to say it from the catalogue (prompts.keys.*)",
	"internal/questionnaire/tui.go: ½ page up":                                     "huh's key help, matched to say it from the catalogue (prompts.keys.*)",
	"internal/questionnaire/tui.go: ½ page down":                                   "huh's key help, matched to say it from the catalogue (prompts.keys.*)",
	"internal/questionnaire/tui.go: go to start":                                   "huh's key help, matched to say it from the catalogue (prompts.keys.*)",
	"internal/questionnaire/tui.go: go to end":                                     "huh's key help, matched to say it from the catalogue (prompts.keys.*)",
	"internal/questionnaire/tui.go: Yes":                                           "huh's key help, matched to say it from the catalogue (prompts.keys.*)",
	"internal/questionnaire/tui.go: nest assess":                                   "the terminal window's title: the command's name",
	"assessment/tags.go:  and ":                                                    "a tag is made of English-speaking keys (\"&\" becomes \"and\" in staff-and-carers): the format's, not said",
	"schema/build.go: Principle %d of %d: %s":                                      "the published JSON Schema's titles: the schema is one document, in English, like its field help",
	"cmd/nest/main.go: /gc/heap/live:bytes":                                        "the name of a runtime metric nest reads",
}

// Every fixed text a person reads comes from the catalogue, in their
// language: a string literal in the Go source that looks like words is a
// text that would stay English in a Welsh run. The catalogue's keys (what
// Say, Count, Label and Has are given), import paths, struct tags and the
// messages of panics (bugs, said as "internal error") are not words.
func TestNoWordsOutsideTheCatalogue(t *testing.T) {
	fset := token.NewFileSet()
	var found, countedSaid []string
	used := map[string]bool{}
	for _, dir := range spoken {
		names, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range names {
			if strings.HasSuffix(name, "_test.go") {
				continue
			}
			src, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			f, err := parser.ParseFile(fset, name, src, parser.ParseComments)
			if err != nil {
				t.Fatal(err)
			}
			if ast.IsGenerated(f) {
				continue // the catalogue's own words, written out from en.yaml
			}
			short := filepath.ToSlash(filepath.Clean(filepath.Join("cmd/nest", name)))
			skip := map[ast.Node]bool{}
			ast.Inspect(f, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.ImportSpec:
					return false
				case *ast.Field:
					if n.Tag != nil {
						skip[n.Tag] = true
					}
				case *ast.KeyValueExpr:
					// A command's examples are command lines, the same in
					// every language.
					if k, ok := n.Key.(*ast.Ident); ok && k.Name == "Example" {
						ast.Inspect(n.Value, func(m ast.Node) bool { skip[m] = true; return true })
					}
				case *ast.CallExpr:
					if key, ok := sayOf(n); ok && len(assessment.English.Forms(key)) > 1 {
						countedSaid = append(countedSaid, fset.Position(n.Pos()).String()+": "+key)
					}
					if notWords(n) {
						for _, a := range n.Args {
							ast.Inspect(a, func(m ast.Node) bool { skip[m] = true; return true })
						}
					}
				case *ast.BasicLit:
					if n.Kind != token.STRING || skip[n] {
						return true
					}
					s, err := strconv.Unquote(n.Value)
					// A template's text is its actions; its words are put
					// in from the catalogue.
					if err != nil || !prose.MatchString(s) || strings.Contains(s, "{{") {
						return true
					}
					key := short + ": " + s
					if _, ok := notSaid[key]; ok {
						used[key] = true
						return true
					}
					found = append(found, fset.Position(n.Pos()).String()+": "+strconv.Quote(s))
				}
				return true
			})
		}
	}
	for _, c := range countedSaid {
		t.Errorf("%s: a text with plural forms said with Say, which always takes the other form: use Count with the number", c)
	}
	for _, f := range found {
		t.Errorf("%s: words outside the catalogue; say them with Words, or add them to notSaid with the reason they are not said", f)
	}
	for _, k := range slices.Sorted(func(yield func(string) bool) {
		for k := range notSaid {
			if !yield(k) {
				return
			}
		}
	}) {
		if !used[k] {
			t.Errorf("notSaid lists %q, which is no longer in the source: remove it", k)
		}
	}
}

// sayOf is the key of a call of Say given as a literal.
func sayOf(c *ast.CallExpr) (string, bool) {
	sel, ok := c.Fun.(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Say" || len(c.Args) == 0 {
		return "", false
	}
	lit, ok := c.Args[0].(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return "", false
	}
	key, err := strconv.Unquote(lit.Value)
	return key, err == nil
}

// notWords reports whether a call's arguments are not words: a key of
// the catalogue, a pattern that reads a library's message, or a bug's
// message.
func notWords(c *ast.CallExpr) bool {
	switch fn := c.Fun.(type) {
	case *ast.Ident:
		return fn.Name == "panic"
	case *ast.SelectorExpr:
		switch fn.Sel.Name {
		case "Say", "Count", "Label", "Has", "Forms", "Reviewed":
			return true
		case "MustCompile":
			return true
		}
	}
	return false
}
