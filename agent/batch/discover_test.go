package batch

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSanitizeName(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"01-checkout-orders.md":          "checkout_orders",
		"02-crm-leads-pt.md":             "crm_leads_pt",
		"Reunião CRM – Leads.txt":        "reuniao_crm_leads",
		"../../etc/passwd":               "passwd",
		"2024.md":                        "note2024",
		"日本語.md":                         "note",
		"..md":                           "note",
		strings.Repeat("x", 100) + ".md": strings.Repeat("x", 64),
	} {
		if got := SanitizeName(filepath.Base(in)); got != want {
			t.Errorf("SanitizeName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDiscover(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeNotes(t, dir, map[string]string{
		"a/orders.md": "x", "b/orders.txt": "y", "a/.hidden.md": "h", "a/.git/x.md": "g",
		"a/data.csv": "c", "c/sub/leads.MD": "l",
	})
	notes, err := Discover(dir, []string{"a", "b/*.txt", "c", "a/orders.md"})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, n := range notes {
		names = append(names, n.Name)
	}
	if got := strings.Join(names, ","); got != "a_orders,b_orders,leads" {
		t.Fatalf("names = %s", got)
	}
	if notes[0].Hash != HashBytes([]byte("x")) || !filepath.IsAbs(notes[0].Path) {
		t.Fatalf("note = %+v", notes[0])
	}
	// The tool's own output folders are skipped in walks, not when named.
	writeNotes(t, dir, map[string]string{"canvases/x.md": "generated", "system_kernel.md": "kernel"})
	notes, err = Discover(dir, []string{"."}, filepath.Join(dir, "canvases"), filepath.Join(dir, "system_kernel.md"))
	if err != nil || len(notes) != 3 {
		t.Fatalf("walk with skips: %d notes, %v", len(notes), err)
	}
	if notes, _ = Discover(dir, []string{"canvases/x.md"}, filepath.Join(dir, "canvases")); len(notes) != 1 {
		t.Fatal("an explicitly named file was skipped")
	}
	for _, tc := range []struct{ arg, want string }{
		{"missing", "notes missing: no such file or directory"},
		{"a/data.csv", "not a note"},
		{"*.pdf", "no .md or .txt file matches"},
	} {
		if _, err := Discover(dir, []string{tc.arg}); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Discover(%q) error = %v, want %q", tc.arg, err, tc.want)
		}
	}
}

func TestDecodeText(t *testing.T) {
	t.Parallel()
	if got := decodeText([]byte("Reuni\xe3o")); got != "Reunião" {
		t.Fatalf("latin-1 = %q", got)
	}
	if got := decodeText([]byte("\ufeffolá")); got != "olá" {
		t.Fatalf("bom = %q", got)
	}
}

func TestFilesWriteStaysInside(t *testing.T) {
	t.Parallel()
	out := t.TempDir()
	outside := t.TempDir()
	os.Symlink(outside, filepath.Join(out, "contracts"))
	os.MkdirAll(filepath.Join(out, "canvases"), 0o755)
	os.Symlink(filepath.Join(outside, "x.md"), filepath.Join(out, "canvases", "link.md"))
	w := &Files{Out: out}
	for _, rel := range []string{"../x.md", "/etc/passwd", "canvases/../../x", "contracts/x.odcs.yaml", "canvases/link.md"} {
		if _, err := w.Write(rel, "contract", []byte("pwned")); err == nil || !strings.Contains(err.Error(), ErrOutside.Error()) {
			t.Errorf("Write(%q) error = %v, want outside", rel, err)
		}
	}
	if ents, _ := os.ReadDir(outside); len(ents) != 0 {
		t.Fatalf("wrote outside: %v", ents)
	}
	if p, err := w.Write("canvases/ok.md", "canvas", []byte("ok")); err != nil || p != "canvases/ok.md" {
		t.Fatalf("Write ok = %q, %v", p, err)
	}
}

func TestProposedName(t *testing.T) {
	t.Parallel()
	if got := proposedName("contracts/x.odcs.yaml", 1); got != "contracts/x.new.odcs.yaml" {
		t.Fatal(got)
	}
	if got := proposedName("canvases/x.md", 2); got != "canvases/x.new-2.md" {
		t.Fatal(got)
	}
}
