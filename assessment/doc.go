// Package assessment owns the NEST self-assessment: the six principles and the
// NEST journey scale, the regions, the Assessment type, and reading and
// writing the YAML file format (version 1).
//
// It is a leaf package: it knows nothing of terminals, JSON Schema or PDFs.
// Decode reports every problem of shape and type it meets, with the line and
// column of the file; rules about values (ranges, lists of allowed words,
// what a final submission needs) live in package schema.
package assessment
