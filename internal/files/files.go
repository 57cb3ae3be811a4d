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
	"strconv"
	"strings"
	"syscall"
	"unicode/utf8"
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

// File is a file found, and the path named on the command line it was
// found under (itself, for a file named).
type File struct {
	Path string
	Root string
}

// Why a path could not be used. Their own words are English, for
// programs and logs; nest says them in the catalogue's words
// (cmd/nest's fileError), so callers should test for them with
// errors.Is rather than show them.
var (
	// ErrNotRegular is why a named pipe, socket or device is not read:
	// opening a pipe waits for a writer that may never come.
	ErrNotRegular = errors.New("not a regular file (a named pipe, socket or device): skipped")
	ErrNotExist   = errors.New("no such file or folder")
	ErrPermission = errors.New("permission denied")
	ErrLinkLoop   = errors.New("symbolic link loop")
	// ErrLinkBack is a folder that links back to one that contains it.
	ErrLinkBack = errors.New("symbolic link loop: this folder links back to a folder that contains it; skipped")
	ErrIsFolder = errors.New("is a folder")
)

// Find expands paths into the files to check: a file is taken as it is,
// whatever its name; a folder is walked for *.yaml and *.yml files,
// following symbolic links but reporting a link back into a folder already
// being walked. "-" is kept as standard input. Only regular files are
// taken: a pipe or device, named or met as a .yaml entry, is a problem.
// The result is sorted and free of repeats; a file under two folders named
// belongs to the outer one, whatever the order they were named in;
// problems name each path that could not be used.
func Find(paths []string) (found []File, problems []Problem) {
	f := finder{seen: map[string]bool{}, walked: map[string]bool{}}
	type arg struct {
		path  string
		depth int
	}
	var args []arg
	for _, p := range paths {
		switch {
		case p == Stdin:
		case filepath.Clean(p) == Stdin:
			p = "." + string(filepath.Separator) + Stdin // a file named -, not standard input
		default:
			p = filepath.Clean(p)
		}
		args = append(args, arg{p, depth(p)})
	}
	// Outer folders first, so that nested ones find their files taken.
	slices.SortStableFunc(args, func(a, b arg) int { return a.depth - b.depth })
	for _, a := range args {
		p := a.path
		if p == Stdin {
			f.add(File{p, p}, p)
			continue
		}
		info, err := os.Stat(p)
		switch {
		case err != nil:
			f.problems = append(f.problems, Problem{p, describe(err)})
		case info.IsDir():
			f.root = p
			f.walk(p, nil)
		case !info.Mode().IsRegular():
			f.problems = append(f.problems, Problem{p, ErrNotRegular})
		default:
			f.add(File{p, p}, realPath(p))
		}
	}
	slices.SortFunc(f.found, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	return f.found, f.problems
}

// depth is how many folders deep a path is, counted from where it starts
// (the root, or the working folder).
func depth(p string) int {
	abs, err := filepath.Abs(p)
	if err != nil {
		abs = p
	}
	return strings.Count(abs, string(filepath.Separator))
}

// finder gathers files, each once however many ways lead to it: named
// twice, through a link, or inside a folder named too.
type finder struct {
	found    []File
	problems []Problem
	seen     map[string]bool // real paths of files found
	walked   map[string]bool // real paths of folders walked
	root     string          // the folder being walked, as named
}

func (f *finder) add(file File, real string) {
	if !f.seen[real] {
		f.seen[real] = true
		f.found = append(f.found, file)
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
			f.problems = append(f.problems, Problem{dir, ErrLinkBack})
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
		case !IsYAML(name):
		case !kind.IsRegular():
			f.problems = append(f.problems, Problem{path, ErrNotRegular})
		case link:
			f.add(File{path, f.root}, realPath(path))
		default:
			f.add(File{path, f.root}, filepath.Join(real, name)) // no link to resolve: no system call
		}
	}
}

// describe turns an operating-system error into words for a coordinator.
func describe(err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return ErrNotExist
	case errors.Is(err, fs.ErrPermission):
		return ErrPermission
	case errors.Is(err, syscall.ELOOP):
		return ErrLinkLoop
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
	size := int64(8 << 10) // what most files are, where the size is not known
	if path == Stdin {
		r = stdin
	} else {
		// Without waiting: a pipe put where a file was would otherwise
		// block the open until a writer comes.
		f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK|syscall.O_NOCTTY, 0)
		if err != nil {
			return nil, describe(err)
		}
		defer func() { _ = f.Close() }() // read only: nothing to lose
		info, err := f.Stat()
		switch {
		case err != nil:
			return nil, describe(err)
		case info.IsDir():
			return nil, ErrIsFolder
		case !info.Mode().IsRegular():
			return nil, ErrNotRegular
		}
		r = f
		size = info.Size() + 1 // and a byte to meet the end in
	}
	// Room for the whole file, so that reading takes one allocation of
	// what it needs: 10,000 files of 3 KB read into 8 KB each made 80 MB.
	data := make([]byte, 0, min(size, limit+1))
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
				return nil, ErrIsFolder
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
			return fmt.Errorf("write %s: %w", path, ErrNotRegular)
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

// Temporary files are named .NAME.nest-PID-RANDOM.tmp: hidden, beside the
// file they become, short enough for any name (NAME is cut to fit), and
// telling which process made them, so that one left by a process that was
// killed can be cleared away by the next write to that folder.
const tempMark = ".nest-"

// writeTemp writes data to a new temporary file beside path, flushed to
// disk, and returns its name.
func writeTemp(path string, data []byte, perm os.FileMode) (name string, err error) {
	dir := filepath.Dir(path)
	clearStale(dir)
	base := filepath.Base(path)
	for len(base) > 180 { // leave room in 255 bytes for the rest of the name
		_, size := utf8.DecodeLastRuneInString(base)
		base = base[:len(base)-size]
	}
	tmp, err := os.CreateTemp(dir, "."+base+tempMark+strconv.Itoa(os.Getpid())+"-*.tmp")
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

// clearStale removes the temporary files in dir that a nest process left
// when it was killed mid-write: those whose process is gone.
func clearStale(dir string) {
	names, err := filepath.Glob(filepath.Join(dir, ".*"+tempMark+"*.tmp"))
	if err != nil {
		return
	}
	for _, name := range names {
		rest := filepath.Base(name)
		rest = rest[strings.LastIndex(rest, tempMark)+len(tempMark):]
		pid, err := strconv.Atoi(rest[:max(strings.IndexByte(rest, '-'), 0)])
		if err != nil || pid <= 0 || pid == os.Getpid() || alive(pid) {
			continue
		}
		_ = os.Remove(name) // best effort: another nest may have cleared it
	}
}

// alive reports whether a process is running.
func alive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

// syncDir makes a rename or link in dir durable; not every system allows
// it, and nothing is lost when it does not.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}
