package scaffold

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/dataeng-os/dataeng-os/contract"
)

// benchContracts returns n distinct variants of the orders sample (two
// objects, eleven properties, marts, tests) as YAML.
func benchContracts(b *testing.B, n int) [][]byte {
	data, err := os.ReadFile("testdata/orders/contract.yaml")
	if err != nil {
		b.Fatal(err)
	}
	out := make([][]byte, n)
	for i := range out {
		s := strings.Replace(string(data), "id: urn:datacontract:shop:orders", fmt.Sprintf("id: bench-%d", i), 1)
		s = strings.Replace(s, "value: shop", fmt.Sprintf("value: shop%d", i), 1)
		out[i] = []byte(s)
	}
	return out
}

// BenchmarkRender1000 renders 1,000 parsed contracts (pure, no I/O).
func BenchmarkRender1000(b *testing.B) {
	rules := contract.DefaultRules()
	var cs []*contract.Contract
	for i, data := range benchContracts(b, 1000) {
		doc, fs := contract.Parse(fmt.Sprint(i), data)
		if doc == nil {
			b.Fatal(fs)
		}
		cs = append(cs, doc.Contract)
	}
	b.ResetTimer()
	for b.Loop() {
		for _, c := range cs {
			if _, err := Render(c, rules, Options{}); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkScaffold1000 is the whole path for 1,000 contracts: parse the
// YAML, render, and write every file to a fresh directory.
func BenchmarkScaffold1000(b *testing.B) {
	rules := contract.DefaultRules()
	inputs := benchContracts(b, 1000)
	for b.Loop() {
		b.StopTimer()
		out := b.TempDir()
		b.StartTimer()
		for i, data := range inputs {
			doc, fs := contract.Parse(fmt.Sprint(i), data)
			if doc == nil {
				b.Fatal(fs)
			}
			files, err := Render(doc.Contract, rules, Options{})
			if err != nil {
				b.Fatal(err)
			}
			if _, err := Write(out, files, WriteOptions{}); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkCheck1000 is `scaffold --check` of a project of 1,000 scaffolded
// contracts: compare 10,000 files with what Render gives, and walk models/
// for stale files (Prune), and without it.
func BenchmarkCheck1000(b *testing.B) {
	rules := contract.DefaultRules()
	all := map[string][]byte{}
	for i, data := range benchContracts(b, 1000) {
		doc, fs := contract.Parse(fmt.Sprint(i), data)
		if doc == nil {
			b.Fatal(fs)
		}
		files, err := Render(doc.Contract, rules, Options{})
		if err != nil {
			b.Fatal(err)
		}
		for k, v := range files {
			all[k] = v
		}
	}
	out := b.TempDir()
	if _, err := Write(out, all, WriteOptions{}); err != nil {
		b.Fatal(err)
	}
	for _, prune := range []bool{false, true} {
		b.Run(fmt.Sprintf("prune=%v", prune), func(b *testing.B) {
			for b.Loop() {
				rep, err := Write(out, all, WriteOptions{Check: true, Prune: prune})
				if err != nil || rep.Drift() {
					b.Fatalf("%v %d files", err, len(rep.Files))
				}
			}
		})
	}
}
