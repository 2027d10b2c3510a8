package scaffold

import (
	"bytes"
	"encoding/json"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/dataeng-os/dataeng-os/contract"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/*/want")

// caseOptions is testdata/<case>/options.json.
type caseOptions struct {
	Dialect         string `json:"dialect"`
	Source          string `json:"source"`
	SourceSchema    string `json:"sourceSchema"`
	ProjectName     string `json:"projectName"`
	AllowPIIInMarts bool   `json:"allowPIIInMarts"`
}

// loadCase parses a golden case's contract and options.
func loadCase(t testing.TB, dir string) (*contract.Contract, contract.Rules, Options) {
	t.Helper()
	file := filepath.Join(dir, "contract.yaml")
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	doc, fs := contract.Parse(file, data)
	if doc == nil || doc.Contract == nil {
		t.Fatalf("parse %s: %v", file, fs)
	}
	var co caseOptions
	if b, err := os.ReadFile(filepath.Join(dir, "options.json")); err == nil {
		if err := json.Unmarshal(b, &co); err != nil {
			t.Fatalf("%s/options.json: %v", dir, err)
		}
	}
	rules := contract.DefaultRules()
	rules.Policy.PII.AllowInMarts = co.AllowPIIInMarts
	opts := Options{Dialect: co.Dialect, Source: co.Source, SourceSchema: co.SourceSchema,
		ProjectName: co.ProjectName, ContractFile: "contracts/" + filepath.Base(dir) + ".odcs.yaml"}
	return doc.Contract, rules, opts
}

// TestGolden renders every testdata case and compares with want/; every
// generated YAML must also pass dbt-core 1.12's JSON Schemas.
func TestGolden(t *testing.T) {
	dirs, _ := filepath.Glob("testdata/*/contract.yaml")
	if len(dirs) == 0 {
		t.Fatal("no golden cases")
	}
	schemas := loadDbtSchemas(t)
	for _, f := range dirs {
		dir := filepath.Dir(f)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			c, rules, opts := loadCase(t, dir)
			got, err := Render(c, rules, opts)
			if err != nil {
				t.Fatalf("Render: %v", err)
			}
			again, _ := Render(c, rules, opts)
			for name := range got {
				if !bytes.Equal(got[name], again[name]) {
					t.Errorf("%s: output differs between two renders", name)
				}
			}
			for name, data := range got {
				schemas.check(t, name, data)
			}
			want := filepath.Join(dir, "want")
			if *update {
				writeWant(t, want, got)
				return
			}
			compareWant(t, want, got)
		})
	}
}

func writeWant(t *testing.T, want string, got map[string][]byte) {
	t.Helper()
	if err := os.RemoveAll(want); err != nil {
		t.Fatal(err)
	}
	for name, data := range got {
		p := filepath.Join(want, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func compareWant(t *testing.T, want string, got map[string][]byte) {
	t.Helper()
	seen := map[string]bool{}
	err := filepath.WalkDir(want, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(want, p)
		name := filepath.ToSlash(rel)
		seen[name] = true
		exp, _ := os.ReadFile(p)
		if g, ok := got[name]; !ok {
			t.Errorf("%s: expected but not generated", name)
		} else if !bytes.Equal(g, exp) {
			t.Errorf("%s differs from golden (run with -update to accept):\n%s", name, UnifiedDiff("want", "got", exp, g))
		}
		return nil
	})
	if err != nil {
		t.Fatalf("read %s: %v (run with -update)", want, err)
	}
	var extra []string
	for name := range got {
		if !seen[name] {
			extra = append(extra, name)
		}
	}
	sort.Strings(extra)
	if len(extra) > 0 {
		t.Errorf("generated but not in golden: %s", strings.Join(extra, ", "))
	}
}
