package contract

import (
	"reflect"
	"sync"
	"testing"
)

// TestLintMatchesCheck: Lint, which reuses parse buffers from one call to
// the next, reports what Check reports on every input, whatever was parsed
// into the same buffers before (large, small, broken, in any order), also
// from several goroutines at once.
func TestLintMatchesCheck(t *testing.T) {
	t.Parallel()
	inputs := examplesAndBad(t)
	inputs = append(inputs, corpus(30)...)
	rules := DefaultRules()
	type result struct {
		fs    []Finding
		id    ContractID
		hasID bool
	}
	want := make([]result, len(inputs))
	for i, in := range inputs {
		doc, fs := Check("c.yaml", in, rules)
		id, ok := doc.ContractID()
		want[i] = result{fs, id, ok}
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for round := range 3 {
				for k := range inputs {
					i := (k*(g+1) + round*7) % len(inputs) // each goroutine its own order
					fs, id, ok := Lint("c.yaml", inputs[i], rules)
					if got := (result{fs, id, ok}); !reflect.DeepEqual(got, want[i]) {
						t.Errorf("input %d after other files: Lint gives %+v, Check %+v", i, got, want[i])
						return
					}
				}
			}
		}()
	}
	wg.Wait()
}
