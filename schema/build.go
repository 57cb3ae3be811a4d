package schema

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/nest-nyth/nest/assessment"
	"github.com/nest-nyth/nest/internal/ordered"
)

// JSON is the published JSON Schema (draft 2020-12) of the file format, as
// committed in nest.schema.json. TestSchemaUpToDate keeps it equal to Build.
//
//go:embed nest.schema.json
var JSON []byte

// Patterns shared by the schema and the rules.
const (
	kebabPattern = `^[a-z0-9]+(-[a-z0-9]+)*$`
	datePattern  = `^[0-9]{4}-[0-9]{2}-[0-9]{2}$`
	monthPattern = `^[0-9]{4}-(0[1-9]|1[0-2])$`
)

// obj is a JSON object that keeps its keys in order, so the schema reads
// top to bottom like the file it describes.
type obj = ordered.Object

type member = ordered.Member

// property is the schema of one field, with its title and help from the
// catalogue.
func property(f *assessment.Field) obj {
	o := obj{{"title", f.Title()}, {"description", f.Help()}}
	switch f.Kind {
	case assessment.KindVersion:
		return append(o, member{"const", assessment.FormatVersion})
	case assessment.KindYear:
		return append(o, member{"type", "integer"}, member{"minimum", assessment.MinYear}, member{"maximum", assessment.MaxYear})
	case assessment.KindRating:
		o[1].Value = f.Help() + " Levels: " + levelsText()
		return append(o, nullable("integer"), member{"minimum", 1}, member{"maximum", len(assessment.Levels)})
	case assessment.KindText:
		if f.Required {
			return append(o, member{"type", "string"}, member{"minLength", 1})
		}
		return append(o, member{"$ref", "#/$defs/text"})
	case assessment.KindChoice:
		return append(o, member{"enum", assessment.Keys(f.Choices())})
	case assessment.KindDate:
		return append(o, nullable("string"), member{"pattern", datePattern}, member{"format", "date"})
	case assessment.KindMonth:
		return append(o, nullable("string"), member{"pattern", monthPattern})
	case assessment.KindBool:
		return append(o, nullable("boolean"))
	case assessment.KindTags:
		return append(o, nullable("array"), member{"maxItems", f.Max}, member{"items", obj{{"type", "string"}, {"pattern", kebabPattern}}})
	case assessment.KindLabels:
		return append(o, nullable("object"), member{"maxProperties", f.Max}, member{"propertyNames", obj{{"pattern", kebabPattern}}},
			member{"additionalProperties", obj{{"type", []string{"string", "null"}}}})
	case assessment.KindGroup:
		return append(o, nullable("object"), member{"additionalProperties", false}, member{"properties", properties(f.Fields)})
	case assessment.KindList:
		// An item's required keys are required in a final file (see
		// Build): a draft may keep an action or a quote not yet whole.
		item := obj{}
		for _, g := range f.Fields {
			draft := *g
			draft.Required = false
			p := property(&draft)
			if g.Kind == assessment.KindChoice { // not chosen yet: empty
				for i := range p {
					if p[i].Key == "enum" {
						p[i].Value = append(jsonValues(assessment.Keys(g.Choices())), "", nil)
					}
				}
			}
			item = append(item, member{g.Key, p})
		}
		return append(o, nullable("array"), member{"maxItems", f.Max}, member{"items", obj{
			{"type", "object"},
			{"additionalProperties", false},
			{"properties", item},
		}})
	case assessment.KindPrinciples:
		ps := obj{}
		for i, p := range assessment.Principles {
			ps = append(ps, member{p.Key, obj{
				{"title", fmt.Sprintf("Principle %d of %d: %s", i+1, len(assessment.Principles), p.Name.EN)},
				{"description", p.Summary},
				{"$ref", "#/$defs/response"},
			}})
		}
		return append(o, nullable("object"), member{"additionalProperties", false}, member{"properties", ps})
	}
	panic(fmt.Sprintf("schema: no JSON Schema for the kind of %s", f.Key))
}

func properties(fs []*assessment.Field) obj {
	o := obj{}
	for _, f := range fs {
		o = append(o, member{f.Key, property(f)})
	}
	return o
}

func required(fs []*assessment.Field) []string {
	var keys []string
	for _, f := range fs {
		if f.Required {
			keys = append(keys, f.Key)
		}
	}
	return keys
}

// jsonValues are strings as values of any JSON kind, for a list that has others.
func jsonValues(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

func levelsText() string {
	var parts []string
	for _, l := range assessment.Levels {
		parts = append(parts, fmt.Sprintf("%d %s: %s", l.Rating, l.Name.EN, l.Meaning))
	}
	return strings.Join(parts, " ")
}

// nullable allows an empty value (key:) where a value is optional: people
// editing by hand leave keys empty, and nest reads that as absent.
func nullable(types ...string) member {
	return member{"type", append(types, "null")}
}

// Build returns the JSON Schema of the file format, from the table of
// fields in package assessment.
func Build() []byte {
	var (
		rating    = assessment.FieldRating.Key
		notRated  = assessment.FieldNotRated.Key
		scope     = assessment.FieldScope.Key
		service   = assessment.FieldService.Key
		status    = assessment.FieldStatus.Key
		submitted = assessment.FieldSubmitted.Key
		princ     = assessment.FieldPrinciples.Key
	)
	response := obj{
		{"type", []string{"object", "null"}},
		{"additionalProperties", false},
		{"properties", properties(assessment.FieldPrinciples.Fields)},
		// A reason for not rating and a rating do not go together.
		{"not", obj{
			{"type", "object"},
			{"required", []string{rating, notRated}},
			{"properties", obj{
				{rating, obj{{"type", "integer"}}},
				{notRated, obj{{"type", "string"}, {"minLength", 1}}},
			}},
		}},
	}
	// In a final file each principle is rated or says why not, and its
	// actions and quotes are whole.
	whole := obj{}
	for _, f := range assessment.FieldPrinciples.Fields {
		if f.Kind != assessment.KindList {
			continue
		}
		texts := obj{}
		for _, g := range f.Fields {
			switch {
			case g.Required && g.Kind == assessment.KindText:
				texts = append(texts, member{g.Key, obj{{"type", "string"}, {"minLength", 1}}})
			case g.Required && g.Kind == assessment.KindChoice:
				texts = append(texts, member{g.Key, obj{{"enum", assessment.Keys(g.Choices())}}})
			}
		}
		whole = append(whole, member{f.Key, obj{{"items", obj{{"required", required(f.Fields)}, {"properties", texts}}}}})
	}
	rated := obj{{"type", "object"}, {"anyOf", []obj{
		{{"required", []string{rating}}, {"properties", obj{{rating, obj{{"type", "integer"}}}}}},
		{{"required", []string{notRated}}, {"properties", obj{{notRated, obj{{"type", "string"}, {"minLength", 1}}}}}},
	}}, {"properties", whole}}
	principleKeys := assessment.PrincipleKeys()
	finalPrinciples := obj{}
	for _, k := range principleKeys {
		finalPrinciples = append(finalPrinciples, member{k, rated})
	}
	sectorRequired := required(assessment.FieldService.Fields)

	s := obj{
		{"$schema", "https://json-schema.org/draft/2020-12/schema"},
		{"$id", assessment.SchemaURL},
		{"title", "NEST self-assessment"},
		{"description", "A Regional Partnership Board's or a service's self-assessment against the six principles of the NEST/NYTH framework, rated on the NEST journey scale of 1 to 4 (file format version 1)."},
		{"type", "object"},
		{"additionalProperties", false},
		{"required", required(assessment.Format)},
		{"properties", properties(assessment.Format)},
		{"allOf", []obj{
			{
				{"if", obj{{"required", []string{scope}}, {"properties", obj{{scope, obj{{"const", assessment.ScopeService}}}}}}},
				{"then", obj{
					{"required", []string{service}},
					{"properties", obj{{service, obj{{"type", "object"}, {"required", sectorRequired}}}}},
				}},
				{"else", obj{{"if", obj{{"required", []string{scope}}}}, {"then", obj{{"properties", obj{{service, obj{{"type", "null"}}}}}}}}},
			},
			{
				{"if", obj{{"required", []string{status}}, {"properties", obj{{status, obj{{"const", assessment.StatusFinal}}}}}}},
				{"then", obj{
					{"required", []string{submitted, princ}},
					{"properties", obj{
						{submitted, obj{{"type", "string"}}},
						{princ, obj{
							{"type", "object"},
							{"required", principleKeys},
							{"properties", finalPrinciples},
						}},
					}},
				}},
			},
		}},
		{"$defs", obj{
			{"text", obj{{"type", []string{"string", "null"}}}},
			{"response", response},
		}},
	}
	out, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		panic(err)
	}
	return append(out, '\n')
}
