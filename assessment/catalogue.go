package assessment

// The catalogue: every fixed word of the framework in one place, so that the
// form, the template, the schema's help and the reports say the same thing.
// Welsh strings are kept beside the English; those not confirmed in Welsh
// Government sources are marked so a translator can review them.

// Text is a string in English and Welsh.
type Text struct {
	EN string
	CY string
	// CYUnconfirmed is true when the Welsh has not been checked against an
	// official source.
	CYUnconfirmed bool
}

// Principle is one of the six NEST principles that are self-assessed.
type Principle struct {
	Key     string
	Name    Text
	Summary string // what the principle is about, one or two sentences
}

// Principles lists the six principles in the order of the 2024 national
// update; files are written and reports are laid out in this order.
var Principles = []Principle{
	{
		Key:     "trusted_adults",
		Name:    Text{EN: "Trusted adults", CY: "Oedolion yr ymddiriedir ynddynt"},
		Summary: "The grown-ups closest to a child, at home and in every service, have the skills, time and continuity to co-regulate, listen and stay. The framework calls this its most important section: training, supervision and keeping staff matter as much as any service.",
	},
	{
		Key:     "wellbeing_across_education",
		Name:    Text{EN: "Wellbeing across education", CY: "Llesiant ar draws addysg"},
		Summary: "Emotional wellbeing is part of every setting a child learns in: childcare, nursery, school, college, pupil referral units and education at home, through a whole-school approach.",
	},
	{
		Key:     "co_produced_innovations",
		Name:    Text{EN: "Co-produced innovations", CY: "Arloesi wedi'i gyd-gynhyrchu", CYUnconfirmed: true},
		Summary: "Children, young people and families shape the services and strategies meant for them, nothing about them without them, and are told what changed because they spoke.",
	},
	{
		Key:     "easy_access_to_expertise",
		Name:    Text{EN: "Easy access to expertise", CY: "Mynediad hawdd at arbenigedd", CYUnconfirmed: true},
		Summary: "Advice and expertise reach the adults around a child quickly, so they can hold on to a child rather than refer on, whatever the waiting list, distance, transport or language.",
	},
	{
		Key:     "safe_and_supportive_communities",
		Name:    Text{EN: "Safe and supportive communities", CY: "Cymunedau diogel a chefnogol", CYUnconfirmed: true},
		Summary: "Children and families have safe places to live, play and meet: green space, youth provision, decent housing and community activity that support good mental health.",
	},
	{
		Key:     "no_wrong_door",
		Name:    Text{EN: "No wrong door", CY: "Dim drws anghywir"},
		Summary: "Whoever a family asks first, they get the right help at the right time, through joined-up access points, without being passed from service to service.",
	},
}

// Level is a point on the NEST journey rating scale.
type Level struct {
	Rating  int
	Name    Text
	Meaning string
}

// Levels are the four points of the NEST journey scale, 1 to 4.
var Levels = []Level{
	{1, Text{EN: "Basic", CY: "Sylfaenol", CYUnconfirmed: true}, "The principle is accepted and there is a commitment to act."},
	{2, Text{EN: "Early progress", CY: "Cynnydd cynnar", CYUnconfirmed: true}, "First-stage development and action planning are under way."},
	{3, Text{EN: "Substantial progress", CY: "Cynnydd sylweddol", CYUnconfirmed: true}, "First-stage actions are done and are showing good outcomes."},
	{4, Text{EN: "Embedded", CY: "Wedi'i wreiddio", CYUnconfirmed: true}, "Good practice is embedded, with a cycle of reflection and improvement that learns from research."},
}

// Region is a Regional Partnership Board (RPB).
type Region struct {
	Key              string
	Name             Text
	HealthBoard      string
	LocalAuthorities []string
}

// Regions lists the seven Regional Partnership Boards of Wales.
var Regions = []Region{
	{"cardiff-and-vale", Text{EN: "Cardiff and Vale", CY: "Caerdydd a'r Fro"}, "Cardiff and Vale University Health Board", []string{"Cardiff", "Vale of Glamorgan"}},
	{"cwm-taf-morgannwg", Text{EN: "Cwm Taf Morgannwg", CY: "Cwm Taf Morgannwg"}, "Cwm Taf Morgannwg University Health Board", []string{"Bridgend", "Merthyr Tydfil", "Rhondda Cynon Taf"}},
	{"gwent", Text{EN: "Gwent", CY: "Gwent"}, "Aneurin Bevan University Health Board", []string{"Blaenau Gwent", "Caerphilly", "Monmouthshire", "Newport", "Torfaen"}},
	{"north-wales", Text{EN: "North Wales", CY: "Gogledd Cymru"}, "Betsi Cadwaladr University Health Board", []string{"Isle of Anglesey", "Gwynedd", "Conwy", "Denbighshire", "Flintshire", "Wrexham"}},
	{"powys", Text{EN: "Powys", CY: "Powys"}, "Powys Teaching Health Board", []string{"Powys"}},
	{"west-glamorgan", Text{EN: "West Glamorgan", CY: "Gorllewin Morgannwg"}, "Swansea Bay University Health Board", []string{"Swansea", "Neath Port Talbot"}},
	{"west-wales", Text{EN: "West Wales", CY: "Gorllewin Cymru", CYUnconfirmed: true}, "Hywel Dda University Health Board", []string{"Carmarthenshire", "Ceredigion", "Pembrokeshire"}},
}

// Choice is one allowed word of a closed list, with its label.
type Choice struct {
	Key   string
	Label string
}

// Scopes: a region's own submission, or one service's inside a region.
var Scopes = []Choice{
	{ScopeRegion, "Region: the Regional Partnership Board's submission"},
	{ScopeService, "Service: a service or project inside a region"},
}

// Statuses of a file.
var Statuses = []Choice{
	{StatusDraft, "Draft: still being worked on"},
	{StatusFinal, "Final: submitted"},
}

// Sectors a service can belong to.
var Sectors = []Choice{
	{"health", "Health"},
	{"local-authority", "Local authority"},
	{"education", "Education"},
	{"childcare", "Childcare"},
	{"third-sector", "Third sector"},
	{"youth-and-play", "Youth work and play"},
	{"housing", "Housing"},
	{"police", "Police"},
	{"other", "Other"},
}

// Sources are who a feedback quote came from.
var Sources = []Choice{
	{"region", "The region"},
	{"child-or-young-person", "A child or young person"},
	{"parent-or-carer", "A parent or carer"},
	{"family", "A family"},
	{"practitioner", "A practitioner"},
	{"partner", "A partner organisation"},
}

// VoiceGroups are the groups whose voices may have informed an assessment.
var VoiceGroups = []Choice{
	{"children_and_young_people", "Children and young people"},
	{"babies_and_younger_children", "Babies and younger children"},
	{"parents_and_carers", "Parents and carers"},
	{"practitioners", "Practitioners"},
}

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

// Field is the title and help of one key of the file format. The schema's
// titles and descriptions, the template's comments and the form's prompts
// all come from here.
type Field struct {
	Title string
	Help  string
}

// Fields holds the text of every key of the file format, by key. Keys of
// nested groups are written with a dot: "voices.how", "service.sector".
var Fields = map[string]Field{
	"nest":                               {"Format version", "The version of the NEST file format. Always 1 for now."},
	"region":                             {"Region", "The Regional Partnership Board (RPB) the assessment belongs to."},
	"scope":                              {"Scope", "region for a Regional Partnership Board's own submission; service for a service or project inside a region."},
	"organisation":                       {"Organisation", "Who is assessing: the Regional Partnership Board, or the service or project and who runs it."},
	"service":                            {"Service", "About the service or project. Only for files of scope service."},
	"service.sector":                     {"Sector", "The sector the service belongs to."},
	"service.funding":                    {"Funding", "Funding streams that pay for the service, as short lowercase tags with hyphens, such as regional-integration-fund."},
	"year":                               {"Year", "The assessment round: the year the self-assessment is for."},
	"submitted":                          {"Date submitted", "The date the assessment was submitted, as YYYY-MM-DD. Needed when the status is final."},
	"status":                             {"Status", "draft while the assessment is being worked on; final once it is submitted."},
	"voices":                             {"Whose voices informed the assessment", "Which groups were listened to while the assessment was made, and how."},
	"voices.children_and_young_people":   {"Children and young people", "true if children and young people helped to shape the assessment."},
	"voices.babies_and_younger_children": {"Babies and younger children", "true if the experience of babies and younger children was gathered, for example through observation or their families."},
	"voices.parents_and_carers":          {"Parents and carers", "true if parents and carers helped to shape the assessment."},
	"voices.practitioners":               {"Practitioners", "true if practitioners from the services helped to shape the assessment."},
	"voices.how":                         {"How voices were heard", "How people were listened to: workshops, surveys, youth forums, conversations."},
	"principles":                         {"Principles", "The answers for each of the six NEST principles. All six are needed when the status is final."},
	"rating":                             {"NEST journey rating", "How far along the NEST journey this principle is: 1 basic, 2 early progress, 3 substantial progress, 4 embedded."},
	"not_rated":                          {"Why not rated", "Why there is no rating yet. Give this exactly when there is no rating."},
	"target":                             {"Target rating for next year", "The rating aimed for at the next assessment, 1 to 4, not below this year's rating."},
	"working_well":                       {"What is working well", "Good practice and what is working well, with examples."},
	"concerns":                           {"Concerns and barriers", "Gaps, barriers and risks, such as short-term funding, rurality and transport, or waiting lists."},
	"good_looks_like":                    {"What good would look like", "What it would look like if this principle were fully in place."},
	"actions":                            {"Planned actions", "The actions planned to make progress, each with an optional owner and month due."},
	"actions.action":                     {"Action", "What will be done."},
	"actions.owner":                      {"Owner", "The group or role that will do it. Name a team or role, not a person."},
	"actions.due":                        {"Due", "The month it is due, as YYYY-MM."},
	"themes":                             {"Themes", "Short lowercase tags with hyphens, such as staff-retention or short-term-funding, so reports can count themes across submissions."},
	"feedback":                           {"Feedback and quotes", "Quotes to show in reports, with who they came from. Never include names or details that identify anyone."},
	"feedback.quote":                     {"Quote", "The words, as said or written. Reports are published: no names or details that identify anyone."},
	"feedback.from":                      {"From", "Who it came from."},
}

// Themes are the suggested theme tags, drawn from what the 2024 regional
// self-assessments raised. People may add their own.
var Themes = []Choice{
	{"staff-retention", "Keeping staff, continuity of relationships"},
	{"short-term-funding", "Short-term funding"},
	{"trauma-informed-training", "Trauma-informed training"},
	{"workforce-wellbeing", "Wellbeing of the workforce"},
	{"whole-school-approach", "Whole-school approach"},
	{"childcare-and-early-years", "Childcare and the early years"},
	{"elective-home-education", "Children educated at home"},
	{"pupil-referral-units", "Pupil referral units"},
	{"co-production", "Co-production with children and families"},
	{"feedback-loop", "Telling people what changed"},
	{"peer-support", "Peer support"},
	{"parent-voice", "Parents' and carers' voices"},
	{"waiting-lists", "Waiting lists"},
	{"holding-on", "Holding on rather than referring on"},
	{"neurodivergence", "Neurodivergence"},
	{"rurality-and-transport", "Rurality and transport"},
	{"welsh-language", "Welsh language"},
	{"community-languages", "Community languages"},
	{"youth-provision", "Youth provision and places to go"},
	{"green-space", "Green space and play"},
	{"housing", "Housing"},
	{"social-prescribing", "Social prescribing"},
	{"poverty", "Poverty and cost of living"},
	{"single-point-of-access", "Single point of access"},
	{"data-sharing", "Sharing information between services"},
}

// FundingStreams are suggested funding tags for services.
var FundingStreams = []Choice{
	{"regional-integration-fund", "Regional Integration Fund"},
	{"children-and-communities-grant", "Children and Communities Grant"},
	{"whole-school-approach-grant", "Whole-school approach funding"},
	{"health-board-core", "Health board core funding"},
	{"local-authority-core", "Local authority core funding"},
	{"lottery-or-charitable", "Lottery or charitable funding"},
}

// Prompts are the questionnaire's own words, by key, apart from the field
// titles and help in Fields.
var Prompts = map[string]string{
	"about.title":        "About this self-assessment",
	"about.description":  "Who is assessing, for which year, and whose voices informed it. Your answers are saved after every step.",
	"region.title":       "Which Regional Partnership Board?",
	"scope.title":        "Is this the region's own submission, or one service's?",
	"organisation.title": "Organisation",
	"service.name":       "Name of the service or project",
	"sector.title":       "Sector",
	"funding.title":      "Funding (choose any)",
	"year.title":         "Assessment year",
	"voices.title":       "Whose voices informed this assessment? (choose any)",
	"how.title":          "How were they heard?",
	"principle.progress": "Principle %d of %d — %s",
	"rating.title":       "NEST journey rating",
	"rating.not_rated":   "Not rated yet",
	"not_rated.title":    "Why is it not rated yet?",
	"target.title":       "Rating you aim for next year",
	"target.none":        "No target",
	"action.add":         "Add a planned action?",
	"action.another":     "Add another action?",
	"action.title":       "What will be done?",
	"action.owner":       "Who will do it? (a team or role, optional)",
	"action.due":         "Month it is due, as YYYY-MM (optional)",
	"themes.title":       "Themes (choose any)",
	"themes.other":       "Other themes, separated by commas (optional)",
	"quote.add":          "Add a quote from feedback?",
	"quote.another":      "Add another quote?",
	"quote.title":        "The quote, as said or written (no names or details that identify anyone)",
	"quote.from":         "Who said it?",
	"summary.title":      "Summary",
	"summary.final":      "Mark this self-assessment as final and submitted?",
	"final.edit":         "This file is final. Change it? It goes back to draft until you mark it final again.",
	"yes":                "Yes",
	"no":                 "No",
}
