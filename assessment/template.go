package assessment

import (
	"fmt"
	"strings"
)

// TemplateOptions fill in what is known before a person starts editing.
type TemplateOptions struct {
	Region string // a region key, or "" to leave it for the person
	Scope  string // ScopeRegion or ScopeService
	Year   int
}

// Template returns a commented file for people who prefer to write their
// assessment in an editor. Every key is present, empty where a person has
// to answer, and explained from the catalogue. For a region's own
// submission, with the region given, it is a valid draft whose missing
// answers show as warnings; a service's template still needs its name and
// sector.
func Template(o TemplateOptions) []byte {
	var b strings.Builder
	comment := func(indent, text string) {
		for _, line := range wrap(text, 78-len(indent)) {
			b.WriteString(indent + "# " + line + "\n")
		}
	}
	help := func(indent, key string) {
		f := Fields[key]
		comment(indent, f.Title+": "+f.Help)
	}
	choices := func(cs []Choice) string { return strings.Join(Keys(cs), ", ") }

	b.WriteString("# yaml-language-server: $schema=" + SchemaURL + "\n")
	comment("", "NEST self-assessment. Fill in the answers below, then check the file with: nest validate FILE. Keys left empty count as not answered yet.")
	comment("", "Reports made from this file are published: never write names or anything else that identifies a child, a family or a member of staff.")
	comment("", "For text over several lines, write | after the colon and put the text on the lines below, indented by two more spaces.")
	b.WriteString("nest: 1\n")
	help("", "region")
	comment("", "One of: "+strings.Join(regionKeys, ", ")+".")
	b.WriteString("region:" + value(o.Region) + "\n")
	help("", "scope")
	scope := o.Scope
	if scope == "" {
		scope = ScopeRegion
	}
	b.WriteString("scope: " + scope + "\n")
	help("", "organisation")
	org := ""
	if r, ok := RegionByKey(o.Region); ok && scope == ScopeRegion {
		org = r.Name.EN + " Regional Partnership Board"
	}
	b.WriteString("organisation:" + value(org) + "\n")
	if scope == ScopeService {
		help("", "service")
		b.WriteString("service:\n")
		help("  ", "service.sector")
		comment("  ", "One of: "+choices(Sectors)+".")
		b.WriteString("  sector:\n")
		help("  ", "service.funding")
		b.WriteString("  funding: []\n")
	}
	help("", "year")
	fmt.Fprintf(&b, "year: %d\n", o.Year)
	help("", "submitted")
	b.WriteString("submitted:\n")
	help("", "status")
	b.WriteString("status: draft\n")
	help("", "voices")
	b.WriteString("voices:\n")
	for _, g := range VoiceGroups {
		help("  ", "voices."+g.Key)
		b.WriteString("  " + g.Key + ": false\n")
	}
	help("  ", "voices.how")
	b.WriteString("  how:\n")
	help("", "principles")
	b.WriteString("principles:\n")
	for i, p := range Principles {
		if i > 0 {
			b.WriteString("\n")
		}
		comment("  ", fmt.Sprintf("Principle %d of %d: %s. %s", i+1, len(Principles), p.Name.EN, p.Summary))
		b.WriteString("  " + p.Key + ":\n")
		help("    ", "rating")
		b.WriteString("    rating:\n")
		help("    ", "not_rated")
		b.WriteString("    not_rated:\n")
		help("    ", "target")
		b.WriteString("    target:\n")
		for _, k := range []string{"working_well", "concerns", "good_looks_like"} {
			help("    ", k)
			b.WriteString("    " + k + ":\n")
		}
		help("    ", "actions")
		b.WriteString("    actions:\n")
		// Written as they must stand once uncommented: owner and due line
		// up under action.
		b.WriteString("      # - action: What will be done\n")
		b.WriteString("      #   owner: The team or role that will do it\n")
		b.WriteString("      #   due: 2025-03\n")
		help("    ", "themes")
		b.WriteString("    themes: []\n")
		help("    ", "feedback")
		comment("    ", "from is one of: "+choices(Sources)+".")
		b.WriteString("    feedback:\n")
		b.WriteString("      # - quote: The words, as said or written\n")
		b.WriteString("      #   from: child-or-young-person\n")
	}
	return []byte(b.String())
}

func value(s string) string {
	if s == "" {
		return ""
	}
	return " " + s
}

// wrap breaks text into lines of at most width characters, at spaces.
func wrap(text string, width int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(text) {
		if line != "" && len(line)+1+len(w) > width {
			lines = append(lines, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}
