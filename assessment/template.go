package assessment

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/nest-nyth/nest/internal/text"
)

// TemplateOptions fill in what is known before a person starts editing.
type TemplateOptions struct {
	Region string // a region key, or "" to leave it for the person
	Scope  string // ScopeRegion or ScopeService
	Year   int
	// Words are the language of the comments (nil: English); the keys
	// and the values they take are the format's in every language.
	Words *Words
}

// Template returns a commented file for people who prefer to write their
// assessment in an editor. Every key is present, empty where a person has
// to answer, and explained from the catalogue. For a region's own
// submission, with the region given, it is a valid draft whose missing
// answers show as warnings; a service's template still needs its name and
// sector.
func Template(o TemplateOptions) []byte {
	scope := o.Scope
	if scope == "" {
		scope = ScopeRegion
	}
	a := &Assessment{Nest: FormatVersion, Region: o.Region, Scope: scope, Year: o.Year, Status: StatusDraft}
	if r, ok := RegionByKey(o.Region); ok && scope == ScopeRegion {
		a.Organisation = r.Name.EN + " Regional Partnership Board"
	}
	if scope == ScopeService {
		a.Service = &Service{}
	}
	w := o.Words
	if w == nil {
		w = English
	}
	t := &template{w: w}
	t.comment("", w.Say("cli.init.template.intro"))
	t.comment("", w.Say("cli.init.template.published"))
	t.comment("", w.Say("cli.init.template.lines"))
	t.fields("", Format, a)
	return []byte("# yaml-language-server: $schema=" + SchemaURL + "\n" + t.b.String())
}

type template struct {
	b strings.Builder
	w *Words
}

func (t *template) comment(indent, s string) {
	for _, line := range text.Wrap(s, float64(78-len(indent)), text.Runes) {
		t.b.WriteString(indent + "# " + line + "\n")
	}
}

func choiceList(cs []Choice) string { return strings.Join(Keys(cs), ", ") }

// fields writes each field of fs with its help, and the value owner has
// for it, or nothing after the colon where a person has to answer.
func (t *template) fields(indent string, fs []*Field, owner any) {
	for _, f := range fs {
		if f.Kind == KindVersion {
			fmt.Fprintf(&t.b, "%s%s: %d\n", indent, f.Key, *f.Number(owner))
			continue // its help is for editors; a person never changes it
		}
		if f.Kind == KindGroup && f.Group(owner, false) == nil {
			continue // a group this kind of file does not have
		}
		t.comment(indent, f.TitleIn(t.w)+": "+f.HelpIn(t.w))
		switch f.Kind {
		case KindChoice:
			if f != FieldScope && f != FieldStatus {
				t.comment(indent, t.w.Say("cli.init.template.one_of", choiceList(f.Choices())))
			}
			t.b.WriteString(indent + f.Key + ":" + value(*f.Text(owner)) + "\n")
		case KindText, KindDate, KindMonth:
			t.b.WriteString(indent + f.Key + ":" + value(*f.Text(owner)) + "\n")
		case KindYear, KindRating:
			v := ""
			if n := *f.Number(owner); n != 0 {
				v = strconv.Itoa(n)
			}
			t.b.WriteString(indent + f.Key + ":" + value(v) + "\n")
		case KindBool:
			fmt.Fprintf(&t.b, "%s%s: %t\n", indent, f.Key, *f.Flag(owner))
		case KindTags:
			t.b.WriteString(indent + f.Key + ": []\n")
		case KindLabels:
			t.b.WriteString(indent + f.Key + ":\n")
			t.b.WriteString(indent + "  # " + t.example(f) + "\n")
		case KindGroup:
			t.b.WriteString(indent + f.Key + ":\n")
			t.fields(indent+"  ", f.Fields, f.Group(owner, false))
		case KindList:
			for _, item := range f.Fields {
				if item.Kind == KindChoice {
					t.comment(indent, t.w.Say("cli.init.template.item_one_of", item.Key, choiceList(item.Choices())))
				}
			}
			t.b.WriteString(indent + f.Key + ":\n")
			// An example item, commented out, written as it must stand
			// once uncommented: the keys line up under the first.
			for i, item := range f.Fields {
				lead := "  "
				if i == 0 {
					lead = "- "
				}
				t.b.WriteString(indent + "  # " + lead + item.Key + ": " + t.example(item) + "\n")
			}
		case KindPrinciples:
			t.b.WriteString(indent + f.Key + ":\n")
			for i, p := range Principles {
				if i > 0 {
					t.b.WriteString("\n")
				}
				t.comment(indent+"  ", t.w.Say("cli.init.template.principle", i+1, len(Principles),
					t.w.Label("principles", p.Key), t.w.Say("principles."+p.Key+".summary")))
				t.b.WriteString(indent + "  " + p.Key + ":\n")
				t.fields(indent+"    ", f.Fields, &Response{})
			}
		}
	}
}

// example is the catalogue's example value of f, in the template's
// language.
func (t *template) example(f *Field) string {
	if k := "fields." + f.HelpKey() + ".example"; English.Has(k) {
		return t.w.Say(k)
	}
	return f.Example()
}

func value(s string) string {
	if s == "" {
		return ""
	}
	return " " + s
}
