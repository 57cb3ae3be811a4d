package report

import (
	"strings"
	"time"

	"github.com/nest-nyth/nest/assessment"
	"github.com/nest-nyth/nest/internal/cymraeg"
	"github.com/nest-nyth/nest/internal/text"
)

// The report's words: every fixed sentence comes from the catalogue
// (assessment.Words), so that a Welsh edition is a translation of the
// catalogue, not a rewrite of this package. The helpers here only put
// those words together.

// who is how a report names a submitter in running text: "the Gwent
// region" in a national report, the service's name in a regional one.
func who(w *assessment.Words, level, name string) string {
	if level == National {
		return w.Say("who.region", name)
	}
	return name
}

// unit counts submitters: "7 regions", "1 service".
func unit(w *assessment.Words, level string, n int) string {
	if level == National {
		return w.Count("count.regions", n, n)
	}
	return w.Count("count.services", n, n)
}

// andList joins names as a person would: "a, b and c". In Welsh "a"
// becomes "ac" before a vowel and mutates what follows it: "Gwent,
// Powys a Chaerdydd a'r Fro".
func andList(w *assessment.Words, names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	head := strings.Join(names[:len(names)-1], w.Say("list.comma"))
	last := names[len(names)-1]
	if strings.HasPrefix(w.Lang, "cy") {
		return head + " " + cymraeg.After("a", last)
	}
	return head + w.Say("list.and") + last
}

// dayWords is a date in words: 31 October 2024.
func dayWords(w *assessment.Words, d string) string {
	t, err := time.Parse(time.DateOnly, d)
	if err != nil {
		return d
	}
	return w.Say("date.day", t.Day(), monthName(w, t.Month()), t.Year())
}

// monthWords is a month in words: March 2025, from 2025-03 or a day.
func monthWords(w *assessment.Words, d string) string {
	if len(d) >= 7 {
		if t, err := time.Parse("2006-01", d[:7]); err == nil {
			return w.Say("date.month", monthName(w, t.Month()), t.Year())
		}
	}
	return d
}

func monthName(w *assessment.Words, m time.Month) string {
	return w.Say("month." + strings.ToLower(m.String()))
}

// sentence ends text with a full stop if it has no end of its own.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.ContainsAny(s[len(s)-1:], ".!?:") {
		return s
	}
	return s + "."
}

// capital starts a sentence.
func capital(s string) string { return text.UpperFirst(s) }
