package cymraeg

import (
	"slices"
	"strings"
	"testing"
)

func TestCompare(t *testing.T) {
	for _, c := range []struct{ a, b string }{ // a before b
		{"Lyn", "Llanelli"},      // ll is one letter, after l
		{"Ruthin", "Rhyl"},       // rh follows r
		{"Dinbych", "Ddwyryd"},   // dd follows d
		{"Cymru", "Chwilog"},     // ch follows c
		{"Ffestiniog", "Fflint"}, // both ff: e before l
		{"Fron", "Ffestiniog"},   // ff follows f
		{"Glyn", "Ngwent"},       // ng follows g
		{"Pwllheli", "Phwllheli"},
		{"Tywyn", "Thywyn"},
		{"gwlad", "hafod"},
		{"angen", "anghenion"}, // ng: same letter, then h
		{"Llangefni", "Llangollen"},
		{"Llanfair", "Llangefni"}, // Llan-gefni: n then g, f before g
		{"Bangor", "Banw"},        // Bangor is Ban-gor: g before w
		{"tan", "tân"},            // the accent decides only a tie
		{"ŵyr", "wyth"},           // accents sort as their letter: ŵyr is w-y-r
		{"2 dai", "aber"},         // digits before letters
		{"zebra", "zz"},
		{"y", "zebra"}, // letters outside the alphabet after it
		{"Cwm Taf", "Cwmbran"},
	} {
		if Compare(c.a, c.b) >= 0 || Compare(c.b, c.a) <= 0 {
			t.Errorf("Compare(%q, %q) = %d, Compare(%q, %q) = %d; want %q first", c.a, c.b, Compare(c.a, c.b), c.b, c.a, Compare(c.b, c.a), c.a)
		}
	}
	if Compare("Gwent", "Gwent") != 0 {
		t.Error("a word is not equal to itself")
	}
	names := []string{"Rhyl", "Llanelli", "Caerdydd", "Lyn", "Ruthin", "Chepstow", "Dinbych", "Ddwyryd", "Abertawe", "Ngwent", "Gwent", "Hafod"}
	slices.SortFunc(names, Compare)
	want := "Abertawe Caerdydd Chepstow Dinbych Ddwyryd Gwent Ngwent Hafod Lyn Llanelli Ruthin Rhyl"
	if got := strings.Join(names, " "); got != want {
		t.Errorf("sorted:\n%s\nwant:\n%s", got, want)
	}
}

func TestMutations(t *testing.T) {
	for _, c := range []struct {
		f        func(string) string
		name     string
		in, want string
	}{
		{Soft, "soft", "Gwent", "Went"},
		{Soft, "soft", "Gogledd Cymru", "Ogledd Cymru"},
		{Soft, "soft", "Powys", "Bowys"},
		{Soft, "soft", "Caerdydd a'r Fro", "Gaerdydd a'r Fro"},
		{Soft, "soft", "Cwm Taf Morgannwg", "Gwm Taf Morgannwg"},
		{Soft, "soft", "Llanelli", "Lanelli"},
		{Soft, "soft", "Rhondda", "Rondda"},
		{Soft, "soft", "Merthyr", "Ferthyr"},
		{Soft, "soft", "Bangor", "Fangor"},
		{Soft, "soft", "Dinbych", "Ddinbych"},
		{Soft, "soft", "Tŷ Teulu", "Dŷ Teulu"},
		{Soft, "soft", "gwasanaeth", "wasanaeth"},
		{Soft, "soft", "Chwilog", "Chwilog"}, // ch is not c
		{Soft, "soft", "Ffestiniog", "Ffestiniog"},
		{Soft, "soft", "Theatr", "Theatr"},
		{Soft, "soft", "Abertawe", "Abertawe"},
		{Soft, "soft", "tsunami", "tsunami"},
		{Aspirate, "aspirate", "plentyn", "phlentyn"},
		{Aspirate, "aspirate", "cyngor", "chyngor"},
		{Aspirate, "aspirate", "teulu", "theulu"},
		{Aspirate, "aspirate", "gwasanaeth", "gwasanaeth"},
		{Nasal, "nasal", "Gwent", "Ngwent"},
		{Nasal, "nasal", "Caerdydd", "Nghaerdydd"},
		{Nasal, "nasal", "Powys", "Mhowys"},
		{Nasal, "nasal", "Tywyn", "Nhywyn"},
		{Nasal, "nasal", "Bangor", "Mangor"},
		{Nasal, "nasal", "Dinbych", "Ninbych"},
		{Nasal, "nasal", "Llanelli", "Llanelli"},
	} {
		if got := c.f(c.in); got != c.want {
			t.Errorf("%s(%q) = %q, want %q", c.name, c.in, got, c.want)
		}
	}
	for _, c := range []struct{ prep, in, want string }{
		{"o", "Gwent", "o Went"},
		{"i", "Powys", "i Bowys"},
		{"o", "Gogledd Cymru", "o Ogledd Cymru"},
		{"yn", "Gwent", "yng Ngwent"},
		{"yn", "Caerdydd a'r Fro", "yng Nghaerdydd a'r Fro"},
		{"yn", "Powys", "ym Mhowys"},
		{"yn", "Merthyr", "ym Merthyr"},
		{"yn", "Llanelli", "yn Llanelli"},
		{"a", "plant", "a phlant"},
		{"ac", "Abertawe", "ac Abertawe"},
		{"a", "Abertawe", "ac Abertawe"},
		{"a", "oedolion yr ymddiriedir ynddynt", "ac oedolion yr ymddiriedir ynddynt"},
		{"a", "Caerdydd a'r Fro", "a Chaerdydd a'r Fro"},
		{"a", "Gwent", "a Gwent"},
		// Numbers in digits, as they are read: un, wyth, un deg ..., but
		// deg, dau, cant, mil.
		{"a", "1 ar lefel sylfaenol", "ac 1 ar lefel sylfaenol"},
		{"a", "8 o wasanaethau", "ac 8 o wasanaethau"},
		{"a", "11", "ac 11"},
		{"a", "84", "ac 84"},
		{"a", "10", "a 10"},
		{"a", "2 ar lefel", "a 2 ar lefel"},
		{"a", "100", "a 100"},
		{"a", "1000", "a 1000"},
	} {
		if got := After(c.prep, c.in); got != c.want {
			t.Errorf("After(%q, %q) = %q, want %q", c.prep, c.in, got, c.want)
		}
	}
}

func TestPlural(t *testing.T) {
	var got []string
	for n := range 12 {
		got = append(got, Plural(n))
	}
	want := "zero one two few other other many other other other other other"
	if strings.Join(got, " ") != want {
		t.Errorf("forms 0-11: %s, want %s", strings.Join(got, " "), want)
	}
}
