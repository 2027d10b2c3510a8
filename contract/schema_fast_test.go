package contract

import (
	"path/filepath"
	"testing"

	"github.com/dataeng-os/dataeng-os/third_party/jsonschema"
)

// TestQuickSchemaAgrees: whenever the quick checker is sure, its verdict
// is the published schema's (santhosh-tekuri, unoptimised), on the
// examples, the bad corpus, the option variants, a generated corpus and
// thousands of single-value mutations of valid contracts. The typical
// contracts must take the quick path, or it saves nothing.
func TestQuickSchemaAgrees(t *testing.T) {
	t.Parallel()
	plain, err := compileSchema(SchemaV310, false)
	if err != nil {
		t.Fatal(err)
	}
	quick := quickSchemaFor(SchemaV310)
	if quick == nil {
		t.Fatal("the quick checker does not compile the v3.1.0 schema")
	}
	inputs := examplesAndBad(t)
	for _, v := range optionVariants() {
		inputs = append(inputs, []byte(v))
	}
	typical := append(corpus(60), []byte(goodContract))
	inputs = append(inputs, typical...)
	st := &agreeStats{t: t, plain: plain, quick: quick}
	for i, in := range inputs {
		d, _ := Parse("x.yaml", in)
		if d == nil || d.value == nil {
			continue
		}
		st.compare(d.value, func() string { return string(inputs[i]) })
	}
	for _, in := range typical {
		d, _ := Parse("x.yaml", in)
		if ok, sure := quickValid(quick, d.value); !ok || !sure {
			t.Fatalf("a typical contract misses the quick path (valid %v, sure %v):\n%s", ok, sure, in)
		}
	}
	mutate := [][]byte{[]byte(goodContract)}
	for _, f := range sharedExamples(t) {
		if b := filepath.Base(f); b == "full-example.odcs.yaml" && !testing.Short() {
			mutate = append(mutate, readFile(t, f))
		}
	}
	for _, in := range mutate {
		d, _ := Parse("x.yaml", in)
		st.mutations(d.value, d.value)
	}
	t.Logf("%d compared, %d sure, %d sure and valid", st.n, st.sure, st.valid)
	if st.sure < st.n/2 || st.valid < 100 {
		t.Errorf("the quick checker is rarely sure: %+v", *st)
	}
}

type agreeStats struct {
	t              *testing.T
	plain          *jsonschema.Schema
	quick          *quickSchema
	n, sure, valid int
}

func (st *agreeStats) compare(value any, show func() string) {
	st.t.Helper()
	st.n++
	ok, sure := quickValid(st.quick, value)
	if !sure {
		return
	}
	st.sure++
	if ok {
		st.valid++
	}
	if want := st.plain.Validate(value) == nil; ok != want {
		st.t.Errorf("quick checker says valid=%v, the schema %v:\n%s", ok, want, show())
	}
}

var mutationValues = []any{nil, true, false, int64(0), int64(-1), int64(7), 1.5, 2.0, "", "x", "table_0.id",
	"string", "timestamp", []any{}, []any{"a", "a"}, []any{int64(1), int64(2)}, map[string]any{},
	map[string]any{"name": "n"}}

// mutations replaces, one at a time, every value in v (and adds and
// removes keys), compares the verdicts on root, and restores v.
func (st *agreeStats) mutations(root, v any) {
	show := func() string { return "(mutated value tree)" }
	switch x := v.(type) {
	case map[string]any:
		x["zzUnknown"] = "x"
		st.compare(root, show)
		delete(x, "zzUnknown")
		for k, old := range x {
			delete(x, k)
			st.compare(root, show)
			for _, m := range mutationValues {
				x[k] = m
				st.compare(root, show)
			}
			x[k] = old
			st.mutations(root, old)
		}
	case []any:
		for i, old := range x {
			for _, m := range mutationValues {
				x[i] = m
				st.compare(root, show)
			}
			x[i] = old
			st.mutations(root, old)
		}
	}
}

// FuzzQuickSchema compares the quick checker with the published schema on
// arbitrary YAML documents.
func FuzzQuickSchema(f *testing.F) {
	f.Add([]byte(goodContract))
	for _, c := range corpus(3) {
		f.Add(c)
	}
	for _, v := range optionVariants()[:40] {
		f.Add([]byte(v))
	}
	type pair struct {
		plain *jsonschema.Schema
		quick *quickSchema
	}
	var pairs []pair
	for _, v := range []SchemaVersion{SchemaV310, SchemaV320, SchemaV302, SchemaV222} {
		plain, err := compileSchema(v, false)
		if err != nil {
			f.Fatal(err)
		}
		pairs = append(pairs, pair{plain, quickSchemaFor(v)})
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		d, _ := Parse("x.yaml", in)
		if d == nil || d.value == nil {
			return
		}
		for i, p := range pairs { // every embedded schema's checker
			ok, sure := quickValid(p.quick, d.value)
			if want := p.plain.Validate(d.value) == nil; sure && ok != want {
				t.Fatalf("quick checker %d says valid=%v, the schema %v", i, ok, want)
			}
		}
	})
}

// TestQuickSchemaAgreesAllVersions: the generated checkers of the other
// embedded schemas (v3.2.0, v3.0.2, v2.2.2) give the published schema's
// verdict whenever they are sure, on the same inputs declared as that
// version, their mutations, and the v2 example.
func TestQuickSchemaAgreesAllVersions(t *testing.T) {
	t.Parallel()
	inputs := examplesAndBad(t)
	v2 := readFile(t, filepath.Join("testdata", "odcs", "examples", "v2.2.2", "full-example.yaml"))
	inputs = append(inputs, v2)
	for _, v := range optionVariants() {
		inputs = append(inputs, []byte(v))
	}
	inputs = append(inputs, corpus(30)...)
	for _, v := range []SchemaVersion{SchemaV320, SchemaV302, SchemaV222} {
		t.Run(string(v), func(t *testing.T) {
			t.Parallel()
			plain, err := compileSchema(v, false)
			if err != nil {
				t.Fatal(err)
			}
			st := &agreeStats{t: t, plain: plain, quick: quickSchemaFor(v)}
			if st.quick == nil {
				t.Fatalf("no quick checker for %s", v)
			}
			for i, in := range inputs {
				d, _ := Parse("x.yaml", in)
				if d == nil || d.value == nil {
					continue
				}
				st.compare(d.value, func() string { return string(inputs[i]) })
				declared := withKey(d.value, "apiVersion", string(v))
				st.compare(declared, func() string { return "as " + string(v) + ":\n" + string(inputs[i]) })
			}
			seed := []byte(goodContract)
			if v == SchemaV222 {
				seed = v2
			}
			d, _ := Parse("x.yaml", seed)
			good := withKey(d.value, "apiVersion", string(v))
			st.mutations(good, good)
			t.Logf("%d compared, %d sure, %d sure and valid", st.n, st.sure, st.valid)
			if st.sure < st.n/2 || st.valid < 50 {
				t.Errorf("the quick checker is rarely sure: %d compared, %d sure, %d valid", st.n, st.sure, st.valid)
			}
		})
	}
}
