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
	seen := map[string]bool{}
	add := func(p string) {
		if p != Stdin && !strings.HasSuffix(p, string(filepath.Separator)+Stdin) {
			p = filepath.Clean(p)
		}
		if !seen[p] {
			seen[p] = true
			found = append(found, p)
		}
	}
	for _, p := range paths {
		if p == Stdin {
			add(p)
			continue
		}
		if filepath.Clean(p) == Stdin {
			p = "." + string(filepath.Separator) + Stdin // a file named -, not standard input
		}
		info, err := os.Stat(p)
		if err != nil {
			problems = append(problems, Problem{p, describe(err)})
			continue
		}
		if !info.IsDir() {
			add(p)
			continue
		}
		walk(p, nil, add, &problems)
	}
	slices.Sort(found)
	return found, problems
}

// walk visits dir, with ancestors the folders (by identity) it is inside.
func walk(dir string, ancestors []os.FileInfo, add func(string), problems *[]Problem) {
	info, err := os.Stat(dir)
	if err != nil {
		*problems = append(*problems, Problem{dir, describe(err)})
		return
	}
	for _, a := range ancestors {
		if os.SameFile(a, info) {
			*problems = append(*problems, Problem{dir, errors.New("symbolic link loop: this folder links back to a folder that contains it; skipped")})
			return
		}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		*problems = append(*problems, Problem{dir, describe(err)})
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
		if kind&fs.ModeSymlink != 0 {
			target, err := os.Stat(path)
			if err != nil {
				if IsYAML(name) || errors.Is(err, syscall.ELOOP) {
					*problems = append(*problems, Problem{path, describe(err)})
				}
				continue
			}
			kind = target.Mode().Type()
		}
		switch {
		case kind.IsDir():
			walk(path, ancestors, add, problems)
		case kind.IsRegular() && IsYAML(name):
			add(path)
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
		defer f.Close()
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
func WriteAtomic(path string, data []byte, perm os.FileMode) (err error) {
	dir := filepath.Dir(path)
	if info, err := os.Stat(path); err == nil {
		if !info.Mode().IsRegular() {
			return fmt.Errorf("write %s: not a regular file", path)
		}
		perm = info.Mode().Perm()
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, describe(err))
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = tmp.Chmod(perm); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync() // make the rename itself durable; not every system allows it
		d.Close()
	}
	return nil
}

// CreateAtomic is WriteAtomic for a file that must not exist yet: it fails
// with fs.ErrExist rather than replace anything.
func CreateAtomic(path string, data []byte, perm os.FileMode) error {
	if _, err := os.Lstat(path); err == nil {
		return fmt.Errorf("%s: %w", path, fs.ErrExist)
	}
	return WriteAtomic(path, data, perm)
}
