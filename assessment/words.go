package assessment

import (
	"fmt"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Words are the sentences of nest's output in one language: the report's
// headings, labels and fixed sentences, from the catalogue's report:
// section. An entry is one text, or, for a sentence that counts something,
// one text for each plural form of the language ("one", "other" in
// English), chosen by the number.
type Words struct {
	Lang    string // BCP 47 tag: en-GB
	entries map[string]map[string]string
	plural  func(n int) string
}

// English are the report's words in English.
var English *Words

// Say is the text of key with args filled in as fmt does. A key the
// catalogue lacks is a bug: it is said as "[key]" so that tests see it.
func (w *Words) Say(key string, args ...any) string {
	forms, ok := w.entries[key]
	if !ok {
		return "[" + key + "]"
	}
	t, ok := forms[""]
	if !ok {
		t = forms["other"]
	}
	return format(t, args)
}

// Count is the text of key in the plural form for n, with args filled in:
// n only chooses the form, so a text that shows the number is given it
// among args ("%d regions": Count("count.regions", n, n)).
func (w *Words) Count(key string, n int, args ...any) string {
	forms, ok := w.entries[key]
	if !ok {
		return "[" + key + "]"
	}
	t, ok := forms[w.plural(n)]
	if !ok {
		t, ok = forms["other"]
	}
	if !ok {
		t = forms[""]
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

// Has reports whether the catalogue has key.
func (w *Words) Has(key string) bool {
	_, ok := w.entries[key]
	return ok
}

// Keys lists the keys of the words, sorted.
func (w *Words) Keys() []string {
	keys := make([]string, 0, len(w.entries))
	for k := range w.entries {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Forms are the texts of key, by plural form ("" for a single text).
func (w *Words) Forms(key string) map[string]string { return w.entries[key] }

// englishPlural is English's rule: one for 1, other for the rest.
func englishPlural(n int) string {
	if n == 1 {
		return "one"
	}
	return "other"
}

// readWords reads a catalogue's report: section: each key's value is a
// text, or a mapping of plural forms to texts.
func readWords(node *yaml.Node, lang string, plural func(int) string) (*Words, error) {
	w := &Words{Lang: lang, entries: map[string]map[string]string{}, plural: plural}
	if node == nil || node.Kind == 0 {
		return w, nil
	}
	if node.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("report: should be a group of keys")
	}
	for i := 0; i+1 < len(node.Content); i += 2 {
		k, v := node.Content[i].Value, node.Content[i+1]
		switch v.Kind {
		case yaml.ScalarNode:
			w.entries[k] = map[string]string{"": v.Value}
		case yaml.MappingNode:
			forms := map[string]string{}
			for j := 0; j+1 < len(v.Content); j += 2 {
				form := v.Content[j].Value
				if !strings.Contains(" zero one two few many other ", " "+form+" ") {
					return nil, fmt.Errorf("report.%s: %q is not a plural form (zero, one, two, few, many, other)", k, form)
				}
				forms[form] = v.Content[j+1].Value
			}
			if forms["other"] == "" {
				return nil, fmt.Errorf("report.%s: a counted text needs its other form", k)
			}
			w.entries[k] = forms
		default:
			return nil, fmt.Errorf("report.%s: should be a text, or texts by plural form", k)
		}
	}
	return w, nil
}
