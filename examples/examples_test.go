package examples_test

import (
	"fmt"
	"io/fs"
	"testing"

	"github.com/nest-nyth/nest/assessment"
	"github.com/nest-nyth/nest/examples"
	"github.com/nest-nyth/nest/schema"
)

// The seven regional examples reproduce the published October 2024
// national averages, to one decimal with halves rounded up.
func TestRegionalAveragesMatchThe2024Update(t *testing.T) {
	published := map[string]string{
		"trusted_adults":                  "2.3",
		"wellbeing_across_education":      "2.1",
		"co_produced_innovations":         "2.1",
		"easy_access_to_expertise":        "2.1",
		"safe_and_supportive_communities": "1.8",
		"no_wrong_door":                   "2.3",
	}
	files, err := fs.Glob(examples.FS, "2024/regions/*.yaml")
	if err != nil || len(files) != len(assessment.Regions) {
		t.Fatalf("want one file per region, got %v (%v)", files, err)
	}
	sum, n := map[string]int{}, map[string]int{}
	regions := map[string]bool{}
	for _, f := range files {
		data, _ := fs.ReadFile(examples.FS, f)
		res := schema.Check(f, data)
		if !res.Valid() {
			t.Fatalf("%s: %v", f, res.Findings)
		}
		a := res.Assessment
		regions[a.Region] = true
		for key, r := range a.Principles {
			if r.Rating > 0 {
				sum[key] += r.Rating
				n[key]++
			}
		}
	}
	if len(regions) != len(assessment.Regions) {
		t.Errorf("regions covered: %v", regions)
	}
	for key, want := range published {
		// Half up at one decimal, in integers: floor((20*sum + n) / (2n)) tenths.
		tenths := (20*sum[key] + n[key]) / (2 * n[key])
		if got := fmt.Sprintf("%d.%d", tenths/10, tenths%10); got != want {
			t.Errorf("%s: average %s (%d/%d), published %s", key, got, sum[key], n[key], want)
		}
	}
}
