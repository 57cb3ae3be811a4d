// Package schema owns what makes a NEST file valid: the published JSON
// Schema (embedded, and built from the catalogue in package assessment), the
// rules that check a file beyond its shape, the findings they produce, and
// the formats findings are printed in (text, JSON, GitHub annotations,
// JUnit XML and SARIF).
package schema
