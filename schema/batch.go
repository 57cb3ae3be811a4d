package schema

import (
	"errors"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/nest-nyth/nest/assessment"
)

// FileResult is what checking one file of a batch found.
type FileResult struct {
	File     string
	Findings []Finding
	// Assessment is set only when the batch keeps them, and the file could
	// be decoded.
	Assessment *assessment.Assessment
}

// Valid reports whether the file has no error (warnings allowed).
func (r *FileResult) Valid() bool { return !hasError(r.Findings) }

// ErrTooLarge is what a Reader returns for a file over
// assessment.MaxFileSize, having read no more of it than that.
var ErrTooLarge = errors.New("file is too large")

// Reader reads the file a name stands for: schema is handed bytes, it does
// not open files.
type Reader func(name string) ([]byte, error)

// BatchOptions say how to check a batch of files.
type BatchOptions struct {
	// Read reads each file.
	Read Reader
	// Workers is how many files are checked at once; 0 means one per CPU.
	Workers int
	// Today is passed to each check: see Options.
	Today string
	// Keep keeps each file's Assessment in its result. Without it, memory
	// stays flat whatever the number of files.
	Keep bool
	// Words are the language of the findings: see Options.
	Words *assessment.Words
}

// submission identifies a final file for the duplicate check.
type submission struct {
	key  string
	file int
	pos  position
	dup  bool // already told it has a twin
}

// what names what a submission is, for a message in w's words, from its
// key: nothing more is kept per file, so memory stays flat however many
// files there are.
func (s *submission) what(w *assessment.Words) string {
	f := strings.Split(s.key, "\x00") // region, scope, organisation, year, organisation as written
	if f[1] == assessment.ScopeRegion {
		return w.Say("messages.duplicate.region", w.Label("regions", f[0]), f[3])
	}
	return w.Say("messages.duplicate.service", f[4], w.Label("regions", f[0]), f[3])
}

// id is the part of the key that says which submission it is.
func (s *submission) id() string {
	return s.key[:strings.LastIndexByte(s.key, 0)]
}

// CheckFiles reads and checks files concurrently, then checks them against each other,
// and returns one result per file in the order given. Findings inside each
// result are sorted.
func CheckFiles(files []string, opt BatchOptions) []FileResult {
	results := make([]FileResult, len(files))
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, max(len(files), 1))
	subs := make([]*submission, len(files))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= len(files) {
					return
				}
				results[i], subs[i] = checkOne(files[i], i, opt)
			}
		}()
	}
	wg.Wait()
	duplicates(results, subs, wordsOr(opt.Words))
	for i := range results {
		Sort(results[i].Findings)
	}
	return results
}

// StdinName names standard input ("-") in findings.
const StdinName = "<stdin>"

func checkOne(path string, i int, opt BatchOptions) (FileResult, *submission) {
	name := path
	if path == "-" {
		name = StdinName
	}
	res := FileResult{File: name}
	data, err := opt.Read(path)
	if err != nil {
		w := wordsOr(opt.Words)
		rule := RuleRead
		msg := w.Say("messages.read", err.Error())
		if errors.Is(err, ErrTooLarge) {
			rule = RuleFileTooLarge
			msg = w.Say("messages.too.large", assessment.MaxFileSize)
		}
		res.Findings = []Finding{{File: name, Line: 1, Column: 1, Severity: Error, Rule: rule, Message: msg}}
		return res, nil
	}
	r := Options{Today: opt.Today, Words: opt.Words}.Check(name, data)
	res.Findings = r.Findings
	a := r.Assessment
	if a == nil {
		return res, nil
	}
	if opt.Keep {
		assessment.Detach(a) // keep the answers, not the whole file
		res.Assessment = a
	}
	if a.Status != assessment.StatusFinal {
		return res, nil
	}
	key := assessment.SubmissionKey(a)
	// One string holds the key and the organisation as written, for the
	// message: one allocation, and nothing of the file kept.
	return res, &submission{key: key + "\x00" + a.Organisation, file: i, pos: r.statusPos}
}

// duplicates reports two final files for the same region, scope,
// organisation and year: the national figures would count the submission
// twice. Each copy names the other.
func duplicates(results []FileResult, subs []*submission, w *assessment.Words) {
	first := map[string]*submission{}
	for _, s := range subs {
		if s == nil {
			continue
		}
		f, ok := first[s.id()]
		if !ok {
			first[s.id()] = s
			continue
		}
		add := func(at, other *submission) {
			results[at.file].Findings = append(results[at.file].Findings, Finding{
				File: results[at.file].File, Line: at.pos.line, Column: at.pos.col, Severity: Error, Rule: RuleDuplicate,
				Message: w.Say("messages.duplicate", at.what(w), results[other.file].File),
			})
		}
		add(s, f)
		if !f.dup {
			add(f, s)
			f.dup = true
		}
	}
}
