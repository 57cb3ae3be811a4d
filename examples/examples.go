// Package examples holds the shipped sample self-assessments: the seven
// regions' files for 2024, whose averages match the published national
// figures, and service files for one region; and an invented previous
// round, 2023, to compare them with (2023/README.md). They are embedded so
// that tests and commands can use them wherever nest runs.
package examples

import (
	"embed"
	_ "embed"
)

// FS holds the example self-assessments under 2023/ and 2024/.
//
//go:embed 2023/regions/*.yaml 2024/regions/*.yaml 2024/services/*/*.yaml
var FS embed.FS

// Update2024 is the example editorial file of the 2024 national update,
// 2024/update.md.
//
//go:embed 2024/update.md
var Update2024 []byte

// Update2024Welsh is the same editorial file in Welsh, 2024/update.cy.md:
// nest aggregate --lang cy (or cy+en) finds it beside update.md.
//
//go:embed 2024/update.cy.md
var Update2024Welsh []byte
