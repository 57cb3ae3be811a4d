// Package tagpdf adds a PDF/UA-style logical structure (tagged PDF) to a
// document laid out with codeberg.org/go-pdf/fpdf.
//
// How it works:
//
//   - While laying out, Begin/End/Artifact write marked-content operators
//     (/P <</MCID n>> BDC ... EMC, /Artifact BMC ... EMC) into the current
//     page's content stream with fpdf's RawWriteStr, and build an in-memory
//     structure tree whose leaves are (page, MCID) pairs and link annotations.
//   - Page breaks (automatic or explicit) are handled through fpdf's header and
//     footer callbacks, which the Tagger owns: the footer callback closes the
//     open marked-content sequence, the header callback re-opens a new one
//     (new MCID, same structure element) on the new page. Header and footer
//     themselves are written as pagination artifacts.
//   - Output lets fpdf write its normal PDF into memory and then appends one
//     incremental update (see postpass.go): the structure tree objects, the
//     parent tree, the link annotations as indirect objects, rewritten page
//     dictionaries and a rewritten catalog, packed in compressed object
//     streams, then a cross-reference stream with /Prev. fpdf's bytes are
//     never modified, and everything is emitted in a fixed order, so the
//     output is byte-deterministic.
//
// Rules for the layout code:
//   - Set header and footer with Tagger.SetHeaderFunc/SetFooterFunc, never
//     with fpdf's SetHeaderFunc/SetFooterFunc directly.
//   - Create link annotations only with Tagger.Link (not with the link
//     arguments of CellFormat/Write/Image, nor fpdf's Link/LinkString); Output
//     fails if a page has annotations the Tagger does not know about.
//   - Use only embedded fonts (AddUTF8Font*); core fonts are not embedded.
package tagpdf

import (
	"errors"
	"fmt"
	"strconv"

	"codeberg.org/go-pdf/fpdf"
)

// Attrs are optional properties of a structure element.
type Attrs struct {
	Lang          string      // /Lang, e.g. "cy"
	Alt           string      // /Alt, alternate description (Figure, Formula, Link…)
	ActualText    string      // /ActualText
	Title         string      // /T
	Scope         string      // TH only: Column, Row or Both -> /A <</O /Table /Scope /…>>
	ListNumbering string      // L only: Disc, Decimal, … -> /A <</O /List /ListNumbering /…>>
	BBox          *[4]float64 // x, y, w, h in fpdf user units on the current page -> /A <</O /Layout /BBox […]>>
}

// Roles that group other elements and never own page content directly.
// Every other role opens a marked-content sequence when it begins.
var containerRoles = map[string]bool{
	"Document": true, "Part": true, "Art": true, "Sect": true, "Div": true,
	"TOC": true, "TOCI": true, "L": true, "LI": true, "Table": true,
	"THead": true, "TBody": true, "TFoot": true, "TR": true, "NonStruct": true,
	"Index":     true,
	"Reference": true, // here only ever around a Link (a contents entry)
}

type elem struct {
	role   string
	attrs  Attrs
	parent *elem
	kids   []kid
	bbox   [4]float64 // in PDF points, valid when attrs.BBox != nil
	obj    int        // object number, assigned by the post-pass
}

// kid is exactly one of: a child element, a marked-content reference, or an
// object reference to a link annotation.
type kid struct {
	el    *elem
	page  int // 1-based page for MCR/OBJR
	mcid  int // >= 0 for an MCR
	annot int // >= 0 index into Tagger.annots for an OBJR
}

type annot struct {
	page  int // 1-based
	index int // 0-based index in the page's /Annots array (= order of creation on that page)
	el    *elem
	alt   string
}

// Options configure a Tagger.
type Options struct {
	Title string // document title: Info /Title, XMP dc:title (required by PDF/UA)
	Lang  string // document language, e.g. "en-GB"
	// Disabled turns every tagging call into a no-op (header/footer/link
	// calls still pass through to fpdf): the untagged baseline from the
	// same layout code, to measure what tagging costs.
	Disabled bool
}

// Tagger records the logical structure of an fpdf document.
type Tagger struct {
	pdf      *fpdf.Fpdf
	enabled  bool
	compress bool // compress the pages in Output, which fpdf was told not to (see compressPages)
	opts     Options

	root  *elem
	stack []*elem

	open       *elem // element whose marked-content sequence is open, or nil
	inArtifact bool  // an /Artifact sequence is open

	// state carried across a page break (footer -> header)
	resume         *elem
	resumeArtifact bool

	pageMCIDs   [][]*elem // [page] -> element owning each MCID; index 0 unused
	pageAnnotsN []int     // [page] -> number of annotations created on it
	annots      []annot

	header, footer func()
	err            error
}

// New attaches a Tagger to pdf. It must be called before the first AddPage,
// because it installs fpdf's header and footer callbacks. It also sets the
// document language, title and XMP metadata on pdf.
func New(pdf *fpdf.Fpdf, opts Options) *Tagger {
	t := &Tagger{pdf: pdf, enabled: !opts.Disabled, opts: opts, compress: pdf.GetCompression()}
	pdf.SetCompression(false)
	t.root = &elem{role: "Document"}
	t.stack = []*elem{t.root}
	t.pageMCIDs = [][]*elem{nil}
	t.pageAnnotsN = []int{0}
	if pdf.PageNo() != 0 {
		t.fail(errors.New("tagpdf.New must be called before the first AddPage"))
	}
	if opts.Title != "" {
		pdf.SetTitle(opts.Title, true)
	}
	if opts.Lang != "" {
		pdf.SetLang(opts.Lang)
	}
	if t.enabled {
		pdf.SetXmpMetadata(xmp(opts.Title, opts.Lang))
	}
	pdf.SetFooterFunc(t.onFooter)
	pdf.SetHeaderFunc(t.onHeader)
	return t
}

// SetHeaderFunc sets the page header; its content is tagged as a pagination artifact.
func (t *Tagger) SetHeaderFunc(fn func()) { t.header = fn }

// SetFooterFunc sets the page footer; its content is tagged as a pagination artifact.
func (t *Tagger) SetFooterFunc(fn func()) { t.footer = fn }

// Err returns the first tagging error.
func (t *Tagger) Err() error { return t.err }

func (t *Tagger) fail(err error) {
	if t.err == nil {
		t.err = err
	}
}

func (t *Tagger) top() *elem { return t.stack[len(t.stack)-1] }

func (t *Tagger) ensurePage(p int) {
	for len(t.pageMCIDs) <= p {
		t.pageMCIDs = append(t.pageMCIDs, nil)
		t.pageAnnotsN = append(t.pageAnnotsN, 0)
	}
}

// Begin starts a structure element with the given standard role (H1, P, L,
// LI, Lbl, LBody, Table, TR, TH, TD, Figure, TOC, TOCI, Link, Span, …) as a
// child of the current one. Content roles start a marked-content sequence
// at once, so everything fpdf draws until the matching End (or the next
// Begin) belongs to this element.
func (t *Tagger) Begin(role string, attrs ...Attrs) {
	if !t.enabled {
		return
	}
	if t.inArtifact {
		t.fail(fmt.Errorf("Begin(%s) inside an artifact", role))
		return
	}
	t.closeMC()
	e := &elem{role: role, parent: t.top()}
	if len(attrs) > 0 {
		e.attrs = attrs[0]
	}
	if b := e.attrs.BBox; b != nil {
		k := t.pdf.GetConversionRatio()
		_, h := t.pdf.GetPageSize()
		e.bbox = [4]float64{b[0] * k, (h - b[1] - b[3]) * k, (b[0] + b[2]) * k, (h - b[1]) * k}
	}
	t.top().kids = append(t.top().kids, kid{el: e, mcid: -1, annot: -1})
	t.stack = append(t.stack, e)
	if !containerRoles[role] {
		t.openMC(e)
	}
}

// End ends the current structure element. If its parent is a content
// element (e.g. a Link inside a P), the parent's marked content resumes.
func (t *Tagger) End() {
	if !t.enabled {
		return
	}
	if len(t.stack) <= 1 {
		t.fail(errors.New("End without Begin"))
		return
	}
	t.closeMC()
	t.stack = t.stack[:len(t.stack)-1]
	if p := t.top(); p != t.root && !containerRoles[p.role] {
		t.openMC(p)
	}
}

// Elem is a structure element, to come back to with Within.
type Elem struct{ e *elem }

// Current returns the element being built: the innermost one begun and
// not yet ended.
func (t *Tagger) Current() Elem { return Elem{t.top()} }

// Within runs fn as if el were the current element again, so content laid
// out later (a contents page filled in once every page number is known)
// takes its place in the reading order where el is, not at the end. No
// element may be open when it is called.
func (t *Tagger) Within(el Elem, fn func()) {
	if !t.enabled || el.e == nil {
		fn()
		return
	}
	if t.open != nil || t.inArtifact {
		t.fail(errors.New("tagpdf: Within while content is open"))
		return
	}
	saved := t.stack
	t.stack = nil
	for e := el.e; e != nil; e = e.parent {
		t.stack = append([]*elem{e}, t.stack...)
	}
	fn()
	t.closeMC()
	if len(t.stack) == 0 || t.stack[len(t.stack)-1] != el.e {
		t.fail(errors.New("tagpdf: elements begun in Within were not ended"))
	}
	t.stack = saved
}

// Artifact runs fn with its content marked as an artifact (decoration).
func (t *Tagger) Artifact(fn func()) {
	if !t.enabled {
		fn()
		return
	}
	prev := t.open
	t.closeMC()
	t.pdf.RawWriteStr("/Artifact BMC")
	t.inArtifact = true
	fn()
	t.inArtifact = false
	t.pdf.RawWriteStr("EMC")
	if prev != nil {
		t.openMC(prev)
	}
}

// Link creates a link annotation on the current page (rectangle in fpdf user
// units; linkID from fpdf.AddLink for an internal link, or url for an
// external one) and attaches it to the current structure element, which
// should be a Link element. alt becomes the annotation's /Contents.
func (t *Tagger) Link(x, y, w, h float64, linkID int, url, alt string) {
	if linkID > 0 {
		t.pdf.Link(x, y, w, h, linkID)
	} else {
		t.pdf.LinkString(x, y, w, h, url)
	}
	if !t.enabled {
		return
	}
	p := t.pdf.PageNo()
	t.ensurePage(p)
	a := annot{page: p, index: t.pageAnnotsN[p], el: t.top(), alt: alt}
	t.pageAnnotsN[p]++
	t.annots = append(t.annots, a)
	e := t.top()
	e.kids = append(e.kids, kid{page: p, mcid: -1, annot: len(t.annots) - 1})
}

func (t *Tagger) openMC(e *elem) {
	p := t.pdf.PageNo()
	if p == 0 {
		t.fail(fmt.Errorf("content element %s before the first AddPage", e.role))
		return
	}
	t.ensurePage(p)
	mcid := len(t.pageMCIDs[p])
	t.pageMCIDs[p] = append(t.pageMCIDs[p], e)
	e.kids = append(e.kids, kid{page: p, mcid: mcid, annot: -1})
	t.pdf.RawWriteStr("/" + e.role + " <</MCID " + strconv.Itoa(mcid) + ">> BDC")
	t.open = e
}

func (t *Tagger) closeMC() {
	if t.open != nil {
		t.pdf.RawWriteStr("EMC")
		t.open = nil
	}
}

// onFooter is fpdf's footer callback: it runs on the old page just before a
// page break (and once more in Close).
func (t *Tagger) onFooter() {
	if t.enabled {
		t.resume = t.open
		t.closeMC()
		t.resumeArtifact = t.inArtifact
		if t.inArtifact {
			t.pdf.RawWriteStr("EMC")
			t.inArtifact = false
		}
	}
	if t.footer != nil {
		t.pagination("Footer", t.footer)
	}
}

// onHeader is fpdf's header callback: it runs on the new page.
func (t *Tagger) onHeader() {
	if t.enabled {
		t.ensurePage(t.pdf.PageNo())
	}
	if t.header != nil {
		t.pagination("Header", t.header)
	}
	if !t.enabled {
		return
	}
	if t.resumeArtifact {
		t.pdf.RawWriteStr("/Artifact BMC")
		t.inArtifact = true
		t.resumeArtifact = false
	}
	if t.resume != nil {
		t.openMC(t.resume)
		t.resume = nil
	}
}

func (t *Tagger) pagination(sub string, fn func()) {
	if !t.enabled {
		fn()
		return
	}
	t.pdf.RawWriteStr("/Artifact <</Type /Pagination /Subtype /" + sub + ">> BDC")
	fn()
	t.pdf.RawWriteStr("EMC")
}
