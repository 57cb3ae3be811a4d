package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"

	"github.com/nest-nyth/nest/assessment"
)

// WriteJSON writes the report as indented JSON, for other tools. The field
// names are those of the Report type's json tags and are the documented
// format; fields come in the types' order, so the same report always gives
// the same bytes. Means are numbers with one decimal (2.3), or null when
// nothing is rated; lists are [] when empty, never null.
//
// HTML escaping is off: the JSON is read by people and tools, not pasted
// into a web page, and "Cardiff & Vale" should not become "\u0026".
func WriteJSON(w io.Writer, r *Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(r) // Encode ends with the newline a text file wants
}

// ReadJSON reads a report that WriteJSON wrote (of either edition): the
// previous round, for Compare. Keys it does not know are an error, so that
// a file of another tool is not taken for one.
//
// Its errors are in the language of w (nil for English).
func ReadJSON(data []byte, w *assessment.Words) (*Report, error) {
	if w == nil {
		w = assessment.English
	}
	var r Report
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&r); err != nil {
		var n notTenths
		if errors.As(err, &n) {
			return nil, errors.New(w.Say("cli.compare.json.number", string(n)))
		}
		return nil, err
	}
	if r.Level != National && r.Level != Regional || r.Year == 0 || len(r.Principles) == 0 {
		return nil, errors.New(w.Say("cli.compare.json.notnest"))
	}
	return &r, nil
}

// notTenths is a value that is not a number with one decimal.
type notTenths string

func (n notTenths) Error() string { return string(n) }

// UnmarshalJSON reads a number with one decimal: 2.3, -0.2, 2.
func (t *Tenths) UnmarshalJSON(b []byte) error {
	f, err := strconv.ParseFloat(string(b), 64)
	if err != nil {
		return notTenths(b)
	}
	*t = Tenths(math.Round(f * 10))
	return nil
}

// UnmarshalJSON reads ratings written with null for none.
func (rs *Ratings) UnmarshalJSON(b []byte) error {
	var list []*int
	if err := json.Unmarshal(b, &list); err != nil {
		return err
	}
	*rs = make(Ratings, len(list))
	for i, r := range list {
		if r != nil {
			(*rs)[i] = *r
		}
	}
	return nil
}

// UnmarshalJSON reads what MarshalJSON writes: the figures, and the words
// of every free text of the format's table under its own key.
func (s *PrincipleStats) UnmarshalJSON(b []byte) error {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	var fixed struct {
		Key             string   `json:"key"`
		Name            string   `json:"name"`
		Rated           int      `json:"rated"`
		NotRated        int      `json:"not_rated"`
		Mean            *Tenths  `json:"mean"`
		Min             int      `json:"min"`
		Max             int      `json:"max"`
		AtLevel         []int    `json:"at_level"`
		Targets         int      `json:"targets"`
		MeanTarget      *Tenths  `json:"mean_target"`
		Themes          []Count  `json:"themes"`
		NotRatedReasons []Said   `json:"not_rated_reasons"`
		Actions         []Action `json:"actions"`
		Quotes          []Quote  `json:"quotes"`
	}
	texts := map[string][]Said{}
	for k, v := range raw {
		if slices.ContainsFunc(assessment.ResponseTexts(), func(f *assessment.Field) bool { return f.Key == k }) {
			var said []Said
			if err := json.Unmarshal(v, &said); err != nil {
				return fmt.Errorf("%s: %w", k, err)
			}
			texts[k] = said
			delete(raw, k)
		}
	}
	rest, err := json.Marshal(raw)
	if err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(rest))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&fixed); err != nil {
		return err
	}
	*s = PrincipleStats{Key: fixed.Key, Name: fixed.Name, Rated: fixed.Rated, NotRated: fixed.NotRated, Mean: fixed.Mean,
		Min: fixed.Min, Max: fixed.Max, AtLevel: fixed.AtLevel, Targets: fixed.Targets, MeanTarget: fixed.MeanTarget,
		Themes: fixed.Themes, Texts: texts, NotRatedReasons: fixed.NotRatedReasons, Actions: fixed.Actions, Quotes: fixed.Quotes}
	return nil
}
