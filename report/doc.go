// Package report turns a set of self-assessments into the NEST
// implementation update: Aggregate computes the statistics (pure
// functions over assessment values, no input or output), and the
// renderers write them as JSON or as a PDF to publish.
package report
