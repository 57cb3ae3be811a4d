package files

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

func write(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestFind(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a.yaml"), "x")
	write(t, filepath.Join(dir, "sub", "b.YML"), "x")
	write(t, filepath.Join(dir, "sub", "notes.txt"), "x")
	write(t, filepath.Join(dir, ".git", "c.yaml"), "x")
	if err := os.Symlink(dir, filepath.Join(dir, "sub", "loop")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "sub"), filepath.Join(dir, "linked")); err != nil {
		t.Fatal(err)
	}
	found, problems := Find([]string{dir, filepath.Join(dir, "a.yaml"), filepath.Join(dir, "missing.yaml"), "-"})
	// sub/b.YML is reached twice, through the link and directly: it is
	// found once, under the first name met.
	want := []File{{"-", "-"}, {filepath.Join(dir, "a.yaml"), dir}, {filepath.Join(dir, "linked", "b.YML"), dir}}
	if !slices.Equal(found, want) {
		t.Errorf("found %q\nwant %q", found, want)
	}
	var msgs []string
	for _, p := range problems {
		msgs = append(msgs, p.Error())
	}
	joined := strings.Join(msgs, "\n")
	if !strings.Contains(joined, "missing.yaml: no such file or folder") || !strings.Contains(joined, "symbolic link loop") {
		t.Errorf("problems: %s", joined)
	}
}

func TestRead(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "f.yaml")
	write(t, path, strings.Repeat("x", 20000))
	data, err := Read(path, nil, 20000)
	if err != nil || len(data) != 20000 {
		t.Fatalf("read %d bytes, %v", len(data), err)
	}
	if _, err := Read(path, nil, 19999); !errors.Is(err, ErrTooLarge) {
		t.Errorf("over the limit: %v", err)
	}
	if data, err := Read(Stdin, strings.NewReader("nest: 1\n"), 100); err != nil || string(data) != "nest: 1\n" {
		t.Errorf("stdin: %q %v", data, err)
	}
	if _, err := Read(dir, nil, 100); err == nil || !strings.Contains(err.Error(), "folder") {
		t.Errorf("folder: %v", err)
	}
}

func TestWriteAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.yaml")
	if err := CreateAtomic(path, []byte("one"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := CreateAtomic(path, []byte("two"), 0o644); !errors.Is(err, fs.ErrExist) {
		t.Fatalf("CreateAtomic over a file: %v", err)
	}
	if err := WriteAtomic(path, []byte("three"), 0o644); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	info, _ := os.Stat(path)
	if string(data) != "three" || info.Mode().Perm() != 0o600 {
		t.Errorf("got %q mode %v: want the new bytes and the old mode", data, info.Mode().Perm())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
	if err := WriteAtomic(filepath.Join(dir, "no", "such", "dir.yaml"), []byte("x"), 0o644); err == nil {
		t.Error("writing into a missing folder succeeded")
	}
}

// Of many writers racing to create one file, exactly one wins, and the
// file holds its bytes whole; the rest are told it exists.
func TestCreateAtomicRace(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "2024-gwent.yaml")
	const n = 20
	errs := make([]error, n)
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			errs[i] = CreateAtomic(path, []byte(strings.Repeat(strconv.Itoa(i%10), 4096)), 0o644)
		}()
	}
	close(start)
	wg.Wait()
	won := -1
	for i, err := range errs {
		switch {
		case err == nil && won >= 0:
			t.Fatalf("writers %d and %d both created the file", won, i)
		case err == nil:
			won = i
		case !errors.Is(err, fs.ErrExist):
			t.Errorf("writer %d: %v", i, err)
		}
	}
	if won < 0 {
		t.Fatal("no writer created the file")
	}
	data, _ := os.ReadFile(path)
	if string(data) != strings.Repeat(strconv.Itoa(won%10), 4096) {
		t.Errorf("the file does not hold the winner's bytes whole")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}

// A named pipe or a device is never opened: named, met in a folder as a
// .yaml entry, or reached through a link, it is a problem, at once.
func TestFindSkipsPipesAndDevices(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.yaml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	write(t, filepath.Join(dir, "ok.yaml"), "x")
	if err := os.Symlink("/dev/zero", filepath.Join(dir, "zero.yaml")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(fifo, filepath.Join(dir, "to-pipe.yml")); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	var found []File
	var problems []Problem
	go func() {
		found, problems = Find([]string{dir, fifo})
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("Find waited on a pipe")
	}
	if len(found) != 1 || found[0].Path != filepath.Join(dir, "ok.yaml") {
		t.Errorf("found %v", found)
	}
	var msgs []string
	for _, p := range problems {
		msgs = append(msgs, p.Error())
	}
	for _, want := range []string{"pipe.yaml: not a regular file", "zero.yaml: not a regular file", "to-pipe.yml: not a regular file"} {
		if !strings.Contains(strings.Join(msgs, "\n"), want) {
			t.Errorf("problems %q lack %q", msgs, want)
		}
	}
	// A pipe put where a file was found is refused by Read, not waited on.
	done2 := make(chan struct{})
	go func() {
		_, err := Read(fifo, nil, 100)
		if !errors.Is(err, ErrNotRegular) {
			t.Errorf("Read of a pipe: %v", err)
		}
		close(done2)
	}()
	select {
	case <-done2:
	case <-time.After(10 * time.Second):
		t.Fatal("Read waited on a pipe")
	}
}

// A file under two folders named, one inside the other, belongs to the
// outer one whatever the order they were named in.
func TestFindNestedFolders(t *testing.T) {
	dir := t.TempDir()
	inner := filepath.Join(dir, "services")
	write(t, filepath.Join(inner, "hub.yaml"), "x")
	for _, args := range [][]string{{dir, inner}, {inner, dir}} {
		found, _ := Find(args)
		if len(found) != 1 || found[0].Root != dir {
			t.Errorf("Find(%v) = %v, want the file under %s", args, found, dir)
		}
	}
}

// A process killed mid-write leaves its temporary file; the next write to
// that folder clears it. Names too long for a temporary name's extras
// still write.
func TestStaleTemporariesAndLongNames(t *testing.T) {
	dir := t.TempDir()
	stale := filepath.Join(dir, ".out.pdf"+tempMark+"999999999-123.tmp") // no such process
	write(t, stale, "half a report")
	mine := filepath.Join(dir, ".out.pdf"+tempMark+strconv.Itoa(os.Getpid())+"-1.tmp")
	write(t, mine, "being written")
	if err := WriteAtomic(filepath.Join(dir, "out.pdf"), []byte("report"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the stale temporary file is still there: %v", err)
	}
	if _, err := os.Stat(mine); err != nil {
		t.Errorf("a live process's temporary file was removed: %v", err)
	}
	for _, n := range []int{200, 241, 250, 255} {
		name := strings.Repeat("ŵ", (n-4)/2) + strings.Repeat("x", (n-4)%2) + ".pdf"
		if err := WriteAtomic(filepath.Join(dir, name), []byte("r"), 0o644); err != nil {
			t.Errorf("a name of %d bytes: %v", len(name), err)
		}
	}
}

// BenchmarkFindManyArguments finds files named one by one on the command
// line, as a shell's * gives them.
func BenchmarkFindManyArguments(b *testing.B) {
	dir := b.TempDir()
	var all []string
	for i := range 16000 {
		p := filepath.Join(dir, fmt.Sprintf("s%05d.yaml", i))
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			b.Fatal(err)
		}
		all = append(all, p)
	}
	for _, n := range []int{8000, 16000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				if found, _ := Find(all[:n]); len(found) != n {
					b.Fatal(len(found))
				}
			}
		})
	}
}
