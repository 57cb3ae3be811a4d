// Command pdfcheck checks tagged PDFs against the rules of PDF/UA-1 that a
// machine can check (see internal/tagpdf/pdfcheck), for .ci/run:
//
//	go run ./.ci/pdfcheck [-tree] FILE.pdf...
//
// It prints each rule a file breaks and exits 1 if any does; -tree also
// prints each file's structure tree, with each element's language,
// description, scope and the start of its text.
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/nest-nyth/nest/internal/tagpdf/pdfcheck"
)

func main() {
	tree := flag.Bool("tree", false, "print the structure tree")
	flag.Parse()
	failed := false
	for _, name := range flag.Args() {
		data, err := os.ReadFile(name)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		d, err := pdfcheck.Read(data)
		if err != nil {
			fmt.Fprintf(os.Stderr, "%s: %v\n", name, err)
			os.Exit(2)
		}
		if *tree && d.Tree != nil {
			d.Tree.Walk(func(e *pdfcheck.Elem, depth int) {
				line := strings.Repeat("  ", depth) + e.Role
				for _, a := range [][2]string{{"Lang", e.Lang}, {"Scope", e.Scope}, {"Alt", e.Alt}} {
					if a[1] != "" {
						line += fmt.Sprintf(" %s=%q", a[0], a[1])
					}
				}
				if t := []rune(strings.Join(strings.Fields(e.Text()), " ")); len(t) > 0 && len(e.Kids()) == 0 {
					line += fmt.Sprintf(" %q", string(t[:min(len(t), 70)]))
				}
				fmt.Println(line)
			})
		}
		for _, p := range d.Problems {
			fmt.Printf("%s: %s\n", name, p)
			failed = true
		}
		if len(d.Problems) == 0 {
			fmt.Printf("%s: tagged; %d pages; passes every check\n", name, d.Pages)
		}
	}
	if failed {
		os.Exit(1)
	}
}
