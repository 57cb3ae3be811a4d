package assessment

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/nest-nyth/nest/internal/cymraeg"
	"go.yaml.in/yaml/v3"
)

// Words are every fixed text of nest in one language, from one file of
// the catalogue: the report's headings, labels and sentences (the
// report: section, by their own keys) and everything else by its place in
// the file ("principles.trusted_adults.name", "prompts.about.title",
// "fields.voices.how.help"). An entry is one text, or, for a sentence
// that counts something, one text for each plural form of the language
// ("one", "other" in English; "zero" to "many" and "other" in Welsh),
// chosen by the number.
type Words struct {
	Lang string // BCP 47 tag: en-GB, cy
	// texts holds each text that counts nothing, counted the forms of
	// each that does: a map for every entry was a third of the time
	// reading the catalogue took at every start.
	texts   map[string]string
	counted map[string]map[string]string
	plural  func(n int) string
	// reviewed holds the keys a translator or a Welsh Government source
	// has confirmed (the Welsh catalogue's reviewed: list).
	reviewed map[string]bool
	order    []string // the keys in the file's order
	// fallback gives what this language lacks (English, for Welsh): the
	// tests require none, but a partial translation still runs.
	fallback *Words
}

// English and Welsh are nest's words in each language.
// English is read when the program starts: every command speaks it, or
// falls back to it. The Welsh is read the first time it is asked for, so
// that a run in English does not pay for it.
var (
	English   *Words
	welsh     *Words
	welshOnce sync.Once
)

// Welsh are nest's words in Welsh.
func Welsh() *Words {
	welshOnce.Do(func() {
		doc, err := readCatalogue("cy.yaml")
		if err == nil {
			welsh, err = readWords(doc, "cy", cymraeg.Plural)
		}
		if err != nil {
			panic("nest: the built-in catalogue is broken: cy.yaml: " + err.Error())
		}
		welsh.fallback = English
	})
	return welsh
}

// For returns the words of a language: Welsh for "cy" (or a tag that
// starts with it), English for anything else.
func For(lang string) *Words {
	if lang == "cy" || strings.HasPrefix(lang, "cy-") || strings.HasPrefix(lang, "cy_") {
		return Welsh()
	}
	return English
}

// Say is the text of key with args filled in as fmt does. A key the
// catalogue lacks is a bug: it is said as "[key]" so that tests see it.
func (w *Words) Say(key string, args ...any) string {
	t, ok := w.texts[key]
	if !ok {
		var forms map[string]string
		if forms, ok = w.counted[key]; ok {
			t = forms["other"]
		}
	}
	if !ok && w.fallback != nil {
		return w.fallback.Say(key, args...)
	}
	if !ok {
		return "[" + key + "]"
	}
	return format(t, args)
}

// Count is the text of key in the plural form for n, with args filled in:
// n only chooses the form, so a text that shows the number is given it
// among args ("%d regions": Count("count.regions", n, n)).
func (w *Words) Count(key string, n int, args ...any) string {
	if t, ok := w.texts[key]; ok {
		return format(t, args)
	}
	forms, ok := w.counted[key]
	if !ok && w.fallback != nil {
		return w.fallback.Count(key, n, args...)
	}
	if !ok {
		return "[" + key + "]"
	}
	t, ok := forms[w.plural(n)]
	if !ok {
		t = forms["other"]
	}
	return format(t, args)
}

// format fills in a text's verbs. A form may say less than another ("One
// more entry" beside "%d more entries"): the arguments it does not show
// are left out, unless it names them by place (%[2]s), as a translation
// that changes their order does.
func format(t string, args []any) string {
	if len(args) == 0 {
		return t
	}
	if !strings.Contains(t, "%[") {
		verbs := strings.Count(t, "%") - 2*strings.Count(t, "%%")
		args = args[:min(verbs, len(args))]
	}
	return fmt.Sprintf(t, args...)
}

// Label is the words for a value of one of the file format's closed or
// suggested lists, in this language: Label("sectors", "health"),
// Label("principles", "trusted_adults"), Label("levels", "2"). A value
// the catalogue does not have is shown as it is.
func (w *Words) Label(list, key string) string {
	for _, k := range []string{list + "." + key + ".label", list + "." + key + ".name"} {
		if w.Has(k) || (w.fallback != nil && w.fallback.Has(k)) {
			return w.Say(k)
		}
	}
	return key
}

// Has reports whether the catalogue has key.
func (w *Words) Has(key string) bool {
	_, ok := w.texts[key]
	if !ok {
		_, ok = w.counted[key]
	}
	return ok
}

// Keys lists the keys of the words in the order of the catalogue's file.
func (w *Words) Keys() []string { return slices.Clone(w.order) }

// Forms are the texts of key, by plural form ("" for a single text).
func (w *Words) Forms(key string) map[string]string {
	if t, ok := w.texts[key]; ok {
		return map[string]string{"": t}
	}
	return maps.Clone(w.counted[key])
}

// Reviewed says whether a translator, or a source Welsh Government
// published, has confirmed the text of key. English is the source and
// always reviewed.
func (w *Words) Reviewed(key string) bool { return w.reviewed == nil || w.reviewed[key] }

// englishPlural is English's rule: one for 1, other for the rest.
func englishPlural(n int) string {
	if n == 1 {
		return "one"
	}
	return "other"
}

// readWords reads one file of the catalogue into Words. The report:
// section's keys are kept as they are; every other text is keyed by its
// path in the file, list items by their key: (or rating:), so that the
// two languages' files, which have the same shape, have the same keys.
func readWords(doc *yaml.Node, lang string, plural func(int) string) (*Words, error) {
	w := &Words{Lang: lang, texts: make(map[string]string, 1024), counted: map[string]map[string]string{}, plural: plural}
	err := visit(doc, func(key, form string, node *yaml.Node) error {
		if w.Has(key) && (form == "" || w.counted[key] == nil) {
			return fmt.Errorf("%s: given twice", key)
		}
		if form == "" {
			w.texts[key] = node.Value
			w.order = append(w.order, key)
			return nil
		}
		forms, seen := w.counted[key]
		if !seen {
			forms = map[string]string{}
			w.counted[key] = forms
			w.order = append(w.order, key)
		}
		if _, dup := forms[form]; dup {
			return fmt.Errorf("%s: given twice", key)
		}
		forms[form] = node.Value
		return nil
	})
	if err != nil {
		return nil, err
	}
	if r := section(doc, "reviewed"); r != nil {
		w.reviewed = map[string]bool{}
		for _, k := range r.Content {
			if !w.Has(k.Value) {
				return nil, fmt.Errorf("reviewed: %q is not a key of the catalogue", k.Value)
			}
			w.reviewed[k.Value] = true
		}
	}
	return w, nil
}

// section is the value of a top-level section of a catalogue file.
func section(doc *yaml.Node, name string) *yaml.Node {
	if doc.Kind == yaml.DocumentNode && len(doc.Content) == 1 {
		doc = doc.Content[0]
	}
	for i := 0; i+1 < len(doc.Content); i += 2 {
		if doc.Content[i].Value == name {
			return doc.Content[i+1]
		}
	}
	return nil
}

// visit calls fn on every text of a catalogue file, with its key and its
// plural form ("" for a text that counts nothing).
func visit(doc *yaml.Node, fn func(key, form string, node *yaml.Node) error) error {
	if doc.Kind == yaml.DocumentNode && len(doc.Content) == 1 {
		doc = doc.Content[0]
	}
	if doc.Kind != yaml.MappingNode {
		return fmt.Errorf("should be a group of sections")
	}
	var walk func(node *yaml.Node, path string) error
	walk = func(node *yaml.Node, path string) error {
		switch node.Kind {
		case yaml.ScalarNode:
			if node.Tag == "!!null" { // a section with nothing in it yet
				return nil
			}
			return fn(path, "", node)
		case yaml.MappingNode:
			if isPlural(node) { // a counted text
				for j := 0; j+1 < len(node.Content); j += 2 {
					if err := fn(path, node.Content[j].Value, node.Content[j+1]); err != nil {
						return err
					}
				}
				return nil
			}
			for i := 0; i+1 < len(node.Content); i += 2 {
				k := node.Content[i].Value
				if k == "key" || k == "rating" { // what names an item, not words
					continue
				}
				sub := path + "." + k
				if path == "" {
					sub = k
				}
				if err := walk(node.Content[i+1], sub); err != nil {
					return err
				}
			}
		case yaml.SequenceNode:
			for i, item := range node.Content {
				id := strconv.Itoa(i)
				if item.Kind == yaml.MappingNode {
					for j := 0; j+1 < len(item.Content); j += 2 {
						if k := item.Content[j].Value; k == "key" || k == "rating" {
							id = item.Content[j+1].Value
						}
					}
				}
				if err := walk(item, path+"."+id); err != nil {
					return err
				}
			}
		}
		return nil
	}
	for i := 0; i+1 < len(doc.Content); i += 2 {
		name, v := doc.Content[i].Value, doc.Content[i+1]
		switch name {
		case "reviewed":
		case "report": // the report's words keep their own keys
			if v.Kind != yaml.MappingNode {
				return fmt.Errorf("report: should be a group of keys")
			}
			for j := 0; j+1 < len(v.Content); j += 2 {
				k, t := v.Content[j].Value, v.Content[j+1]
				if t.Kind == yaml.MappingNode && !isPlural(t) {
					return fmt.Errorf("report.%s: should be a text, or texts by plural form (zero, one, two, few, many, other; other is needed)", k)
				}
				if err := walk(t, k); err != nil {
					return err
				}
			}
		default:
			if err := walk(v, name); err != nil {
				return err
			}
		}
	}
	return nil
}

// isPlural says whether a mapping is a counted text: plural forms to
// texts, the other form among them.
func isPlural(node *yaml.Node) bool {
	other := false
	for j := 0; j+1 < len(node.Content); j += 2 {
		form, v := node.Content[j].Value, node.Content[j+1]
		if !strings.Contains(" zero one two few many other ", " "+form+" ") || v.Kind != yaml.ScalarNode {
			return false
		}
		other = other || form == "other"
	}
	return other
}

// Verbs lists a text's format verbs by the argument each takes, so that
// "%[2]s ... %[1]d" matches "%d ... %s".
func Verbs(s string) string {
	var out []string
	next := 1
	for _, m := range verbPattern.FindAllStringSubmatch(s, -1) {
		if m[0] == "%%" {
			continue
		}
		n := next
		if m[1] != "" {
			n = int(m[1][0] - '0')
		}
		out = append(out, string(rune('0'+n))+m[2])
		next = n + 1
	}
	slices.Sort(out)
	return strings.Join(out, " ")
}

// verbPattern finds fmt's verbs: a literal per cent sign in a text that
// is never given values ("400% zoom") is not one.
var verbPattern = regexp.MustCompile(`%%|%(?:\[(\d)\])?[-+#0]*\d*(?:\.\d+)?([vTtbcdoOqxXUeEfFgGsp])`)
