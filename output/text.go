package output

import (
	"fmt"
	"github.com/nest-nyth/nest/internal/text"
	"github.com/nest-nyth/nest/schema"
	"io"
	"strings"
)

func (r *Report) writeText(w io.Writer, color bool) error {
	var b strings.Builder
	for _, f := range r.Findings {
		if !color {
			b.WriteString(r.line(f))
			b.WriteByte('\n')
			continue
		}
		sev := "\x1b[1;31m" + r.severity(f) + "\x1b[0m"
		if f.Severity == schema.Warning {
			sev = "\x1b[1;33m" + r.severity(f) + "\x1b[0m"
		}
		fmt.Fprintf(&b, "\x1b[1m%s\x1b[0m: %s: %s \x1b[2m[%s]\x1b[0m\n", f.Location(), sev, text.Safe(f.Message), f.Rule)
	}
	_, err := io.WriteString(w, b.String())
	return err
}
