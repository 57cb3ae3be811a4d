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

// Known limits, found by probing (the corpus tests hold what is caught):
//
//   - Missed: mobile numbers with a digit too few (07700 90012) or split
//     oddly (0 7700 900 123); numbers written in words; "jo at example.org"
//     without brackets and without a known domain ending; jo@example with no
//     dot after the @; National Insurance numbers without the final letter;
//     dates of birth with no cue word (Jac (03/03/2016)); a month and year,
//     or an age; lower-case postcodes that look like ordinals (cf24 3rd);
//     names and addresses without a postcode, which are out of scope.
//   - Taken for personal data: "ROOM B2 3RD" with no noun after it; "Meet @
//     hub.org"; a figurative "born on <date>" whose subject is not an
//     organisation word.
//   - Redact splits sentences at line breaks, so a sentence wrapped over two
//     lines of a text is withheld only on the line that holds the data.
