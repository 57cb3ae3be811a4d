// Package ordered is a JSON object that keeps its keys in the order they
// were added, so that a document built from a table (the JSON Schema, a
// report's figures) reads top to bottom like the table.
package ordered

import (
	"bytes"
	"encoding/json"
)

// Object is a JSON object with ordered keys.
type Object []Member

// Member is one key and its value. It is a plain struct type, so that a
// table of members reads as {"key", value} without field names.
type Member = struct {
	Key   string
	Value any
}

// MarshalJSON writes the members in order. Text is not HTML-escaped
// ("&" stays "&"): the JSON is for programs, not for a web page.
func (o Object) MarshalJSON() ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	buf.WriteByte('{')
	for i, m := range o {
		if i > 0 {
			buf.WriteByte(',')
		}
		for j, v := range []any{m.Key, m.Value} {
			if err := enc.Encode(v); err != nil {
				return nil, err
			}
			buf.Truncate(buf.Len() - 1) // Encode ends each value with a newline
			if j == 0 {
				buf.WriteByte(':')
			}
		}
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}
