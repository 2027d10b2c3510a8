package contract

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// addBadSeeds seeds a fuzz target with the bad-input corpus and a good
// contract.
func addBadSeeds(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/bad/*.yaml")
	for _, s := range seeds {
		if data, err := os.ReadFile(s); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte(goodContract))
}

// FuzzCheck: parse + validate never panic (Check recovers, so a recovered
// panic shows up as an internal-error finding, which fails the fuzz run),
// and every finding has a position.
func FuzzCheck(f *testing.F) {
	addBadSeeds(f)
	f.Add(wideInvalid(8)) // Lint locates its findings without a tree
	f.Add([]byte(header + "tags: [a, 5, b]\nschema:\n  - name: t\n    properties:\n      - name: c\n        tags:\n          - x\n          - 7\n"))
	f.Add([]byte("a: &x [*x]\n"))
	f.Add([]byte("<<: {a: 1}\n"))
	rules := DefaultRules()
	f.Fuzz(func(t *testing.T, data []byte) {
		_, fs := Check("fuzz.yaml", data, rules)
		// Lint reuses buffers of whatever it checked before: the same
		// findings, twice in a row and after another document.
		for range 2 {
			if got, _, _ := Lint("fuzz.yaml", data, rules); !reflect.DeepEqual(got, fs) {
				t.Fatalf("Lint gives %v, Check %v", got, fs)
			}
			Lint("good.yaml", []byte(goodContract), rules)
		}
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

// TestFindingsStable: findings do not depend on map order. An empty key
// among unknown keys (`&a: 1` gives one) used to lose "first in the file"
// to whichever key the map yielded after it (a FuzzCheck find).
func TestFindingsStable(t *testing.T) {
	t.Parallel()
	data := []byte("apiVersion: v3.1.0\n&100: 11000\n11: 1\n0800000: 1202\n020000: 000080\n")
	_, want := Check("f.yaml", data, DefaultRules())
	for range 100 {
		if _, got := Check("f.yaml", data, DefaultRules()); !reflect.DeepEqual(got, want) {
			t.Fatalf("findings changed between runs:\n%v\n%v", want, got)
		}
	}
	if want[1].Line != 2 {
		t.Fatalf("the unknown keys are reported at line %d, want 2 (the empty key): %v", want[1].Line, want[1])
	}
}
