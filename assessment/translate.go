package assessment

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Entry is one text of the catalogue as a translator sees it: the English
// beside the Welsh, and whether the Welsh has been reviewed.
type Entry struct {
	Key      string
	Form     string // the plural form of a counted text; "" for the rest
	English  string
	Welsh    string
	Reviewed bool
}

// Entries lists every text of the catalogue in the English file's order,
// each form of a counted text on its own, Welsh forms English lacks
// (two, few, many) after English's.
func Entries() []Entry {
	var out []Entry
	for _, k := range English.Keys() {
		en, cy := English.Forms(k), Welsh().Forms(k)
		forms := slices.Sorted(func(yield func(string) bool) {
			for f := range en {
				if !yield(f) {
					return
				}
			}
			for f := range cy {
				if _, ok := en[f]; !ok && !yield(f) {
					return
				}
			}
		})
		slices.SortStableFunc(forms, func(a, b string) int { return formOrder(a) - formOrder(b) })
		for _, f := range forms {
			e := Entry{Key: k, Form: f, English: en[f], Welsh: cy[f], Reviewed: Welsh().reviewed[k]}
			if e.English == "" && f != "" {
				e.English = en["other"]
			}
			out = append(out, e)
		}
	}
	return out
}

func formOrder(f string) int { return strings.Index(" zero one two few many other", " "+f) }

// ApplyWelsh returns the Welsh catalogue file cy with the texts and the
// reviewed marks of entries written into it: a translator's spreadsheet
// read back. Comments and order are kept. A key or form the file does not
// have is an error naming it (add it to the file first; nest does not
// guess where it goes), as is a text whose format verbs differ from the
// English. Its errors are in the language of w (nil for English).
func ApplyWelsh(cy []byte, entries []Entry, w *Words) ([]byte, error) {
	if w == nil {
		w = English
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(cy, &doc); err != nil {
		return nil, fmt.Errorf("cy.yaml: %w", err) // YAML's own words: where the file breaks
	}
	nodes := map[string]*yaml.Node{}
	if err := visit(&doc, func(key, form string, node *yaml.Node) error {
		nodes[key+"\x00"+form] = node
		return nil
	}); err != nil {
		return nil, err
	}
	reviewed := map[string]bool{}
	if r := section(&doc, "reviewed"); r != nil {
		for _, k := range r.Content {
			reviewed[k.Value] = true
		}
	}
	for _, e := range entries {
		if !English.Has(e.Key) {
			return nil, errors.New(w.Say("cli.catalogue.load.key", e.Key))
		}
		node, ok := nodes[e.Key+"\x00"+e.Form]
		if !ok {
			return nil, errors.New(w.Say("cli.catalogue.load.missing", e.Key+formSuffix(e.Form)))
		}
		if strings.TrimSpace(e.Welsh) == "" {
			return nil, errors.New(w.Say("cli.catalogue.load.empty", e.Key+formSuffix(e.Form)))
		}
		if err := sameVerbs(e, w); err != nil {
			return nil, err
		}
		if node.Value != e.Welsh {
			node.Value, node.Style = e.Welsh, 0
		}
		reviewed[e.Key] = e.Reviewed
	}
	keys := English.Keys() // the reviewed list in the catalogue's order
	list := &yaml.Node{Kind: yaml.SequenceNode}
	for _, k := range keys {
		if reviewed[k] {
			list.Content = append(list.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: k})
		}
	}
	root := doc.Content[0]
	if r := section(&doc, "reviewed"); r != nil {
		r.Content = list.Content
	} else {
		root.Content = append(root.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: "reviewed"}, list)
	}
	var b strings.Builder
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return nil, err
	}
	return []byte(b.String()), nil
}

func formSuffix(form string) string {
	if form == "" {
		return ""
	}
	return " (" + form + ")"
}

// sameVerbs checks that a Welsh text fills in what the English does: the
// same format verbs, by the argument each takes.
func sameVerbs(e Entry, w *Words) error {
	en := English.Forms(e.Key)
	want := en[e.Form]
	if want == "" {
		want = en["other"]
	}
	if want == "" {
		want = en[""]
	}
	got, ok := Verbs(e.Welsh), Verbs(want)
	if e.Form == "" || e.Form == "other" {
		if got != ok {
			return errors.New(w.Say("cli.catalogue.load.verbs", e.Key+formSuffix(e.Form), verbList(e.Welsh, w), verbList(want, w)))
		}
		return nil
	}
	// A form for one number may say that number in words ("un ffeil")
	// and leave its %d out; it may leave out nothing else a text fills in
	// (a file's name), nor fill in anything more.
	other := strings.Fields(Verbs(en["other"]))
	for _, v := range strings.Fields(got) {
		if !slices.Contains(other, v) {
			return errors.New(w.Say("cli.catalogue.load.verb", e.Key+formSuffix(e.Form), verbList(e.Welsh, w)))
		}
	}
	for _, v := range other {
		if !strings.HasSuffix(v, "d") && !slices.Contains(strings.Fields(got), v) {
			return errors.New(w.Say("cli.catalogue.load.verbs", e.Key+formSuffix(e.Form), verbList(e.Welsh, w), verbList(en["other"], w)))
		}
	}
	return nil
}

// WelshFile is the Welsh catalogue as built into nest, the base a
// translator's spreadsheet is read back into.
func WelshFile() []byte {
	b, _ := catalogueFiles.ReadFile("catalogue/cy.yaml") // embedded: it is there
	return b
}

// verbList names the format verbs a text fills in, as they are written:
// "%d, %s", or the words for none.
func verbList(text string, w *Words) string {
	var vs []string
	for _, v := range verbPattern.FindAllString(text, -1) {
		if v != "%%" {
			vs = append(vs, v)
		}
	}
	if len(vs) == 0 {
		return w.Say("cli.bilingual.none")
	}
	return strings.Join(vs, ", ")
}
