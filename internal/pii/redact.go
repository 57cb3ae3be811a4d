package pii

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Redact removes from text every sentence that overlaps a match and returns
// what is left and how many sentences it removed. A sentence ends at a line
// break or at '.', '!', '?' or '…' (with any closing quotes or brackets) that
// is followed by a space or a line break. A full stop does not end a
// sentence after a single letter ("b.", "e.g.") or a title ("Dr.", "Tel.",
// "No."), nor before a lower-case word or a digit: splitting too little
// withholds more, never less. So "07700.900.123" and "example.org" never
// split, and a match that does cross a boundary withholds every sentence it
// touches.
//
// Line breaks are kept, so paragraphs keep their shape; a line whose every
// sentence goes is left empty. The space between a removed sentence and its
// neighbour goes with it. The matches may be in any order (ms is not
// changed); offsets outside text are ignored.
func Redact(text string, ms []Match) (out string, withheld int) {
	return RedactMarked(text, ms, "")
}

// RedactMarked is Redact that leaves mark where sentences were removed, once
// for each run of them, so a reader can see that something was withheld.
func RedactMarked(text string, ms []Match, mark string) (out string, withheld int) {
	if len(ms) == 0 {
		return text, 0
	}
	ms = slices.Clone(ms)
	slices.SortFunc(ms, func(a, b Match) int { return a.Start - b.Start })
	sents := splitSentences(text)
	remove := make([]bool, len(sents))
	// Matches in order of start: k is the first sentence that may overlap
	// the match, and every sentence before marked is already decided.
	k, marked := 0, 0
	for _, m := range ms {
		if m.Start < 0 || m.End > len(text) || m.Start >= m.End {
			continue
		}
		for k < len(sents) && sents[k].end <= m.Start {
			k++
		}
		j := max(k, marked)
		for j < len(sents) && sents[j].start < m.End {
			if !remove[j] {
				remove[j] = true
				withheld++
			}
			j++
		}
		marked = max(marked, j)
	}
	if withheld == 0 {
		return text, 0
	}

	var b strings.Builder
	b.Grow(len(text))
	pos := 0           // text before pos is written or dropped
	wroteMark := false // the last thing written is a mark
	cut := func(from, to int, before, after string) {
		if from < pos {
			from = pos
		}
		if to <= from {
			return
		}
		if from > pos {
			b.WriteString(text[pos:from])
			wroteMark = false
		}
		if mark != "" && !wroteMark {
			b.WriteString(before + mark + after)
			wroteMark = true
		}
		pos = to
	}
	for a := 0; a < len(sents); {
		// The sentences of one line: [a, z).
		z := a + 1
		for z < len(sents) && sents[z].lineStart == sents[a].lineStart {
			z++
		}
		lastKept := -1
		for i := a; i < z; i++ {
			if !remove[i] {
				lastKept = i
			}
		}
		for i := a; i < z; i++ {
			if !remove[i] {
				continue
			}
			switch {
			case i < lastKept:
				cut(sents[i].start, sents[i+1].start, "", " ")
			case lastKept >= 0:
				cut(sents[lastKept].end, sents[i].lineEnd, " ", "")
			default:
				cut(sents[i].lineStart, sents[i].lineEnd, "", "")
			}
		}
		a = z
	}
	b.WriteString(text[pos:])
	return b.String(), withheld
}

// sentence is text[start:end], without the spaces around it, on the line
// text[lineStart:lineEnd] (without its line break).
type sentence struct{ start, end, lineStart, lineEnd int }

func splitSentences(text string) []sentence {
	var out []sentence
	lineStart, lineFirst := 0, 0
	st, last := -1, 0
	closeAt := func(end int) {
		out = append(out, sentence{start: st, end: end, lineStart: lineStart})
		st = -1
	}
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if isLineBreak(r) {
			if st >= 0 {
				closeAt(last)
			}
			for k := lineFirst; k < len(out); k++ {
				out[k].lineEnd = i
			}
			lineFirst = len(out)
			i += size
			lineStart = i
			continue
		}
		if isSpaceRune(r) {
			i += size
			continue
		}
		if st < 0 {
			st = i
		}
		term := i
		i += size
		last = i
		if r != '.' && r != '!' && r != '?' && r != '…' {
			continue
		}
		for i < len(text) {
			r2, s2 := utf8.DecodeRuneInString(text[i:])
			if r2 != '.' && r2 != '!' && r2 != '?' && r2 != '…' && !strings.ContainsRune("\"')]’”»", r2) {
				break
			}
			i += s2
			last = i
		}
		if endsSentence(text, term, i, r) {
			closeAt(last)
		}
	}
	if st >= 0 {
		closeAt(last)
	}
	for k := lineFirst; k < len(out); k++ {
		out[k].lineEnd = len(text)
	}
	return out
}

// endsSentence decides whether the terminator r at text[term], whose
// terminators and closers run to text[i], ends a sentence.
func endsSentence(text string, term, i int, r rune) bool {
	if i == len(text) {
		return true
	}
	next, _ := utf8.DecodeRuneInString(text[i:])
	if isLineBreak(next) {
		return true
	}
	if !isSpaceRune(next) {
		return false
	}
	if r == '!' || r == '?' {
		return true
	}
	// The word before a full stop.
	w := term
	for w > 0 && isASCIILetter(text[w-1]) {
		w--
	}
	if word := strings.ToLower(text[w:term]); term-w == 1 && !letterBefore(text, w) || abbreviations[word] {
		return false
	}
	// What follows.
	j := i
	for j < len(text) {
		r2, s2 := utf8.DecodeRuneInString(text[j:])
		if !isSpaceRune(r2) {
			return !(unicode.IsLower(r2) || unicode.IsDigit(r2))
		}
		j += s2
	}
	return true
}

// abbreviations are words whose full stop rarely ends a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "mx": true, "dr": true, "prof": true, "st": true,
	"no": true, "tel": true, "cllr": true, "rev": true, "approx": true, "ref": true,
	"ext": true, "fig": true, "vs": true, "nos": true, "mob": true,
}

func isLineBreak(r rune) bool {
	return r == '\n' || r == '\r' || r == 0x85 || r == 0x2028 || r == 0x2029
}

func isSpaceRune(r rune) bool {
	return r == ' ' || r == '\t' || r >= utf8.RuneSelf && unicode.IsSpace(r)
}
