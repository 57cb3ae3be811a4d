package tagpdf

import (
	"bytes"
	"crypto/md5"
	"errors"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf16"
)

// Output closes the fpdf document, writes it to w and, when tagging is
// enabled, appends the incremental update that carries the structure tree.
func (t *Tagger) Output(w io.Writer) error {
	if t.err != nil {
		return t.err
	}
	if t.enabled && len(t.stack) != 1 {
		return fmt.Errorf("tagpdf: %d structure element(s) not ended (innermost %s)", len(t.stack)-1, t.top().role)
	}
	c := &compressor{on: t.compress}
	if err := t.pdf.Output(c); err != nil {
		return err
	}
	if t.err != nil { // errors raised by the footer callback in Close
		return t.err
	}
	b, err := c.bytes()
	if err != nil {
		return err
	}
	if _, err := w.Write(b); err != nil || !t.enabled {
		return err
	}
	update, err := t.appendUpdate(b)
	if err != nil {
		return err
	}
	_, err = w.Write(update)
	return err
}

// fpdfFile is what the post-pass needs to know about fpdf's output.
type fpdfFile struct {
	b         []byte
	offsets   []int // object number -> byte offset (from fpdf's xref table)
	startxref int
	size      int // trailer /Size
	root      int // trailer /Root (the catalog)
	info      int // trailer /Info
}

// parseFpdf reads the classic xref table and trailer fpdf writes at the end
// of its output.
func parseFpdf(b []byte) (*fpdfFile, error) {
	f := &fpdfFile{b: b}
	i := bytes.LastIndex(b, []byte("\nstartxref\n"))
	if i < 0 {
		return nil, errors.New("tagpdf: no startxref")
	}
	rest := b[i+len("\nstartxref\n"):]
	n := bytes.IndexByte(rest, '\n')
	sx, err := strconv.Atoi(string(rest[:n]))
	if err != nil {
		return nil, fmt.Errorf("tagpdf: bad startxref: %v", err)
	}
	f.startxref = sx
	x := b[sx:]
	if !bytes.HasPrefix(x, []byte("xref\n0 ")) {
		return nil, errors.New("tagpdf: expected a single-section xref table")
	}
	x = x[len("xref\n0 "):]
	n = bytes.IndexByte(x, '\n')
	count, err := strconv.Atoi(string(x[:n]))
	if err != nil {
		return nil, err
	}
	x = x[n+1:]
	f.offsets = make([]int, count)
	for j := 0; j < count; j++ {
		line := x[j*20 : j*20+20]
		if line[17] == 'n' {
			f.offsets[j], _ = strconv.Atoi(string(line[:10]))
		}
	}
	trailer := string(x[count*20:])
	if f.size, err = dictInt(trailer, "/Size "); err != nil {
		return nil, err
	}
	if f.root, err = dictInt(trailer, "/Root "); err != nil {
		return nil, err
	}
	if f.info, err = dictInt(trailer, "/Info "); err != nil {
		return nil, err
	}
	if strings.Contains(trailer, "/Encrypt") {
		return nil, errors.New("tagpdf: encrypted documents are not supported")
	}
	return f, nil
}

func dictInt(s, key string) (int, error) {
	i := strings.Index(s, key)
	if i < 0 {
		return 0, fmt.Errorf("tagpdf: %s not found", strings.TrimSpace(key))
	}
	s = s[i+len(key):]
	j := strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' })
	return strconv.Atoi(s[:j])
}

// dict returns the dictionary of a non-stream object: the text between
// "N 0 obj\n" and "\nendobj". Only used for objects fpdf writes as plain
// dictionaries (pages root, pages, catalog), so no stream data is scanned.
func (f *fpdfFile) dict(n int) (string, error) {
	if n <= 0 || n >= len(f.offsets) || f.offsets[n] == 0 {
		return "", fmt.Errorf("tagpdf: object %d not in xref", n)
	}
	s := f.b[f.offsets[n]:]
	head := fmt.Sprintf("%d 0 obj\n", n)
	if !bytes.HasPrefix(s, []byte(head)) {
		return "", fmt.Errorf("tagpdf: object %d: bad header", n)
	}
	s = s[len(head):]
	e := bytes.Index(s, []byte("\nendobj"))
	if e < 0 {
		return "", fmt.Errorf("tagpdf: object %d: no endobj", n)
	}
	d := strings.TrimSpace(string(s[:e]))
	if !strings.HasPrefix(d, "<<") || !strings.HasSuffix(d, ">>") {
		return "", fmt.Errorf("tagpdf: object %d is not a dictionary", n)
	}
	return d, nil
}

// pageObjects returns the object numbers of the pages in order, read from
// the /Kids of fpdf's page tree root (always object 1). fpdf numbers page n
// as 2n+1 (contents 2n+2) only when no attachments are embedded, so reading
// /Kids is the robust way.
func (f *fpdfFile) pageObjects() ([]int, error) {
	d, err := f.dict(1)
	if err != nil {
		return nil, err
	}
	i := strings.Index(d, "/Kids [")
	if i < 0 {
		return nil, errors.New("tagpdf: no /Kids in page tree")
	}
	d = d[i+len("/Kids ["):]
	d = d[:strings.IndexByte(d, ']')]
	fs := strings.Fields(d)
	var pages []int
	for j := 0; j+2 < len(fs); j += 3 {
		n, err := strconv.Atoi(fs[j])
		if err != nil || fs[j+2] != "R" {
			return nil, errors.New("tagpdf: bad /Kids")
		}
		pages = append(pages, n)
	}
	return pages, nil
}

// splitDicts splits "<<…>><<…>>" into top-level dictionaries, honouring
// nested dictionaries and (escaped) literal strings.
func splitDicts(s string) ([]string, error) {
	var out []string
	depth, start := 0, -1
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '(':
			lvl := 1
			for i++; i < len(s) && lvl > 0; i++ {
				switch s[i] {
				case '\\':
					i++
				case '(':
					lvl++
				case ')':
					lvl--
				}
			}
			i--
		case c == '<' && i+1 < len(s) && s[i+1] == '<':
			if depth == 0 {
				start = i
			}
			depth++
			i++
		case c == '>' && i+1 < len(s) && s[i+1] == '>':
			depth--
			i++
			if depth == 0 {
				out = append(out, s[start:i+1])
			} else if depth < 0 {
				return nil, errors.New("tagpdf: unbalanced dictionary")
			}
		}
	}
	if depth != 0 {
		return nil, errors.New("tagpdf: unbalanced dictionary")
	}
	return out, nil
}

// appendUpdate returns the incremental update to write after fpdf's bytes b.
func (t *Tagger) appendUpdate(b []byte) ([]byte, error) {
	f, err := parseFpdf(b)
	if err != nil {
		return nil, err
	}
	pages, err := f.pageObjects()
	if err != nil {
		return nil, err
	}
	np := len(pages)
	if np != t.pdf.PageCount() {
		return nil, fmt.Errorf("tagpdf: %d pages in /Kids, fpdf says %d", np, t.pdf.PageCount())
	}
	t.ensurePage(np)

	// Allocate object numbers, in a fixed order: annotations, structure
	// elements (depth first, document order), parent tree, tree root.
	next := f.size
	annotObj := make([]int, len(t.annots))
	for i := range t.annots {
		annotObj[i] = next
		next++
	}
	var elems []*elem
	var walk func(e *elem)
	walk = func(e *elem) {
		e.obj = next
		next++
		elems = append(elems, e)
		for _, k := range e.kids {
			if k.el != nil {
				walk(k.el)
			}
		}
	}
	walk(t.root)
	parentTreeObj := next
	next++
	treeRootObj := next
	next++

	if b[len(b)-1] != '\n' {
		return nil, errors.New("tagpdf: fpdf output does not end with a newline")
	}
	w := &updateWriter{buf: new(bytes.Buffer), base: len(b)}

	// Pages: same object numbers, new dictionaries with /StructParents,
	// /Tabs /S and the annotations turned into indirect objects.
	annotsByPage := make([][]int, np+1) // page -> annotation indices in /Annots order
	for i, a := range t.annots {
		annotsByPage[a.page] = append(annotsByPage[a.page], i)
	}
	annotDicts := make([]string, len(t.annots))
	for p := 1; p <= np; p++ {
		d, err := f.dict(pages[p-1])
		if err != nil {
			return nil, err
		}
		if !strings.HasPrefix(d, "<</Type /Page\n") {
			return nil, fmt.Errorf("tagpdf: object %d is not a page", pages[p-1])
		}
		var lines []string
		var inline []string
		for _, ln := range strings.Split(strings.TrimSuffix(d, ">>"), "\n") {
			if strings.HasPrefix(ln, "/Annots [") {
				inline, err = splitDicts(strings.TrimSuffix(strings.TrimPrefix(ln, "/Annots ["), "]"))
				if err != nil {
					return nil, err
				}
				continue
			}
			lines = append(lines, ln)
		}
		if len(inline) != len(annotsByPage[p]) {
			return nil, fmt.Errorf("tagpdf: page %d has %d annotations, %d made with Tagger.Link", p, len(inline), len(annotsByPage[p]))
		}
		var sb strings.Builder
		sb.WriteString(strings.Join(lines, "\n"))
		if len(inline) > 0 {
			sb.WriteString("\n/Annots [")
			for j, ai := range annotsByPage[p] {
				if t.annots[ai].index != j {
					return nil, errors.New("tagpdf: annotation order mismatch")
				}
				annotDicts[ai] = inline[j]
				if j > 0 {
					sb.WriteByte(' ')
				}
				fmt.Fprintf(&sb, "%d 0 R", annotObj[ai])
			}
			sb.WriteString("]")
		}
		fmt.Fprintf(&sb, "\n/StructParents %d\n/Tabs /S>>", p-1)
		w.obj(pages[p-1], sb.String())
	}

	// Link annotations as indirect objects with /StructParent and /Contents.
	for i, a := range t.annots {
		d := strings.TrimSuffix(annotDicts[i], ">>")
		w.obj(annotObj[i], fmt.Sprintf("%s /F 4 /StructParent %d /Contents %s>>", d, np+i, pdfString(a.alt)))
	}

	// Structure elements.
	pageRef := func(p int) string { return ref(pages[p-1]) }
	for _, e := range elems {
		var sb strings.Builder
		sb.WriteString("<</Type /StructElem /S /")
		sb.WriteString(e.role)
		if e.parent == nil {
			sb.WriteString(" /P " + ref(treeRootObj))
		} else {
			sb.WriteString(" /P " + ref(e.parent.obj))
		}
		pg := 0
		for _, k := range e.kids {
			if k.el == nil {
				pg = k.page
				break
			}
		}
		if pg > 0 {
			sb.WriteString(" /Pg " + pageRef(pg))
		}
		a := e.attrs
		if a.Lang != "" {
			sb.WriteString(" /Lang " + pdfString(a.Lang))
		}
		if a.Alt != "" {
			sb.WriteString(" /Alt " + pdfString(a.Alt))
		}
		if a.ActualText != "" {
			sb.WriteString(" /ActualText " + pdfString(a.ActualText))
		}
		if a.Title != "" {
			sb.WriteString(" /T " + pdfString(a.Title))
		}
		var attrs []string
		if a.Scope != "" {
			attrs = append(attrs, "<</O /Table /Scope /"+a.Scope+">>")
		}
		if a.ListNumbering != "" {
			attrs = append(attrs, "<</O /List /ListNumbering /"+a.ListNumbering+">>")
		}
		if a.BBox != nil {
			attrs = append(attrs, fmt.Sprintf("<</O /Layout /Placement /Block /BBox [%.2f %.2f %.2f %.2f]>>",
				e.bbox[0], e.bbox[1], e.bbox[2], e.bbox[3]))
		}
		switch len(attrs) {
		case 0:
		case 1:
			sb.WriteString(" /A " + attrs[0])
		default:
			sb.WriteString(" /A [" + strings.Join(attrs, " ") + "]")
		}
		sb.WriteString(" /K [")
		for j, k := range e.kids {
			if j > 0 {
				sb.WriteByte(' ')
			}
			switch {
			case k.el != nil:
				sb.WriteString(ref(k.el.obj))
			case k.annot >= 0:
				fmt.Fprintf(&sb, "<</Type /OBJR /Obj %d 0 R /Pg %s>>", annotObj[k.annot], pageRef(k.page))
			case k.page == pg:
				sb.WriteString(strconv.Itoa(k.mcid))
			default:
				fmt.Fprintf(&sb, "<</Type /MCR /Pg %s /MCID %d>>", pageRef(k.page), k.mcid)
			}
		}
		sb.WriteString("]>>")
		w.obj(e.obj, sb.String())
	}

	// Parent tree: key p-1 -> array of elements by MCID for page p;
	// key np+i -> element owning annotation i.
	{
		var sb strings.Builder
		sb.WriteString("<</Nums [")
		for p := 1; p <= np; p++ {
			fmt.Fprintf(&sb, "\n%d [", p-1)
			for j, e := range t.pageMCIDs[p] {
				if j > 0 {
					sb.WriteByte(' ')
				}
				sb.WriteString(ref(e.obj))
			}
			sb.WriteString("]")
		}
		for i, a := range t.annots {
			fmt.Fprintf(&sb, "\n%d %d 0 R", np+i, a.el.obj)
		}
		sb.WriteString("\n]>>")
		w.obj(parentTreeObj, sb.String())
	}
	w.obj(treeRootObj, fmt.Sprintf("<</Type /StructTreeRoot /K [%d 0 R] /ParentTree %d 0 R /ParentTreeNextKey %d>>",
		t.root.obj, parentTreeObj, np+len(t.annots)))

	// fpdf's UTF-8 fonts share one ToUnicode CMap with the single range
	// <0000> <FFFF> -> <0000>. CID = Unicode code point, so the mapping is
	// right, but a bfrange may only vary in its last byte (Adobe CMap spec,
	// ISO 32000-1 9.10.3); strict validators reject it. Re-emit it as 248
	// per-high-byte ranges (surrogates excluded).
	if err := t.fixToUnicode(f, w); err != nil {
		return nil, err
	}

	// Catalog: fpdf's entries (it already wrote /Lang and /Metadata) plus ours.
	cat, err := f.dict(f.root)
	if err != nil {
		return nil, err
	}
	for _, key := range []string{"/MarkInfo", "/StructTreeRoot", "/ViewerPreferences", "/Version"} {
		if strings.Contains(cat, key) {
			return nil, fmt.Errorf("tagpdf: catalog already has %s", key)
		}
	}
	cat = strings.TrimSuffix(cat, ">>") + fmt.Sprintf(
		"/Version /1.7\n/MarkInfo <</Marked true>>\n/StructTreeRoot %d 0 R\n/ViewerPreferences <</DisplayDocTitle true>>\n>>",
		treeRootObj)
	w.obj(f.root, cat)

	// xref for the update and a trailer pointing back at fpdf's xref.
	sum := md5.Sum(b)
	id := fmt.Sprintf("%X", sum[:])
	trailer := fmt.Sprintf("/Root %d 0 R\n/Info %d 0 R\n/ID [<%s> <%s>]\n/Prev %d\n", f.root, f.info, id, id, f.startxref)
	w.finish(next, trailer)
	return w.buf.Bytes(), nil
}

type pending struct {
	n      int
	body   string
	stream bool // stream objects cannot go into an object stream
}

// updateWriter collects the objects of the incremental update and then
// writes them after fpdf's bytes, with their own xref section.
type updateWriter struct {
	buf  *bytes.Buffer
	base int // length of fpdf's output: offsets in buf are relative to it
	objs []pending
}

func (w *updateWriter) off() int { return w.base + w.buf.Len() }

func (w *updateWriter) obj(n int, body string) { w.objs = append(w.objs, pending{n: n, body: body}) }

// streamObj adds a stream object with a FlateDecode-compressed payload.
func (w *updateWriter) streamObj(n int, data []byte) {
	z := deflate(data)
	w.objs = append(w.objs, pending{n: n, stream: true,
		body: fmt.Sprintf("<</Filter /FlateDecode /Length %d>>\nstream\n%s\nendstream", len(z), z)})
}

// finish packs every object into compressed object streams (PDF 1.5)
// and ends the update with a cross-reference stream. The structure tree is
// many small, repetitive dictionaries, so this shrinks it several times.
// The streams are compressed side by side; each is the same bytes
// whichever finishes first.
func (w *updateWriter) finish(next int, trailer string) {
	const perStream = 1000
	type xent struct{ typ, f2, f3 int }
	var objs []pending
	var streams []pending
	for _, o := range w.objs {
		if o.stream {
			streams = append(streams, o)
		} else {
			objs = append(objs, o)
		}
	}
	slices.SortFunc(objs, func(a, b pending) int { return a.n - b.n })
	type chunk struct {
		objs       []pending
		head, data []byte
	}
	var chunks []*chunk
	for start := 0; start < len(objs); start += perStream {
		chunks = append(chunks, &chunk{objs: objs[start:min(start+perStream, len(objs))]})
	}
	var wg sync.WaitGroup
	work := make(chan *chunk)
	for range min(runtime.GOMAXPROCS(0), max(1, len(chunks))) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for c := range work {
				var body []byte
				for _, o := range c.objs {
					c.head = strconv.AppendInt(c.head, int64(o.n), 10)
					c.head = append(c.head, ' ')
					c.head = strconv.AppendInt(c.head, int64(len(body)), 10)
					c.head = append(c.head, ' ')
					body = append(append(body, o.body...), '\n')
				}
				c.head = append(c.head, '\n')
				c.data = deflate(append(slices.Clip(c.head), body...))
			}
		}()
	}
	for _, c := range chunks {
		work <- c
	}
	close(work)
	wg.Wait()

	xrefs := make([]xent, next+len(chunks)+1) // by object number; typ 0: not in this update
	for _, o := range streams {
		xrefs[o.n] = xent{1, w.off(), 0}
		fmt.Fprintf(w.buf, "%d 0 obj\n%s\nendobj\n", o.n, o.body)
	}
	for _, c := range chunks {
		stm := next
		next++
		for i, o := range c.objs {
			xrefs[o.n] = xent{2, stm, i}
		}
		xrefs[stm] = xent{1, w.off(), 0}
		fmt.Fprintf(w.buf, "%d 0 obj\n<</Type /ObjStm /N %d /First %d /Filter /FlateDecode /Length %d>>\nstream\n",
			stm, len(c.objs), len(c.head), len(c.data))
		w.buf.Write(c.data)
		w.buf.WriteString("\nendstream\nendobj\n")
	}
	xn := next
	xoff := w.off()
	xrefs[xn] = xent{1, xoff, 0}
	var index strings.Builder
	var rows []byte
	for n := 0; n <= xn; {
		if xrefs[n].typ == 0 {
			n++
			continue
		}
		m := n
		for m+1 <= xn && xrefs[m+1].typ != 0 {
			m++
		}
		fmt.Fprintf(&index, "%d %d ", n, m-n+1)
		for _, e := range xrefs[n : m+1] {
			rows = append(rows, byte(e.typ), byte(e.f2>>24), byte(e.f2>>16), byte(e.f2>>8), byte(e.f2), byte(e.f3>>8), byte(e.f3))
		}
		n = m + 1
	}
	data := deflate(rows)
	fmt.Fprintf(w.buf, "%d 0 obj\n<</Type /XRef /Size %d /W [1 4 2] /Index [%s] /Filter /FlateDecode /Length %d\n%s>>\nstream\n",
		xn, xn+1, strings.TrimSpace(index.String()), len(data), trailer)
	w.buf.Write(data)
	fmt.Fprintf(w.buf, "\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", xoff)
}

// ref is an indirect reference to object n.
func ref(n int) string { return strconv.Itoa(n) + " 0 R" }

// fixToUnicode rewrites the ToUnicode streams of fpdf's Type0 fonts,
// found through the /Font entries of the shared resource dictionary (object 2).
func (t *Tagger) fixToUnicode(f *fpdfFile, w *updateWriter) error {
	res, err := f.dict(2)
	if err != nil {
		return err
	}
	i := strings.Index(res, "/Font <<")
	if i < 0 {
		return nil
	}
	fonts := res[i+len("/Font <<"):]
	fonts = fonts[:strings.Index(fonts, ">>")]
	fs := strings.Fields(fonts)
	done := map[int]bool{}
	for j := 0; j+3 < len(fs); j += 4 { // /Fname n 0 R
		n, err := strconv.Atoi(fs[j+1])
		if err != nil || fs[j+3] != "R" {
			return fmt.Errorf("tagpdf: bad /Font entry %q", strings.Join(fs[j:j+4], " "))
		}
		d, err := f.dict(n)
		if err != nil {
			return err
		}
		if !strings.Contains(d, "/Subtype /Type0") {
			continue
		}
		tu, err := dictInt(d, "/ToUnicode ")
		if err != nil || done[tu] {
			continue
		}
		done[tu] = true
		w.streamObj(tu, []byte(toUnicodeCMap))
	}
	return nil
}

var toUnicodeCMap = func() string {
	var sb strings.Builder
	sb.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	var ranges []string
	for hi := 0; hi < 256; hi++ {
		if hi >= 0xD8 && hi <= 0xDF {
			continue // UTF-16 surrogates are not characters
		}
		ranges = append(ranges, fmt.Sprintf("<%02X00> <%02XFF> <%02X00>\n", hi, hi, hi))
	}
	for len(ranges) > 0 { // at most 100 entries per block
		k := min(100, len(ranges))
		fmt.Fprintf(&sb, "%d beginbfrange\n%sendbfrange\n", k, strings.Join(ranges[:k], ""))
		ranges = ranges[k:]
	}
	sb.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
	return sb.String()
}()

// pdfString encodes a text string: a literal string for printable ASCII,
// otherwise UTF-16BE with a byte order mark, in hex.
func pdfString(s string) string {
	ascii := true
	for _, r := range s {
		if r < 0x20 || r > 0x7e {
			ascii = false
			break
		}
	}
	if ascii {
		r := strings.NewReplacer(`\`, `\\`, `(`, `\(`, `)`, `\)`)
		return "(" + r.Replace(s) + ")"
	}
	var sb strings.Builder
	sb.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&sb, "%04X", u)
	}
	sb.WriteString(">")
	return sb.String()
}

// xmp builds the XMP packet with dc:title and pdfuaid:part 1.
func xmp(title, lang string) []byte {
	esc := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")
	var sb strings.Builder
	sb.WriteString("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
	sb.WriteString(`<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about=""
  xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
<dc:format>application/pdf</dc:format>
`)
	sb.WriteString(`<dc:title><rdf:Alt><rdf:li xml:lang="x-default">` + esc.Replace(title) + "</rdf:li></rdf:Alt></dc:title>\n")
	if lang != "" {
		sb.WriteString("<dc:language><rdf:Bag><rdf:li>" + esc.Replace(lang) + "</rdf:li></rdf:Bag></dc:language>\n")
	}
	sb.WriteString(`<pdfuaid:part>1</pdfuaid:part>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`)
	return []byte(sb.String())
}
