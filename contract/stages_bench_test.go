package contract

import (
	"testing"

	"go.yaml.in/yaml/v3"
)

// BenchmarkStages splits the cost of one typical contract by layer.
func BenchmarkStages(b *testing.B) {
	docs := corpus(20)
	rules := DefaultRules()
	b.Run("yaml-node", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			var n yaml.Node
			_ = yaml.Unmarshal(docs[i%len(docs)], &n)
		}
	})
	b.Run("parse", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			Parse("c.yaml", docs[i%len(docs)])
		}
	})
	parsed := make([]*Document, len(docs))
	for i, d := range docs {
		parsed[i], _ = Parse("c.yaml", d)
	}
	b.Run("schema", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			parsed[i%len(docs)].schemaFindings(SchemaV310, parsed[i%len(docs)].value)
		}
	})
	b.Run("governance", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			d := parsed[i%len(docs)]
			g := &gov{doc: d, c: d.Contract, rules: rules, schemaRan: true}
			g.run()
		}
	})
}
