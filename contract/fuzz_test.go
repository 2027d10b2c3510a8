package contract

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzCheck: parse + validate never panic (Check recovers, so a recovered
// panic shows up as an internal-error finding, which fails the fuzz run),
// and every finding has a position.
func FuzzCheck(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/bad/*.yaml")
	for _, s := range seeds {
		if data, err := os.ReadFile(s); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte(goodContract))
	f.Add([]byte("a: &x [*x]\n"))
	f.Add([]byte("<<: {a: 1}\n"))
	rules := DefaultRules()
	f.Fuzz(func(t *testing.T, data []byte) {
		_, fs := Check("fuzz.yaml", data, rules)
		for _, x := range fs {
			if x.Rule == RuleInternal {
				t.Fatalf("validator failure: %s", x)
			}
			if x.Line < 1 || x.Column < 1 {
				t.Fatalf("finding without a position: %+v", x)
			}
		}
		_ = CheckCanvas("fuzz.md", data, "## A\nq\n## B (optional)\n")
	})
}
