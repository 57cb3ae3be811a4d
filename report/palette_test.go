package report

import (
	"testing"

	"github.com/nest-nyth/nest/assessment"
)

// The ratings table colours a cell for every level and for "not rated":
// the palette must have a colour for each level the catalogue has.
func TestPaletteCoversLevels(t *testing.T) {
	if got, want := len(levelFill), len(assessment.Levels)+1; got < want {
		t.Errorf("the PDF palette has %d colours; the catalogue's %d levels and 'not rated' need %d", got, len(assessment.Levels), want)
	}
}
