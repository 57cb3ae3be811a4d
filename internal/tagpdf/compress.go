package tagpdf

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strconv"
	"sync"
)

// fpdf compresses every page with a new zlib writer, which allocates about
// a megabyte: a 374-page report made 450 MB of garbage that way, a third of
// all nest aggregate allocated. So the Tagger has fpdf write its pages
// plain and compresses them here, with writers that are reused. The bytes
// are the ones fpdf would have written: the same level, the same framing.

var writers = sync.Pool{New: func() any {
	w, _ := zlib.NewWriterLevel(nil, zlib.BestSpeed) // a valid level: no error
	return w
}}

// deflate is b compressed as fpdf compresses a stream.
func deflate(b []byte) []byte {
	var out bytes.Buffer
	out.Grow(len(b)/4 + 64)
	zw := writers.Get().(*zlib.Writer)
	zw.Reset(&out)
	_, _ = zw.Write(b) // a bytes.Buffer does not fail
	_ = zw.Close()
	writers.Put(zw)
	return out.Bytes()
}

// compressor takes fpdf's output and compresses its pages, if on. fpdf
// writes its document in one piece: that is compressed as it comes, and
// not copied first.
type compressor struct {
	on   bool
	buf  bytes.Buffer // what was written
	out  []byte       // compressed from the first write, if it was the whole document
	done bool
	err  error
}

func (c *compressor) Write(p []byte) (int, error) {
	if c.on && !c.done && c.buf.Len() == 0 && bytes.HasPrefix(p, []byte("%PDF-")) && bytes.HasSuffix(p, []byte("%%EOF\n")) {
		c.out, c.err = compressPages(p)
		c.done = true
		return len(p), nil
	}
	if c.done {
		return 0, errors.New("tagpdf: fpdf wrote after the end of its document")
	}
	return c.buf.Write(p)
}

// bytes is the document written, its pages compressed if on.
func (c *compressor) bytes() ([]byte, error) {
	switch {
	case c.done:
		return c.out, c.err
	case c.on:
		return compressPages(c.buf.Bytes())
	}
	return c.buf.Bytes(), nil
}

// compressPages returns fpdf's output b with each page's content stream,
// which fpdf wrote plain ("<</Length n>>"), compressed, and the xref table
// and startxref moved to match. Streams fpdf compressed itself (fonts) and
// every other object are copied as they are.
func compressPages(b []byte) ([]byte, error) {
	f, err := parseFpdf(b)
	if err != nil {
		return nil, err
	}
	pages, err := f.pageObjects()
	if err != nil {
		return nil, err
	}
	// The objects in the order they are in the file, each running to the
	// next one (the last to the xref table).
	var order []int
	for n, off := range f.offsets {
		if off > 0 {
			order = append(order, n)
		}
	}
	slices.SortFunc(order, func(a, c int) int { return f.offsets[a] - f.offsets[c] })
	end := func(i int) int {
		if i+1 < len(order) {
			return f.offsets[order[i+1]]
		}
		return f.startxref
	}
	at := make(map[int]int, len(order)) // object -> its index in order
	for i, n := range order {
		at[n] = i
	}

	// The plain stream of each page's /Contents.
	type plain struct {
		i    int    // index in order
		data []byte // the stream's bytes
		z    []byte // compressed
	}
	var work []*plain
	for _, pg := range pages {
		d, err := f.dict(pg)
		if err != nil {
			return nil, err
		}
		c, err := dictInt(d, "/Contents ")
		if err != nil {
			return nil, err
		}
		i, ok := at[c]
		if !ok {
			return nil, fmt.Errorf("tagpdf: page contents %d not in xref", c)
		}
		obj := b[f.offsets[c]:end(i)]
		head := strconv.Itoa(c) + " 0 obj\n<</Length "
		if !bytes.HasPrefix(obj, []byte(head)) {
			continue // already compressed
		}
		rest := obj[len(head):]
		k := bytes.IndexByte(rest, '>')
		n, err := strconv.Atoi(string(rest[:max(k, 0)]))
		const open = ">>\nstream\n"
		if k < 0 || err != nil || !bytes.HasPrefix(rest[k:], []byte(open)) || k+len(open)+n > len(rest) {
			return nil, fmt.Errorf("tagpdf: page contents %d: bad stream", c)
		}
		work = append(work, &plain{i: i, data: rest[k+len(open) : k+len(open)+n]})
	}

	// Compress on a processor for each megabyte of pages, up to all of
	// them; each result goes back in its place. Making a writer clears
	// about a megabyte of new memory, which takes longer than compressing
	// a short report's pages: one writer does those.
	total := 0
	for _, p := range work {
		total += len(p.data)
	}
	var wg sync.WaitGroup
	next := make(chan *plain)
	for range min(runtime.GOMAXPROCS(0), max(1, len(work)), 1+total>>20) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range next {
				p.z = deflate(p.data)
			}
		}()
	}
	for _, p := range work {
		next <- p
	}
	close(next)
	wg.Wait()

	z := make(map[int][]byte, len(work)) // index in order -> compressed stream
	for _, p := range work {
		z[p.i] = p.z
	}
	size := len(b)
	for _, p := range work {
		size += len(p.z) + len("/Filter /FlateDecode ") - len(p.data)
	}
	out := make([]byte, 0, size+64)
	out = append(out, b[:f.offsets[order[0]]]...) // the header
	offsets := make([]int, len(f.offsets))
	for i, n := range order {
		offsets[n] = len(out)
		if data, ok := z[i]; ok {
			out = fmt.Appendf(out, "%d 0 obj\n<</Filter /FlateDecode /Length %d>>\nstream\n", n, len(data))
			out = append(out, data...)
			out = append(out, "\nendstream\nendobj\n"...)
		} else {
			out = append(out, b[f.offsets[n]:end(i)]...)
		}
	}

	// The xref table again, with the new offsets; its rows are 20 bytes.
	xref := len(out)
	tail := b[f.startxref:]
	rows := bytes.Index(tail, []byte("\n0000000000 65535 f \n")) + 1
	if rows == 0 {
		return nil, errors.New("tagpdf: xref table without object 0")
	}
	out = append(out, tail[:rows]...)
	for n := range f.offsets {
		row := tail[rows+20*n : rows+20*n+20]
		if row[17] == 'n' {
			out = fmt.Appendf(out, "%010d%s", offsets[n], row[10:])
		} else {
			out = append(out, row...)
		}
	}
	trailer := tail[rows+20*len(f.offsets):]
	k := bytes.LastIndex(trailer, []byte("\nstartxref\n"))
	if k < 0 {
		return nil, errors.New("tagpdf: no startxref")
	}
	k += len("\nstartxref\n")
	out = append(out, trailer[:k]...)
	out = strconv.AppendInt(out, int64(xref), 10)
	return append(out, trailer[k+bytes.IndexByte(trailer[k:], '\n'):]...), nil
}
