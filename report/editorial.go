package report

import (
	"bufio"
	"bytes"
	"errors"
	"html"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/nest-nyth/nest/assessment"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	mdhtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"go.yaml.in/yaml/v3"
)

// Editorial is what the analysts wrote for a report: its particulars (front
// matter) and its sections, in Markdown, with directives that say where the
// figures go. Read it with ReadEditorial.
//
//	---
//	title: NYTH/NEST implementation update 2024
//	published: 2025-03-12
//	contact: nest.mentalhealth@gov.wales
//	---
//	# Introduction
//	Text people wrote ...
//	# Regional perspectives
//	<!-- nest:summary -->
//	## Trusted adults
//	<!-- nest:principle trusted_adults -->
//	A synthesis of what the regions said ...
//	<!-- nest:quotes gwent.trusted_adults.working_well cwm-taf-morgannwg.trusted_adults.quote1 -->
//
// A directive is an HTML comment, so the file reads cleanly in any
// Markdown viewer. # is a section of the report, ## a part of one.
type Editorial struct {
	File  string // its name, for messages
	Front EditorialFront
	Parts []EditorialPart
	w     *assessment.Words // the language of its messages
}

// EditorialFront is the front matter.
type EditorialFront struct {
	Title       string `yaml:"title"`
	Subtitle    string `yaml:"subtitle"`
	Publisher   string `yaml:"publisher"`
	Published   string `yaml:"published"`
	Updated     string `yaml:"updated"`
	Contact     string `yaml:"contact"`
	Licence     string `yaml:"licence"`
	Description string `yaml:"description"`
}

// EditorialPart is a block of what people wrote, or a directive: where
// nest puts something it makes.
type EditorialPart struct {
	Block     Block     // text people wrote; nil for a directive
	Directive Directive // when Block is nil
	Section   string    // the heading it is under, for messages
	Line      int
}

// Directive is nest:NAME ARGS... in an HTML comment.
type Directive struct {
	Name string
	Args []string
}

// Directives an editorial file may use, in the order a report uses them
// (the README says what each puts where).
var Directives = []string{"contents", "levels", "summary", "principle", "quotes", "ratings", "voices", "submissions", "compare"}

var directiveRE = regexp.MustCompile(`^\s*<!--\s*nest:([a-z-]+)((?:\s+[^\s]+)*?)\s*-->\s*$`)

// ReadEditorial reads an editorial file. Its errors name the file and the
// line, in the language of w (nil for English).
func ReadEditorial(name string, data []byte, w *assessment.Words) (*Editorial, error) {
	if w == nil {
		w = assessment.English
	}
	e := &Editorial{File: name, w: w}
	body, line0, err := e.frontMatter(data)
	if err != nil {
		return nil, err
	}
	md := goldmark.New(goldmark.WithParserOptions(parser.WithParagraphTransformers(util.Prioritized(pipeTables{}, 200))))
	doc := md.Parser().Parse(text.NewReader(body))
	section := ""
	lineOf := func(n ast.Node) int {
		if n.Lines().Len() > 0 {
			return line0 + bytes.Count(body[:n.Lines().At(0).Start], []byte("\n")) + 1
		}
		if c := n.FirstChild(); c != nil {
			if t, ok := c.(*ast.Text); ok {
				return line0 + bytes.Count(body[:t.Segment.Start], []byte("\n")) + 1
			}
		}
		return line0
	}
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		line := lineOf(n)
		switch n := n.(type) {
		case *ast.Heading:
			section = plainText(n, body)
			e.add(Heading{Level: n.Level, Text: section, ID: anchor(section)}, section, line)
		case *ast.Paragraph:
			p := Para{Runs: runs(n, body)}
			// "Table: its caption", just before or after a table, is the
			// table's caption, as Pandoc reads it.
			if caption, ok := strings.CutPrefix(Text(p.Runs), "Table: "); ok {
				if last := len(e.Parts) - 1; last >= 0 {
					if t, ok := e.Parts[last].Block.(Table); ok && t.Caption == "" {
						t.Caption = strings.TrimSpace(caption)
						e.Parts[last].Block = t
						continue
					}
				}
			}
			e.add(p, section, line)
		case *ast.List:
			l := List{Ordered: n.IsOrdered()}
			for it := n.FirstChild(); it != nil; it = it.NextSibling() {
				var item []Run
				for c := it.FirstChild(); c != nil; c = c.NextSibling() {
					if len(item) > 0 {
						item = append(item, Run{Text: " "})
					}
					item = append(item, runs(c, body)...)
				}
				l.Items = append(l.Items, item)
			}
			e.add(l, section, line)
		case *ast.Blockquote:
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				e.add(Excerpt{Text: Text(runs(c, body))}, section, line)
			}
		case *east.Table:
			t := table(n, body)
			if last := len(e.Parts) - 1; last >= 0 {
				if p, ok := e.Parts[last].Block.(Para); ok {
					if caption, ok := tableCaption(Text(p.Runs)); ok {
						t.Caption = strings.TrimSpace(caption)
						e.Parts = e.Parts[:last]
					}
				}
			}
			e.add(t, section, line)
		case *ast.HTMLBlock:
			raw := ""
			for i := 0; i < n.Lines().Len(); i++ {
				seg := n.Lines().At(i)
				raw += string(seg.Value(body))
			}
			if n.HasClosure() {
				raw += string(n.ClosureLine.Value(body))
			}
			for k, l := range strings.Split(strings.TrimRight(raw, "\n"), "\n") {
				line := line + k
				m := directiveRE.FindStringSubmatch(l)
				if m == nil {
					if strings.Contains(l, "nest:") {
						return nil, errors.New(w.Say("cli.editorial.directive.bad", name, line, strings.TrimSpace(l), directiveNames()))
					}
					continue // a comment for the writers
				}
				if !slices.Contains(Directives, m[1]) {
					return nil, errors.New(w.Say("cli.editorial.directive.unknown", name, line, m[1], directiveNames()))
				}
				e.Parts = append(e.Parts, EditorialPart{Directive: Directive{Name: m[1], Args: strings.Fields(m[2])}, Section: section, Line: line})
			}
		case *ast.ThematicBreak:
		default:
			return nil, errors.New(w.Say("cli.editorial.markdown", name, line, n.Kind().String()))
		}
	}
	return e, nil
}

// directiveNames lists the directives in the order a report uses them.
func directiveNames() string { return strings.Join(Directives, ", ") }

// tableCaption reads a paragraph just above a table that captions it:
// "Table: ..." (or in Welsh "Tabl: ...").
func tableCaption(p string) (string, bool) {
	for _, prefix := range []string{"Table: ", "Tabl: "} {
		if c, ok := strings.CutPrefix(p, prefix); ok {
			return c, true
		}
	}
	return "", false
}

func (e *Editorial) add(b Block, section string, line int) {
	e.Parts = append(e.Parts, EditorialPart{Block: b, Section: section, Line: line})
}

// frontMatter reads the YAML between --- lines at the top, and returns the
// rest and the number of lines before it.
func (e *Editorial) frontMatter(data []byte) (body []byte, lines int, err error) {
	data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	if !bytes.HasPrefix(data, []byte("---\n")) {
		return data, 0, nil
	}
	end := bytes.Index(data[4:], []byte("\n---\n"))
	if end < 0 {
		return nil, 0, errors.New(e.w.Say("cli.editorial.front.open", e.File))
	}
	front := data[4 : 4+end+1]
	dec := yaml.NewDecoder(bytes.NewReader(front))
	dec.KnownFields(true)
	if err := dec.Decode(&e.Front); err != nil && err.Error() != "EOF" {
		return nil, 0, errors.New(e.w.Say("cli.editorial.front.bad", e.File, err))
	}
	for _, d := range []struct{ key, v string }{{"published", e.Front.Published}, {"updated", e.Front.Updated}} {
		if _, err := time.Parse(time.DateOnly, d.v); d.v != "" && err != nil {
			return nil, 0, errors.New(e.w.Say("cli.editorial.front.date", e.File, d.key, d.v))
		}
	}
	rest := data[4+end+5:]
	return rest, bytes.Count(data[:4+end+5], []byte("\n")), nil
}

// runs turns the inline content of a Markdown block into runs.
func runs(n ast.Node, src []byte) []Run {
	var out []Run
	var walk func(n ast.Node, bold, italic bool, link string)
	walk = func(n ast.Node, bold, italic bool, link string) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				t := mdText(c.Segment.Value(src))
				if c.SoftLineBreak() || c.HardLineBreak() {
					t += " "
				}
				out = appendRun(out, Run{Text: t, Bold: bold, Italic: italic, Link: link})
			case *ast.String:
				out = appendRun(out, Run{Text: string(c.Value), Bold: bold, Italic: italic, Link: link})
			case *ast.CodeSpan:
				out = appendRun(out, Run{Text: codeText(c, src), Bold: bold, Italic: italic, Link: link})
			case *ast.Emphasis:
				walk(c, bold || c.Level >= 2, italic || c.Level == 1, link)
			case *ast.Link:
				walk(c, bold, italic, SafeLink(string(c.Destination)))
			case *ast.AutoLink:
				u := string(c.URL(src))
				out = appendRun(out, Run{Text: string(c.Label(src)), Bold: bold, Italic: italic, Link: SafeLink(u)})
			default:
				walk(c, bold, italic, link)
			}
		}
	}
	walk(n, false, false, "")
	if len(out) > 0 {
		last := &out[len(out)-1]
		last.Text = strings.TrimRight(last.Text, " ")
	}
	return out
}

// mdText is the words of a Markdown text as they are meant: backslash
// escapes and character references (\*, &amp;, &#169;) resolved, as
// goldmark's HTML writer resolves them, and that HTML read back to text.
func mdText(v []byte) string {
	if !bytes.ContainsAny(v, "\\&\x00") {
		return string(v)
	}
	var b strings.Builder
	w := bufio.NewWriter(&b)
	mdhtml.DefaultWriter.Write(w, v)
	_ = w.Flush() // a strings.Builder does not fail
	return html.UnescapeString(b.String())
}

// codeText is the words of a code span as they are written: in code,
// a backslash or an ampersand is itself, except that in a table's cell
// "\|" is a pipe, as GitHub reads it (the backslash kept the pipe from
// ending the cell).
func codeText(n *ast.CodeSpan, src []byte) string {
	var b strings.Builder
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if t, ok := c.(*ast.Text); ok {
			b.Write(t.Segment.Value(src))
			if t.SoftLineBreak() || t.HardLineBreak() {
				b.WriteByte(' ')
			}
		}
	}
	for p := n.Parent(); p != nil; p = p.Parent() {
		if _, cell := p.(*east.TableCell); cell {
			return strings.ReplaceAll(b.String(), `\|`, "|")
		}
	}
	return b.String()
}

// appendRun joins text of the same style into one run.
func appendRun(out []Run, r Run) []Run {
	if n := len(out); n > 0 {
		last := &out[n-1]
		if last.Bold == r.Bold && last.Italic == r.Italic && last.Link == r.Link && last.Lang == r.Lang {
			last.Text += r.Text
			return out
		}
	}
	return append(out, r)
}

func plainText(n ast.Node, src []byte) string { return Text(runs(n, src)) }

// table is a Markdown table of the editorial file. Its cells are words
// (emphasis and links in a cell are kept as words). A figure in a column
// aligned right or centred (---: or :-:) is set as nest sets its own
// figures. The columns are as wide as what is in them allows: each in
// proportion to its longest cell, from 4 to 40 characters, so that a
// column of figures is narrow and one of notes wide.
func table(n *east.Table, src []byte) Table {
	var t Table
	for r := n.FirstChild(); r != nil; r = r.NextSibling() {
		var row []Cell
		for i, c := 0, r.FirstChild(); c != nil; i, c = i+1, c.NextSibling() {
			cell := Cell{Text: plainText(c, src)}
			if i < len(n.Alignments) && n.Alignments[i] != east.AlignLeft && n.Alignments[i] != east.AlignNone {
				cell.Numeric = figure(cell.Text)
			}
			row = append(row, cell)
		}
		if _, head := r.(*east.TableHeader); head {
			for _, c := range row {
				t.Head = append(t.Head, c.Text)
			}
			continue
		}
		t.Rows = append(t.Rows, row)
	}
	t.RowHeads = true
	t.Widths = make([]float64, len(t.Head))
	for i, h := range t.Head {
		t.Widths[i] = float64(utf8.RuneCountInString(h))
		for _, row := range t.Rows {
			if i < len(row) {
				t.Widths[i] = max(t.Widths[i], float64(utf8.RuneCountInString(row[i].Text)))
			}
		}
		t.Widths[i] = min(max(t.Widths[i], 4), 40)
	}
	return t
}

// figure says whether a cell is a figure: a number, with a sign, a
// currency or a per cent.
func figure(s string) bool {
	s = strings.TrimSpace(s)
	s = strings.TrimLeft(s, "+-−£€$")
	s = strings.TrimRight(s, "%")
	s = strings.ReplaceAll(s, ",", "")
	return s != "" && strings.Trim(s, "0123456789.") == "" && strings.Count(s, ".") <= 1
}

// anchor makes an id from a heading: lowercase words joined by hyphens.
func anchor(heading string) string {
	if a := assessment.TagOf(heading); a != "" {
		return a
	}
	return "section"
}
