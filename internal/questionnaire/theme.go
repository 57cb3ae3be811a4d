package questionnaire

import (
	"sync"

	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"
)

// theme is huh's Base16 theme with the choice marked by shape as well as
// colour, so that it shows with NO_COLOR and on a monochrome terminal. In
// huh a Confirm's two buttons differ only by colour; here the chosen one
// reads "[ Yes ]" and the other "  No  ", the same width. Selects keep
// their "> " cursor, multi-selects their ticks.
var theme = huh.ThemeFunc(func(isDark bool) *huh.Styles {
	themeOnce.Do(func() {
		themes[0], themes[1] = buildTheme(false), buildTheme(true)
	})
	if isDark {
		return themes[1]
	}
	return themes[0]
})

var (
	themeOnce sync.Once
	themes    [2]*huh.Styles
)

func buildTheme(isDark bool) *huh.Styles {
	t := huh.ThemeBase16(isDark)
	t.FieldSeparator = lipgloss.NewStyle() // see hideable.View
	for _, fs := range []*huh.FieldStyles{&t.Focused, &t.Blurred} {
		fs.FocusedButton = fs.FocusedButton.Padding(0, 0).MarginRight(1).
			Transform(func(s string) string { return "[ " + s + " ]" })
		fs.BlurredButton = fs.BlurredButton.Padding(0, 2).MarginRight(1)
		fs.Next = fs.FocusedButton
	}
	return t
}
