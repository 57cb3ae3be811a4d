package assessment

import (
	"flag"
	"os"
	"testing"

	"go.yaml.in/yaml/v3"
)

var update = flag.Bool("update", false, "write catalogue/en.tree again from catalogue/en.yaml")

// catalogue/en.tree is en.yaml's tree, as yaml.v3 reads it: the start reads
// the one, people edit the other.
func TestCatalogueTree(t *testing.T) {
	doc, err := readCatalogue("en.yaml")
	if err != nil {
		t.Fatal(err)
	}
	want := encodeTree(doc)
	if *update {
		if err := os.WriteFile("catalogue/en.tree", want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if enTree != string(want) {
		t.Fatal("catalogue/en.tree is not en.yaml's tree: run go test ./assessment -run TestCatalogueTree -update")
	}
	got, err := decodeTree(enTree)
	if err != nil {
		t.Fatal(err)
	}
	sameNode(t, got, doc, "")
}

func sameNode(t *testing.T, got, want *yaml.Node, path string) {
	t.Helper()
	if got.Kind != want.Kind || got.Style != want.Style || got.Tag != want.Tag || got.Value != want.Value ||
		got.Line != want.Line || got.Column != want.Column || len(got.Content) != len(want.Content) {
		t.Fatalf("%s: read back %+v, want %+v", path, *got, *want)
	}
	for i := range got.Content {
		sameNode(t, got.Content[i], want.Content[i], path+"/"+want.Content[i].Value)
	}
}

// A tree cut anywhere is refused, not read wrong or panicked over.
func TestTreeCutShort(t *testing.T) {
	for n := 0; n < len(enTree); n += 1 + n/7 {
		if _, err := decodeTree(enTree[:n]); err == nil {
			t.Fatalf("a tree cut at byte %d of %d was read", n, len(enTree))
		}
	}
	if _, err := decodeTree(enTree + "x"); err == nil {
		t.Error("a tree with a byte after it was read")
	}
}
