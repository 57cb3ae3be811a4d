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
	out := jsonReport{Valid: !r.Failed(), Files: len(r.Files) - r.Missing, Unreadable: r.Missing, Errors: e, Warnings: wn, Findings: r.Findings}
	if out.Findings == nil {
		out.Findings = []schema.Finding{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
