package web

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestGetContract(t *testing.T) {
	t.Parallel()
	ts := newTS(t, nil)
	outside := filepath.Join(t.TempDir(), "secret.yaml")
	mustWrite(t, outside, []byte("apiVersion: v3.1.0\nid: secret\n"))
	if err := os.Symlink(outside, filepath.Join(ts.root, "contracts", "link.yaml")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Dir(outside), filepath.Join(ts.root, "contracts", "outdir")); err != nil {
		t.Fatal(err)
	}
	mustWrite(t, filepath.Join(ts.root, "dataeng-os.toml"), []byte("x = 1\n"))
	tests := []struct {
		file string
		code int
	}{
		{"contracts/orders.yaml", 200},
		{"contracts/missing.yaml", 404},
		{"../etc/passwd", 400},
		{"contracts/../dataeng-os.toml", 400},
		{"contracts/../../x.yaml", 400},
		{"/etc/passwd", 400},
		{filepath.Join(ts.root, "contracts/orders.yaml"), 400},
		{"contracts\\..\\x.yaml", 400},
		{"dataeng-os.toml", 400},
		{"contracts/link.yaml", 400},
		{"contracts/outdir/secret.yaml", 400},
		{"contracts/./orders.yaml", 400},
		{"contracts//orders.yaml", 400},
		{"", 400},
		{"contracts/orders.txt", 400},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			code, body, _ := ts.req(t, "GET", "/api/contract?file="+urlQueryEscape(tt.file), nil, nil)
			if code != tt.code {
				t.Fatalf("status %d, want %d: %s", code, tt.code, body)
			}
			if strings.Contains(string(body), "id: secret") {
				t.Fatalf("leaked the outside file: %s", body)
			}
			if code != 200 {
				return
			}
			res := decode[contractResponse](t, body)
			if res.Hash != hashOf([]byte(readFile(t, filepath.Join(ts.root, tt.file)))) || res.Form == nil || res.Form.ID != "orders-v1" {
				t.Fatalf("response = %+v", res)
			}
			if got := res.Form.Objects[0].Properties[1]; got.Classification != "pii" || got.Masking != "hash" || !got.CriticalDataElement {
				t.Errorf("property form = %+v", got)
			}
		})
	}
}

func TestPutContract(t *testing.T) {
	t.Parallel()
	ts := newTS(t, nil)
	path := filepath.Join(ts.root, "contracts", "orders.yaml")
	orig := readFile(t, path)
	hash := hashOf([]byte(orig))
	form := FormFromContractYAML(t, orig)
	form.Purpose = "Edited in the cockpit."
	put := func(file string, req previewRequest, hdr map[string]string) (int, string) {
		code, body, _ := ts.req(t, "PUT", "/api/contract?file="+urlQueryEscape(file), req, hdr)
		return code, string(body)
	}

	// A stale hash is a conflict and leaves the file alone.
	if code, body := put("contracts/orders.yaml", previewRequest{Form: form, Base: orig, Hash: hashOf([]byte("other"))}, nil); code != 409 || !strings.Contains(body, "changed on disk") {
		t.Fatalf("stale hash: %d %s", code, body)
	}
	// A new file must not replace an existing one.
	if code, body := put("contracts/orders.yaml", previewRequest{Form: form}, nil); code != 409 || !strings.Contains(body, "already exists") {
		t.Fatalf("new over existing: %d %s", code, body)
	}
	// Cross-origin and traversal writes are refused.
	if code, _ := put("contracts/orders.yaml", previewRequest{Form: form, Base: orig, Hash: hash}, map[string]string{"Origin": "http://evil.example"}); code != 403 {
		t.Fatalf("cross-origin put = %d", code)
	}
	for _, f := range []string{"../x.yaml", "contracts/../x.yaml", "/srv/x.yaml", "models/x.yaml", "contracts/x.sql"} {
		if code, _ := put(f, previewRequest{Form: form}, nil); code != 400 {
			t.Fatalf("put %s = %d, want 400", f, code)
		}
	}
	if readFile(t, path) != orig {
		t.Fatal("a refused save changed the file")
	}
	// The right hash saves, and keeps the fields the form does not show.
	code, body := put("contracts/orders.yaml", previewRequest{Form: form, Base: orig, Hash: hash}, nil)
	if code != 200 {
		t.Fatalf("save: %d %s", code, body)
	}
	saved := readFile(t, path)
	for _, w := range []string{"Edited in the cockpit.", "slaProperties:", "database: warehouse", "metric: nullValues", "value: hash", "usage: Finance dashboards."} {
		if !strings.Contains(saved, w) {
			t.Errorf("saved file lacks %q:\n%s", w, saved)
		}
	}
	res := decode[contractResponse](t, []byte(body))
	if res.Hash != hashOf([]byte(saved)) || !res.Valid {
		t.Errorf("save response = %+v", res)
	}
	// Saving again with the old hash is now a conflict.
	if code, _ := put("contracts/orders.yaml", previewRequest{Form: form, Base: orig, Hash: hash}, nil); code != 409 {
		t.Fatalf("second save with old hash = %d", code)
	}
	// A new file is created (201) in a new subdirectory; no temp files remain.
	code, body = put("contracts/crm/leads.yaml", previewRequest{Form: Form{ID: "leads", Version: "1.0.0", Status: "draft"}}, nil)
	if code != 201 {
		t.Fatalf("create: %d %s", code, body)
	}
	ents, _ := os.ReadDir(filepath.Join(ts.root, "contracts", "crm"))
	if len(ents) != 1 || ents[0].Name() != "leads.yaml" {
		t.Fatalf("contracts/crm holds %v", ents)
	}
	// A bad base is refused (422) rather than saved over.
	if code, _ := put("contracts/crm/x.yaml", previewRequest{Form: form, Base: "a: [b\n"}, nil); code != 422 {
		t.Fatalf("bad base = %d", code)
	}
	// Oversized bodies are refused.
	if code, _ := put("contracts/big.yaml", previewRequest{Form: form, Base: strings.Repeat("#", 70<<10)}, nil); code != 413 {
		t.Fatalf("oversized = %d", code)
	}
}

func TestPutDeletedFileConflicts(t *testing.T) {
	t.Parallel()
	ts := newTS(t, nil)
	path := filepath.Join(ts.root, "contracts", "orders.yaml")
	orig := readFile(t, path)
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	code, body, _ := ts.req(t, "PUT", "/api/contract?file=contracts/orders.yaml",
		previewRequest{Form: FormFromContractYAML(t, orig), Base: orig, Hash: hashOf([]byte(orig))}, nil)
	if code != 409 || !strings.Contains(string(body), "deleted") {
		t.Fatalf("deleted: %d %s", code, body)
	}
}

func TestPutThroughSymlinkedDirRefused(t *testing.T) {
	t.Parallel()
	ts := newTS(t, nil)
	out := t.TempDir()
	if err := os.Symlink(out, filepath.Join(ts.root, "contracts", "escape")); err != nil {
		t.Fatal(err)
	}
	code, _, _ := ts.req(t, "PUT", "/api/contract?file=contracts/escape/new.yaml", previewRequest{Form: Form{ID: "x"}}, nil)
	if code != 400 {
		t.Fatalf("symlinked dir put = %d, want 400", code)
	}
	if ents, _ := os.ReadDir(out); len(ents) != 0 {
		t.Fatalf("wrote outside the project: %v", ents)
	}
}

// TestPutThroughInsideSymlinkRefused: a link that stays inside contracts/
// can be read, but a save never writes through it (nor replaces it).
func TestPutThroughInsideSymlinkRefused(t *testing.T) {
	t.Parallel()
	ts := newTS(t, nil)
	link := filepath.Join(ts.root, "contracts", "alias.yaml")
	if err := os.Symlink("orders.yaml", link); err != nil {
		t.Fatal(err)
	}
	if code, body, _ := ts.req(t, "GET", "/api/contract?file=contracts/alias.yaml", nil, nil); code != 200 {
		t.Fatalf("get through an inside link = %d %s", code, body)
	}
	orig := readFile(t, filepath.Join(ts.root, "contracts", "orders.yaml"))
	code, body, _ := ts.req(t, "PUT", "/api/contract?file=contracts/alias.yaml",
		previewRequest{Form: FormFromContractYAML(t, orig), Base: orig, Hash: hashOf([]byte(orig))}, nil)
	if code != 400 || !strings.Contains(string(body), "link") {
		t.Fatalf("put through a link = %d %s, want 400", code, body)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link was replaced: %v %v", fi, err)
	}
}

// TestPutOtherContractRefused: a form whose id differs from the open file's
// contract (an Architect draft of another product) is never saved over it.
func TestPutOtherContractRefused(t *testing.T) {
	t.Parallel()
	ts := newTS(t, nil)
	path := filepath.Join(ts.root, "contracts", "orders.yaml")
	orig := readFile(t, path)
	code, body, _ := ts.req(t, "PUT", "/api/contract?file=contracts/orders.yaml",
		previewRequest{Form: FormFromContractYAML(t, unclassifiedYAML), Base: unclassifiedYAML, Hash: hashOf([]byte(orig))}, nil)
	if code != 409 || !strings.Contains(string(body), "save it as a new file") || !strings.Contains(string(body), `"idMismatch": true`) {
		t.Fatalf("put another contract's form = %d %s, want 409", code, body)
	}
	if got := readFile(t, path); got != orig {
		t.Fatalf("the file changed:\n%s", got)
	}
}
