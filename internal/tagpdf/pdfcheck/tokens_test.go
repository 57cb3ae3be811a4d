package pdfcheck

import (
	"fmt"
	"strings"
	"testing"
)

func TestTokens(t *testing.T) {
	src := "% a comment\n/P <</MCID 3>> BDC BT /F1 12 Tf (a\\(b\\)\\\\c\\101\\n) Tj [(x) -250 <0041>] TJ ET\n" +
		"BI /W 1 /H 1 ID xyz EI EMC 1 0 0 RG 0.5 w 10 20 m 30 40 l S"
	var got []string
	for _, tk := range tokens([]byte(src)) {
		s := tk.s
		if tk.str != nil {
			s += fmt.Sprintf("=%q", tk.str)
		}
		if tk.op {
			s = "op:" + s
		}
		got = append(got, s)
	}
	want := `/P <</MCID 3>> op:BDC op:BT /F1 12 op:Tf ()="a(b)\\cA\n" op:Tj [(x) -250 <0041>]="x\x00A" op:TJ op:ET op:BI op:EMC 1 0 0 op:RG 0.5 op:w 10 20 op:m 30 40 op:l op:S`
	if strings.Join(got, " ") != want {
		t.Errorf("tokens:\n%s\nwant:\n%s", strings.Join(got, " "), want)
	}
}
