package web

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dataeng-os/dataeng-os/contract"
)

// FuzzContractPath checks that every path contractPath accepts lies inside
// the project's contracts directory, whatever the input.
func FuzzContractPath(f *testing.F) {
	for _, s := range []string{"contracts/a.yaml", "../x.yaml", "contracts/../../etc/passwd.yaml", "/etc/x.yaml",
		"contracts/sub/b.yml", "contracts/link/x.yaml", "contracts\\..\\x.yaml", "contracts/%2e%2e/x.yaml", "contracts/\x00.yaml"} {
		f.Add(s)
	}
	root := f.TempDir()
	if err := os.MkdirAll(filepath.Join(root, "contracts", "sub"), 0o755); err != nil {
		f.Fatal(err)
	}
	if err := os.Symlink(f.TempDir(), filepath.Join(root, "contracts", "link")); err != nil {
		f.Fatal(err)
	}
	s, err := New(Options{Root: root, Rules: contract.DefaultRules()})
	if err != nil {
		f.Fatal(err)
	}
	base := filepath.Join(s.Root(), "contracts") + string(filepath.Separator)
	f.Fuzz(func(t *testing.T, rel string) {
		abs, err := s.contractPath(rel)
		if err != nil {
			return
		}
		if !strings.HasPrefix(abs, base) {
			t.Fatalf("contractPath(%q) = %q, outside %s", rel, abs, base)
		}
		if real, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil && !strings.HasPrefix(real+string(filepath.Separator), base) {
			t.Fatalf("contractPath(%q) = %q resolves to %q", rel, abs, real)
		}
	})
}
