// Package examples holds the shipped sample self-assessments: the seven
// regions' files for 2024, whose averages match the published national
// figures, and service files for one region. They are embedded so that
// tests and commands can use them wherever nest runs.
package examples

import "embed"

// FS holds the example files under 2024/.
//
//go:embed 2024
var FS embed.FS
