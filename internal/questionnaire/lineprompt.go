package questionnaire

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
)

// The line prompter shows the same pages one question a line, for screen
// readers and for answers piped in. For each question it prints the title,
// the help, the numbered options and what Enter keeps, flushes, and only
// then reads ONE line, from one reader kept for the whole run (huh's
// accessible mode makes a reader per question, which reads ahead and loses
// piped answers, and prints a question only after it has its answer).
//
// An answer that does not fit is asked again at a terminal. Piped, the run
// stops there with ErrBadAnswer: taking the next line as a second try
// would shift every later answer into the wrong question.

type linePrompter struct {
	fl          *flow
	save        func() error
	in          io.Reader
	out         io.Writer
	interactive bool
	signals     <-chan os.Signal

	w      *bufio.Writer
	lines  chan lineResult
	want   chan struct{}
	lineNo int
	ended  bool // the input ended after the last line read
}

type lineResult struct {
	text  string
	err   error
	ended bool // the input ended right after text
}

// errStop ends a read: the input ran out, or a signal came.
type errStop struct{ signal string }

func (errStop) Error() string { return "stopped" }

func (lp *linePrompter) run() error {
	lp.w = bufio.NewWriter(lp.out)
	defer func() { _ = lp.w.Flush() }() // standard error: nowhere to report its failure
	lp.startReader()
	defer close(lp.want)

	fmt.Fprintln(lp.w, lp.fl.w.p("line.start"))
	id, focus := lp.fl.start()
	for {
		if i := strings.IndexByte(id, '#'); i >= 0 {
			id, focus = id[:i], id[i+1:]
		}
		pg := lp.fl.page(id)
		d := pg.Load()
		fmt.Fprintf(lp.w, "\n%s\n", pg.Title)
		if pg.Intro != "" {
			fmt.Fprintln(lp.w, pg.Intro)
		}
		asking := focus == ""
		for _, q := range pg.Questions {
			asking = asking || q.Key == focus
			pg.normalize(d)
			if !asking || q.hidden(d) {
				continue
			}
			if err := lp.ask(pg, q, d); err != nil {
				return lp.stop(pg, d, err)
			}
		}
		focus = ""
		pg.normalize(d)
		pg.store(d, true)
		next := pg.next(d)
		if !lp.fl.hold {
			if err := lp.save(); err != nil {
				return err
			}
		}
		if next == "" {
			return lp.fl.end
		}
		id = next
	}
}

// stop keeps the page's answers, saves, and says why it stopped.
func (lp *linePrompter) stop(pg *page, d Draft, why error) error {
	if !lp.fl.hold {
		pg.store(d, false)
		if err := lp.save(); err != nil {
			return err
		}
	}
	var st errStop
	if errors.As(why, &st) {
		return &Stopped{Page: pg.Title, Signal: st.signal, Input: st.signal == "", Dropped: lp.fl.dropped}
	}
	return why
}

// startReader starts the one goroutine that reads the input, a line for
// each request, so that a signal can end a wait without losing input.
func (lp *linePrompter) startReader() {
	lp.lines, lp.want = make(chan lineResult), make(chan struct{})
	in := bufio.NewReader(lp.in)
	go func() {
		for range lp.want {
			s, err := in.ReadString('\n')
			ended := false
			if err == io.EOF && s != "" {
				// A last line without a newline still counts, and the
				// input has ended: Ctrl-D after typing an answer in a
				// terminal (pressed twice: the first only sends the
				// line) keeps the answer and stops.
				err, ended = nil, true
			}
			lp.lines <- lineResult{strings.TrimRight(s, "\r\n"), err, ended}
		}
	}()
}

// readLine flushes what was printed, then reads one line.
func (lp *linePrompter) readLine() (string, error) {
	_ = lp.w.Flush()
	if lp.ended {
		fmt.Fprintln(lp.w)
		return "", errStop{}
	}
	lp.want <- struct{}{}
	select {
	case r := <-lp.lines:
		if r.err == io.EOF {
			fmt.Fprintln(lp.w)
			return "", errStop{}
		}
		if r.err != nil {
			return "", r.err
		}
		lp.lineNo++
		lp.ended = r.ended
		if !lp.interactive {
			fmt.Fprintln(lp.w, r.text) // as a terminal would echo it
		}
		return r.text, nil
	case s := <-lp.signals:
		fmt.Fprintln(lp.w)
		return "", errStop{signal: s.String()}
	}
}

// number is what a person types for choice i: its key, or its place.
func number(c choice, i int) string {
	if c.Key != "" {
		return c.Key
	}
	return strconv.Itoa(i + 1)
}

// optionLine prints a choice with its number; a label that starts with
// its number already ("2 Early progress") is not numbered twice.
func optionLine(c choice, i int) string {
	n := number(c, i)
	return n + ". " + strings.TrimPrefix(c.Label, n+" ")
}

// ask asks q until it has an answer that fits, and puts it in d.
func (lp *linePrompter) ask(pg *page, q *question, d Draft) error {
	w, say := lp.w, lp.fl.w
	fmt.Fprintln(w)
	title := q.Title
	if q.Required != "" {
		title += " " + say.p("line.required")
	}
	fmt.Fprintln(w, title)
	if q.Help != "" {
		fmt.Fprintln(w, q.Help)
	}
	var cs []choice
	var ask string
	switch q.Kind {
	case askSelect:
		cs = q.Choices(d)
		for i, c := range cs {
			fmt.Fprintln(w, optionLine(c, i))
		}
		v := q.cursor(d)
		if q.Unchosen && d[q.Key] == "" {
			if q.Required == "" {
				fmt.Fprintln(w, say.p("line.enter_none"))
			}
		} else if i := slices.IndexFunc(cs, func(c choice) bool { return c.Value == v }); i >= 0 {
			keeps := "line.enter_picks"
			if d[q.Key] != "" {
				keeps = "line.enter_keeps"
			}
			fmt.Fprintf(w, "%s\n", say.p(keeps, strings.TrimSuffix(optionLine(cs[i], i), ".")))
		}
		ask = say.p("line.ask_number")
	case askMulti:
		cs = q.Choices(d)
		chosen := d.list(q.Key)
		var ticked []string
		for i, c := range cs {
			mark := "[ ]"
			if slices.Contains(chosen, c.Value) {
				mark = "[x]"
				ticked = append(ticked, number(c, i))
			}
			fmt.Fprintf(w, "%s %s\n", mark, optionLine(c, i))
		}
		if len(ticked) > 0 {
			fmt.Fprintf(w, "%s\n", say.p("line.enter_keeps", strings.Join(ticked, " ")))
		} else {
			fmt.Fprintln(w, say.p("line.enter_none"))
		}
		ask = say.p("line.ask_numbers")
	case askConfirm:
		def := q.No
		if q.cursor(d) == "yes" {
			def = q.Yes
		}
		fmt.Fprintf(w, "%s\n", say.p("line.yes_no", q.Yes, q.No, def))
		ask = say.p("line.ask_yes_no")
	default:
		if v := strings.TrimSpace(d[q.Key]); v != "" {
			// The sentence ends with its own stop: a text that ends with one
			// is not given a second.
			fmt.Fprint(w, say.p("line.keeps_text", strings.TrimRight(strings.ReplaceAll(v, "\n", `\n`), ".")))
			if q.Required == "" {
				fmt.Fprint(w, " "+say.p("line.clears"))
			}
			fmt.Fprintln(w)
		}
		if q.Kind == askText {
			fmt.Fprintln(w, say.p("line.new_line"))
		}
		ask = say.p("line.ask_text")
	}

	for {
		fmt.Fprint(w, ask)
		line, err := lp.readLine()
		if err != nil {
			return err
		}
		ans := strings.TrimSpace(line)
		bad := ""
		switch q.Kind {
		case askSelect:
			i := slices.IndexFunc(cs, func(c choice) bool { return c.Key == ans })
			if n, err := strconv.Atoi(ans); i < 0 && err == nil && n >= 1 && n <= len(cs) && cs[n-1].Key == "" {
				i = n - 1
			}
			switch {
			case ans == "" && q.Unchosen && d[q.Key] == "":
				// Nothing is chosen for the person.
				if q.Required != "" {
					bad = q.Required
				}
			case ans == "":
				d[q.Key] = q.cursor(d)
			case i < 0:
				bad = say.p("line.bad_number", numbers(cs, say))
			default:
				d[q.Key] = cs[i].Value
			}
		case askMulti:
			if ans == "" {
				break
			}
			var vs []string
			for _, f := range strings.FieldsFunc(ans, func(r rune) bool { return r == ' ' || r == ',' }) {
				if f == "0" {
					continue
				}
				n, err := strconv.Atoi(f)
				if err != nil || n < 1 || n > len(cs) {
					bad = say.p("line.bad_numbers", len(cs))
					break
				}
				if !slices.Contains(vs, cs[n-1].Value) {
					vs = append(vs, cs[n-1].Value)
				}
			}
			if bad == "" {
				d[q.Key] = joinList(vs)
			}
		case askConfirm:
			switch a := strings.ToLower(ans); {
			case a == "":
				d[q.Key] = q.cursor(d)
			case a == "y" || a == "yes" || a == strings.ToLower(say.p("yes")):
				d[q.Key] = "yes"
			case a == "n" || a == "no" || a == strings.ToLower(say.p("no")):
				d[q.Key] = "no"
			default:
				bad = say.p("line.bad_yes_no")
			}
		default:
			v := strings.TrimRight(line, " \t")
			switch {
			case ans == "" && strings.TrimSpace(d[q.Key]) != "":
				// Enter keeps the answer there
			case ans == "-" && q.Required == "":
				d[q.Key] = ""
			default:
				if q.Kind == askText {
					v = strings.ReplaceAll(v, `\n`, "\n")
				}
				if err := q.validate(v, d); err != nil {
					bad = err.Error()
				} else {
					d[q.Key] = v
				}
			}
		}
		if bad == "" {
			return nil
		}
		if !lp.interactive {
			fmt.Fprintf(w, "\n%s\n", say.p("line.bad", ans, bad))
			return badAnswer(say.p("line.not_an_answer", lp.lineNo, ans, q.Title, pg.Title, bad))
		}
		fmt.Fprintf(w, "%s\n", say.p("line.again", ans, bad))
	}
}

// badAnswer is a piped answer that does not fit its question, in words.
type badAnswer string

func (e badAnswer) Error() string        { return string(e) }
func (e badAnswer) Is(target error) bool { return target == ErrBadAnswer }

// numbers lists what may be typed for a choice: "1 to 4, or 0".
func numbers(cs []choice, w words) string {
	var ns []string
	for i, c := range cs {
		ns = append(ns, number(c, i))
	}
	if len(ns) > 2 && cs[0].Key == "" {
		return w.p("line.range", ns[0], ns[len(ns)-1])
	}
	return strings.Join(ns, ", ")
}
