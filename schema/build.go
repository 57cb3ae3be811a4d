package schema

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"

	"github.com/nest-nyth/nest/assessment"
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

// Year range of an assessment round.
const (
	MinYear = 2020
	MaxYear = 2100
)

// obj is a JSON object that keeps its keys in the order they were added, so
// the schema reads top to bottom like the file it describes.
type obj []member

type member struct {
	key   string
	value any
}

func (o obj) MarshalJSON() ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteByte('{')
	for i, m := range o {
		if i > 0 {
			buf.WriteByte(',')
		}
		k, _ := json.Marshal(m.key)
		buf.Write(k)
		buf.WriteByte(':')
		v, err := json.Marshal(m.value)
		if err != nil {
			return nil, err
		}
		buf.Write(v)
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}

// field starts a property with the title and help of the catalogue.
func field(key string, rest ...member) obj {
	f, ok := assessment.Fields[key]
	if !ok {
		panic(fmt.Sprintf("schema: no catalogue text for field %q", key))
	}
	return append(obj{{"title", f.Title}, {"description", f.Help}}, rest...)
}

// nullable allows an empty value (key:) where a value is optional: people
// editing by hand leave keys empty, and nest reads that as absent.
func nullable(types ...string) member {
	return member{"type", append(types, "null")}
}

func enumOf(choices []assessment.Choice) []string { return assessment.Keys(choices) }

// Build returns the JSON Schema of the file format.
func Build() []byte {
	regionKeys := assessment.RegionKeys()
	levels := ""
	for i, l := range assessment.Levels {
		if i > 0 {
			levels += " "
		}
		levels += fmt.Sprintf("%d %s: %s", l.Rating, l.Name.EN, l.Meaning)
	}
	text := obj{{"type", []string{"string", "null"}}}
	kebab := obj{{"type", "string"}, {"pattern", kebabPattern}}
	rating := func(key string) obj {
		f := field(key, nullable("integer"), member{"minimum", 1}, member{"maximum", 4})
		f[1].value = f[1].value.(string) + " Levels: " + levels
		return f
	}
	textField := func(key string) obj { return field(key, member{"$ref", "#/$defs/text"}) }

	response := obj{
		{"type", []string{"object", "null"}},
		{"additionalProperties", false},
		{"properties", obj{
			{"rating", rating("rating")},
			{"not_rated", textField("not_rated")},
			{"target", rating("target")},
			{"working_well", textField("working_well")},
			{"concerns", textField("concerns")},
			{"good_looks_like", textField("good_looks_like")},
			{"actions", field("actions", nullable("array"), member{"items", obj{
				{"type", "object"},
				{"additionalProperties", false},
				{"required", []string{"action"}},
				{"properties", obj{
					{"action", field("actions.action", member{"type", "string"}, member{"minLength", 1})},
					{"owner", textField("actions.owner")},
					{"due", field("actions.due", nullable("string"), member{"pattern", monthPattern})},
				}},
			}})},
			{"themes", field("themes", nullable("array"), member{"items", kebab})},
			{"feedback", field("feedback", nullable("array"), member{"items", obj{
				{"type", "object"},
				{"additionalProperties", false},
				{"required", []string{"quote", "from"}},
				{"properties", obj{
					{"quote", field("feedback.quote", member{"type", "string"}, member{"minLength", 1})},
					{"from", field("feedback.from", member{"enum", enumOf(assessment.Sources)})},
				}},
			}})},
		}},
		// A reason for not rating and a rating do not go together.
		{"not", obj{
			{"type", "object"},
			{"required", []string{"rating", "not_rated"}},
			{"properties", obj{
				{"rating", obj{{"type", "integer"}}},
				{"not_rated", obj{{"type", "string"}, {"minLength", 1}}},
			}},
		}},
	}
	rated := obj{{"type", "object"}, {"anyOf", []obj{
		{{"required", []string{"rating"}}, {"properties", obj{{"rating", obj{{"type", "integer"}}}}}},
		{{"required", []string{"not_rated"}}, {"properties", obj{{"not_rated", obj{{"type", "string"}, {"minLength", 1}}}}}},
	}}}

	principles := obj{}
	principleKeys := assessment.PrincipleKeys()
	for i, p := range assessment.Principles {
		principles = append(principles, member{p.Key, obj{
			{"title", fmt.Sprintf("Principle %d of %d: %s", i+1, len(assessment.Principles), p.Name.EN)},
			{"description", p.Summary},
			{"$ref", "#/$defs/response"},
		}})
	}
	finalPrinciples := obj{}
	for _, k := range principleKeys {
		finalPrinciples = append(finalPrinciples, member{k, rated})
	}

	voiceProps := obj{}
	for _, g := range assessment.VoiceGroups {
		voiceProps = append(voiceProps, member{g.Key, field("voices."+g.Key, nullable("boolean"))})
	}
	voiceProps = append(voiceProps, member{"how", textField("voices.how")})

	s := obj{
		{"$schema", "https://json-schema.org/draft/2020-12/schema"},
		{"$id", assessment.SchemaURL},
		{"title", "NEST self-assessment"},
		{"description", "A Regional Partnership Board's or a service's self-assessment against the six principles of the NEST/NYTH framework, rated on the NEST journey scale of 1 to 4 (file format version 1)."},
		{"type", "object"},
		{"additionalProperties", false},
		{"required", []string{"nest", "region", "scope", "organisation", "year", "status"}},
		{"properties", obj{
			{"nest", field("nest", member{"const", assessment.FormatVersion})},
			{"region", field("region", member{"enum", regionKeys})},
			{"scope", field("scope", member{"enum", enumOf(assessment.Scopes)})},
			{"organisation", field("organisation", member{"type", "string"}, member{"minLength", 1})},
			{"service", field("service", nullable("object"), member{"additionalProperties", false}, member{"properties", obj{
				{"sector", field("service.sector", member{"enum", enumOf(assessment.Sectors)})},
				{"funding", field("service.funding", nullable("array"), member{"items", kebab})},
			}})},
			{"year", field("year", member{"type", "integer"}, member{"minimum", MinYear}, member{"maximum", MaxYear})},
			{"submitted", field("submitted", nullable("string"), member{"pattern", datePattern}, member{"format", "date"})},
			{"status", field("status", member{"enum", enumOf(assessment.Statuses)})},
			{"voices", field("voices", nullable("object"), member{"additionalProperties", false}, member{"properties", voiceProps})},
			{"principles", field("principles", nullable("object"), member{"additionalProperties", false}, member{"properties", principles})},
		}},
		{"allOf", []obj{
			{
				{"if", obj{{"required", []string{"scope"}}, {"properties", obj{{"scope", obj{{"const", assessment.ScopeService}}}}}}},
				{"then", obj{
					{"required", []string{"service"}},
					{"properties", obj{{"service", obj{{"type", "object"}, {"required", []string{"sector"}}}}}},
				}},
				{"else", obj{{"if", obj{{"required", []string{"scope"}}}}, {"then", obj{{"properties", obj{{"service", obj{{"type", "null"}}}}}}}}},
			},
			{
				{"if", obj{{"required", []string{"status"}}, {"properties", obj{{"status", obj{{"const", assessment.StatusFinal}}}}}}},
				{"then", obj{
					{"required", []string{"submitted", "principles"}},
					{"properties", obj{
						{"submitted", obj{{"type", "string"}}},
						{"principles", obj{
							{"type", "object"},
							{"required", principleKeys},
							{"properties", finalPrinciples},
						}},
					}},
				}},
			},
		}},
		{"$defs", obj{
			{"text", text},
			{"response", response},
		}},
	}
	out, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		panic(err)
	}
	return append(out, '\n')
}
