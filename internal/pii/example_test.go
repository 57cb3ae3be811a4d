package pii_test

import (
	"fmt"

	"github.com/nest-nyth/nest/internal/pii"
)

func Example() {
	// The allow-list comes from the product's catalogue of public helplines.
	d := pii.New([]string{"0800 1111", "0808 800 5000"})
	text := "Young people can ring Childline on 0800 1111. " +
		"Mam’s mobile is 07700\u00a0900\u00a0862 if the school needs her. " +
		"The hub opens on Mondays."
	for _, m := range d.Find(text) {
		fmt.Printf("%s at %d-%d: %q\n", m.Kind, m.Start, m.End, text[m.Start:m.End])
	}
	out, withheld := pii.Redact(text, d.Find(text))
	fmt.Println(out)
	fmt.Println(withheld, "sentence withheld")
	// Output:
	// phone at 64-79: "07700\u00a0900\u00a0862"
	// Young people can ring Childline on 0800 1111. The hub opens on Mondays.
	// 1 sentence withheld
}
