// Package pdfcheck reads a tagged PDF back, with pdfcpu, and checks what
// PDF/UA-1 (ISO 14289-1, the Matterhorn Protocol's machine-checkable
// failure conditions) asks of it that can be seen without judgement: the
// catalogue's entries, the metadata, every page's tags, that each mark on
// a page belongs to the structure tree or is an artifact, headings that
// skip no level, tables with header cells and their scope, figures with a
// description, links, and fonts embedded with a map back to Unicode.
//
// It is how nest's tests and CI hold the report to those rules. It is not
// a full validator: whether a description says enough, or a reading order
// makes sense, is for a person (and veraPDF checks far more).
package pdfcheck

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf16"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// Elem is an element of the structure tree.
type Elem struct {
	Role                            string
	Lang, Alt, Scope, ListNumbering string
	Parts                           []Part // in reading order
}

// Part is one kid of an element: a child element, the text of one
// marked-content sequence, or a link annotation.
type Part struct {
	Elem *Elem
	Text string
	Link bool
}

// Kids returns the element's child elements.
func (e *Elem) Kids() []*Elem {
	var out []*Elem
	for _, p := range e.Parts {
		if p.Elem != nil {
			out = append(out, p.Elem)
		}
	}
	return out
}

// Text is all the text under the element, in reading order.
func (e *Elem) Text() string {
	var sb strings.Builder
	var add func(*Elem)
	add = func(e *Elem) {
		for _, p := range e.Parts {
			if p.Elem != nil {
				add(p.Elem)
			} else {
				sb.WriteString(p.Text)
			}
		}
	}
	add(e)
	return sb.String()
}

// Walk calls fn on e and every element under it, depth first in reading
// order, with its depth.
func (e *Elem) Walk(fn func(e *Elem, depth int)) {
	var walk func(*Elem, int)
	walk = func(e *Elem, d int) {
		fn(e, d)
		for _, k := range e.Kids() {
			walk(k, d+1)
		}
	}
	walk(e, 0)
}

// Doc is a PDF read back.
type Doc struct {
	Title, Lang string
	Pages       int
	Tree        *Elem // the StructTreeRoot, role "StructTreeRoot"; nil if none
	// Artifacts is the text drawn as artifacts, a string a page.
	Artifacts []string
	// Problems are the rules the file breaks, each a sentence.
	Problems []string
}

func (d *Doc) fail(format string, args ...any) {
	d.Problems = append(d.Problems, fmt.Sprintf(format, args...))
}

var disableConfig sync.Once

// Read parses a PDF and checks it. An error means the file could not be
// read at all; what it breaks is in Problems.
func Read(pdf []byte) (*Doc, error) {
	disableConfig.Do(api.DisableConfigDir) // no pdfcpu folder in $HOME
	ctx, err := api.ReadContext(bytes.NewReader(pdf), model.NewDefaultConfiguration())
	if err != nil {
		return nil, err
	}
	if err := ctx.EnsurePageCount(); err != nil {
		return nil, err
	}
	r := &reader{x: ctx.XRefTable, d: &Doc{Pages: ctx.PageCount}, pageOf: map[int]int{},
		mcids: map[[2]int]string{}, reached: map[[2]int]int{}, annots: map[int]annot{}, checked: map[int]bool{}}
	if err := r.read(); err != nil {
		return nil, err
	}
	return r.d, nil
}

type annot struct {
	page          int
	structParent  int // -1 if none
	contents      bool
	subtype       string
	owner         *Elem
	ownerObj      int
	reachedByOBJR bool
}

type reader struct {
	x      *model.XRefTable
	d      *Doc
	pageOf map[int]int // page object number -> page (1-based)
	// mcids holds the text of each marked-content sequence with an MCID,
	// by page and MCID; reached, the element object that reaches it.
	mcids         map[[2]int]string
	reached       map[[2]int]int
	annots        map[int]annot   // annotation object number
	structParents []int           // a page's /StructParents, -1 if none
	fonts         map[string]bool // resource font names that are Type0 (two-byte codes)
	checked       map[int]bool    // font objects checked
}

func (r *reader) read() error {
	cat, err := r.x.Catalog()
	if err != nil {
		return err
	}
	r.catalog(cat)
	for p := 1; p <= r.d.Pages; p++ {
		if err := r.page(p); err != nil {
			return err
		}
	}
	if tree, _ := r.dict(cat["StructTreeRoot"]); tree != nil {
		if err := r.tree(tree); err != nil {
			return err
		}
	} else {
		r.d.fail("the catalogue has no /StructTreeRoot: the PDF is not tagged")
	}
	return nil
}

// catalog checks the catalogue, the document information and the XMP
// metadata.
func (r *reader) catalog(cat types.Dict) {
	d := r.d
	if mi, _ := r.dict(cat["MarkInfo"]); mi == nil || !r.boolean(mi["Marked"]) {
		d.fail("the catalogue lacks /MarkInfo <</Marked true>>")
	}
	d.Lang = r.text(cat["Lang"])
	if d.Lang == "" {
		d.fail("the catalogue has no /Lang")
	}
	if vp, _ := r.dict(cat["ViewerPreferences"]); vp == nil || !r.boolean(vp["DisplayDocTitle"]) {
		d.fail("the catalogue lacks /ViewerPreferences <</DisplayDocTitle true>>")
	}
	if r.x.Info != nil {
		if info, _ := r.dict(*r.x.Info); info != nil {
			d.Title = r.text(info["Title"])
		}
	}
	if d.Title == "" {
		d.fail("the document information has no /Title")
	}
	xmp := r.stream(cat["Metadata"])
	if xmp == nil {
		d.fail("the catalogue has no /Metadata (XMP)")
		return
	}
	if !regexp.MustCompile(`<pdfuaid:part>\s*1\s*</pdfuaid:part>|pdfuaid:part="1"`).Match(xmp) {
		d.fail("the XMP metadata has no PDF/UA identifier (pdfuaid:part 1)")
	}
	m := regexp.MustCompile(`(?s)<dc:title>.*?<rdf:li[^>]*>([^<]*)</rdf:li>`).FindSubmatch(xmp)
	if m == nil || strings.TrimSpace(string(m[1])) == "" {
		d.fail("the XMP metadata has no dc:title")
	} else if t := xmlUnescape(string(m[1])); t != d.Title {
		d.fail("the XMP dc:title %q is not the document's /Title %q", t, d.Title)
	}
}

func xmlUnescape(s string) string {
	return strings.NewReplacer("&lt;", "<", "&gt;", ">", "&quot;", `"`, "&apos;", "'", "&amp;", "&").Replace(s)
}

// page reads a page: its tags, fonts, annotations and content.
func (r *reader) page(p int) error {
	pd, ref, inh, err := r.x.PageDict(p, false)
	if err != nil {
		return err
	}
	if ref != nil {
		r.pageOf[ref.ObjectNumber.Value()] = p
	}
	sp := -1
	if v, ok := r.integer(pd["StructParents"]); ok {
		sp = v
	} else {
		r.d.fail("page %d has no /StructParents", p)
	}
	r.structParents = append(r.structParents, sp)
	if n, _ := r.x.Dereference(pd["Tabs"]); n != types.Name("S") {
		r.d.fail("page %d lacks /Tabs /S (tab order by structure)", p)
	}
	res, _ := r.dict(pd["Resources"])
	if res == nil && inh != nil {
		res = inh.Resources
	}
	r.fonts = map[string]bool{}
	if res != nil {
		fonts, _ := r.dict(res["Font"])
		for name, f := range fonts {
			r.font(p, name, f)
		}
	}
	annots, _ := r.x.DereferenceArray(pd["Annots"])
	for _, a := range annots {
		ir, ok := a.(types.IndirectRef)
		ad, _ := r.dict(a)
		if !ok || ad == nil {
			r.d.fail("page %d has an annotation that is not an indirect object", p)
			continue
		}
		an := annot{page: p, structParent: -1, ownerObj: -1}
		if v, ok := r.integer(ad["StructParent"]); ok {
			an.structParent = v
		}
		_, an.contents = ad["Contents"]
		if st, ok := ad["Subtype"].(types.Name); ok {
			an.subtype = string(st)
		}
		r.annots[ir.ObjectNumber.Value()] = an
	}
	content, err := r.x.PageContent(pd, p)
	if err != nil && err != model.ErrNoContent {
		return err
	}
	r.content(p, content)
	return nil
}

// font checks that a font is embedded and maps its codes to Unicode.
func (r *reader) font(p int, name string, o types.Object) {
	fd, _ := r.dict(o)
	if fd == nil {
		return
	}
	base, _ := fd["BaseFont"].(types.Name)
	desc := fd
	st, _ := fd["Subtype"].(types.Name)
	r.fonts[name] = st == "Type0"
	if n := refNum(o); r.checked[n] {
		return
	} else {
		r.checked[n] = true
	}
	if st == "Type0" {
		kids, _ := r.x.DereferenceArray(fd["DescendantFonts"])
		if len(kids) > 0 {
			desc, _ = r.dict(kids[0])
		}
	}
	descr, _ := r.dict(desc["FontDescriptor"])
	embedded := false
	for _, k := range []string{"FontFile", "FontFile2", "FontFile3"} {
		if _, ok := descr[k]; ok {
			embedded = true
		}
	}
	if !embedded {
		r.d.fail("page %d: font %s is not embedded", p, base)
	}
	cmap := r.stream(fd["ToUnicode"])
	if cmap == nil {
		r.d.fail("page %d: font %s has no /ToUnicode map", p, base)
		return
	}
	// A bfrange may vary only in its last byte (ISO 32000-1, 9.10.3).
	for _, block := range regexp.MustCompile(`(?s)beginbfrange(.*?)endbfrange`).FindAllSubmatch(cmap, -1) {
		for _, m := range regexp.MustCompile(`<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(?:<[0-9A-Fa-f]*>|\[[^\]]*\])`).FindAllSubmatch(block[1], -1) {
			lo, hi := m[1], m[2]
			if len(lo) != len(hi) || !bytes.Equal(lo[:len(lo)-2], hi[:len(hi)-2]) {
				r.d.fail("font %s: ToUnicode range <%s> <%s> varies in more than its last byte", base, lo, hi)
				return
			}
		}
	}
}

// Operators that put marks on a page.
var painting = map[string]bool{
	"Tj": true, "TJ": true, "'": true, `"`: true, // text
	"S": true, "s": true, "f": true, "F": true, "f*": true, "B": true, "B*": true, "b": true, "b*": true, // paths
	"sh": true, "Do": true, "BI": true, // shadings, XObjects, inline images
}

// content reads a page's content stream: the text of each marked-content
// sequence with an MCID, the artifacts' text, and marks made outside both.
func (r *reader) content(p int, s []byte) {
	type seq struct {
		mcid     int // -1 for an artifact or other marked content
		artifact bool
	}
	var stack []seq
	var text, art strings.Builder
	font := ""
	untagged := 0
	first := ""
	inTagged := func() (int, bool) {
		for i := len(stack) - 1; i >= 0; i-- {
			if stack[i].mcid >= 0 {
				return stack[i].mcid, true
			}
		}
		return -1, false
	}
	inArtifact := func() bool {
		for _, e := range stack {
			if e.artifact {
				return true
			}
		}
		return false
	}
	toks := tokens(s)
	var operands []token
	for _, t := range toks {
		if !t.op {
			operands = append(operands, t)
			continue
		}
		switch t.s {
		case "BDC", "BMC":
			e := seq{mcid: -1}
			if len(operands) > 0 && operands[0].s == "/Artifact" {
				e.artifact = true
			}
			if t.s == "BDC" && len(operands) > 1 {
				if m := regexp.MustCompile(`/MCID\s+(\d+)`).FindStringSubmatch(operands[1].s); m != nil {
					e.mcid, _ = strconv.Atoi(m[1]) // digits, by the pattern
				}
			}
			if _, ok := inTagged(); ok && (e.mcid >= 0 || e.artifact) {
				r.d.fail("page %d: marked content nested in tagged content", p)
			}
			if e.mcid >= 0 && inArtifact() {
				r.d.fail("page %d: MCID %d inside an artifact", p, e.mcid)
			}
			if _, dup := r.mcids[[2]int{p, e.mcid}]; dup && e.mcid >= 0 {
				r.d.fail("page %d: MCID %d used twice", p, e.mcid)
			}
			stack = append(stack, e)
			if e.mcid >= 0 {
				r.mcids[[2]int{p, e.mcid}] = ""
				text.Reset()
			}
		case "EMC":
			if len(stack) == 0 {
				r.d.fail("page %d: EMC without BDC or BMC", p)
				break
			}
			if e := stack[len(stack)-1]; e.mcid >= 0 {
				r.mcids[[2]int{p, e.mcid}] += text.String()
				text.Reset()
			}
			stack = stack[:len(stack)-1]
		case "Tf":
			if len(operands) > 0 {
				font = strings.TrimPrefix(operands[0].s, "/")
			}
		}
		if painting[t.s] {
			_, tagged := inTagged()
			switch {
			case tagged:
				text.WriteString(decode(operands, r.fonts[font]))
			case inArtifact():
				art.WriteString(decode(operands, r.fonts[font]))
			default:
				untagged++
				if first == "" {
					first = t.s
				}
			}
		}
		operands = operands[:0]
	}
	if len(stack) > 0 {
		r.d.fail("page %d: %d marked-content sequence(s) not closed", p, len(stack))
	}
	if untagged > 0 {
		r.d.fail("page %d: %d mark(s) neither tagged nor an artifact (the first %q)", p, untagged, first)
	}
	r.d.Artifacts = append(r.d.Artifacts, art.String())
}

// decode turns the strings shown by a text operator into text: two bytes
// a character code for a Type0 font (nest's fonts use Unicode code points
// as character codes, as fpdf writes them), one byte otherwise.
func decode(operands []token, twoByte bool) string {
	var sb strings.Builder
	for _, o := range operands {
		if o.str == nil {
			continue
		}
		b := o.str
		if twoByte {
			u := make([]uint16, len(b)/2)
			for i := range u {
				u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
			}
			sb.WriteString(string(utf16.Decode(u)))
		} else {
			for _, c := range b {
				sb.WriteRune(rune(c))
			}
		}
	}
	return sb.String()
}

// tree reads the structure tree and checks it against the pages' content.
func (r *reader) tree(root types.Dict) error {
	d := r.d
	d.Tree = &Elem{Role: "StructTreeRoot"}
	seen := map[int]bool{}
	elemOf := map[int]*Elem{}
	var headings []int
	var walk func(o types.Object, parent *Elem, parentObj int) error
	walk = func(o types.Object, parent *Elem, parentObj int) error {
		ir, ok := o.(types.IndirectRef)
		if !ok {
			d.fail("a structure element that is not an indirect object")
			return nil
		}
		n := ir.ObjectNumber.Value()
		if seen[n] {
			d.fail("structure element %d is reached twice", n)
			return nil
		}
		seen[n] = true
		ed, err := r.dict(o)
		if err != nil || ed == nil {
			return fmt.Errorf("structure element %d: %v", n, err)
		}
		e := &Elem{Lang: r.text(ed["Lang"]), Alt: r.text(ed["Alt"])}
		elemOf[n] = e
		if s, ok := ed["S"].(types.Name); ok {
			e.Role = string(s)
		}
		if pr, ok := ed["P"].(types.IndirectRef); !ok || (parentObj > 0 && pr.ObjectNumber.Value() != parentObj) {
			d.fail("%s element %d: /P is not its parent", e.Role, n)
		}
		attrs, _ := r.x.Dereference(ed["A"])
		for _, a := range asArray(attrs) {
			ad, _ := r.dict(a)
			if s, ok := ad["Scope"].(types.Name); ok {
				e.Scope = string(s)
			}
			if s, ok := ad["ListNumbering"].(types.Name); ok {
				e.ListNumbering = string(s)
			}
		}
		parent.Parts = append(parent.Parts, Part{Elem: e})
		if len(e.Role) == 2 && e.Role[0] == 'H' && e.Role[1] >= '1' && e.Role[1] <= '6' {
			headings = append(headings, int(e.Role[1]-'0'))
		}
		pg := r.pageOf[refNum(ed["Pg"])]
		kids, _ := r.x.Dereference(ed["K"])
		for _, k := range asArray(kids) {
			switch k := k.(type) {
			case types.Integer:
				if pg == 0 {
					d.fail("%s element %d: an MCID with no /Pg", e.Role, n)
					continue
				}
				r.mcr(e, n, pg, k.Value())
			case types.Dict, types.IndirectRef:
				kd, _ := r.dict(k)
				switch t, _ := kd["Type"].(types.Name); t {
				case "MCR":
					kpg := pg
					if _, ok := kd["Pg"]; ok {
						kpg = r.pageOf[refNum(kd["Pg"])]
					}
					mcid, _ := r.integer(kd["MCID"])
					r.mcr(e, n, kpg, mcid)
				case "OBJR":
					an := refNum(kd["Obj"])
					a, ok := r.annots[an]
					if !ok {
						d.fail("%s element %d refers to object %d, not an annotation of a page", e.Role, n, an)
						continue
					}
					a.owner, a.ownerObj, a.reachedByOBJR = e, n, true
					r.annots[an] = a
					e.Parts = append(e.Parts, Part{Link: true})
				default:
					if err := walk(k, e, n); err != nil {
						return err
					}
				}
			default:
				d.fail("%s element %d has a kid of unknown kind", e.Role, n)
			}
		}
		return nil
	}
	kids, _ := r.x.Dereference(root["K"])
	for _, k := range asArray(kids) {
		if err := walk(k, d.Tree, 0); err != nil {
			return err
		}
	}
	r.checkTree(root, elemOf, headings)
	return nil
}

// mcr records that element e (object n) owns MCID mcid of page pg.
func (r *reader) mcr(e *Elem, n, pg, mcid int) {
	key := [2]int{pg, mcid}
	txt, ok := r.mcids[key]
	if !ok {
		r.d.fail("%s element %d refers to MCID %d of page %d, which the page does not have", e.Role, n, mcid, pg)
		return
	}
	if _, dup := r.reached[key]; dup {
		r.d.fail("MCID %d of page %d is claimed by two elements", mcid, pg)
	}
	r.reached[key] = n
	e.Parts = append(e.Parts, Part{Text: txt})
}

// checkTree checks the tree as a whole: every marked sequence reached and
// mapped back by the parent tree, headings, tables, figures, links.
func (r *reader) checkTree(root types.Dict, elemOf map[int]*Elem, headings []int) {
	d := r.d
	parents := map[int]types.Object{}
	if pt, _ := r.dict(root["ParentTree"]); pt != nil {
		r.numberTree(pt, parents)
	} else {
		d.fail("the structure tree has no /ParentTree")
	}
	for key := range r.mcids {
		if key[1] < 0 {
			continue
		}
		owner, ok := r.reached[key]
		if !ok {
			d.fail("page %d: MCID %d is not reached from the structure tree", key[0], key[1])
			continue
		}
		sp := r.structParents[key[0]-1]
		arr, _ := r.x.DereferenceArray(parents[sp])
		if key[1] >= len(arr) || refNum(arr[key[1]]) != owner {
			d.fail("page %d: the parent tree does not map MCID %d back to its element", key[0], key[1])
		}
	}
	for n, a := range r.annots {
		switch {
		case a.subtype == "Popup":
		case !a.reachedByOBJR:
			d.fail("page %d: a %s annotation (object %d) is not in the structure tree", a.page, a.subtype, n)
		case a.structParent < 0:
			d.fail("page %d: annotation %d has no /StructParent", a.page, n)
		case refNum(parents[a.structParent]) != a.ownerObj:
			d.fail("page %d: the parent tree does not map annotation %d back to its element", a.page, n)
		case !a.contents:
			d.fail("page %d: annotation %d has no /Contents", a.page, n)
		case a.subtype == "Link" && a.owner.Role != "Link":
			d.fail("page %d: link annotation %d belongs to a %s, not a Link", a.page, n, a.owner.Role)
		}
	}
	if len(headings) > 0 && headings[0] != 1 {
		d.fail("the first heading is H%d, not H1", headings[0])
	}
	for i := 1; i < len(headings); i++ {
		if headings[i] > headings[i-1]+1 {
			d.fail("a heading skips a level: H%d follows H%d", headings[i], headings[i-1])
		}
	}
	d.Tree.Walk(func(e *Elem, _ int) {
		switch e.Role {
		case "Figure":
			if strings.TrimSpace(e.Alt) == "" {
				d.fail("a Figure has no /Alt")
			}
		case "TH":
			if e.Scope == "" {
				d.fail("a TH cell (%q) has no /Scope", e.Text())
			}
		case "Table":
			th := 0
			e.Walk(func(c *Elem, _ int) {
				if c.Role == "TH" {
					th++
				}
			})
			if th == 0 {
				d.fail("a Table has no TH cells")
			}
		}
	})
}

func (r *reader) numberTree(node types.Dict, out map[int]types.Object) {
	nums, _ := r.x.DereferenceArray(node["Nums"])
	for i := 0; i+1 < len(nums); i += 2 {
		if k, ok := r.integer(nums[i]); ok {
			out[k] = nums[i+1]
		}
	}
	kids, _ := r.x.DereferenceArray(node["Kids"])
	for _, k := range kids {
		if kd, _ := r.dict(k); kd != nil {
			r.numberTree(kd, out)
		}
	}
}

func (r *reader) dict(o types.Object) (types.Dict, error) {
	if o == nil {
		return nil, nil
	}
	return r.x.DereferenceDict(o)
}

func (r *reader) stream(o types.Object) []byte {
	if o == nil {
		return nil
	}
	sd, _, err := r.x.DereferenceStreamDict(o)
	if err != nil || sd == nil {
		return nil
	}
	if err := sd.Decode(); err != nil {
		return nil
	}
	return sd.Content
}

func (r *reader) text(o types.Object) string {
	if o == nil {
		return ""
	}
	s, err := r.x.DereferenceText(o)
	if err != nil {
		return ""
	}
	return s
}

func (r *reader) boolean(o types.Object) bool {
	v, _ := r.x.Dereference(o)
	b, ok := v.(types.Boolean)
	return ok && b.Value()
}

func (r *reader) integer(o types.Object) (int, bool) {
	v, _ := r.x.Dereference(o)
	i, ok := v.(types.Integer)
	return i.Value(), ok
}

func refNum(o types.Object) int {
	if ir, ok := o.(types.IndirectRef); ok {
		return ir.ObjectNumber.Value()
	}
	return -1
}

func asArray(o types.Object) types.Array {
	switch o := o.(type) {
	case nil:
		return nil
	case types.Array:
		return o
	default:
		return types.Array{o}
	}
}
