package ordered

import (
	"encoding/json"
	"testing"
)

func TestOrder(t *testing.T) {
	out, err := json.Marshal(Object{{"z", 1}, {"a", []string{"x"}}, {"m", Object{{"b", nil}, {"a", true}}}})
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"z":1,"a":["x"],"m":{"b":null,"a":true}}`; string(out) != want {
		t.Errorf("got %s, want %s", out, want)
	}
}

func TestNoHTMLEscaping(t *testing.T) {
	out, err := Object{{"by", "Cardiff & Vale <RPB>"}}.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"by":"Cardiff & Vale <RPB>"}`; string(out) != want {
		t.Errorf("got %s, want %s", out, want)
	}
}
