package pii

import (
	"fmt"
	"strings"
	"testing"
)

// helplines is the allow-list the product's catalogue would pass to New.
var helplines = []string{
	"0808 800 5000", "0800 1111", "0808 80 23456", "111", "116 123", "0800 132 737",
	"85258", "0800 068 4141", "999", "0808 800 2222", "0808 802 5544",
}

// found renders matches as "kind:text" for comparison.
func found(text string, ms []Match) string {
	var parts []string
	for _, m := range ms {
		parts = append(parts, fmt.Sprintf("%s:%s", m.Kind, text[m.Start:m.End]))
	}
	return strings.Join(parts, " | ")
}

func TestFind(t *testing.T) {
	d := New(helplines)
	tests := []struct {
		name, text, want string
	}{
		// Phone numbers and the separators that used to hide them.
		{"mobile", "Ring 07700 900123 after six", "phone:07700 900123"},
		{"landline in brackets", "Ring (01633) 123456 after six", "phone:(01633) 123456"},
		{"no-break spaces", "Ring 07700\u00a0900\u00a0123", "phone:07700\u00a0900\u00a0123"},
		{"thin spaces", "Ring 07700\u2009900\u2009123", "phone:07700\u2009900\u2009123"},
		{"narrow no-break spaces", "Ring 07700\u202f900\u202f123", "phone:07700\u202f900\u202f123"},
		{"en dashes", "Ring 07700–900–123", "phone:07700–900–123"},
		{"em dashes", "Ring 07700—900—123", "phone:07700—900—123"},
		{"dots", "Ring 07700.900.123.", "phone:07700.900.123"},
		{"0044", "Ring 0044 7700 900123", "phone:0044 7700 900123"},
		{"+44 (0)", "Ring +44 (0) 7700 900123", "phone:+44 (0) 7700 900123"},
		{"+44", "Ring +44 29 2000 1234", "phone:+44 29 2000 1234"},
		{"+44 no spaces", "Tel:+447700900777", "phone:+447700900777"},
		{"other country", "Ring +353 1 555 0147", "phone:+353 1 555 0147"},
		{"full-width digits", "Ring ０７７００ ９００ １２３", "phone:０７７００ ９００ １２３"},
		{"zero-width space", "Ring 07700\u200b900123", "phone:07700\u200b900123"},
		{"zero-width non-joiner and joiner", "Ring 07700\u200c900\u200d123", "phone:07700\u200c900\u200d123"},
		{"word joiner", "Ring 07700\u2060900123", "phone:07700\u2060900123"},
		{"byte order mark", "Ring 07700\ufeff900123", "phone:07700\ufeff900123"},
		{"soft hyphen", "Ring 07700\u00ad900123", "phone:07700\u00ad900123"},
		{"freephone not on the list", "Ring 0808 157 0099", "phone:0808 157 0099"},
		{"two numbers", "07700 900 912 or 01632 960 503", "phone:07700 900 912 | phone:01632 960 503"},

		// Allowed helplines, in any written form.
		{"helplines", "NSPCC 0808 800 5000, Childline 0800 1111, Meic 0808 80 23456, NHS 111, " +
			"Samaritans 116 123, CALL 0800 132 737, Shout 85258, Papyrus 0800 068 4141, 999, " +
			"Family Lives 0808 800 2222, YoungMinds 0808 802 5544", ""},
		{"helpline written differently", "Meic 080880 23456 or +44 808 800 5000", ""},
		{"helpline in full-width digits", "NSPCC ０８０８ ８００ ５０００", ""},
		{"helpline beside a personal number", "Childline 0800 1111 or me on 07700 900 512",
			"phone:07700 900 512"},

		// NHS numbers.
		{"NHS number", "Patient 943 476 5919 was seen", "nhs-number:943 476 5919"},
		{"NHS number with dashes", "NHS No 943-476-5919", "nhs-number:943-476-5919"},
		{"NHS number together", "NHS 9434765919", "nhs-number:9434765919"},
		{"NHS number with no-break spaces", "NHS 943\u00a0476\u00a05919", "nhs-number:943\u00a0476\u00a05919"},
		{"NHS checksum fails", "Ten-digit reference 1234567890 failed the check", ""},

		// E-mail addresses.
		{"e-mail", "Write to sian.jones@example.org today", "email:sian.jones@example.org"},
		{"e-mail with a zero-width space", "jo\u200b.bloggs@example.org", "email:jo\u200b.bloggs@example.org"},
		{"full-width at sign", "owen＠example.org", "email:owen＠example.org"},
		{"Welsh letters", "siân@example.cymru", "email:siân@example.cymru"},
		{"spelt with brackets", "name [at] example [dot] org", "email:name [at] example [dot] org"},
		{"spelt with round brackets", "carer.jones(at)example.com", "email:carer.jones(at)example.com"},
		{"spelt without brackets", "a.jones at example dot org", "email:a.jones at example dot org"},
		{"spelt without brackets needs a dot word", "meet at school.Then", ""},
		{"social media handle", "Follow @MeicCymru", ""},

		// Postcodes.
		{"postcode", "She lives at CF10 1AA now", "postcode:CF10 1AA"},
		{"postcode in lower case", "She lives at cf10 1aa now", "postcode:cf10 1aa"},
		{"postcode without a space", "Postcode CF101AA", "postcode:CF101AA"},
		{"postcode with a no-break space", "CF10\u00a03NQ", "postcode:CF10\u00a03NQ"},
		{"public building postcode", "Ysgol Bro Teifi, SA44 4JL", "postcode:SA44 4JL"},
		{"outward code alone", "Families in CF10 and SA1", ""},
		{"Y7 2nd", "Y7 2nd term", ""},
		{"KS2 1st", "KS2 1st year", ""},
		{"room and floor", "Room B2 3rd floor", ""},

		// Dates of birth.
		{"DOB", "DOB 03/04/2012", "date-of-birth:DOB 03/04/2012"},
		{"DOB in US order", "DOB 12/31/2015", "date-of-birth:DOB 12/31/2015"},
		{"date of birth", "her date of birth is 03/04/2012", "date-of-birth:date of birth is 03/04/2012"},
		{"birthday", "birthday 3 March 2016", "date-of-birth:birthday 3 March 2016"},
		{"born on the 3rd of", "born on the 3rd of March 2016", "date-of-birth:born on the 3rd of March 2016"},
		{"born ISO", "born 2015-03-01 in Newport", "date-of-birth:born 2015-03-01"},
		{"b.", "b. 03/03/2016", "date-of-birth:b. 03/03/2016"},
		{"D.O.B.", "D.O.B. 7th November 2011", "date-of-birth:D.O.B. 7th November 2011"},
		{"date before cue", "03/03/2016 (DOB)", "date-of-birth:03/03/2016 (DOB"},
		{"born in a place", "born in Merthyr on 11 May 2013", "date-of-birth:born in Merthyr on 11 May 2013"},
		{"dyddiad geni", "Dyddiad geni: 14/07/2012", "date-of-birth:Dyddiad geni: 14/07/2012"},
		{"ganwyd", "Ganwyd Elis ar 5 Mehefin 2014", "date-of-birth:Ganwyd Elis ar 5 Mehefin 2014"},
		{"mutated month", "Cafodd ei geni ar 12fed o Fai 2015", "date-of-birth:geni ar 12fed o Fai 2015"},
		{"Born into Care", "Born into Care, launched 1 April 2023", ""},
		{"born out of a pilot", "Born out of a 2019 pilot, the service grew", ""},
		{"a service is born", "The service was born on 1 April 2023.", ""},
		{"date without a cue", "on 12/03/2024 the board met", ""},
		{"month and year only", "born in March 2016", ""},

		// National Insurance numbers.
		{"NI number", "NI AB123456C", "ni-number:AB123456C"},
		{"NI number spaced", "NI JT 48 29 16 C", "ni-number:JT 48 29 16 C"},
		{"NI number without suffix", "ref AB123456", ""},
		{"HMRC example prefix", "QQ 12 34 56 C", ""},

		// Not personal data.
		{"years and ranges", "In 2023-2024 and 2024/25, and 2023–24", ""},
		{"money", "Funding of £1,250,000", ""},
		{"counts", "1,234 children", ""},
		{"times", "Open 09.00-17.00 and 10:30 to 12:00", ""},
		{"date ranges", "01.04.2024 - 31.03.2025", ""},
		{"decimals", "0.25 0.5 0.75 1.0", ""},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := found(tt.text, d.Find(tt.text)); got != tt.want {
				t.Errorf("Find(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestFirst(t *testing.T) {
	d := New(nil)
	text := "Email jo@example.org or ring 07700 900123"
	m, ok := d.First(text)
	if !ok || m.Kind != Email || text[m.Start:m.End] != "jo@example.org" {
		t.Errorf("First = %+v, %v", m, ok)
	}
	if _, ok := d.First("nothing here"); ok {
		t.Error("First found something in clean text")
	}
}

func TestAllowList(t *testing.T) {
	tests := []struct {
		allowed []string
		text    string
		want    string
	}{
		{nil, "0808 800 5000", "phone:0808 800 5000"},
		{[]string{"0808 800 5000"}, "0808 800 5000", ""},
		{[]string{"08088005000"}, "0808-800-5000", ""},
		{[]string{"+44 808 800 5000"}, "0808 800 5000", ""},
		{[]string{"+44 (0) 808 800 5000"}, "0808 800 5000", ""},
		{[]string{"0044 808 800 5000"}, "+44 808 800 5000", ""},
		{[]string{"0808 800 5000"}, "+44 (0)808 800 5000", ""},
		{[]string{"+353 1 555 0147"}, "+353 1 555 0147", ""},
		{[]string{"0808 800 5000"}, "0808 800 5001", "phone:0808 800 5001"},
		{[]string{"nest@example.gov.wales"}, "NEST@example.gov.wales", ""},
		{[]string{"nest@example.gov.wales"}, "jo@example.gov.wales", "email:jo@example.gov.wales"},
		{[]string{"", "no digits"}, "07700 900123", "phone:07700 900123"},
	}
	for _, tt := range tests {
		d := New(tt.allowed)
		if got := found(tt.text, d.Find(tt.text)); got != tt.want {
			t.Errorf("New(%q).Find(%q) = %q, want %q", tt.allowed, tt.text, got, tt.want)
		}
	}
}

func TestAllowListFile(t *testing.T) {
	d := New(loadAllowList(t))
	for _, n := range loadAllowList(t) {
		if ms := d.Find("Call " + n + " today"); len(ms) != 0 {
			t.Errorf("allowed number %q found: %v", n, ms)
		}
	}
}

func TestCanonNumber(t *testing.T) {
	tests := map[string]string{
		"0808 800 5000":        "08088005000",
		"+44 808 800 5000":     "08088005000",
		"+44 (0) 808 800 5000": "08088005000",
		"0044 808 800 5000":    "08088005000",
		"+353 1 555 0147":      "+35315550147",
		"116 123":              "116123",
		"０８００ １１１１":            "08001111",
		"none":                 "",
	}
	for in, want := range tests {
		if got := canonNumber(in); got != want {
			t.Errorf("canonNumber(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestChunks reads a text in small pieces, as Find does past 1 GiB: cut
// after line breaks it finds what it finds in one piece; a line longer than
// a piece is cut on a rune boundary.
func TestChunks(t *testing.T) {
	d := New(helplines)
	text := strings.Repeat("Ring 07700 900123 or mail jo@example.org.\nNothing here.\n", 20)
	long := strings.Repeat("０７７００ ９００ １２３ ", 10)
	want := d.Find(text)
	defer func(n int) { chunkSize = n }(chunkSize)
	chunkSize = 100
	if got := d.Find(text); found(text, got) != found(text, want) {
		t.Errorf("in pieces: %s\nwhole: %s", found(text, got), found(text, want))
	}
	ms := d.Find(long)
	if len(ms) == 0 {
		t.Fatal("nothing found in a long line")
	}
	for _, m := range ms {
		if got := long[m.Start:m.End]; got != "０７７００ ９００ １２３" {
			t.Errorf("long line: found %q", got)
		}
	}
}
