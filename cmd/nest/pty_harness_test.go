package main

import (
	"bytes"
	"errors"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/vt"
	"github.com/creack/pty"
)

// The terminal tests run nest assess in an 80x24 pseudo-terminal, as a
// coordinator would: keys typed one at a time, 20 to 50 ms apart, looking
// at the screen only where a person would before typing, and never pressing
// a key again. The screen is an emulator (charmbracelet/x/vt) fed with
// nest's output, whose answers to terminal queries go back to nest, as a
// real terminal's do. nest is the test binary itself, which testscript's
// TestMain puts on PATH under that name.

// Keys as a terminal sends them.
const (
	kEnter    = "\r"
	kTab      = "\t"
	kShiftTab = "\x1b[Z"
	kUp       = "\x1b[A"
	kDown     = "\x1b[B"
	kRight    = "\x1b[C"
	kLeft     = "\x1b[D"
	kEnd      = "\x1b[F"
	kEsc      = "\x1b"
	kCtrlC    = "\x03"
	kCtrlJ    = "\n" // a new line in a text; Alt+Enter is ESC CR, which a slow line can split
	kCtrlO    = "\x0f"
	kSpace    = " "
)

type ptyTerm struct {
	t     *testing.T
	cmd   *exec.Cmd
	ptmx  *os.File
	mu    sync.Mutex
	emu   *vt.Emulator
	raw   bytes.Buffer
	done  chan struct{} // output closed
	exit  chan error    // the process ended
	rng   *rand.Rand
	keys  int // key presses sent
	mark  int // where waitText looks from in the output
	start time.Time
	slept time.Duration
}

// startTerm runs nest with args in dir, in an 80x24 terminal.
func startTerm(t *testing.T, dir string, env []string, args ...string) *ptyTerm {
	t.Helper()
	bin, err := exec.LookPath("nest")
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "TERM=xterm-256color", "COLORTERM=", "NO_COLOR=", "ACCESSIBLE=", "SOURCE_DATE_EPOCH=1730332800")
	cmd.Env = append(cmd.Env, env...)
	ptmx, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 24, Cols: 80})
	if err != nil {
		t.Fatal(err)
	}
	// creack/pty leaves the master blocking (File.Fd does that), so a
	// blocked Read keeps it open after Close and a hang-up never happens:
	// swap it for a non-blocking copy that Go's poller can interrupt.
	fd, err := syscall.Dup(int(ptmx.Fd()))
	if err != nil {
		t.Fatal(err)
	}
	_ = ptmx.Close()
	if err := syscall.SetNonblock(fd, true); err != nil {
		t.Fatal(err)
	}
	ptmx = os.NewFile(uintptr(fd), "/dev/ptmx")
	seed := uint64(time.Now().UnixNano())
	tm := &ptyTerm{t: t, cmd: cmd, ptmx: ptmx, emu: vt.NewEmulator(80, 24),
		done: make(chan struct{}), exit: make(chan error, 1),
		rng: rand.New(rand.NewPCG(seed, 0)), start: time.Now()}
	t.Logf("typing delays: seed %d", seed)
	go func() {
		defer close(tm.done)
		buf := make([]byte, 4096)
		for {
			n, err := ptmx.Read(buf)
			if n > 0 {
				tm.mu.Lock()
				tm.raw.Write(buf[:n])
				_, _ = tm.emu.Write(buf[:n])
				tm.mu.Unlock()
			}
			if err != nil {
				return
			}
		}
	}()
	go func() { _, _ = io.Copy(ptmx, tm.emu) }() // the terminal's replies
	go func() { tm.exit <- cmd.Wait() }()
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = ptmx.Close()
		// Not tm.emu.Close(): x/vt v0.1.0 reads its closed flag without its
		// lock, racing with the reply goroutine, which just stays blocked
		// until the test binary ends.
	})
	return tm
}

// screen is the emulated screen as text.
func (tm *ptyTerm) screen() string {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return tm.emu.String()
}

func (tm *ptyTerm) rawBytes() string {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return tm.raw.String()
}

// text is everything printed so far, escape sequences taken out.
func (tm *ptyTerm) text() string {
	return strings.ReplaceAll(ansi.Strip(tm.rawBytes()), "\r\n", "\n")
}

// waitScreen waits until the screen shows every one of texts: what a
// person looks for before typing.
func (tm *ptyTerm) waitScreen(texts ...string) {
	tm.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		s := tm.screen()
		ok := true
		for _, x := range texts {
			ok = ok && strings.Contains(s, x)
		}
		if ok {
			return
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("the screen never showed %q; it shows:\n%s", texts, s)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// settled waits until the screen shows texts and has stopped changing, and
// returns it: for screens kept as text.
func (tm *ptyTerm) settled(texts ...string) string {
	tm.t.Helper()
	tm.waitScreen(texts...)
	last := tm.screen()
	for {
		time.Sleep(60 * time.Millisecond)
		s := tm.screen()
		if s == last {
			return s
		}
		last = s
	}
}

// waitText waits until text is printed after what the last wait found: for
// the line prompter, whose questions scroll off the screen.
func (tm *ptyTerm) waitText(text string) {
	tm.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		all := tm.text()
		if i := strings.Index(all[min(tm.mark, len(all)):], text); i >= 0 {
			tm.mark += i + len(text)
			return
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("nest never printed %q; the last it printed:\n%s", text, tail(all, 1500))
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func tail(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}

// press sends keys one at a time, 20 to 50 ms apart, as a person types.
func (tm *ptyTerm) press(keys ...string) {
	tm.t.Helper()
	for _, k := range keys {
		if _, err := tm.ptmx.Write([]byte(k)); err != nil {
			tm.t.Fatalf("write %q: %v", k, err)
		}
		tm.keys++
		d := time.Duration(20+tm.rng.IntN(31)) * time.Millisecond
		tm.slept += d
		time.Sleep(d)
	}
}

// typeText types s a character at a time ("Tŷ" is two keys, not three bytes).
func (tm *ptyTerm) typeText(s string) {
	tm.t.Helper()
	for _, r := range s {
		tm.press(string(r))
	}
}

// wait waits for nest to end and returns its exit status.
func (tm *ptyTerm) wait() int {
	tm.t.Helper()
	select {
	case err := <-tm.exit:
		select { // let the reader take what is left
		case <-tm.done:
		case <-time.After(2 * time.Second):
		}
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
				tm.t.Fatalf("nest was killed by %v", ws.Signal())
			}
			return ee.ExitCode()
		}
		if err != nil {
			tm.t.Fatal(err)
		}
		return 0
	case <-time.After(15 * time.Second):
		tm.t.Fatalf("nest did not end; the screen:\n%s", tm.screen())
		return -1
	}
}

func (tm *ptyTerm) logTiming(name string) {
	el := time.Since(tm.start)
	tm.t.Logf("%s: %d key presses in %v, %v of it between keys (%.1f ms a key)",
		name, tm.keys, el.Round(time.Millisecond), tm.slept.Round(time.Millisecond),
		float64(tm.slept.Milliseconds())/float64(max(tm.keys, 1)))
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
