package files

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
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
	want := []string{"-", filepath.Join(dir, "a.yaml"), filepath.Join(dir, "linked", "b.YML")}
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
