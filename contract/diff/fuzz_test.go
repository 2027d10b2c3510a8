package diff

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dataeng-os/dataeng-os/contract"
)

// FuzzCompare: Compare(a, a) is empty, Compare(a, b) never panics and
// every change it reports has a known rule and a position.
func FuzzCompare(f *testing.F) {
	for _, cs := range [][]ruleCase{propertyCases, contractCases, gateCases} {
		for _, c := range cs {
			f.Add([]byte(yamlOf(c.old, "1.0.0")), []byte(yamlOf(c.new, "2.0.0")))
		}
	}
	seeds, _ := filepath.Glob("../testdata/odcs/examples/*.yaml")
	for i, s := range seeds {
		a, errA := os.ReadFile(s)
		b, errB := os.ReadFile(seeds[(i+1)%len(seeds)])
		if errA == nil && errB == nil {
			f.Add(a, b)
		}
	}
	f.Add([]byte("a: &x [*x]\n"), []byte("<<: {a: 1}\n"))
	f.Fuzz(func(t *testing.T, a, b []byte) {
		da, _ := contract.Parse("a.yaml", a)
		da2, _ := contract.Parse("a.yaml", a)
		db, _ := contract.Parse("b.yaml", b)
		if got := Compare(da, da2, Policy{}); len(got) != 0 {
			t.Fatalf("Compare(a, a) = %+v", got)
		}
		for _, c := range Compare(da, db, Policy{}) {
			if DefaultLevel(c.RuleID) == "" || c.Line < 1 || c.Column < 1 || c.Message == "" {
				t.Fatalf("bad change: %+v", c)
			}
		}
	})
}

// bigContract is a contract with one object of n properties; variant 1
// tightens, removes and adds a few.
func bigContract(n, variant int) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "apiVersion: v3.1.0\nkind: DataContract\nid: big\nversion: 1.%d.0\nstatus: active\n", variant)
	b.WriteString("schema:\n  - name: events\n    properties:\n")
	for i := range n {
		if variant == 1 && i%50 == 7 {
			continue
		}
		maxLen := 64
		if variant == 1 && i%40 == 3 {
			maxLen = 32
		}
		fmt.Fprintf(&b, "      - name: col_%03d\n        logicalType: string\n        physicalType: varchar(%d)\n", i, maxLen)
		fmt.Fprintf(&b, "        required: %t\n        description: Column %d.\n", i%2 == 0, i)
		fmt.Fprintf(&b, "        logicalTypeOptions:\n          maxLength: %d\n", maxLen)
		fmt.Fprintf(&b, "        quality:\n          - metric: nullValues\n            mustBeLessThan: %d\n", 5+variant*(i%3))
	}
	return []byte(b.String())
}

// BenchmarkCompare200 diffs two 200-property contracts (parsing excluded).
func BenchmarkCompare200(b *testing.B) {
	old, _ := contract.Parse("old.yaml", bigContract(200, 0))
	cur, _ := contract.Parse("new.yaml", bigContract(200, 1))
	if n := len(Compare(old, cur, Policy{})); n == 0 {
		b.Fatal("no changes between the variants")
	}
	b.ReportAllocs()
	for b.Loop() {
		Compare(old, cur, Policy{})
	}
}

// BenchmarkParseCompare200 is the whole diff of two 200-property files:
// both parses and the comparison.
func BenchmarkParseCompare200(b *testing.B) {
	oldData, newData := bigContract(200, 0), bigContract(200, 1)
	b.ReportAllocs()
	for b.Loop() {
		old, _ := contract.Parse("old.yaml", oldData)
		cur, _ := contract.Parse("new.yaml", newData)
		Compare(old, cur, Policy{})
	}
}
