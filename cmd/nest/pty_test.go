package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// ptyRuns is how many times TestPtyWholeRun types the whole assessment:
// once in go test ./..., five times in CI (NEST_PTY_RUNS=5).
func ptyRuns(t *testing.T) int {
	if v := os.Getenv("NEST_PTY_RUNS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			t.Fatalf("NEST_PTY_RUNS=%q", v)
		}
		return n
	}
	return 1
}

// TestPtyWholeRun types a whole service assessment at human speed with no
// retries: every page, the Welsh name of the service, an action, a quote
// with a new line, an action changed and kept, a quote removed, Shift+Tab
// back from an empty reason, and the summary's "mark final"; the file must
// be the expected bytes every time. The first run keeps one principle's
// screens for the README.
func TestPtyWholeRun(t *testing.T) {
	t.Parallel() // each in its own terminal and folder; most of the time is typing
	want := readFile(t, filepath.Join("testdata", "pty", "whole-run.yaml"))
	for run := range ptyRuns(t) {
		dir := t.TempDir()
		tm := startTerm(t, dir, nil, "assess")
		var screens []string
		keep := func(texts ...string) {
			s := tm.settled(texts...)
			if run == 0 {
				screens = append(screens, s)
			}
		}

		tm.waitScreen("┃ Which Regional Partnership Board?", "esc: save and stop")
		tm.press(kDown, kDown, kEnter)         // Gwent
		tm.press(kDown, kEnter)                // a service
		tm.typeText("Tŷ Teulu Siân")           // its name
		tm.press(kEnter, kDown, kDown, kEnter) // sector: education
		tm.press(kSpace, kEnter)               // funding: the first
		tm.press(kEnter)                       // year: as it is
		tm.press(kEnter)                       // language: English, as asked in
		tm.press(kSpace, kEnter)               // voices: children and young people
		tm.typeText("A drop-in.")
		tm.press(kEnter)

		keep("Principle 1 of 6 — Trusted adults", "┃ NEST journey rating")
		tm.press("2")
		keep("┃ Rating you aim for next year")
		tm.press("3")
		tm.typeText("Staff stay.")
		tm.press(kEnter, kEnter, kEnter) // working well; concerns and good left empty
		tm.press(kSpace, kEnter)         // themes: keeping staff
		keep("┃ Planned actions and quotes")
		tm.press(kDown, kEnter) // add an action
		tm.waitScreen("A new planned action — Trusted adults")
		tm.typeText("Job descriptions")
		tm.press(kEnter)
		tm.typeText("HR")
		tm.press(kEnter)
		tm.typeText("2025-03")
		tm.press(kEnter)
		tm.waitScreen("Action 1: Job descriptions")
		tm.press(kDown, kDown, kEnter) // add a quote
		tm.waitScreen("A new quote — Trusted adults")
		tm.typeText("She stayed")
		tm.press(kCtrlJ)
		tm.typeText("with us.")
		tm.press(kEnter, kDown, kDown, kEnter) // from a parent or carer
		tm.waitScreen("Quote 1: She stayed with us.")
		tm.press(kDown, kDown, kDown, kEnter) // change action 1
		tm.waitScreen("Planned action 1 — Trusted adults")
		tm.press(kEnter)
		tm.typeText(" lead")
		tm.press(kEnter, kEnter, "y") // kept; no pause before the next key
		keep("Action 1: Job descriptions · HR lead")
		tm.press(kEnter) // done

		tm.waitScreen("Principle 2 of 6")
		tm.press("0")        // not rated yet
		tm.press(kShiftTab)  // back from the empty reason: nothing locks
		tm.press(kUp, kDown) // the cursor moves, nothing is chosen
		tm.press(kEnter)     // not rated yet, chosen again
		tm.typeText("Not yet")
		tm.press(kEnter, kEnter, kEnter, kEnter, kEnter, kEnter, kEnter)

		tm.waitScreen("Principle 3 of 6")
		tm.press("1", kEnter, kEnter, kEnter, kEnter, kEnter)
		tm.press(kDown, kDown, kEnter) // add a quote, then remove it
		tm.typeText("Hello")
		tm.press(kEnter, kEnter)
		tm.waitScreen("Quote 1: Hello")
		tm.press(kDown, kDown, kDown, kEnter)
		tm.press(kEnter, kEnter, "n") // removed
		tm.press(kEnter)              // done, typed on at once

		for _, p := range []string{"Principle 4 of 6", "Principle 5 of 6", "Principle 6 of 6"} {
			tm.waitScreen(p)
			tm.press("2", "4")
			tm.typeText("Ŵ.")
			tm.press(kEnter, kEnter, kEnter, kEnter, kEnter)
		}

		tm.waitScreen("Summary", "Mark it final and submitted")
		tm.press(kDown, kEnter)
		if code := tm.wait(); code != 0 {
			t.Fatalf("run %d: exit %d; the screen:\n%s", run+1, code, tm.screen())
		}
		if !strings.Contains(tm.text(), "saved 2024-gwent-ty-teulu-sian.yaml (final)") {
			t.Fatalf("run %d: no saved message:\n%s", run+1, tail(tm.text(), 600))
		}
		if got := readFile(t, filepath.Join(dir, "2024-gwent-ty-teulu-sian.yaml")); got != want {
			t.Fatalf("run %d: the file saved:\n%s\nwant:\n%s", run+1, got, want)
		}
		tm.logTiming("whole run " + strconv.Itoa(run+1))
		if run == 0 {
			checkReadmeScreens(t, screens)
		}
	}
}

// checkReadmeScreens holds the README's walk-through of one principle to
// the screens the test saw (go test ./cmd/nest -run TestPtyWholeRun -update
// writes them there).
func checkReadmeScreens(t *testing.T, screens []string) {
	t.Helper()
	path := filepath.Join("..", "..", "README.md")
	readme := readFile(t, path)
	const begin, end = "<!-- screens: written by TestPtyWholeRun -->\n", "<!-- end of screens -->\n"
	i, j := strings.Index(readme, begin), strings.Index(readme, end)
	if i < 0 || j < i {
		t.Fatalf("README.md has no %q ... %q", begin, end)
	}
	var b strings.Builder
	for _, s := range screens {
		var lines []string
		for _, l := range strings.Split(s, "\n") {
			lines = append(lines, strings.TrimRight(l, " "))
		}
		b.WriteString("```\n" + strings.TrimRight(strings.Join(lines, "\n"), "\n") + "\n```\n\n")
	}
	got := readme[:i+len(begin)] + b.String() + readme[j:]
	if got == readme {
		return
	}
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("README.md's screens are not the ones nest shows; go test ./cmd/nest -run TestPtyWholeRun -update rewrites them")
}

// TestPtyBareRun accepts every answer as it is, choosing only the six
// ratings, and counts the key presses (the README says how many).
func TestPtyBareRun(t *testing.T) {
	t.Parallel() // each in its own terminal and folder; most of the time is typing
	dir := t.TempDir()
	tm := startTerm(t, dir, nil, "assess")
	tm.waitScreen("┃ Which Regional Partnership Board?")
	tm.press(kEnter, kEnter, kEnter, kEnter, kEnter, kEnter)
	for i := 1; i <= 6; i++ {
		tm.waitScreen("Principle " + strconv.Itoa(i) + " of 6")
		tm.press("1", kEnter, kEnter, kEnter, kEnter, kEnter, kEnter)
	}
	tm.waitScreen("Summary")
	tm.press(kEnter)
	if code := tm.wait(); code != 0 {
		t.Fatalf("exit %d", code)
	}
	got := readFile(t, filepath.Join(dir, "2024-cardiff-and-vale.yaml"))
	if strings.Count(got, "    rating: 1\n") != 6 || !strings.Contains(got, "status: draft") {
		t.Fatalf("saved:\n%s", got)
	}
	tm.logTiming("bare run")
	if tm.keys != 49 {
		t.Errorf("a bare run took %d key presses; the README says 49", tm.keys)
	}
	if !strings.Contains(tm.rawBytes(), "\x1b[3") {
		t.Errorf("no colour without NO_COLOR: TestPtyNoColor proves nothing")
	}
}

// partial answers the first step, chooses a rating and a target on
// principle 1, and types part of what is working well, without Enter.
func partial(t *testing.T) (*ptyTerm, string) {
	dir := t.TempDir()
	tm := startTerm(t, dir, nil, "assess")
	tm.waitScreen("┃ Which Regional Partnership Board?")
	tm.press(kEnter, kEnter, kEnter, kEnter, kEnter, kEnter)
	tm.waitScreen("Principle 1 of 6")
	tm.press("2", "3")
	tm.typeText("Half a thought")
	tm.waitScreen("Half a thought") // read before the stop comes
	return tm, filepath.Join(dir, "2024-cardiff-and-vale.yaml")
}

func checkPartial(t *testing.T, tm *ptyTerm, file, why string) {
	t.Helper()
	if code := tm.wait(); code != 0 {
		t.Errorf("exit %d", code)
	}
	got := readFile(t, file)
	for _, want := range []string{"    rating: 2\n", "    target: 3\n", "    working_well: Half a thought\n"} {
		if !strings.Contains(got, want) {
			t.Fatalf("the page's answers were not kept (%q):\n%s", want, got)
		}
	}
	if why != "" && !strings.Contains(tm.text(), why) {
		t.Fatalf("no %q in:\n%s", why, tail(tm.text(), 600))
	}
}

func TestPtyEscSavesThePage(t *testing.T) {
	t.Parallel() // each in its own terminal and folder; most of the time is typing
	tm, file := partial(t)
	tm.press(kEsc)
	checkPartial(t, tm, file, `stopped on "Principle 1 of 6 — Trusted adults": every answer so far is saved in 2024-cardiff-and-vale.yaml`)
}

func TestPtyCtrlCSavesThePage(t *testing.T) {
	t.Parallel() // each in its own terminal and folder; most of the time is typing
	tm, file := partial(t)
	tm.press(kCtrlC)
	checkPartial(t, tm, file, "carry on with: nest assess 2024-cardiff-and-vale.yaml")
}

func TestPtySIGTERMSavesThePage(t *testing.T) {
	t.Parallel() // each in its own terminal and folder; most of the time is typing
	tm, file := partial(t)
	_ = tm.cmd.Process.Signal(syscall.SIGTERM)
	checkPartial(t, tm, file, "stopped (terminated) on")
}

func TestPtySIGHUPSavesThePage(t *testing.T) {
	t.Parallel() // each in its own terminal and folder; most of the time is typing
	tm, file := partial(t)
	_ = tm.cmd.Process.Signal(syscall.SIGHUP)
	checkPartial(t, tm, file, "stopped (hangup) on")
}

// A real hang-up: the terminal goes away (the master side is closed), and
// the system sends SIGHUP; reading the terminal fails too.
func TestPtyHangupSavesThePage(t *testing.T) {
	t.Parallel() // each in its own terminal and folder; most of the time is typing
	tm, file := partial(t)
	_ = tm.ptmx.Close()
	checkPartial(t, tm, file, "")
}

// Esc with the cursor moved and no Enter leaves the rating unset.
func TestPtyEscKeepsNoRatingFromTheCursor(t *testing.T) {
	t.Parallel() // each in its own terminal and folder; most of the time is typing
	dir := t.TempDir()
	tm := startTerm(t, dir, nil, "assess")
	tm.waitScreen("┃ Which Regional Partnership Board?")
	tm.press(kEnter, kEnter, kEnter, kEnter, kEnter, kEnter)
	tm.waitScreen("Principle 1 of 6", "> 1 Basic")
	tm.press(kDown, kDown)
	tm.waitScreen("> 3 Substantial progress")
	tm.press(kEsc)
	if code := tm.wait(); code != 0 {
		t.Fatalf("exit %d", code)
	}
	if got := readFile(t, filepath.Join(dir, "2024-cardiff-and-vale.yaml")); strings.Contains(got, "rating") || strings.Contains(got, "principles") {
		t.Fatalf("a rating the cursor only rested on was saved:\n%s", got)
	}
}

// Carrying on starts at the question after the last one answered, inside
// the principle: here the concerns of principle 3, with the cursor there.
func TestPtyResumeInsideAPrinciple(t *testing.T) {
	t.Parallel() // each in its own terminal and folder; most of the time is typing
	dir := t.TempDir()
	draft := readFile(t, filepath.Join("testdata", "pty", "draft.yaml"))
	if err := os.WriteFile(filepath.Join(dir, "2024-gwent.yaml"), []byte(draft), 0o644); err != nil {
		t.Fatal(err)
	}
	tm := startTerm(t, dir, nil, "assess", "2024-gwent.yaml")
	tm.waitScreen("Principle 3 of 6 — Co-produced innovations", "┃ Concerns and barriers")
	tm.typeText("Few come.")
	tm.press(kEnter, kEsc)
	if code := tm.wait(); code != 0 {
		t.Fatalf("exit %d", code)
	}
	got := readFile(t, filepath.Join(dir, "2024-gwent.yaml"))
	if got != strings.Replace(draft, "    working_well: Youth forum shapes plans.\n", "    working_well: Youth forum shapes plans.\n    concerns: Few come.\n", 1) {
		t.Fatalf("saved:\n%s", got)
	}
}

// With NO_COLOR the chosen button and option are marked by shape, and no
// colour reaches the terminal.
func TestPtyNoColor(t *testing.T) {
	t.Parallel() // each in its own terminal and folder; most of the time is typing
	dir := t.TempDir()
	final := readFile(t, filepath.Join("..", "..", "examples", "2024", "regions", "powys.yaml"))
	if err := os.WriteFile(filepath.Join(dir, "powys.yaml"), []byte(final), 0o644); err != nil {
		t.Fatal(err)
	}
	tm := startTerm(t, dir, []string{"NO_COLOR=1"}, "assess", "powys.yaml")
	tm.waitScreen("This file is final. Change it?", "  Yes   [ No ]")
	tm.press(kLeft)
	tm.waitScreen("[ Yes ]   No")
	tm.press(kEsc)
	if code := tm.wait(); code != 0 {
		t.Fatalf("exit %d", code)
	}
	if sgr := colour(tm.rawBytes()); sgr != "" {
		t.Fatalf("colour %q with NO_COLOR", sgr)
	}
	if got := readFile(t, filepath.Join(dir, "powys.yaml")); got != final {
		t.Fatalf("a final file was changed by looking at it")
	}
}

// colour returns the first escape sequence in out that sets a colour.
func colour(out string) string {
	for _, m := range regexp.MustCompile(`\x1b\[([0-9;:]*)m`).FindAllStringSubmatch(out, -1) {
		for _, p := range strings.FieldsFunc(m[1], func(r rune) bool { return r == ';' || r == ':' }) {
			n, _ := strconv.Atoi(p)
			if n >= 30 && n <= 38 || n >= 40 && n <= 48 || n >= 90 && n <= 107 {
				return m[0]
			}
		}
	}
	return ""
}

// TestPtyAccessible answers interactive --accessible in a terminal: it
// waits for each question's text, and then for its prompt, before typing
// the answer, as a screen reader user hears the question first. The same
// answers piped in must save the same file.
func TestPtyAccessible(t *testing.T) {
	t.Parallel() // each in its own terminal and folder; most of the time is typing
	type step struct{ question, answer string }
	steps := []step{
		{"Which Regional Partnership Board?\n1. Cardiff and Vale", "3"},
		{"Is this the region's own submission, or one service's?", "1"},
		{"Year (needed)", ""},
		{"Which language are the answers written in?\n1. Cymraeg (Welsh)", ""},
		{"Whose voices informed this assessment? (choose any)\n[ ] 1. Children and young people", "1 3"},
		{"How were they heard?", "Tŷ forum."},
		{"Principle 1 of 6 — Trusted adults", "2"},
		{"Rating you aim for next year\n2. Early progress", "3"},
		{"What is working well", `One\nTwo`},
		{"Concerns and barriers", ""},
		{"What good would look like", ""},
		{"Themes (choose any)", "1 26"},
		{"Your own themes, separated by commas", "Tŷ Teulu"},
		{"Planned actions and quotes", "2"},
		{"What will be done? (needed)", "Plan"},
		{"Who will do it?", "HR"},
		{"Month it is due", "2025-03"},
		{"4. Action 1: Plan · HR · 2025-03", "3"},
		{"The quote, as said or written", "Ŵ yes."},
		{"Who said it?", "3"},
		{"5. Quote 1: Ŵ yes. · A parent or carer", ""},
		{"Principle 2 of 6 — Wellbeing across education", "0"},
		{"Why is it not rated yet? (needed)", "Not yet"},
	}
	for _, q := range []string{"Rating you aim for next year", "What is working well", "Concerns and barriers",
		"What good would look like", "Themes (choose any)", "Planned actions and quotes"} {
		steps = append(steps, step{q, ""}) // the rest of principle 2: Enter keeps each
	}
	for i := 3; i <= 6; i++ {
		steps = append(steps, step{"Principle " + strconv.Itoa(i) + " of 6", "2"}, step{"Rating you aim for next year", "4"},
			step{"What is working well", "Ok."})
		for _, q := range []string{"Concerns and barriers", "What good would look like", "Themes (choose any)", "Planned actions and quotes"} {
			steps = append(steps, step{q, ""})
		}
	}
	steps = append(steps, step{"What next? Choose a page to go back to it.\n1. Finish for now: it stays a draft\n2. Mark it final and submitted", "2"})

	dir := t.TempDir()
	tm := startTerm(t, dir, nil, "assess", "--accessible")
	var piped strings.Builder
	for _, s := range steps {
		tm.waitText(s.question)
		tm.waitText(": ") // the prompt, printed and flushed before the read
		tm.typeText(s.answer)
		tm.press(kEnter)
		piped.WriteString(s.answer + "\n")
	}
	if code := tm.wait(); code != 0 {
		t.Fatalf("exit %d:\n%s", code, tail(tm.text(), 2000))
	}
	if c := colour(tm.rawBytes()); c != "" || strings.Contains(tm.rawBytes(), "\x1b[?1049h") {
		t.Errorf("escape sequences in the line prompter")
	}
	got := readFile(t, filepath.Join(dir, "2024-gwent.yaml"))
	for _, want := range []string{"status: final\n", "    working_well: |\n      One\n      Two\n", "  ty-teulu: Tŷ Teulu\n", "  how: Tŷ forum.\n"} {
		if !strings.Contains(got, want) {
			t.Errorf("saved file lacks %q:\n%s", want, got)
		}
	}
	tm.logTiming("accessible run")

	pipedDir := t.TempDir()
	cmd := exec.Command(tm.cmd.Path, "assess", "--accessible")
	cmd.Dir, cmd.Env = pipedDir, tm.cmd.Env
	cmd.Stdin = strings.NewReader(piped.String())
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("piped: %v\n%s", err, tail(string(out), 1500))
	}
	if p := readFile(t, filepath.Join(pipedDir, "2024-gwent.yaml")); p != got {
		t.Fatalf("piped answers saved:\n%s\nanswers typed at the terminal:\n%s", p, got)
	}
}

// TestPtyWelsh types the first page and a principle of the full-screen
// form with --lang cy, at human speed: every title, option and the key
// bar (huh's own key help included) are Welsh, the language offered first
// is Welsh, and the file is written with language: cy. A final file asks
// Ie or Na.
func TestPtyWelsh(t *testing.T) {
	t.Parallel() // each in its own terminal and folder; most of the time is typing
	dir := t.TempDir()
	tm := startTerm(t, dir, nil, "assess", "--lang", "cy")
	var screens []string
	look := func(texts ...string) { screens = append(screens, tm.settled(texts...)) }

	look("Am yr hunanasesiad hwn", "┃ Pa Fwrdd Partneriaeth Rhanbarthol?", "> Caerdydd a'r Fro", "esc: cadw a stopio", "enter: dewis")
	tm.press(kDown, kDown, kEnter) // Gwent
	look("┃ Ai cyflwyniad y rhanbarth ei hun yw hwn", "> Rhanbarth: cyflwyniad y Bwrdd Partneriaeth Rhanbarthol")
	tm.press(kEnter)
	look("┃ Blwyddyn", "enter: nesaf")
	tm.press(kEnter)
	look("┃ Ym mha iaith mae'r atebion wedi'u hysgrifennu?", "> Cymraeg", "English (Saesneg)", "Y ddwy, Cymraeg a Saesneg")
	tm.press(kEnter)
	look("┃ Lleisiau pwy sydd wedi llywio'r asesiad hwn? (dewiswch unrhyw rai)", "Plant a phobl ifanc", "bylchwr: ticio")
	tm.press(kSpace, kEnter)
	look("┃ Sut cawson nhw eu clywed?", "ctrl+j: llinell newydd")
	tm.typeText("Fforwm ieuenctid Siân.")
	tm.press(kEnter)

	look("Egwyddor 1 o 6 — Oedolion yr ymddiriedir ynddynt", "┃ Sgôr taith NYTH", "> 1 Sylfaenol", "Dim sgôr eto", "1-4: sgôr", "ctrl+o: crynodeb")
	tm.press("2")
	look("┃ Eich targed sgôr ar gyfer y flwyddyn nesaf", "Dim targed")
	tm.press("3")
	tm.typeText("Mae staff yn aros.")
	tm.press(kEnter, kEnter, kEnter)
	look("┃ Themâu (dewiswch unrhyw rai)", "Cadw staff, parhad perthnasoedd")
	tm.press(kSpace, kEnter)
	look("┃ Camau gweithredu arfaethedig a dyfyniadau", "Wedi gorffen: ewch ymlaen at yr egwyddor nesaf, Llesiant ar draws addysg",
		"Ychwanegu cam gweithredu arfaethedig", "Ychwanegu dyfyniad o'r adborth")
	tm.press(kCtrlO)
	look("Crynodeb", "I'w cywiro cyn y gallwch farcio'r ffeil yn derfynol:", "┃ Beth nesaf? Dewiswch dudalen i fynd yn ôl ati.",
		"Gorffen am y tro: bydd yn aros yn ddrafft", "Oedolion yr ymddiriedir ynddynt: 2 Cynnydd cynnar")
	tm.press(kEnter) // finish for now
	if code := tm.wait(); code != 0 {
		t.Fatalf("exit %d; the screen:\n%s", code, tm.screen())
	}
	if !strings.Contains(tm.text(), "wedi cadw 2024-gwent.yaml (statws: draft)") {
		t.Fatalf("no saved message in Welsh:\n%s", tail(tm.text(), 600))
	}
	for i, s := range screens {
		for _, english := range []string{"Principle", "Which", "Rating", "Summary", "save and stop", "choose", "back", "next", "toggle", "submit", "space"} {
			if strings.Contains(s, english) {
				t.Errorf("screen %d shows the English %q:\n%s", i+1, english, s)
			}
		}
	}
	got := readFile(t, filepath.Join(dir, "2024-gwent.yaml"))
	for _, want := range []string{"region: gwent\n", "status: draft\nlanguage: cy\n", "  how: Fforwm ieuenctid Siân.\n",
		"    rating: 2\n    target: 3\n    working_well: Mae staff yn aros.\n", "    themes: [staff-retention]\n"} {
		if !strings.Contains(got, want) {
			t.Errorf("saved file lacks %q:\n%s", want, got)
		}
	}
	tm.logTiming("Welsh run")

	// A final file: change it? Ie or Na, the chosen one marked by shape.
	final := readFile(t, filepath.Join("..", "..", "examples", "2024", "regions", "powys.yaml"))
	if err := os.WriteFile(filepath.Join(dir, "powys.yaml"), []byte(final), 0o644); err != nil {
		t.Fatal(err)
	}
	tm = startTerm(t, dir, []string{"NO_COLOR=1"}, "assess", "--lang", "cy", "powys.yaml")
	tm.waitScreen("Ffeil derfynol", "Mae'r ffeil hon yn derfynol. Ydych chi am ei newid?", "  Ie   [ Na ]", "y: Ie", "n: Na")
	tm.press(kEnter)
	if code := tm.wait(); code != 0 {
		t.Fatalf("exit %d", code)
	}
	if !strings.Contains(tm.text(), "mae powys.yaml yn derfynol ac fe'i gadawyd fel yr oedd") {
		t.Errorf("no message in Welsh:\n%s", tail(tm.text(), 400))
	}
	if got := readFile(t, filepath.Join(dir, "powys.yaml")); got != final {
		t.Fatalf("a final file was changed by looking at it")
	}
}
