// Package pii finds personal data in the free text of NEST/NYTH
// self-assessments (quotes, what is working well, concerns, actions,
// organisation names, themes) before a report is published, and withholds
// the sentences that hold it.
//
// A Detector finds e-mail addresses, UK phone numbers, NHS numbers,
// postcodes, dates of birth and National Insurance numbers; New takes the
// allow-list of public helplines that may be printed. Find reports byte
// offsets in the text as given, although matching runs on a normalised copy
// (NFKC, invisible characters dropped, space, dash and dot variants folded),
// so "０７７００ ９００ １２３", "07700\u00a0900\u00a0123" and
// "07700\u200b900123" are all found. Redact removes each sentence that holds
// a match.
//
// Every scanner makes one pass with bounded look-ahead, so the cost is linear
// in the text; text with no '@' and fewer than two digits is passed over in a
// single cheap loop. The rules and what each one leaves out are described
// beside the scanner that applies them: numbers.go, email.go, postcode.go,
// birth.go, ninumber.go.
package pii
