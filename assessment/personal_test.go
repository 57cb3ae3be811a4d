package assessment

import "testing"

func TestPersonalData(t *testing.T) {
	tests := []struct{ text, kind string }{
		{"Write to sian.jones@example.org today", "an e-mail address"},
		{"Ring 07700 900123 after six", "a phone number"},
		{"Ring (01633) 123456 after six", "a phone number"},
		{"Ring +44 29 2000 1234", "a phone number"},
		{"She lives at CF10 1AA now", "a postcode"},
		{"She lives at cf10 1aa now", "a postcode"},
		{"Patient 943 476 5919 was seen", "an NHS number"},
		{"DOB 03/04/2012", "a date of birth"},
		{"her date of birth is 03/04/2012", "a date of birth"},
		{"born on 1st of March 2015", "a date of birth"},
		{"born 2015-03-01 in Newport", "a date of birth"},
		// Not personal data: counts, years, references, a checksum failure.
		{"In 2024 we answered 1,250 calls within 10 days", ""},
		{"Ten-digit reference 1234567890 failed the check", ""},
		{"Year 10 and Year 11 pupils; 3 of 7 councils", ""},
		{"Born out of a 2019 pilot, the service grew", ""},
	}
	for _, tt := range tests {
		if kind, _ := PersonalData(tt.text); kind != tt.kind {
			t.Errorf("PersonalData(%q) = %q, want %q", tt.text, kind, tt.kind)
		}
	}
}
