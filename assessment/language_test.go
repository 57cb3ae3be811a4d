package assessment

import (
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// Both catalogues have the same keys, no empty text, and the same format
// verbs in every text, each form of a counted text against English's.
func TestCataloguesMatch(t *testing.T) {
	en, cy := English.Keys(), Welsh().Keys()
	for _, k := range en {
		if !Welsh().Has(k) {
			t.Errorf("cy.yaml lacks %s (%q)", k, English.Say(k))
		}
	}
	for _, k := range cy {
		if !English.Has(k) {
			t.Errorf("cy.yaml has %s, which en.yaml does not", k)
		}
	}
	for _, w := range []*Words{English, Welsh()} {
		for _, k := range w.Keys() {
			for form, text := range w.Forms(k) {
				if strings.TrimSpace(text) == "" {
					t.Errorf("%s: %s %s is empty", w.Lang, k, form)
				}
				if form == "" || form == "other" || !English.Has(k) {
					continue
				}
				// A form may leave out what another says ("One more
				// entry"), but says nothing the other form does not.
				for _, v := range strings.Fields(Verbs(text)) {
					if !slices.Contains(strings.Fields(Verbs(English.Say(k))), v) {
						t.Errorf("%s %s (%s): verb %s is not among English's %q", w.Lang, k, form, v, Verbs(English.Say(k)))
					}
				}
			}
			if w == Welsh() && English.Has(k) {
				if got, want := Verbs(w.Say(k)), Verbs(English.Say(k)); got != want {
					t.Errorf("cy %s: verbs %q, English has %q:\n  %q\n  %q", k, got, want, w.Say(k), English.Say(k))
				}
			}
		}
	}
}

func TestVerbs(t *testing.T) {
	for _, c := range []struct{ a, b string }{
		{"%d of %s", "%[2]s: %[1]d"},
		{"100%% of %d", "%d, 100%%"},
		{"%.1f and %q", "%.1f a %q"},
	} {
		if Verbs(c.a) != Verbs(c.b) {
			t.Errorf("Verbs(%q) = %q, Verbs(%q) = %q", c.a, Verbs(c.a), c.b, Verbs(c.b))
		}
	}
	if Verbs("%d %s") == Verbs("%s %d") {
		t.Error("verbs in another order without indexes should differ")
	}
}

// Welsh counts take Welsh plural forms, and Count chooses among them.
func TestWelshCounts(t *testing.T) {
	w := &Words{counted: map[string]map[string]string{"n": {
		"one": "%d gwasanaeth", "two": "%d wasanaeth", "few": "%d gwasanaeth", "other": "%d o wasanaethau",
	}}, plural: Welsh().plural}
	var got []string
	for _, n := range []int{1, 2, 3, 6, 11} {
		got = append(got, w.Count("n", n, n))
	}
	want := "1 gwasanaeth|2 wasanaeth|3 gwasanaeth|6 o wasanaethau|11 o wasanaethau"
	if strings.Join(got, "|") != want {
		t.Errorf("counts %q, want %q", strings.Join(got, "|"), want)
	}
}

// The Welsh Government's own terms are in the Welsh catalogue, marked
// reviewed; the rest awaits a translator.
func TestWelshReviewed(t *testing.T) {
	cy := Welsh()
	if k := "principles.trusted_adults.name"; cy.Say(k) != "Oedolion yr ymddiriedir ynddynt" || !cy.Reviewed(k) {
		t.Errorf("trusted_adults in Welsh: %q, reviewed %v", cy.Say(k), cy.Reviewed(k))
	}
	for _, key := range []string{"co_produced_innovations", "easy_access_to_expertise", "safe_and_supportive_communities"} {
		if k := "principles." + key + ".name"; !cy.Has(k) || cy.Reviewed(k) {
			t.Errorf("%s: Welsh %q should be there and await review", key, cy.Say(k))
		}
	}
	if !English.Reviewed("principles.no_wrong_door.name") || !Welsh().Reviewed("principles.no_wrong_door.name") || Welsh().Reviewed("levels.1.name") {
		t.Error("reviewed marks wrong")
	}
}

func TestLabel(t *testing.T) {
	for _, c := range []struct {
		w              *Words
		list, key, out string
	}{
		{English, "sectors", "health", "Health"},
		{English, "principles", "trusted_adults", "Trusted adults"},
		{English, "levels", "2", "Early progress"},
		{Welsh(), "principles", "trusted_adults", "Oedolion yr ymddiriedir ynddynt"},
		{Welsh(), "regions", "north-wales", "Gogledd Cymru"},
		{English, "themes", "not-a-theme", "not-a-theme"},
	} {
		if got := c.w.Label(c.list, c.key); got != c.out {
			t.Errorf("%s Label(%q, %q) = %q, want %q", c.w.Lang, c.list, c.key, got, c.out)
		}
	}
}

// A translator's spreadsheet read back changes only what it says, keeps
// the file's comments, and refuses a text that fills in other values.
func TestApplyWelsh(t *testing.T) {
	cy, err := catalogueFiles.ReadFile("catalogue/cy.yaml")
	if err != nil {
		t.Fatal(err)
	}
	entries := Entries()
	var level Entry
	for _, e := range entries {
		if e.Key == "levels.1.name" {
			level = e
		}
	}
	if level.English != "Basic" || level.Welsh == "" || level.Reviewed {
		t.Fatalf("levels.1.name: %+v", level)
	}
	level.Welsh, level.Reviewed = "Sylfaenol (wedi'i adolygu)", true
	out, err := ApplyWelsh(cy, []Entry{level}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	w, err := readWords(&doc, "cy", nil)
	if err != nil {
		t.Fatal(err)
	}
	if w.Say("levels.1.name") != "Sylfaenol (wedi'i adolygu)" || !w.Reviewed("levels.1.name") || !w.Reviewed("regions.gwent.name") {
		t.Errorf("after applying: %q, reviewed %v", w.Say("levels.1.name"), w.Reviewed("levels.1.name"))
	}
	if w.Say("levels.2.name") != Welsh().Say("levels.2.name") {
		t.Error("a text not in the spreadsheet changed")
	}
	if !strings.Contains(string(out), "# The words of nest, in Welsh") {
		t.Error("the file's comments were lost")
	}
	for _, bad := range []Entry{
		{Key: "levels.1.name", Welsh: "Sylfaenol %d"},
		{Key: "levels.9.name", Welsh: "Naw"},
		{Key: "levels.1.name", Welsh: "  "},
	} {
		if _, err := ApplyWelsh(cy, []Entry{bad}, nil); err == nil {
			t.Errorf("%+v was applied", bad)
		}
	}
}
