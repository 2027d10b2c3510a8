package contract

import (
	"bytes"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"
)

// scalingShapes generate contracts whose size grows with n, one per shape
// of input that once went super-linear somewhere (a flow list on one line,
// a long scalar, many keys, deep nesting, many documents in one file).
var scalingShapes = []struct {
	name string
	n    int // the small size; the large one is 10n, under DefaultMaxBytes
	gen  func(n int) []byte
}{
	{"flow-list", 2_000, func(n int) []byte {
		return []byte(header + "tags: [" + strings.TrimSuffix(strings.Repeat("tag_é, ", n), ", ") + "]\n")
	}},
	{"long-line", 2_000, func(n int) []byte {
		return []byte(header + "description:\n  purpose: " + strings.Repeat("ação ", n) + "\n")
	}},
	{"many-properties", 2_000, func(n int) []byte { return properties(n, "description") }},
	{"deep-nesting", 200, func(n int) []byte {
		// depth stays under MaxDepth; n copies of a 40-deep object
		var b bytes.Buffer
		b.WriteString(header + "customProperties:\n")
		for i := 0; i < n; i++ {
			fmt.Fprintf(&b, "  - property: p%d\n    value:\n", i)
			for d := 0; d < 40; d++ {
				b.WriteString(strings.Repeat("  ", d+3) + "k:\n")
			}
			b.WriteString(strings.Repeat("  ", 43) + "v\n")
		}
		return b.Bytes()
	}},
	// every property with an unknown key: a finding each, and a cascade of
	// "key not allowed" leaves to drop (once quadratic)
	{"many-errors", 1000, func(n int) []byte { return properties(n, "descriptio") }},
	{"many-documents", 2_000, func(n int) []byte {
		return []byte(strings.Repeat(header+"---\n", n))
	}},
}

// properties is a contract of n properties, each with a name, a type and
// a `key: column i` line.
func properties(n int, key string) []byte {
	var b bytes.Buffer
	b.WriteString(header + "schema:\n  - name: orders\n    properties:\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "      - name: col_%d\n        logicalType: string\n        %s: column %d\n", i, key, i)
	}
	return b.Bytes()
}

const header = "apiVersion: v3.1.0\nkind: DataContract\nid: scaling\nname: scaling\nversion: 1.0.0\nstatus: active\n"

// allocatedBy is the bytes allocated by one Check: deterministic, unlike
// time, so a test can bound its growth.
func allocatedBy(data []byte) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	Check("scaling.odcs.yaml", data, DefaultRules())
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestCheckScalesLinearly: for each shape, ten times the input allocates at
// most fifteen times the memory. Time is measured by BenchmarkScaling.
func TestCheckScalesLinearly(t *testing.T) {
	for _, sh := range scalingShapes {
		small, large := allocatedBy(sh.gen(sh.n)), allocatedBy(sh.gen(10*sh.n))
		if ratio := float64(large) / float64(small); ratio > 15 {
			t.Errorf("%s: ×10 input allocates ×%.1f (%d → %d bytes), want ≤ ×15", sh.name, ratio, small, large)
		}
	}
}

// BenchmarkScaling runs Check on each shape at n and 10n; compare the
// ns/op of the pairs (the growth should stay near ×10).
func BenchmarkScaling(b *testing.B) {
	for _, sh := range scalingShapes {
		for _, n := range []int{sh.n, 10 * sh.n} {
			data := sh.gen(n)
			b.Run(fmt.Sprintf("%s/n=%d", sh.name, n), func(b *testing.B) {
				b.SetBytes(int64(len(data)))
				b.ReportAllocs()
				for b.Loop() {
					Check("scaling.odcs.yaml", data, DefaultRules())
				}
			})
		}
	}
}

// BenchmarkScalingGrowth times each shape at n and 10n and fails when the
// time grows more than ×15. It is a benchmark, not a test, because a unit
// test never asserts a time: run it with -bench ScalingGrowth.
func BenchmarkScalingGrowth(b *testing.B) {
	for _, sh := range scalingShapes {
		b.Run(sh.name, func(b *testing.B) {
			small, large := sh.gen(sh.n), sh.gen(10*sh.n)
			var ratio float64
			for b.Loop() {
				ratio = float64(timeCheck(large)) / float64(timeCheck(small))
			}
			b.ReportMetric(ratio, "growth-x")
			if ratio > 15 {
				b.Errorf("%s: ×10 input takes ×%.1f the time, want ≤ ×15", sh.name, ratio)
			}
		})
	}
}

// timeCheck is the fastest of three timings of Check on data (each
// repeating Check for at least 50 ms), in ns per call.
func timeCheck(data []byte) int64 {
	best := int64(-1)
	for range 3 {
		start, n := time.Now(), 0
		for ; n == 0 || time.Since(start) < 50*time.Millisecond; n++ {
			Check("scaling.odcs.yaml", data, DefaultRules())
		}
		if ns := time.Since(start).Nanoseconds() / int64(n); best < 0 || ns < best {
			best = ns
		}
	}
	return max(best, 1)
}
