package report

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// pipeTables reads GitHub's pipe tables in an editorial file into
// goldmark's table nodes, as goldmark's own extension package does, but
// without that package: it compiles the expressions of every extension
// it has (linkify's are large) when the program starts, 4 ms of every
// command, editorial file or not.
//
// A paragraph's line of cells made of dashes, each with an optional colon
// at either end ("| --- | :-: |"), under a line of as many cells, starts
// a table: that line is its head, every later line of the paragraph a
// row. A row with fewer cells has empty ones added, one with more loses
// the rest. Lines before the head stay a paragraph. A backslash before a
// pipe keeps the pipe in the cell.
type pipeTables struct{}

func (pipeTables) Transform(para *ast.Paragraph, reader text.Reader, _ parser.Context) {
	src := reader.Source()
	lines := para.Lines()
	for i := 1; i < lines.Len(); i++ {
		delim := lines.At(i)
		aligns := delimiterRow(delim.Value(src))
		if aligns == nil {
			continue
		}
		head := pipeRow(lines.At(i-1), src, aligns, true)
		if head.ChildCount() != len(aligns) {
			return
		}
		t := east.NewTable()
		t.Alignments = aligns
		t.SetPos(para.Pos())
		t.AppendChild(t, east.NewTableHeader(head))
		for j := i + 1; j < lines.Len(); j++ {
			t.AppendChild(t, pipeRow(lines.At(j), src, aligns, false))
		}
		parent := para.Parent()
		parent.InsertAfter(parent, para, t)
		lines.SetSliced(0, i-1)
		if lines.Len() == 0 {
			parent.RemoveChild(parent, para)
			return
		}
		last := lines.At(lines.Len() - 1) // the paragraph no longer ends the line
		last = last.TrimRightSpace(src)
		lines.Set(lines.Len()-1, last)
		return
	}
}

// delimiterRow is the alignment of each cell of a line that separates a
// table's head from its rows, or nil if the line is not one. A line of
// dashes alone is not: Markdown has it underline a heading.
func delimiterRow(line []byte) []east.Alignment {
	indent := len(line) - len(bytes.TrimLeft(line, " "))
	line = bytes.TrimSpace(line)
	if indent > 3 || len(bytes.Trim(line, "-")) == 0 {
		return nil
	}
	line = bytes.TrimPrefix(line, []byte("|"))
	line = bytes.TrimSuffix(line, []byte("|"))
	var aligns []east.Alignment
	for cell := range bytes.SplitSeq(line, []byte("|")) {
		cell = bytes.TrimSpace(cell)
		left, right := bytes.HasPrefix(cell, []byte(":")), bytes.HasSuffix(cell, []byte(":"))
		dashes := bytes.TrimSuffix(bytes.TrimPrefix(cell, []byte(":")), []byte(":"))
		if len(dashes) == 0 || len(bytes.Trim(dashes, "-")) > 0 {
			return nil
		}
		switch {
		case left && right:
			aligns = append(aligns, east.AlignCenter)
		case left:
			aligns = append(aligns, east.AlignLeft)
		case right:
			aligns = append(aligns, east.AlignRight)
		default:
			aligns = append(aligns, east.AlignNone)
		}
	}
	return aligns
}

// pipeRow is a table row of the cells of line, each holding its part of
// the line for goldmark to read the inline Markdown of. A row of the
// table's body has as many cells as the head.
func pipeRow(line text.Segment, src []byte, aligns []east.Alignment, head bool) *east.TableRow {
	line = line.TrimLeftSpace(src)
	line = line.TrimRightSpace(src)
	v := line.Value(src)
	start, end := 0, len(v)
	if start < end && v[start] == '|' {
		start++
	}
	if start < end && v[end-1] == '|' && (end < 2 || v[end-2] != '\\') {
		end--
	}
	row := east.NewTableRow(aligns)
	for i := 0; start < end; i++ {
		if !head && i >= len(aligns) {
			break
		}
		stop := start
		for stop < end && (v[stop] != '|' || (stop > 0 && v[stop-1] == '\\')) {
			stop++
		}
		cell := east.NewTableCell()
		if i < len(aligns) {
			cell.Alignment = aligns[i]
		}
		seg := text.NewSegment(line.Start+start, line.Start+stop)
		seg = seg.TrimLeftSpace(src)
		seg = seg.TrimRightSpace(src)
		cell.Lines().Append(seg)
		row.AppendChild(row, cell)
		start = stop + 1
	}
	for i := row.ChildCount(); !head && i < len(aligns); i++ {
		row.AppendChild(row, east.NewTableCell())
	}
	return row
}
