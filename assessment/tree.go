package assessment

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"

	"go.yaml.in/yaml/v3"
)

// The English catalogue is read at every start. Parsing its YAML took 7 to
// 12 ms of every command's start, so catalogue/en.tree holds the tree
// yaml.v3 reads from en.yaml, written out (TestCatalogueTree keeps the two
// the same: go test ./assessment -run TestCatalogueTree -update writes it
// again after en.yaml changes), and the start reads that instead.
//
//go:embed catalogue/en.tree
var enTree string

// treeMagic starts a tree file.
const treeMagic = "nest tree 1\n"

// encodeTree writes n: how many nodes, then each node (kind, style, tag,
// value, line, column, how many children) before its children.
func encodeTree(n *yaml.Node) []byte {
	count := 0
	var countAll func(*yaml.Node)
	countAll = func(n *yaml.Node) {
		count++
		for _, c := range n.Content {
			countAll(c)
		}
	}
	countAll(n)
	b := binary.AppendUvarint([]byte(treeMagic), uint64(count))
	var put func(*yaml.Node)
	put = func(n *yaml.Node) {
		b = append(b, byte(n.Kind), byte(n.Style))
		b = binary.AppendUvarint(b, uint64(len(n.Tag)))
		b = append(b, n.Tag...)
		b = binary.AppendUvarint(b, uint64(len(n.Value)))
		b = append(b, n.Value...)
		b = binary.AppendUvarint(b, uint64(n.Line))
		b = binary.AppendUvarint(b, uint64(n.Column))
		b = binary.AppendUvarint(b, uint64(len(n.Content)))
		for _, c := range n.Content {
			put(c)
		}
	}
	put(n)
	return b
}

// decodeTree reads what encodeTree wrote. Its texts are parts of s, not
// copies.
func decodeTree(s string) (*yaml.Node, error) {
	if len(s) < len(treeMagic) || s[:len(treeMagic)] != treeMagic {
		return nil, errors.New("not a nest tree")
	}
	s = s[len(treeMagic):]
	bad := errors.New("a nest tree cut short")
	num := func() (int, error) {
		v, n := binary.Uvarint([]byte(s[:min(len(s), binary.MaxVarintLen64)]))
		if n <= 0 || v > 1<<31 {
			return 0, bad
		}
		s = s[n:]
		return int(v), nil
	}
	text := func() (string, error) {
		n, err := num()
		if err != nil || n > len(s) {
			return "", bad
		}
		t := s[:n]
		s = s[n:]
		return t, nil
	}
	count, err := num()
	if err != nil {
		return nil, err
	}
	nodes := make([]yaml.Node, 0, count) // every node, made at once
	kids := make([]*yaml.Node, 0, count) // every list of children, one after another
	var get func() (*yaml.Node, error)
	get = func() (*yaml.Node, error) {
		if len(s) < 2 || len(nodes) == cap(nodes) {
			return nil, bad
		}
		nodes = append(nodes, yaml.Node{Kind: yaml.Kind(s[0]), Style: yaml.Style(s[1])})
		n := &nodes[len(nodes)-1]
		s = s[2:]
		var err error
		var line, col, children int
		if n.Tag, err = text(); err != nil {
			return nil, err
		}
		if n.Value, err = text(); err != nil {
			return nil, err
		}
		for _, v := range []*int{&line, &col, &children} {
			if *v, err = num(); err != nil {
				return nil, err
			}
		}
		n.Line, n.Column = line, col
		if children > cap(kids)-len(kids) {
			return nil, bad
		}
		start := len(kids)
		kids = kids[:start+children]
		n.Content = kids[start : start+children : start+children]
		for i := range children {
			if n.Content[i], err = get(); err != nil {
				return nil, err
			}
		}
		if children == 0 {
			n.Content = nil
		}
		return n, nil
	}
	root, err := get()
	if err != nil {
		return nil, err
	}
	if len(s) > 0 {
		return nil, fmt.Errorf("%d bytes after a nest tree", len(s))
	}
	return root, nil
}
