package contract

import (
	"path/filepath"
	"sync"
	"testing"
)

// TestSharedExamplesPassSchema: the standard's own examples give no
// layer-1 or schema findings, and decode into the typed model cleanly.
func TestSharedExamplesPassSchema(t *testing.T) {
	t.Parallel()
	files := sharedExamples(t)
	if len(files) != 14 {
		t.Errorf("found %d shared examples, want 14", len(files))
	}
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			doc, fs := Check(name, readFile(t, f), Rules{SchemaOnly: true})
			if doc == nil {
				t.Fatalf("no document: %v", fs)
			}
			upgrade := 0
			for _, x := range fs {
				if x.Rule == RuleUpgrade && x.Severity == SeverityWarning && notV302[name] {
					upgrade++
					continue
				}
				t.Errorf("unexpected finding: %s", x)
			}
			if notV302[name] && upgrade != 1 {
				t.Errorf("want the warning that it does not match its declared v3.0.2, got %v", fs)
			}
			if len(doc.typeErrs) > 0 {
				t.Errorf("typed model rejects a schema-valid example: %v", doc.typeErrs)
			}
		})
	}
}

// notV302 are the official examples that declare v3.0.2 but use v3.1.0
// shapes: they pass v3.1.0 (as Bitol's CI checks them) and get one warning.
var notV302 = map[string]bool{"all-data-types.odcs.yaml": true, "basic-four-dpo.odcs.yaml": true, "column-completeness.odcs.yaml": true}

func TestV2ExampleValidatesAgainstV222(t *testing.T) {
	t.Parallel()
	f := odcsV2Example()
	_, fs := Check("full-example.yaml", readFile(t, f), DefaultRules())
	if len(fs) != 1 || fs[0].Rule != RuleUpgrade || fs[0].Severity != SeverityWarning {
		t.Fatalf("want one %s warning, got %v", RuleUpgrade, fs)
	}
}

// TestExamplesRoundTrip: every example survives load → Marshal → load with
// no schema errors and no lost top-level keys.
func TestExamplesRoundTrip(t *testing.T) {
	t.Parallel()
	for _, f := range sharedExamples(t) {
		name := filepath.Base(f)
		doc, _ := Parse(name, readFile(t, f))
		out, err := Marshal(doc.Contract)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		again, fs := Check(name, out, Rules{SchemaOnly: true})
		for _, x := range fs {
			if x.Rule == RuleUpgrade && notV302[name] {
				continue
			}
			t.Errorf("round trip: %s", x)
		}
		for k, v := range doc.value {
			if l, isList := v.([]any); isList && len(l) == 0 {
				continue // `schema: []` is written as no schema
			}
			if _, ok := again.value[k]; !ok {
				t.Errorf("%s: round trip lost key %s", name, k)
			}
		}
	}
}

// TestConcurrentCheck: Check and Validate are safe to call concurrently
// (run with -race) and give the same findings every time.
func TestConcurrentCheck(t *testing.T) {
	t.Parallel()
	files := sharedExamples(t)
	rules := DefaultRules()
	want := make([]string, len(files))
	for i, f := range files {
		_, fs := Check(f, readFile(t, f), rules)
		want[i] = renderFindings(fs)
	}
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range files {
				j := (i + w) % len(files)
				_, fs := Check(files[j], readFile(t, files[j]), rules)
				if got := renderFindings(fs); got != want[j] {
					t.Errorf("%s: findings changed between runs", files[j])
				}
			}
		}()
	}
	wg.Wait()
}
