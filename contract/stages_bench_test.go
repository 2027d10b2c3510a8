package contract

import (
	"testing"

	"go.yaml.in/yaml/v3"
)

// BenchmarkStages splits the cost of one typical contract by layer. Run it
// with -cpu 1: cpu-ns/op (process CPU time) is steadier than ns/op on a
// shared machine.
func BenchmarkStages(b *testing.B) {
	docs := corpus(20)
	rules := DefaultRules()
	parsed := make([]*Document, len(docs))
	for i, d := range docs {
		parsed[i], _ = Parse("c.yaml", d)
	}
	stages := []struct {
		name string
		fn   func(i int)
	}{
		{"yaml.v3-node", func(i int) { var n yaml.Node; _ = yaml.Unmarshal(docs[i], &n) }},
		{"fast-yaml-node", func(i int) { fastYAML(docs[i]) }},
		{"parse", func(i int) { Parse("c.yaml", docs[i]) }},
		{"schema", func(i int) { parsed[i].schemaFindings(SchemaV310, parsed[i].value) }},
		{"governance", func(i int) {
			g := &gov{doc: parsed[i], c: parsed[i].Contract, rules: rules, schemaRan: true}
			g.run()
		}},
		{"check", func(i int) { Check("c.yaml", docs[i], rules) }},
		{"lint", func(i int) { Lint("c.yaml", docs[i], rules) }}, // Check with the parse buffers reused
	}
	for _, s := range stages {
		b.Run(s.name, func(b *testing.B) {
			b.ReportAllocs()
			c0 := cpuTime()
			for i := 0; b.Loop(); i++ {
				s.fn(i % len(docs))
			}
			b.ReportMetric(float64(cpuTime()-c0)/float64(b.N), "cpu-ns/op")
		})
	}
}
