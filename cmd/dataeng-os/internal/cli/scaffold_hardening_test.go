package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dataeng-os/dataeng-os/internal/testenv"
)

// runScaffoldCLI runs `dataeng-os scaffold args...` in dir.
func runScaffoldCLI(t *testing.T, dir string, args ...string) (int, string, string) {
	t.Helper()
	return runCLI(t, dir, append([]string{"scaffold"}, args...)...)
}

// scaffoldProject writes a project with two contracts that share an id.
func scaffoldProject(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	writeTestFile(t, filepath.Join(dir, "dataeng-os.toml"), "provider = \"guided\"\n")
	writeTestFile(t, filepath.Join(dir, "contracts/a.yaml"), demoContract)
	writeTestFile(t, filepath.Join(dir, "contracts/b.yaml"), strings.Replace(demoContract, "name: Checkout orders", "name: Checkout orders copy", 1))
	return dir
}

// TestScaffoldRefusesDuplicateIDs: two contracts with one id would update
// each other's marts and prune each other's staging models, in one run or
// across runs; scaffold refuses and names both files.
func TestScaffoldRefusesDuplicateIDs(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		runs [][]string
	}{
		{"separate runs", [][]string{{"contracts/a.yaml"}, {"contracts/b.yaml"}}},
		{"one run", [][]string{{"contracts/a.yaml", "contracts/b.yaml"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := scaffoldProject(t)
			for i, args := range tc.runs {
				code, out, errOut := runScaffoldCLI(t, dir, args...)
				if i < len(tc.runs)-1 {
					if code != ExitOK {
						t.Fatalf("run %d: exit %d\n%s\n%s", i+1, code, out, errOut)
					}
					continue
				}
				if code != ExitUsage || !strings.Contains(errOut, "contracts/a.yaml and contracts/b.yaml both have id \"checkout_orders\"") {
					t.Fatalf("last run: exit %d, want a refusal naming both files\n%s\n%s", code, out, errOut)
				}
			}
		})
	}
}

// TestScaffoldRefusesSymlinkedOutput: a symlinked models/ or .dataeng-os/
// is refused and nothing is written outside the project.
func TestScaffoldRefusesSymlinkedOutput(t *testing.T) {
	t.Parallel()
	for _, link := range []string{"models", ".dataeng-os"} {
		t.Run(link, func(t *testing.T) {
			t.Parallel()
			dir, outside := scaffoldProject(t), t.TempDir()
			if err := os.Symlink(outside, filepath.Join(dir, link)); err != nil {
				testenv.Missing(t, "symlink support (%v)", err)
			}
			code, out, errOut := runScaffoldCLI(t, dir, "contracts/a.yaml")
			if code == ExitOK || !strings.Contains(errOut, link+" is a link") {
				t.Fatalf("exit %d, want a symlink refusal\n%s\n%s", code, out, errOut)
			}
			if ents, _ := os.ReadDir(outside); len(ents) != 0 {
				t.Fatalf("scaffold wrote outside the project: %v", ents)
			}
		})
	}
}
