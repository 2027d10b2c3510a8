package batch

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dataeng-os/dataeng-os/providers"
)

func TestManifestRoundTripAndAtomicFile(t *testing.T) {
	t.Parallel()
	out := t.TempDir()
	m, err := LoadManifest(out)
	if err != nil || len(m.Notes) != 0 {
		t.Fatalf("empty manifest: %v %v", m, err)
	}
	if err := m.Save(); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"notes/b.md", "notes/a \"quoted\".md"} {
		e := &Entry{Note: k, Name: "x", Status: StatusPassed, Tokens: providers.Usage{InputTokens: 3},
			Outputs: []Output{{Kind: "contract", Path: "contracts/x.odcs.yaml", Hash: "sha256:1"}}}
		if err := m.Put(e); err != nil {
			t.Fatal(err)
		}
	}
	if err := m.Flush(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(m.Path())
	if err != nil {
		t.Fatal(err)
	}
	var raw map[string]any
	if err := json.Unmarshal(data, &raw); err != nil {
		t.Fatalf("manifest is not JSON: %v\n%s", err, data)
	}
	m2, err := LoadManifest(out)
	if err != nil || len(m2.Notes) != 2 || m2.Notes["notes/b.md"].Tokens.InputTokens != 3 {
		t.Fatalf("reload: %v %+v", err, m2.Notes)
	}
	if ents, _ := os.ReadDir(filepath.Dir(m.Path())); len(ents) != 1 {
		t.Fatalf("temp files left behind: %v", ents)
	}
	os.WriteFile(m.Path(), []byte("{broken"), 0o644)
	if _, err := LoadManifest(out); err == nil || !strings.Contains(err.Error(), m.Path()) {
		t.Fatalf("corrupt manifest error = %v", err)
	}
}
