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
	t := &template{}
	t.comment("", "NEST self-assessment. Fill in the answers below, then check the file with: nest validate FILE. Keys left empty count as not answered yet.")
	t.comment("", "Reports made from this file are published: never write names or anything else that identifies a child, a family or a member of staff.")
	t.comment("", "For text over several lines, write | after the colon and put the text on the lines below, indented by two more spaces.")
	t.fields("", Format, a)
	return []byte("# yaml-language-server: $schema=" + SchemaURL + "\n" + t.b.String())
}

type template struct{ b strings.Builder }

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
		t.comment(indent, f.Title()+": "+f.Help())
		switch f.Kind {
		case KindChoice:
			if f != FieldScope && f != FieldStatus {
				t.comment(indent, "One of: "+choiceList(f.Choices())+".")
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
			t.b.WriteString(indent + "  # " + f.Example() + "\n")
		case KindGroup:
			t.b.WriteString(indent + f.Key + ":\n")
			t.fields(indent+"  ", f.Fields, f.Group(owner, false))
		case KindList:
			for _, item := range f.Fields {
				if item.Kind == KindChoice {
					t.comment(indent, item.Key+" is one of: "+choiceList(item.Choices())+".")
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
				t.b.WriteString(indent + "  # " + lead + item.Key + ": " + item.Example() + "\n")
			}
		case KindPrinciples:
			t.b.WriteString(indent + f.Key + ":\n")
			for i, p := range Principles {
				if i > 0 {
					t.b.WriteString("\n")
				}
				t.comment(indent+"  ", fmt.Sprintf("Principle %d of %d: %s. %s", i+1, len(Principles), p.Name.EN, p.Summary))
				t.b.WriteString(indent + "  " + p.Key + ":\n")
				t.fields(indent+"    ", f.Fields, &Response{})
			}
		}
	}
}

func value(s string) string {
	if s == "" {
		return ""
	}
	return " " + s
}
