package output

import (
	"fmt"
	"github.com/nest-nyth/nest/internal/text"
	"io"
	"strings"
)

// GitHub Actions workflow commands: the data escapes %, CR and LF; property
// values escape those and : and , as well.
func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func ghProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

func (r *Report) writeGitHub(w io.Writer) error {
	var b strings.Builder
	for _, f := range r.Findings {
		level := "warning"
		if r.fails(f) {
			level = "error"
		}
		fmt.Fprintf(&b, "::%s file=%s", level, ghProperty(text.Safe(f.File)))
		fmt.Fprintf(&b, ",line=%d,col=%d", max(f.Line, 1), max(f.Column, 1))
		fmt.Fprintf(&b, ",title=%s::%s\n", ghProperty("nest "+f.Rule), ghData(text.Safe(f.Message)))
	}
	_, err := io.WriteString(w, b.String())
	return err
}
