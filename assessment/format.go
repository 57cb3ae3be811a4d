package assessment

import (
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// The file format, described once. Every key of a NEST file is a Field in
// the ordered table below: what it holds, whether it is required, whether a
// person wrote it (and so it may hold personal data and is published), and
// how to reach its value in an Assessment. The decoder and the rules, the
// JSON Schema, Marshal, Template, the redaction before publishing, the
// reports and the questionnaire all walk this table, so a new key is three
// edits: the table, the struct field, and its words in the catalogue.

// Kind is what a key holds.
type Kind int

const (
	KindVersion    Kind = iota // the format version: a whole number, FormatVersion
	KindYear                   // a whole number from MinYear to MaxYear
	KindRating                 // a whole number from 1 to len(Levels)
	KindText                   // text
	KindChoice                 // one word of a closed list (Field.Choices)
	KindDate                   // a day, YYYY-MM-DD
	KindMonth                  // a month, YYYY-MM
	KindBool                   // true or false
	KindTags                   // a list of tags: lowercase words joined by hyphens
	KindGroup                  // a group of keys (Field.Fields)
	KindList                   // a list of groups, each of Field.Fields
	KindPrinciples             // a group with a key per principle, each a group of Field.Fields
	KindLabels                 // a group of tags, each with its label: text a person wrote
)

// MaxFileSize is the largest file nest reads. A self-assessment is a few
// kilobytes; anything near this size is a mistake or an attack.
const MaxFileSize = 1 << 20

// Year range of an assessment round.
const (
	MinYear = 2020
	MaxYear = 2100
)

// Field is one key of the file format.
type Field struct {
	Key  string
	Kind Kind
	// Required keys must be present and not empty: always for the top
	// level; in a group or list item, whenever the group is allowed.
	Required bool
	// FreeText marks words a person wrote: they are published, so they are
	// checked for personal data and withheld from reports when they hold it.
	FreeText bool
	// Choices are the allowed words of a Choice.
	Choices func() []Choice
	// Max is how many items a Tags, List or Labels field may hold: far more
	// than any assessment needs, so that a file that holds more is a
	// mistake or an attack, and every count stays small.
	Max int
	// Fields are the keys of a Group, of each item of a List, and of each
	// principle of Principles.
	Fields []*Field

	parent *Field
	// The accessors: one is set, by Kind. Each takes the value that holds
	// the field (*Assessment, *Service, *Voices, *Response, *Action, *Quote).
	str    func(owner any) *string
	num    func(owner any) *int
	flag   func(owner any) *bool
	tags   func(owner any) *[]string
	group  func(owner any, create bool) any
	list   *listAccess
	entry  func(owner any, key string, create bool) any
	labels func(owner any) *map[string]string
	// child marks a voices group that is children's own voice.
	child bool
}

// The keys of the format, in the order files are written.
var (
	FieldNest         = &Field{Key: "nest", Kind: KindVersion, Required: true, num: numOf(func(a *Assessment) *int { return &a.Nest })}
	FieldRegion       = &Field{Key: "region", Kind: KindChoice, Required: true, Choices: regionChoices, str: strOf(func(a *Assessment) *string { return &a.Region })}
	FieldScope        = &Field{Key: "scope", Kind: KindChoice, Required: true, Choices: func() []Choice { return Scopes }, str: strOf(func(a *Assessment) *string { return &a.Scope })}
	FieldOrganisation = &Field{Key: "organisation", Kind: KindText, Required: true, FreeText: true, str: strOf(func(a *Assessment) *string { return &a.Organisation })}
	FieldService      = &Field{Key: "service", Kind: KindGroup, group: serviceOf, Fields: []*Field{
		{Key: "sector", Kind: KindChoice, Required: true, Choices: func() []Choice { return Sectors }, str: strOf(func(s *Service) *string { return &s.Sector })},
		{Key: "funding", Kind: KindTags, Max: 20, tags: tagsOf(func(s *Service) *[]string { return &s.Funding })},
	}}
	FieldYear      = &Field{Key: "year", Kind: KindYear, Required: true, num: numOf(func(a *Assessment) *int { return &a.Year })}
	FieldSubmitted = &Field{Key: "submitted", Kind: KindDate, str: strOf(func(a *Assessment) *string { return &a.Submitted })}
	FieldStatus    = &Field{Key: "status", Kind: KindChoice, Required: true, Choices: func() []Choice { return Statuses }, str: strOf(func(a *Assessment) *string { return &a.Status })}
	FieldLanguage  = &Field{Key: "language", Kind: KindChoice, Choices: func() []Choice { return Languages }, str: strOf(func(a *Assessment) *string { return &a.Language })}
	FieldVoices    = &Field{Key: "voices", Kind: KindGroup, group: func(o any, _ bool) any { return &o.(*Assessment).Voices }, Fields: []*Field{
		{Key: "children_and_young_people", Kind: KindBool, child: true, flag: flagOf(func(v *Voices) *bool { return &v.ChildrenAndYoungPeople })},
		{Key: "babies_and_younger_children", Kind: KindBool, child: true, flag: flagOf(func(v *Voices) *bool { return &v.BabiesAndYoungerChildren })},
		{Key: "parents_and_carers", Kind: KindBool, flag: flagOf(func(v *Voices) *bool { return &v.ParentsAndCarers })},
		{Key: "practitioners", Kind: KindBool, flag: flagOf(func(v *Voices) *bool { return &v.Practitioners })},
		FieldHow,
	}}
	FieldHow        = &Field{Key: "how", Kind: KindText, FreeText: true, str: strOf(func(v *Voices) *string { return &v.How })}
	FieldPrinciples = &Field{Key: "principles", Kind: KindPrinciples, entry: principleOf, Fields: []*Field{
		FieldRating,
		FieldNotRated,
		FieldTarget,
		{Key: "working_well", Kind: KindText, FreeText: true, str: strOf(func(r *Response) *string { return &r.WorkingWell })},
		{Key: "concerns", Kind: KindText, FreeText: true, str: strOf(func(r *Response) *string { return &r.Concerns })},
		{Key: "good_looks_like", Kind: KindText, FreeText: true, str: strOf(func(r *Response) *string { return &r.GoodLooksLike })},
		FieldActions,
		FieldThemes,
		FieldFeedback,
	}}

	FieldRating   = &Field{Key: "rating", Kind: KindRating, num: numOf(func(r *Response) *int { return &r.Rating })}
	FieldNotRated = &Field{Key: "not_rated", Kind: KindText, FreeText: true, str: strOf(func(r *Response) *string { return &r.NotRated })}
	FieldTarget   = &Field{Key: "target", Kind: KindRating, num: numOf(func(r *Response) *int { return &r.Target })}
	FieldActions  = &Field{Key: "actions", Kind: KindList, Max: 100, list: listOf(func(r *Response) *[]Action { return &r.Actions }), Fields: []*Field{
		{Key: "action", Kind: KindText, Required: true, FreeText: true, str: strOf(func(a *Action) *string { return &a.Action })},
		{Key: "owner", Kind: KindText, FreeText: true, str: strOf(func(a *Action) *string { return &a.Owner })},
		{Key: "due", Kind: KindMonth, str: strOf(func(a *Action) *string { return &a.Due })},
	}}
	FieldThemes   = &Field{Key: "themes", Kind: KindTags, Max: 50, tags: tagsOf(func(r *Response) *[]string { return &r.Themes })}
	FieldFeedback = &Field{Key: "feedback", Kind: KindList, Max: 100, list: listOf(func(r *Response) *[]Quote { return &r.Feedback }), Fields: []*Field{
		{Key: "quote", Kind: KindText, Required: true, FreeText: true, str: strOf(func(q *Quote) *string { return &q.Quote })},
		{Key: "from", Kind: KindChoice, Required: true, Choices: func() []Choice { return Sources }, str: strOf(func(q *Quote) *string { return &q.From })},
	}}

	// FieldThemeLabels names a file's own themes as the person wrote them:
	// the tag ty-teulu is "Tŷ Teulu".
	FieldThemeLabels = &Field{Key: "theme_labels", Kind: KindLabels, FreeText: true, Max: 300, labels: func(o any) *map[string]string { return &o.(*Assessment).ThemeLabels }}

	// Format is the whole table: the top-level keys, in order.
	Format = []*Field{
		FieldNest, FieldRegion, FieldScope, FieldOrganisation, FieldService, FieldYear,
		FieldSubmitted, FieldStatus, FieldLanguage, FieldVoices, FieldPrinciples, FieldThemeLabels,
	}
)

// link tells every field which field it is in; loadCatalogue calls it
// first, since the catalogue's words are found by the fields' paths.
func link(parent *Field, fs []*Field) {
	for _, f := range fs {
		f.parent = parent
		link(f, f.Fields)
	}
}

// HelpKey is the field's key in the catalogue's fields: its key, after the
// keys of the groups it is in ("voices.how", "actions.owner"); the keys of
// a principle's answers stand alone ("rating").
func (f *Field) HelpKey() string {
	if f.parent == nil || f.parent.Kind == KindPrinciples {
		return f.Key
	}
	return f.parent.HelpKey() + "." + f.Key
}

// Title and Help are the field's words in the catalogue.
func (f *Field) Title() string { return f.TitleIn(English) }
func (f *Field) Help() string  { return f.HelpIn(English) }

// TitleIn and HelpIn are the field's words in the language of w (English
// when w is nil).
func (f *Field) TitleIn(w *Words) string {
	if w == nil {
		w = English
	}
	return w.Say("fields." + f.HelpKey() + ".title")
}

func (f *Field) HelpIn(w *Words) string {
	if w == nil {
		w = English
	}
	return w.Say("fields." + f.HelpKey() + ".help")
}

// ChoicesIn are a Choice field's allowed words, labelled in the language
// of w (English when w is nil).
func (f *Field) ChoicesIn(w *Words) []Choice {
	cs := f.Choices()
	list := choiceLists[f.HelpKey()]
	if w == nil || list == "" {
		return cs
	}
	out := make([]Choice, len(cs))
	for i, c := range cs {
		out[i] = Choice{Key: c.Key, Label: w.Label(list, c.Key)}
	}
	return out
}

// choiceLists names the catalogue's list of each Choice field's words.
var choiceLists = map[string]string{
	"region": "regions", "scope": "scopes", "status": "statuses", "language": "languages",
	"service.sector": "sectors", "feedback.from": "sources",
}

// Item is what one item of a List or Tags field is called in messages
// ("each action", "theme"), from the catalogue.
func (f *Field) Item() string { return Fields[f.HelpKey()].Item }

// Example is the catalogue's example value, for templates.
func (f *Field) Example() string { return Fields[f.HelpKey()].Example }

// Keys are the keys of a Principles field: the principles, in order.
func (f *Field) Keys() []string { return PrincipleKeys() }

// Lookup returns the field with the given key among fs.
func Lookup(fs []*Field, key string) *Field {
	for _, f := range fs {
		if f.Key == key {
			return f
		}
	}
	return nil
}

// KeysOf returns the keys of fs, in order.
func KeysOf(fs []*Field) []string {
	keys := make([]string, len(fs))
	for i, f := range fs {
		keys[i] = f.Key
	}
	return keys
}

// Text is the address of a Text, Choice, Date or Month field's value in
// owner.
func (f *Field) Text(owner any) *string { return f.str(owner) }

// Number is the address of a Version, Year or Rating field's value.
func (f *Field) Number(owner any) *int { return f.num(owner) }

// Flag is the address of a Bool field's value.
func (f *Field) Flag(owner any) *bool { return f.flag(owner) }

// TagList is the address of a Tags field's value.
func (f *Field) TagList(owner any) *[]string { return f.tags(owner) }

// Group returns the value a Group field holds in owner, made when create
// is true; nil when it is absent (an optional group such as service).
func (f *Field) Group(owner any, create bool) any { return f.group(owner, create) }

// Len is how many items a List field has in owner.
func (f *Field) Len(owner any) int { return f.list.len(owner) }

// Index returns item i of a List field.
func (f *Field) Index(owner any, i int) any { return f.list.item(owner, i) }

// Add appends an empty item to a List field and returns it.
func (f *Field) Add(owner any) any { return f.list.add(owner) }

// Remove deletes item i of a List field.
func (f *Field) Remove(owner any, i int) { f.list.remove(owner, i) }

// Labels is the address of a Labels field's value: tag to label.
func (f *Field) Labels(owner any) *map[string]string { return f.labels(owner) }

// Entry returns a principle's answers in a Principles field, made when
// create is true; nil when it is absent.
func (f *Field) Entry(owner any, key string, create bool) any { return f.entry(owner, key, create) }

// ChildVoice reports whether a voices field records children's own voice
// (children and young people, babies and younger children).
func (f *Field) ChildVoice() bool { return f.child }

// Walk calls fn for every field of fs present in owner with the value that
// holds it, depth first in table order: a group's fields, every item of a
// list, every principle answered. path holds the keys down to the field,
// list items as their index; it is only valid during the call (copy it to
// keep it), so that walking allocates nothing per field.
func Walk(fs []*Field, owner any, fn func(path []string, f *Field, owner any)) {
	buf := make([]string, 0, 8)
	walk(&buf, fs, owner, fn)
}

func walk(path *[]string, fs []*Field, owner any, fn func([]string, *Field, any)) {
	for _, f := range fs {
		*path = append(*path, f.Key)
		fn(*path, f, owner)
		switch f.Kind {
		case KindGroup:
			if g := f.Group(owner, false); g != nil {
				walk(path, f.Fields, g, fn)
			}
		case KindList:
			for i := range f.Len(owner) {
				*path = append(*path, strconv.Itoa(i))
				walk(path, f.Fields, f.Index(owner, i), fn)
				*path = (*path)[:len(*path)-1]
			}
		case KindPrinciples:
			for _, k := range principleKeys {
				if e := f.Entry(owner, k, false); e != nil {
					*path = append(*path, k)
					walk(path, f.Fields, e, fn)
					*path = (*path)[:len(*path)-1]
				}
			}
		}
		*path = (*path)[:len(*path)-1]
	}
}

// FreeTexts calls fn with the address of every free text in a that is not
// empty, and its path ("principles", "gwent", "actions", "0", "owner"). A
// label that fn empties is removed.
func FreeTexts(a *Assessment, fn func(path []string, f *Field, text *string)) {
	Walk(Format, a, func(path []string, f *Field, owner any) {
		switch {
		case !f.FreeText:
		case f.Kind == KindLabels:
			m := *f.Labels(owner)
			for _, tag := range slices.Sorted(maps.Keys(m)) {
				t := m[tag]
				if t == "" {
					continue
				}
				fn(append(path, tag), f, &t)
				if t == "" {
					delete(m, tag)
				} else {
					m[tag] = t
				}
			}
		default:
			if t := f.Text(owner); *t != "" {
				fn(path, f, t)
			}
		}
	})
}

// ThemeLabel is what a theme is called: the catalogue's label for a
// suggested theme, else the label a file gives its own, else the tag.
func ThemeLabel(tag string, own map[string]string) string {
	if i := slices.IndexFunc(Themes, func(c Choice) bool { return c.Key == tag }); i >= 0 {
		return Themes[i].Label
	}
	if l := own[tag]; l != "" {
		return l
	}
	return tag
}

// ChildrenHeard reports whether children's own voice informed v.
func (v *Voices) ChildrenHeard() bool {
	for _, f := range FieldVoices.Fields {
		if f.child && *f.Flag(v) {
			return true
		}
	}
	return false
}

// Heard reports whether the group with the given key (one of VoiceGroups)
// was heard.
func (v *Voices) Heard(key string) bool {
	f := Lookup(FieldVoices.Fields, key)
	return f != nil && f.Kind == KindBool && *f.Flag(v)
}

// SetHeard records whether the group with the given key was heard.
func (v *Voices) SetHeard(key string, heard bool) {
	if f := Lookup(FieldVoices.Fields, key); f != nil && f.Kind == KindBool {
		*f.Flag(v) = heard
	}
}

// ResponseTexts are the free texts of a principle's answers that reports
// gather across submissions (what is working well, concerns, ...): every
// free text field but the reason for not rating.
func ResponseTexts() []*Field {
	var out []*Field
	for _, f := range FieldPrinciples.Fields {
		if f.Kind == KindText && f != FieldNotRated {
			out = append(out, f)
		}
	}
	return out
}

func strOf[T any](get func(*T) *string) func(any) *string {
	return func(o any) *string { return get(o.(*T)) }
}

func numOf[T any](get func(*T) *int) func(any) *int {
	return func(o any) *int { return get(o.(*T)) }
}

func flagOf[T any](get func(*T) *bool) func(any) *bool {
	return func(o any) *bool { return get(o.(*T)) }
}

func tagsOf[T any](get func(*T) *[]string) func(any) *[]string {
	return func(o any) *[]string { return get(o.(*T)) }
}

type listAccess struct {
	len    func(owner any) int
	item   func(owner any, i int) any
	add    func(owner any) any
	remove func(owner any, i int)
}

func listOf[O, T any](get func(*O) *[]T) *listAccess {
	return &listAccess{
		len:  func(o any) int { return len(*get(o.(*O))) },
		item: func(o any, i int) any { return &(*get(o.(*O)))[i] },
		add: func(o any) any {
			l := get(o.(*O))
			var zero T
			*l = append(*l, zero)
			return &(*l)[len(*l)-1]
		},
		remove: func(o any, i int) {
			l := get(o.(*O))
			*l = slices.Delete(*l, i, i+1)
		},
	}
}

func serviceOf(o any, create bool) any {
	a := o.(*Assessment)
	if a.Service == nil {
		if !create {
			return nil
		}
		a.Service = &Service{}
	}
	return a.Service
}

func principleOf(o any, key string, create bool) any {
	a := o.(*Assessment)
	r := a.Principles[key]
	if r == nil {
		if !create {
			return nil
		}
		if a.Principles == nil {
			a.Principles = map[string]*Response{}
		}
		// The catalogue's own string is the map's key, not the one read
		// from a file, which would keep the whole file alive.
		if i := slices.Index(principleKeys, key); i >= 0 {
			key = principleKeys[i]
		}
		r = &Response{}
		a.Principles[key] = r
	}
	return r
}

func regionChoices() []Choice {
	cs := make([]Choice, len(Regions))
	for i, r := range Regions {
		cs[i] = Choice{Key: r.Key, Label: r.Name.EN}
	}
	return cs
}

// voiceGroups are the voices fields that are yes or no, as choices with the
// catalogue's titles.
func voiceGroups() []Choice {
	var out []Choice
	for _, f := range FieldVoices.Fields {
		if f.Kind == KindBool {
			out = append(out, Choice{Key: f.Key, Label: f.Title()})
		}
	}
	return out
}

// helpKeys lists the catalogue key of every field, for the catalogue test.
func helpKeys() []string {
	var keys []string
	var add func(fs []*Field)
	add = func(fs []*Field) {
		for _, f := range fs {
			if k := f.HelpKey(); !slices.Contains(keys, k) {
				keys = append(keys, k)
			}
			add(f.Fields)
		}
	}
	add(Format)
	return keys
}

// Detach copies every string of a, so that a kept assessment holds only its
// own text and not the whole file it was read from (values read from a
// file are parts of the file's text). Its words are copied together, in
// one piece; a word of the catalogue (a region, a theme, who a quote is
// from) becomes the catalogue's own, copied not at all: 10,000 kept
// files made 400,000 small copies otherwise.
func Detach(a *Assessment) {
	known := catalogueKeys()
	var texts []*string
	size := 0
	own := func(t *string) {
		if k, ok := known[*t]; ok {
			*t = k
		} else if *t != "" {
			texts = append(texts, t)
			size += len(*t)
		}
	}
	Walk(Format, a, func(_ []string, f *Field, owner any) {
		switch f.Kind {
		case KindText, KindChoice, KindDate, KindMonth:
			own(f.Text(owner))
		case KindTags:
			for i := range *f.TagList(owner) {
				own(&(*f.TagList(owner))[i])
			}
		case KindLabels:
			m := *f.Labels(owner)
			for k, v := range m {
				delete(m, k)
				m[strings.Clone(k)] = strings.Clone(v)
			}
		}
	})
	var b strings.Builder
	b.Grow(size)
	for _, t := range texts {
		b.WriteString(*t)
	}
	all := b.String()
	for _, t := range texts {
		*t, all = all[:len(*t)], all[len(*t):]
	}
}

// catalogueKeys are the words of the catalogue a file's choices and tags
// are made of, each to itself.
var catalogueKeys = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for _, l := range [][]Choice{Scopes, Statuses, Sectors, Sources, Languages, Themes, FundingStreams} {
		for _, c := range l {
			m[c.Key] = c.Key
		}
	}
	for _, r := range regionKeys {
		m[r] = r
	}
	return m
})
