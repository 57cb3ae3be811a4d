package questionnaire

import (
	"bufio"
	"errors"
	"io"
)

// lineReader hands over standard input one line per Read. huh's
// accessible prompts each make a reader of their own, so a reader that
// returned everything piped in at once would lose every answer after the
// first. It also tells when input has run out, which huh does not.
type lineReader struct {
	r       *bufio.Reader
	pending []byte // the rest of a line longer than the caller's buffer
	ended   bool   // a read found the end of input
}

func newLineReader(r io.Reader) *lineReader {
	return &lineReader{r: bufio.NewReader(r)}
}

func (l *lineReader) Read(p []byte) (int, error) {
	if len(l.pending) == 0 {
		line, err := l.r.ReadSlice('\n')
		if errors.Is(err, bufio.ErrBufferFull) {
			err = nil
		}
		if len(line) == 0 && err != nil {
			l.ended = true
			return 0, err
		}
		l.pending = append(l.pending[:0], line...)
	}
	n := copy(p, l.pending)
	l.pending = l.pending[n:]
	return n, nil
}

// more reports whether any input is left to read.
func (l *lineReader) more() bool {
	if len(l.pending) > 0 {
		return true
	}
	_, err := l.r.Peek(1)
	return err == nil
}
