package assessment

import (
	"reflect"
	"strings"
	"testing"
	"unsafe"
)

// Detach keeps every value and lets go of the file: no string of the
// assessment lies in the text it was read from afterwards.
func TestDetach(t *testing.T) {
	file := strings.Repeat("x", 64) + "gwent service final en Tŷ Teulu Counselling 2024-10-04 " +
		"Pupils see a familiar face. waiting-lists cross-border child-or-young-person It helps. Pilot Lead 2025-04 education"
	at := func(word string) string { // word as a part of file, as a parser gives it
		i := strings.Index(file, word)
		if i < 0 {
			t.Fatalf("%q is not in the file", word)
		}
		return file[i : i+len(word)]
	}
	a := &Assessment{
		Region: at("gwent"), Scope: at("service"), Status: at("final"), Language: at("en"),
		Organisation: at("Counselling"), Submitted: at("2024-10-04"),
		Service: &Service{Sector: at("education")},
		Principles: map[string]*Response{"trusted_adults": {
			WorkingWell: at("Pupils see a familiar face."),
			Themes:      []string{at("waiting-lists"), at("cross-border")},
			Feedback:    []Quote{{Quote: at("It helps."), From: at("child-or-young-person")}},
			Actions:     []Action{{Action: at("Pilot"), Owner: at("Lead"), Due: at("2025-04")}},
		}},
		ThemeLabels: map[string]string{at("cross-border"): at("Tŷ Teulu")},
	}
	want := &Assessment{
		Region: "gwent", Scope: "service", Status: "final", Language: "en", Organisation: "Counselling", Submitted: "2024-10-04",
		Service: &Service{Sector: "education"},
		Principles: map[string]*Response{"trusted_adults": {
			WorkingWell: "Pupils see a familiar face.", Themes: []string{"waiting-lists", "cross-border"},
			Feedback: []Quote{{Quote: "It helps.", From: "child-or-young-person"}},
			Actions:  []Action{{Action: "Pilot", Owner: "Lead", Due: "2025-04"}},
		}},
		ThemeLabels: map[string]string{"cross-border": "Tŷ Teulu"},
	}
	Detach(a)
	if !reflect.DeepEqual(a, want) {
		t.Fatalf("Detach changed the values: %+v", a)
	}
	start := uintptr(unsafe.Pointer(unsafe.StringData(file)))
	in := func(s string) bool {
		p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
		return s != "" && p >= start && p < start+uintptr(len(file))
	}
	r := a.Principles["trusted_adults"]
	for _, s := range []string{a.Region, a.Scope, a.Status, a.Language, a.Organisation, a.Submitted, a.Service.Sector,
		r.WorkingWell, r.Themes[0], r.Themes[1], r.Feedback[0].Quote, r.Feedback[0].From, r.Actions[0].Action, r.Actions[0].Owner, r.Actions[0].Due} {
		if in(s) {
			t.Errorf("%q still lies in the file's text", s)
		}
	}
	for k, v := range a.ThemeLabels {
		if in(k) || in(v) {
			t.Errorf("the label %q: %q still lies in the file's text", k, v)
		}
	}
}
