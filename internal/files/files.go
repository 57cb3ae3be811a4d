// Package files finds, reads and writes the files nest works on: folders
// walked for YAML (following links, but never round a loop), reads with a
// size limit, and writes that are atomic.
package files

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
)

// Stdin is the path that stands for standard input.
const Stdin = "-"

// Problem is a path that could not be used, with why.
type Problem struct {
	Path string
	Err  error
}

func (p Problem) Error() string { return p.Path + ": " + p.Err.Error() }

// IsYAML reports whether a file name ends in .yaml or .yml.
func IsYAML(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".yaml" || ext == ".yml"
}

// Find expands paths into the files to check: a file is taken as it is,
// whatever its name; a folder is walked for *.yaml and *.yml files,
// following symbolic links but reporting a link back into a folder already
// being walked. "-" is kept as standard input. The result is sorted and
// free of repeats; problems name each path that could not be used.
func Find(paths []string) (found []string, problems []Problem) {
	f := finder{seen: map[string]bool{}, walked: map[string]bool{}}
	for _, p := range paths {
		if p == Stdin {
			f.add(p, p)
			continue
		}
		if filepath.Clean(p) == Stdin {
			p = "." + string(filepath.Separator) + Stdin // a file named -, not standard input
		} else {
			p = filepath.Clean(p)
		}
		info, err := os.Stat(p)
		if err != nil {
			f.problems = append(f.problems, Problem{p, describe(err)})
			continue
		}
		if !info.IsDir() {
			f.add(p, realPath(p))
			continue
		}
		f.walk(p, nil)
	}
	slices.Sort(f.found)
	return f.found, f.problems
}

// finder gathers files, each once however many ways lead to it: named
// twice, through a link, or inside a folder named too.
type finder struct {
	found    []string
	problems []Problem
	seen     map[string]bool // real paths of files found
	walked   map[string]bool // real paths of folders walked
}

func (f *finder) add(path, real string) {
	if !f.seen[real] {
		f.seen[real] = true
		f.found = append(f.found, path)
	}
}

// realPath is the path with every link resolved, or the path itself when
// that fails (the read that follows will say why).
func realPath(p string) string {
	if r, err := filepath.EvalSymlinks(p); err == nil {
		if abs, err := filepath.Abs(r); err == nil {
			return abs
		}
	}
	return p
}

// walk visits dir, with ancestors the folders (by identity) it is inside.
func (f *finder) walk(dir string, ancestors []os.FileInfo) {
	info, err := os.Stat(dir)
	if err != nil {
		f.problems = append(f.problems, Problem{dir, describe(err)})
		return
	}
	for _, a := range ancestors {
		if os.SameFile(a, info) {
			f.problems = append(f.problems, Problem{dir, errors.New("symbolic link loop: this folder links back to a folder that contains it; skipped")})
			return
		}
	}
	real := realPath(dir)
	if f.walked[real] {
		return // reached another way already: its files are in
	}
	f.walked[real] = true
	entries, err := os.ReadDir(dir)
	if err != nil {
		f.problems = append(f.problems, Problem{dir, describe(err)})
		return
	}
	ancestors = append(ancestors, info)
	for _, e := range entries {
		name := e.Name()
		path := filepath.Join(dir, name)
		if strings.HasPrefix(name, ".") {
			continue // .git, .gitlab-ci.yml and other tools' files
		}
		kind := e.Type()
		link := kind&fs.ModeSymlink != 0
		if link {
			target, err := os.Stat(path)
			if err != nil {
				if IsYAML(name) || errors.Is(err, syscall.ELOOP) {
					f.problems = append(f.problems, Problem{path, describe(err)})
				}
				continue
			}
			kind = target.Mode().Type()
		}
		switch {
		case kind.IsDir():
			f.walk(path, ancestors)
		case kind.IsRegular() && IsYAML(name) && link:
			f.add(path, realPath(path))
		case kind.IsRegular() && IsYAML(name):
			f.add(path, filepath.Join(real, name)) // no link to resolve: no system call
		}
	}
}

// describe turns an operating-system error into words for a coordinator.
func describe(err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return errors.New("no such file or folder")
	case errors.Is(err, fs.ErrPermission):
		return errors.New("permission denied")
	case errors.Is(err, syscall.ELOOP):
		return errors.New("symbolic link loop")
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// ErrTooLarge is returned by Read for a file over the limit.
var ErrTooLarge = errors.New("file is too large")

// Read reads a file, or standard input for "-", refusing more than limit
// bytes without reading them all.
func Read(path string, stdin io.Reader, limit int64) ([]byte, error) {
	var r io.Reader
	if path == Stdin {
		r = stdin
	} else {
		f, err := os.Open(path)
		if err != nil {
			return nil, describe(err)
		}
		defer func() { _ = f.Close() }() // read only: nothing to lose
		r = f
	}
	// Most files are a few kilobytes: start with room for them, so that
	// reading takes one allocation and no stat.
	data := make([]byte, 0, 8<<10)
	for int64(len(data)) <= limit {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, err := r.Read(data[len(data):min(cap(data), int(limit)+1)])
		data = data[:len(data)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *fs.PathError
			if errors.As(err, &pe) && errors.Is(pe.Err, syscall.EISDIR) {
				return nil, errors.New("is a folder")
			}
			return nil, describe(err)
		}
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%w: over the limit of %d bytes", ErrTooLarge, limit)
	}
	return data, nil
}

// WriteAtomic writes data to path so that a crash or power cut leaves
// either the old file or the new one, never half of either: it writes a
// temporary file in the same folder, flushes it to disk, and renames it
// over path. The file keeps the mode of the one it replaces.
func WriteAtomic(path string, data []byte, perm os.FileMode) error {
	if info, err := os.Stat(path); err == nil {
		if !info.Mode().IsRegular() {
			return fmt.Errorf("write %s: not a regular file", path)
		}
		perm = info.Mode().Perm()
	}
	tmp, err := writeTemp(path, data, perm)
	if err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		_ = os.Remove(tmp) // best effort; stale ones are cleared on the next write
		return fmt.Errorf("write %s: %w", path, describe(err))
	}
	syncDir(filepath.Dir(path))
	return nil
}

// CreateAtomic is WriteAtomic for a file that must not exist yet: it fails
// with fs.ErrExist rather than replace anything, even a file made by
// another program between the check and the write. The whole file appears
// at once, through a hard link to the temporary file, which the system
// refuses when the name is taken.
func CreateAtomic(path string, data []byte, perm os.FileMode) error {
	if _, err := os.Lstat(path); err == nil {
		return fmt.Errorf("%s: %w", path, fs.ErrExist)
	}
	tmp, err := writeTemp(path, data, perm)
	if err != nil {
		return err
	}
	defer func() { _ = os.Remove(tmp) }() // the link, if made, keeps the data
	err = os.Link(tmp, path)
	switch {
	case err == nil:
		syncDir(filepath.Dir(path))
		return nil
	case errors.Is(err, fs.ErrExist):
		return fmt.Errorf("%s: %w", path, fs.ErrExist)
	}
	// A file system without hard links: create the name exclusively, then
	// fill it. A crash can leave it short, but never replaces a file.
	f, xerr := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
	if xerr != nil {
		if errors.Is(xerr, fs.ErrExist) {
			return fmt.Errorf("%s: %w", path, fs.ErrExist)
		}
		return fmt.Errorf("write %s: %w", path, describe(xerr))
	}
	_, werr := f.Write(data)
	if werr == nil {
		werr = f.Sync()
	}
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		return fmt.Errorf("write %s: %w", path, werr)
	}
	return nil
}

// writeTemp writes data to a new temporary file beside path, flushed to
// disk, and returns its name.
func writeTemp(path string, data []byte, perm os.FileMode) (name string, err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return "", fmt.Errorf("write %s: %w", path, describe(err))
	}
	defer func() {
		if err != nil { // the error already says what went wrong
			_ = tmp.Close()
			_ = os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return "", fmt.Errorf("write %s: %w", path, err)
	}
	if err = tmp.Chmod(perm); err != nil {
		return "", fmt.Errorf("write %s: %w", path, err)
	}
	if err = tmp.Sync(); err != nil {
		return "", fmt.Errorf("write %s: %w", path, err)
	}
	if err = tmp.Close(); err != nil {
		return "", fmt.Errorf("write %s: %w", path, err)
	}
	return tmp.Name(), nil
}

// syncDir makes a rename or link in dir durable; not every system allows
// it, and nothing is lost when it does not.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}
