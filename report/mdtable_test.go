package report

import (
	"fmt"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// shape describes what a Markdown parser made of src: each top-level
// block, a table as its head, rows and alignments, a paragraph as its
// words.
func shape(md goldmark.Markdown, src string) string {
	doc := md.Parser().Parse(text.NewReader([]byte(src)))
	var b strings.Builder
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *east.Table:
			t := table(n, []byte(src))
			fmt.Fprintf(&b, "table %q %v %v\n", t.Head, t.Rows, n.Alignments)
		case *ast.Paragraph:
			fmt.Fprintf(&b, "para %q\n", plainText(n, []byte(src)))
		default:
			fmt.Fprintf(&b, "%s\n", n.Kind())
		}
	}
	return b.String()
}

// pipeTables reads tables as goldmark's table extension does.
func TestPipeTablesAsGoldmarkExtension(t *testing.T) {
	ours := goldmark.New(goldmark.WithParserOptions(parser.WithParagraphTransformers(util.Prioritized(pipeTables{}, 200))))
	theirs := goldmark.New(goldmark.WithExtensions(extension.Table))
	for _, src := range []string{
		"| Region | Rating |\n| --- | --- |\n| Gwent | 2 |\n| Powys | 3 |\n",
		"Region | Rating\n--- | ---\nGwent | 2\n",
		"| a | b |\n|:--|--:|\n| 1 | 2 |\n",
		"| a | b | c |\n| :-: | --- | :-- |\n| 1 |\n| 1 | 2 | 3 | 4 |\n",
		"Some words first.\n| a | b |\n| --- | --- |\n| 1 | 2 |\n",
		"| a | b |\n| --- |\n| 1 | 2 |\n", // head and delimiter differ: no table
		"a paragraph\n---\n",              // a heading, not a table
		"| a |\n| - |\n",                  // a head alone
		"| *em* and `code` | [link](https://gov.wales) |\n| --- | --- |\n| **x** | y |\n",
		"| a \\| b | c |\n| --- | --- |\n| 1 \\| 2 | 3 |\n", // escaped pipes
		"| a | b |\n| --- | --- |\n| | |\n|  1 |  |\n",
		"| a | b |\n|---|---|\n\nafter\n",
		"| a | b |\n    | --- | --- |\n| 1 | 2 |\n", // the delimiter indented four spaces
		"| a | b |\n| -- : | --- |\n",               // a space inside a delimiter cell
		"plain text, no pipes\nsecond line\n",
		"| Tŷ | Ŵyr |\n| --- | --- |\n| ŵ | ŷ |\n",
		"| `a\\|b` | c |\n| --- | --- |\n| `x\\|y` | z \\| w |\n", // escaped pipes in code, as GitHub reads them
	} {
		if got, want := shape(ours, src), shape(theirs, src); got != want {
			t.Errorf("%q:\nours:\n%s\ngoldmark's extension:\n%s", src, got, want)
		}
	}
}
