package report

import (
	"bytes"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/nest-nyth/nest/assessment"
	"github.com/nest-nyth/nest/examples"
	"golang.org/x/net/html"
)

// renderHTML builds the Doc of a report and writes it as HTML.
func renderHTML(t testing.TB, r *Report, o BuildOptions) []byte {
	t.Helper()
	o.Format = HTML
	d, err := Build(r, o)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteHTML(&buf, d); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// compared is the 2024 national report compared with the invented 2023
// round of examples/2023.
func compared(t testing.TB) *Report {
	t.Helper()
	r := Aggregate(inputs(t, "2024/regions"), Options{Level: National, Year: 2024, Date: "2024-11-30"})
	prev := Aggregate(inputs(t, "2023/regions"), Options{Level: National, Year: 2023, Date: "2023-11-30"})
	c, err := Compare(r, prev, nil)
	if err != nil {
		t.Fatal(err)
	}
	r.Compare = c
	return r
}

func htmlCases(t testing.TB) []struct {
	name string
	r    *Report
	o    BuildOptions
} {
	national := Aggregate(inputs(t, "2024/regions"), Options{Level: National, Year: 2024, Date: "2024-11-30"})
	regional := Aggregate(inputs(t, "2024/services/gwent"), Options{Level: Regional, Region: "gwent", Year: 2024, Date: "2024-11-30"})
	return []struct {
		name string
		r    *Report
		o    BuildOptions
	}{
		{"national-2024-public", national, BuildOptions{Editorial: editorial(t)}},
		{"national-2024-internal", national, BuildOptions{Edition: Internal, Editorial: editorial(t)}},
		{"national-2024-compared", compared(t), BuildOptions{Editorial: editorial(t)}},
		{"regional-gwent-2024-public", regional, BuildOptions{}},
	}
}

// The HTML of the examples, held to golden files: go test ./report -update
// rewrites them, and git diff shows what a change did to the page.
func TestGoldenHTML(t *testing.T) {
	for _, c := range htmlCases(t) {
		t.Run(c.name, func(t *testing.T) {
			golden(t, filepath.Join("testdata", c.name+".html"), renderHTML(t, c.r, c.o))
		})
	}
}

// The same report gives the same bytes, and no word is missing from the
// catalogue (Say writes a missing key as [key]).
func TestHTMLIsDeterministic(t *testing.T) {
	missing := regexp.MustCompile(`\[[a-z]+(\.[a-z_.-]+)+\]`)
	for _, c := range htmlCases(t) {
		a, b := renderHTML(t, c.r, c.o), renderHTML(t, c.r, c.o)
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two renderings differ", c.name)
		}
		if m := missing.Find(a); m != nil && c.o.Edition != Internal { // the internal edition shows [ids]
			t.Errorf("%s: a word is missing from the catalogue: %s", c.name, m)
		}
	}
}

// parse parses a page, failing the test if it is not HTML.
func parse(t *testing.T, page []byte) *html.Node {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// walk calls fn for every element under n.
func walk(n *html.Node, fn func(*html.Node)) {
	if n.Type == html.ElementNode {
		fn(n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, fn)
	}
}

func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

// textOf is the text of n and everything in it, a <br> as a newline.
func textOf(n *html.Node) string {
	var b strings.Builder
	var f func(*html.Node)
	f = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
		case n.Type == html.ElementNode && n.Data == "br":
			b.WriteString("\n")
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			f(c)
		}
	}
	f(n)
	return b.String()
}

// The page is built for assistive technology: its language, one h1 and
// headings that never skip a level, unique ids, every reference to an id
// found, a skip link to the main landmark, tables with captions (or a
// label) and header cells with scopes, charts that are images with a
// title and a description and name their data table, and a Welsh quote
// marked as Welsh where the editorial file says so.
func TestHTMLStructure(t *testing.T) {
	src := strings.Replace(string(examples.Update2024), "<!-- nest:quotes gwent.trusted_adults.quote1 ", "<!-- nest:quotes lang=cy gwent.trusted_adults.quote1 ", 1)
	e, err := ReadEditorial("update.md", []byte(src), nil)
	if err != nil {
		t.Fatal(err)
	}
	cases := htmlCases(t)
	cases = append(cases, struct {
		name string
		r    *Report
		o    BuildOptions
	}{"welsh quote", cases[0].r, BuildOptions{Editorial: e}})
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := parse(t, renderHTML(t, c.r, c.o))
			ids := map[string]int{}
			var refs []string
			var h1s, last, skip int
			var landmarks []string
			walk(doc, func(n *html.Node) {
				if id, ok := attr(n, "id"); ok {
					ids[id]++
				}
				for _, k := range []string{"aria-labelledby", "aria-describedby"} {
					if v, ok := attr(n, k); ok {
						refs = append(refs, strings.Fields(v)...)
					}
				}
				if href, ok := attr(n, "href"); ok && strings.HasPrefix(href, "#") {
					refs = append(refs, href[1:])
				}
				switch n.Data {
				case "html":
					if lang, _ := attr(n, "lang"); lang != "en-GB" {
						t.Errorf("html lang=%q", lang)
					}
				case "h1", "h2", "h3", "h4", "h5", "h6":
					level := int(n.Data[1] - '0')
					if level == 1 {
						h1s++
					}
					if level > last+1 {
						t.Errorf("<%s>%s</%s> follows an h%d", n.Data, textOf(n), n.Data, last)
					}
					last = level
				case "header", "main", "nav", "footer":
					landmarks = append(landmarks, n.Data)
				case "table":
					var caption, scoped bool
					walk(n, func(x *html.Node) {
						caption = caption || x.Data == "caption" && strings.TrimSpace(textOf(x)) != ""
						if x.Data == "th" {
							scope, _ := attr(x, "scope")
							scoped = scope == "col" || scope == "row"
							if !scoped {
								t.Errorf("a header cell without a scope: %q", textOf(x))
							}
						}
					})
					if _, labelled := attr(n, "aria-labelledby"); !caption && !labelled {
						t.Errorf("a table with neither caption nor label: %q", textOf(n)[:min(60, len(textOf(n)))])
					}
				case "svg":
					role, _ := attr(n, "role")
					var title, desc bool
					walk(n, func(x *html.Node) {
						title = title || x.Data == "title" && textOf(x) != ""
						desc = desc || x.Data == "desc" && textOf(x) != ""
					})
					if role != "img" || !title || !desc {
						t.Errorf("a chart that is not an image with a title and a description: role=%q title=%v desc=%v", role, title, desc)
					}
					texts := 0
					walk(n, func(x *html.Node) {
						if x.Data == "text" {
							texts++
						}
					})
					if texts < 10 {
						t.Errorf("the chart's labels are not text: %d <text> elements", texts)
					}
				case "figure":
					var data bool
					walk(n, func(x *html.Node) {
						href, _ := attr(x, "href")
						data = data || x.Data == "a" && href == "#summary-table"
					})
					if !data {
						t.Error("the chart does not name its data table")
					}
				case "a":
					if class, _ := attr(n, "class"); class == "skip-link" {
						skip++
						if href, _ := attr(n, "href"); href != "#main" || n.Parent.Data != "body" || n.Parent.FirstChild.NextSibling != n && n.Parent.FirstChild != n {
							t.Errorf("the skip link goes to %q, or is not the first thing in the body", href)
						}
					}
				case "blockquote":
					if c.name == "welsh quote" && strings.Contains(textOf(n), "understand a child in the same way") {
						if lang, _ := attr(n, "lang"); lang != "cy" {
							t.Errorf("the quote marked lang=cy has lang=%q", lang)
						}
					}
				}
			})
			if skip != 1 {
				t.Errorf("%d skip links", skip)
			}
			if h1s != 1 {
				t.Errorf("%d h1 headings", h1s)
			}
			if !slices.Equal(landmarks, []string{"header", "main", "nav", "footer"}) {
				t.Errorf("landmarks %v", landmarks)
			}
			for id, n := range ids {
				if n > 1 {
					t.Errorf("the id %q is used %d times", id, n)
				}
			}
			for _, ref := range refs {
				if ids[ref] == 0 {
					t.Errorf("a reference to the id %q, which no element has", ref)
				}
			}
			if ids["main"] != 1 {
				t.Error("no main landmark to skip to")
			}
		})
	}
}

// hostile are strings an attacker might write in any field of a file, to
// break out of the text into markup, an attribute, a comment, a style or a
// script, or into the template itself.
var hostile = []string{
	`<script>alert(1)</script>`,
	`"><img src=x onerror=alert(1)>`,
	`'><svg onload=alert(2)>`,
	`</textarea></style></title><script>alert(3)</script>`,
	`<!-- a comment --> and --> after`,
	`javascript:alert(4)`,
	`&amp; &lt;b&gt; &#60;script&#62; are not entities here`,
	`{{.Title}} {{template "page"}} ]]> <![CDATA[ x ]]>`,
	`<a href="javascript:alert(5)">click</a> <iframe src="https://example.org"></iframe>`,
	"A line\u2028and a paragraph\u2029separator, a right-to-left \u202e mark",
	`=HYPERLINK("https://example.org","click") +1 -1 @SUM(A1)`,
	`<style>body{display:none}</style><link rel=stylesheet href=x>`,
}

// hostileReport is a report of the example regions with every free text
// of every file (the format's own table walks them: organisation, how,
// every principle's texts, actions and their owners, quotes, theme
// labels) replaced by a hostile string.
func hostileReport(t testing.TB, level string) (*Report, map[string]bool) {
	t.Helper()
	var in []Input
	if level == Regional {
		in = inputs(t, "2024/services/gwent")
	} else {
		in = inputs(t, "2024/regions")
	}
	used := map[string]bool{}
	k := 0
	for i := range in {
		a := *in[i].Assessment
		a.Principles = map[string]*assessment.Response{}
		for key, r := range in[i].Assessment.Principles {
			c := *r
			c.Actions = slices.Clone(r.Actions)
			c.Feedback = slices.Clone(r.Feedback)
			c.Themes = append(slices.Clone(r.Themes), "own-theme")
			a.Principles[key] = &c
		}
		a.ThemeLabels = map[string]string{"own-theme": ""}
		// Every principle gets an action with an owner, so that no field
		// of the table is left out.
		for _, r := range a.Principles {
			r.Actions = append(r.Actions, assessment.Action{Action: "x", Owner: "y", Due: "2025-03"})
		}
		assessment.FreeTexts(&a, func(path []string, f *assessment.Field, s *string) {
			h := hostile[k%len(hostile)]
			if f == assessment.FieldOrganisation {
				h += fmt.Sprintf(" %d", i) // organisations stay apart
			}
			*s = h
			used[h] = true
			k++
		})
		in[i].Assessment = &a
	}
	o := Options{Level: level, Year: 2024, Date: "2024-11-30", Title: hostile[0] + " " + hostile[1]}
	if level == Regional {
		o.Region = "gwent"
	}
	return Aggregate(in, o), used
}

// action is an action's entry: the action (its owner, by when).
var action = regexp.MustCompile(`^(?s)(.+) \((.+), by [A-Z][a-z]+ [0-9]{4}\)$`)

// Hostile strings in every field a person writes show as the text they
// are: the page's text holds each of them whole, a quote's text is the
// quote exactly, and no element or attribute beyond the page's own was
// made: no script, no handler, no link anywhere but http(s), mailto and #.
func TestHTMLEscapesHostileStrings(t *testing.T) {
	// The elements and attributes a page has: those of the examples.
	own := map[string]bool{}
	for _, c := range htmlCases(t) {
		walk(parse(t, renderHTML(t, c.r, c.o)), func(n *html.Node) {
			own[n.Data] = true
			for _, a := range n.Attr {
				own[n.Data+" "+a.Key] = true
			}
		})
	}
	md := "---\ntitle: '" + strings.ReplaceAll(hostile[0]+hostile[1], "'", "''") + "'\ncontact: '\"><img src=x onerror=alert(1)>@example.org'\npublisher: '</title><script>alert(1)</script>'\n---\n" +
		"# Introduction <script>alert(1)</script>\n\n" +
		"A [javascript link](javascript:alert(1)), a [data link](data:text/html;base64,PHNjcmlwdD4=), a [vbscript one](VBScript:msgbox), " +
		"an autolink <javascript:alert(2)>, a [fine one](https://gov.wales), [mail](mailto:nest@gov.wales), [a place](#introduction) " +
		"and raw <img src=x onerror=alert(3)> HTML.\n\n<script>alert(4)</script>\n\n" +
		"> A quote with <b onclick=alert(5)>markup</b>.\n\n"
	for _, p := range assessment.Principles {
		md += "## " + p.Name.EN + "\n\n<!-- nest:principle " + p.Key + " -->\n\n"
	}
	ed, err := ReadEditorial("hostile.md", []byte(md), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, level := range []string{National, Regional} {
		r, used := hostileReport(t, level)
		for _, o := range []BuildOptions{{Edition: Internal}, {Edition: Public, MaxQuotes: 1000}, {Edition: Internal, Editorial: ed}} {
			name := fmt.Sprintf("%s, %s, editorial %v", level, o.Edition, o.Editorial != nil)
			t.Run(name, func(t *testing.T) {
				doc := parse(t, renderHTML(t, r, o))
				text := textOf(doc)
				for h := range used {
					if o.Editorial == nil && !strings.Contains(text, h) {
						t.Errorf("the page's text lacks %q", h)
					}
				}
				quotes := 0
				walk(doc, func(n *html.Node) {
					if !own[n.Data] {
						t.Errorf("an element the page does not make: <%s> in %q", n.Data, textOf(n.Parent))
					}
					for _, a := range n.Attr {
						if !own[n.Data+" "+a.Key] {
							t.Errorf("an attribute the page does not make: <%s %s=%q>", n.Data, a.Key, a.Val)
						}
						if strings.HasPrefix(a.Key, "on") {
							t.Errorf("an event handler: <%s %s=%q>", n.Data, a.Key, a.Val)
						}
					}
					if n.Data == "a" {
						href, _ := attr(n, "href")
						if SafeLink(href) != href || href == "" {
							t.Errorf("a link to %q", href)
						}
					}
					if n.Data == "blockquote" && o.Editorial == nil {
						got := strings.TrimSpace(textOf(n))
						if m := action.FindStringSubmatch(got); m != nil && used[m[1]] && used[m[2]] {
							got = m[1] // an action, with its owner and when it is due
						}
						if !used[got] {
							t.Errorf("a quote's text is not what the file says: %q", got)
						}
						quotes++
					}
					if n.Data == "script" || n.Data == "img" || n.Data == "iframe" || n.Data == "link" {
						t.Errorf("a <%s> element", n.Data)
					}
				})
				if o.Editorial == nil && quotes == 0 {
					t.Error("no quote was shown")
				}
				if o.Editorial != nil {
					for _, want := range []string{"javascript link", "data link", "vbscript one", "javascript:alert(2)", "fine one", "A quote with markup."} {
						if !strings.Contains(text, want) {
							t.Errorf("the words %q of the editorial file are lost", want)
						}
					}
					var hrefs []string
					walk(doc, func(n *html.Node) {
						if href, ok := attr(n, "href"); ok && n.Data == "a" && !strings.HasPrefix(href, "#") || ok && href == "#introduction" {
							hrefs = append(hrefs, href)
						}
					})
					for _, want := range []string{"https://gov.wales", "mailto:nest@gov.wales", "#introduction"} {
						if !slices.Contains(hrefs, want) {
							t.Errorf("the link to %s is lost: %v", want, hrefs)
						}
					}
				}
			})
		}
	}
}

func TestSafeLink(t *testing.T) {
	for link, want := range map[string]string{
		"https://gov.wales":               "https://gov.wales",
		" HTTP://gov.wales/x ":            "HTTP://gov.wales/x",
		"mailto:nest@gov.wales":           "mailto:nest@gov.wales",
		"#introduction":                   "#introduction",
		"javascript:alert(1)":             "",
		" JavaScript:alert(1)":            "",
		"data:text/html,<script>":         "",
		"vbscript:msgbox":                 "",
		"file:///etc/passwd":              "",
		"//evil.example":                  "",
		"gov.wales":                       "",
		"https://":                        "",
		"#":                               "",
		"https://gov.wales/\njavascript:": "",
	} {
		if got := SafeLink(link); got != want {
			t.Errorf("SafeLink(%q) = %q, want %q", link, got, want)
		}
	}
}

// BenchmarkHTML10000 is a regional report of 10,000 services, from decoded
// files to the HTML page: aggregate, build and render (the public
// edition; BenchmarkHTML10000Internal has every entry of every service).
func BenchmarkHTML10000(b *testing.B) { benchmarkHTML(b, Public) }

func BenchmarkHTML10000Internal(b *testing.B) { benchmarkHTML(b, Internal) }

func benchmarkHTML(b *testing.B, edition string) {
	in := services(b, 10000)
	o := Options{Level: Regional, Region: "gwent", Year: 2024, Date: "2024-11-30"}
	b.ReportAllocs()
	for b.Loop() {
		r := Aggregate(in, o)
		d, err := Build(r, BuildOptions{Edition: edition, Format: HTML})
		if err != nil {
			b.Fatal(err)
		}
		var buf bytes.Buffer
		if err := WriteHTML(&buf, d); err != nil {
			b.Fatal(err)
		}
		b.SetBytes(int64(buf.Len()))
	}
}
