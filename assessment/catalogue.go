package assessment

import (
	"embed"
	"fmt"
	"slices"

	"go.yaml.in/yaml/v3"
)

// The catalogue: every word of the framework and of the questionnaire, in
// catalogue/en.yaml with the Welsh beside it in catalogue/cy.yaml, so that
// the form, the template, the schema's help and the reports say the same
// thing and a translator has one place to work. The variables below are
// filled from it when the program starts.

//go:embed catalogue/en.yaml catalogue/cy.yaml
var catalogueFiles embed.FS

// Text is a name in English, as the file format's documents give it; its
// Welsh, and every other language's, is in Words ("principles.KEY.name").
type Text struct {
	EN string
}

// Principle is one of the six NEST principles that are self-assessed.
type Principle struct {
	Key     string
	Name    Text
	Short   string // a short name, for table headings
	Summary string // what the principle is about, one or two sentences
}

// Level is a point on the NEST journey rating scale.
type Level struct {
	Rating  int
	Name    Text
	Meaning string
}

// Region is a Regional Partnership Board (RPB).
type Region struct {
	Key              string
	Name             Text
	HealthBoard      string
	LocalAuthorities []string
}

// Choice is one allowed word of a closed list, with its label.
type Choice struct {
	Key   string
	Label string
}

// FieldText is the catalogue's words for one key of the file format.
type FieldText struct {
	Title string
	Help  string
	// Item names one item of a list in messages ("each action", "theme").
	Item string
	// Example is a value to show in templates.
	Example string
}

var (
	// Principles lists the six principles in the order of the 2024
	// national update; files are written and reports laid out in this order.
	Principles []Principle
	// Levels are the four points of the NEST journey scale, 1 to 4.
	Levels []Level
	// Regions lists the seven Regional Partnership Boards of Wales.
	Regions []Region
	// Scopes: a region's own submission, or one service's inside a region.
	Scopes []Choice
	// Statuses of a file.
	Statuses []Choice
	// Languages a file's free text may be written in.
	Languages []Choice
	// Sectors a service can belong to.
	Sectors []Choice
	// Sources are who a feedback quote came from.
	Sources []Choice
	// VoiceGroups are the groups whose voices may have informed an
	// assessment: the yes-or-no keys under voices, with their titles.
	VoiceGroups []Choice
	// Themes are the suggested theme tags, drawn from what the 2024
	// regional self-assessments raised. People may add their own.
	Themes []Choice
	// FundingStreams are suggested funding tags for services.
	FundingStreams []Choice
	// Fields holds the words of every key of the file format, by key; keys
	// of nested groups are written with a dot: "voices.how". See
	// Field.HelpKey.
	Fields map[string]FieldText
	// Prompts are the questionnaire's own words, by key.
	Prompts map[string]string
	// PublicNumbers are public helplines a report may print: never taken
	// for a person's number. The key is the number, the label the service.
	PublicNumbers []Choice
	// PersonalDataKinds say what personal data looks like, by kind
	// (package pii's names): "phone" is "a phone number".
	PersonalDataKinds map[string]string
)

// catalogue is the shape of catalogue/*.yaml: its values, and the words
// (cli:, messages:, report:) that Words reads by their place in the file.
type catalogue struct {
	catalogueValues `yaml:",inline"`
	CLI             yaml.Node `yaml:"cli"`
	Messages        yaml.Node
	Report          yaml.Node
}

// catalogueValues are the lists and tables of the catalogue.
type catalogueValues struct {
	Principles                         []principleText
	Levels                             []levelText
	Regions                            []regionText
	Scopes, Statuses, Sectors, Sources []Choice
	Languages                          []Choice
	Themes, Funding                    []Choice
	Fields                             []fieldText
	Prompts                            map[string]string
	PublicNumbers                      []Choice          `yaml:"public_numbers"`
	PersonalData                       map[string]string `yaml:"personal_data"`
}

type principleText struct{ Key, Name, Short, Summary string }

type levelText struct {
	Rating        int
	Name, Meaning string
}

type regionText struct {
	Key, Name        string
	HealthBoard      string   `yaml:"health_board"`
	LocalAuthorities []string `yaml:"local_authorities"`
}

type fieldText struct{ Key, Title, Help, Item, Example string }

func init() { loadCatalogue() }

// readCatalogue reads one file of the catalogue, as its text's tree.
func readCatalogue(name string) (*yaml.Node, error) {
	data, err := catalogueFiles.ReadFile("catalogue/" + name)
	if err != nil {
		return nil, err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return &doc, nil
}

// loadCatalogue fills the variables from the English catalogue. It is
// read at every start of every command, so it is not read from en.yaml:
// english.go holds en.yaml's values and words as Go values, which need no
// reading (decoding the YAML, even read ahead into its tree, was 4 ms of
// every start). go test ./assessment -run TestEnglishSource -update
// writes english.go again after en.yaml changes; the test fails until it
// is.
func loadCatalogue() {
	link(nil, Format)
	English = &Words{Lang: "en-GB", texts: englishTexts, counted: englishCounted, order: englishOrder, plural: englishPlural}
	en := englishValues
	Principles, principleKeys = nil, nil
	for _, p := range en.Principles {
		Principles = append(Principles, Principle{p.Key, Text{EN: p.Name}, p.Short, p.Summary})
		principleKeys = append(principleKeys, p.Key)
	}
	Levels = nil
	for _, l := range en.Levels {
		Levels = append(Levels, Level{l.Rating, Text{EN: l.Name}, l.Meaning})
	}
	Regions, regionKeys = nil, nil
	for _, r := range en.Regions {
		Regions = append(Regions, Region{r.Key, Text{EN: r.Name}, r.HealthBoard, r.LocalAuthorities})
		regionKeys = append(regionKeys, r.Key)
	}
	Scopes, Statuses, Sectors, Sources = en.Scopes, en.Statuses, en.Sectors, en.Sources
	Languages = en.Languages
	Themes, FundingStreams = en.Themes, en.Funding
	Fields = map[string]FieldText{}
	for _, f := range en.Fields {
		Fields[f.Key] = FieldText{f.Title, f.Help, f.Item, f.Example}
	}
	VoiceGroups = voiceGroups()
	Prompts = en.Prompts
	PublicNumbers, PersonalDataKinds = en.PublicNumbers, en.PersonalData
}

// Filled with the catalogue.
var regionKeys, principleKeys []string

// PrincipleKeys returns the keys of the six principles, in order.
func PrincipleKeys() []string { return slices.Clone(principleKeys) }

// RegionKeys returns the keys of the seven regions, in order.
func RegionKeys() []string { return slices.Clone(regionKeys) }

// PrincipleByKey returns the principle with the given key.
func PrincipleByKey(key string) (Principle, bool) {
	for _, p := range Principles {
		if p.Key == key {
			return p, true
		}
	}
	return Principle{}, false
}

// RegionByKey returns the region with the given key.
func RegionByKey(key string) (Region, bool) {
	for _, r := range Regions {
		if r.Key == key {
			return r, true
		}
	}
	return Region{}, false
}

// LevelByRating returns the level of a rating from 1 to 4.
func LevelByRating(rating int) (Level, bool) {
	if rating < 1 || rating > len(Levels) {
		return Level{}, false
	}
	return Levels[rating-1], true
}

// Has reports whether key is one of the choices.
func Has(choices []Choice, key string) bool {
	for _, c := range choices {
		if c.Key == key {
			return true
		}
	}
	return false
}

// Keys returns the keys of choices, in order.
func Keys(choices []Choice) []string {
	keys := make([]string, len(choices))
	for i, c := range choices {
		keys[i] = c.Key
	}
	return keys
}
