package jsonschema

// dataeng-os patch tests (see NOTICE.md): the draft metaschemas are compiled
// on first use, exactly once, safely from many goroutines at once. Run from
// the repository root with
//
//	go test -race ./third_party/jsonschema

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
)

var allDrafts = []*Draft{Draft4, Draft6, Draft7, Draft2019, Draft2020}

// compiledAtStart records whether any metaschema was compiled before the
// first test ran, i.e. by package initialisation.
var compiledAtStart bool

func TestMain(m *testing.M) {
	for _, d := range allDrafts {
		compiledAtStart = compiledAtStart || d.sch != nil || d.vocabSchemas != nil
	}
	os.Exit(m.Run())
}

// resetDrafts forgets the compiled metaschemas so that the next use compiles
// them again. Only call it while no other goroutine uses the package.
func resetDrafts() {
	draftsOnce = sync.Once{}
	for _, d := range allDrafts {
		d.sch, d.vocabSchemas = nil, nil
	}
}

func TestMetaschemasNotCompiledAtInit(t *testing.T) {
	if compiledAtStart {
		t.Fatal("a draft metaschema was compiled during package init")
	}
}

// compileFor compiles a small schema written for draft d, or one that its
// metaschema rejects ("type": 5) when broken is set.
func compileFor(d *Draft, broken bool) (*Schema, error) {
	typ := `"integer"`
	if broken {
		typ = `5`
	}
	src := fmt.Sprintf(`{"$schema": %q, "type": "object",
		"properties": {"n": {"type": %s, "minimum": 1}}}`, d.url+"#", typ)
	doc, err := UnmarshalJSON(strings.NewReader(src))
	if err != nil {
		return nil, err
	}
	c := NewCompiler()
	loc := fmt.Sprintf("mem://draft%d/schema.json", d.version)
	if err := c.AddResource(loc, doc); err != nil {
		return nil, err
	}
	return c.Compile(loc)
}

// checkDraft compiles a valid and a broken schema for d and validates two
// instances; it reports the first behaviour that differs from upstream's.
func checkDraft(d *Draft) error {
	sch, err := compileFor(d, false)
	if err != nil {
		return fmt.Errorf("draft %d: compile: %w", d.version, err)
	}
	if err := sch.Validate(map[string]any{"n": 2.0}); err != nil {
		return fmt.Errorf("draft %d: valid instance rejected: %w", d.version, err)
	}
	if err := sch.Validate(map[string]any{"n": 0.0}); err == nil {
		return fmt.Errorf("draft %d: instance below minimum accepted", d.version)
	}
	_, err = compileFor(d, true)
	var sve *SchemaValidationError
	if !errors.As(err, &sve) {
		return fmt.Errorf("draft %d: broken schema: want a metaschema error, got %v", d.version, err)
	}
	return nil
}

func TestConcurrentFirstUse(t *testing.T) {
	const rounds, perDraft = 3, 4
	for round := 0; round < rounds; round++ {
		resetDrafts()
		var wg sync.WaitGroup
		errs := make(chan error, len(allDrafts)*perDraft)
		for _, d := range allDrafts {
			d := d // go.mod says go 1.21: loop variables are shared
			for i := 0; i < perDraft; i++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					if err := checkDraft(d); err != nil {
						errs <- err
					}
				}()
			}
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Errorf("round %d: %v", round, err)
		}
	}
}

func TestDraftsCompiledOnce(t *testing.T) {
	resetDrafts()
	loadDrafts()
	first := map[*Draft]*Schema{}
	for _, d := range allDrafts {
		if d.sch == nil {
			t.Fatalf("draft %d: metaschema not compiled by loadDrafts", d.version)
		}
		if len(d.vocabSchemas) != len(d.allVocabs) {
			t.Errorf("draft %d: %d vocab schemas, want %d", d.version, len(d.vocabSchemas), len(d.allVocabs))
		}
		first[d] = d.sch
	}
	for _, d := range allDrafts {
		if err := checkDraft(d); err != nil {
			t.Error(err)
		}
		if d.sch != first[d] {
			t.Errorf("draft %d: metaschema compiled again", d.version)
		}
	}
}
