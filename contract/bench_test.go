package contract

import (
	"fmt"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
)

// corpus generates n typical contracts: 1–3 tables (2 on average) of 8–13
// properties with PII, relationships and quality rules (about 130 lines
// on average).
func corpus(n int) [][]byte {
	out := make([][]byte, n)
	for i := range out {
		var b strings.Builder
		fmt.Fprintf(&b, "apiVersion: v3.1.0\nkind: DataContract\nid: contract-%d\nname: c%d\nversion: 1.%d.0\nstatus: active\ndomain: sales\n", i, i, i%7)
		b.WriteString("description:\n  purpose: Generated benchmark contract.\nteam:\n  name: data\n  members:\n    - username: ana\n      role: owner\nschema:\n")
		for t := range 1 + i%3 {
			fmt.Fprintf(&b, "  - name: table_%d\n    physicalType: table\n    description: One row per thing.\n    properties:\n", t)
			b.WriteString("      - name: id\n        logicalType: integer\n        primaryKey: true\n        required: true\n")
			b.WriteString("      - name: customer_email\n        logicalType: string\n        classification: pii\n        description: E-mail.\n        criticalDataElement: true\n        customProperties:\n          - property: masking\n            value: hash\n")
			b.WriteString("      - name: created_at\n        logicalType: timestamp\n      - name: is_active\n        logicalType: boolean\n")
			for c := range 4 + i%5 {
				fmt.Fprintf(&b, "      - name: attr_%d\n        logicalType: string\n        description: Attribute %d.\n", c, c)
			}
			if t > 0 {
				b.WriteString("      - name: parent_id\n        logicalType: integer\n        relationships:\n          - to: table_0.id\n")
			}
			b.WriteString("    quality:\n      - metric: rowCount\n        mustBeBetween: [1, 1000000]\n")
		}
		out[i] = []byte(b.String())
	}
	return out
}

func benchCorpus(b *testing.B, docs [][]byte) {
	rules := DefaultRules()
	if _, fs := Check("warm.yaml", docs[0], rules); HasErrors(fs) {
		b.Fatalf("benchmark contract is not clean: %v", fs)
	}
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	var next atomic.Int64
	workers := runtime.GOMAXPROCS(0)
	for range b.N {
		next.Store(0)
		var wg sync.WaitGroup
		for range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := next.Add(1) - 1; i < int64(len(docs)); i = next.Add(1) - 1 {
					Check("c.yaml", docs[i], rules)
				}
			}()
		}
		wg.Wait()
	}
	b.ReportMetric(float64(b.N*len(docs))/b.Elapsed().Seconds(), "contracts/s")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(docs)), "ns/contract")
	// CPU time per contract: on a shared machine wall time is noisy, CPU
	// time is not; 2 idle cores validate about 2e9/cpu-ns contracts/s.
	b.ReportMetric(float64(cpuTime()-cpu0)/float64(b.N*len(docs)), "cpu-ns/contract")
}

// BenchmarkValidateCorpus checks a generated 1,000-contract corpus in
// parallel, as `dataeng-os validate contracts/` does.
func BenchmarkValidateCorpus(b *testing.B) {
	benchCorpus(b, corpus(1000))
}

// BenchmarkValidateExamples checks the standard's 14 examples (one of them
// is a 5,000-line contract).
func BenchmarkValidateExamples(b *testing.B) {
	var docs [][]byte
	for _, f := range sharedExamples(b) {
		docs = append(docs, readFile(b, f))
	}
	rules := DefaultRules()
	b.ReportAllocs()
	cpu0 := cpuTime()
	for b.Loop() {
		for _, d := range docs {
			Check("e.yaml", d, rules)
		}
	}
	b.ReportMetric(float64(b.N*len(docs))/b.Elapsed().Seconds(), "contracts/s")
	b.ReportMetric(float64(cpuTime()-cpu0)/float64(b.N), "cpu-ns/op")
}

// cpuTime is the process's user+system CPU time in nanoseconds.
func cpuTime() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
