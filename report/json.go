package report

import (
	"encoding/json"
	"io"
)

// WriteJSON writes the report as indented JSON, for other tools. The field
// names are those of the Report type's json tags and are the documented
// format; fields come in the types' order, so the same report always gives
// the same bytes. Means are numbers with one decimal (2.3), or null when
// nothing is rated; lists are [] when empty, never null.
//
// HTML escaping is off: the JSON is read by people and tools, not pasted
// into a web page, and "Cardiff & Vale" should not become "\u0026".
func WriteJSON(w io.Writer, r *Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(r) // Encode ends with the newline a text file wants
}
