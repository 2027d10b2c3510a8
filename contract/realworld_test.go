package contract

import (
	"encoding/json"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestRealworldLikeCorpus validates every contract under
// testdata/realworld-like with the default rules and compares the gov-*
// findings (rule and severity) and the schema verdict with expected.json,
// then checks the folder as one run for shared ids.
func TestRealworldLikeCorpus(t *testing.T) {
	t.Parallel()
	const dir = "testdata/realworld-like"
	var want struct {
		Files map[string]struct {
			SchemaValid bool     `json:"schemaValid"`
			Gov         []string `json:"gov"`
		} `json:"files"`
		DuplicateIDs []string `json:"duplicateIds"`
	}
	if err := json.Unmarshal(readFile(t, filepath.Join(dir, "expected.json")), &want); err != nil {
		t.Fatal(err)
	}
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && (strings.HasSuffix(p, ".yaml") || strings.HasSuffix(p, ".yml")) {
			rel, _ := filepath.Rel(dir, p)
			files = append(files, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(files)
	if len(files) < 20 || len(files) != len(want.Files) {
		t.Fatalf("%d contracts, %d in expected.json (want the same, at least 20)", len(files), len(want.Files))
	}
	rules := DefaultRules()
	var docs []*Document
	clean := 0
	for _, f := range files {
		exp, ok := want.Files[f]
		if !ok {
			t.Errorf("%s: not in expected.json", f)
			continue
		}
		doc, fs := Check(f, readFile(t, filepath.Join(dir, f)), rules)
		docs = append(docs, doc)
		var gov []string
		schemaValid := doc != nil
		for _, x := range fs {
			switch {
			case strings.HasPrefix(x.Rule, "gov-"):
				if g := x.Rule + " " + string(x.Severity); !slices.Contains(gov, g) {
					gov = append(gov, g)
				}
			case x.Severity == SeverityError:
				schemaValid = false
			}
		}
		slices.Sort(gov)
		if !slices.Equal(gov, exp.Gov) && !(len(gov) == 0 && len(exp.Gov) == 0) {
			t.Errorf("%s: governance %q, want %q\n%s", f, gov, exp.Gov, renderFindings(fs))
		}
		if schemaValid != exp.SchemaValid {
			t.Errorf("%s: schema valid = %v, want %v\n%s", f, schemaValid, exp.SchemaValid, renderFindings(fs))
		}
		if !HasErrors(fs) {
			clean++
		}
	}
	if clean*3 < len(files)*2 {
		t.Errorf("only %d of %d contracts pass the default rules with no error", clean, len(files))
	}
	var dups []string
	for _, f := range CheckIDs(docs, rules) {
		dups = append(dups, f.File)
	}
	if !slices.Equal(dups, want.DuplicateIDs) {
		t.Errorf("gov-id-duplicate on %q, want %q", dups, want.DuplicateIDs)
	}
}
