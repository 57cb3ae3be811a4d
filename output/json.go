package output

import (
	"encoding/json"
	"io"

	"github.com/nest-nyth/nest/schema"
)

type jsonReport struct {
	Valid      bool             `json:"valid"`
	Files      int              `json:"files"`
	Unreadable int              `json:"unreadable"`
	Errors     int              `json:"errors"`
	Warnings   int              `json:"warnings"`
	Findings   []schema.Finding `json:"findings"`
}

func (r *Report) writeJSON(w io.Writer) error {
	e, wn := r.Counts()
	// Nothing checked is not valid: a script that reads only valid must
	// not pass an empty folder (the exit status is 3).
	out := jsonReport{Valid: !r.Failed() && len(r.Files) > 0, Files: len(r.Files) - r.Missing, Unreadable: r.Missing, Errors: e, Warnings: wn, Findings: r.Findings}
	if out.Findings == nil {
		out.Findings = []schema.Finding{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
