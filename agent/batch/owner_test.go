package batch

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestFilesNeverOverwriteAnotherNotesFile(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, note, want string
		force            bool
	}{
		{"other note", "notes/b.md", "contracts/x.new.odcs.yaml", false},
		{"other note, force", "notes/b.md", "contracts/x.new.odcs.yaml", true},
		{"own file", "notes/a.md", "contracts/x.odcs.yaml", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			out := t.TempDir()
			target := filepath.Join(out, "contracts", "x.odcs.yaml")
			if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(target, []byte("a's"), 0o644); err != nil {
				t.Fatal(err)
			}
			w := &Files{Out: out, Force: tc.force, Note: tc.note,
				Owners: map[string]string{"contracts/x.odcs.yaml": "notes/a.md"},
				Known:  map[string]string{"contracts/x.odcs.yaml": HashBytes([]byte("a's"))}}
			got, err := w.Write("contracts/x.odcs.yaml", "contract", []byte("b's"))
			if err != nil || got != tc.want {
				t.Fatalf("Write = %q, %v; want %q", got, err, tc.want)
			}
			owned := tc.note != "notes/a.md"
			if data, _ := os.ReadFile(target); owned && string(data) != "a's" {
				t.Fatalf("another note's file was overwritten: %q", data)
			}
			if c := w.Conflicts(); owned != (len(c) == 1 && strings.Contains(c[0], "belongs to note notes/a.md")) {
				t.Fatalf("conflicts = %q", c)
			}
		})
	}
}

func TestStableNames(t *testing.T) {
	t.Parallel()
	out := "/out"
	m := &Manifest{Version: 1, Notes: map[string]*Entry{
		"a/notes.md": {Note: "a/notes.md", Name: "notes"},
		"c/old.md":   {Note: "c/old.md", Name: "c_old"},
	}}
	notes := []Note{
		{Path: "/out/a/notes.md", Name: "a_notes"}, // drafted before as "notes"
		{Path: "/out/b/notes.md", Name: "notes"},   // new, name taken by a
		{Path: "/out/d/leads.md", Name: "leads"},   // new, free
	}
	got := stableNames(notes, out, m)
	again := stableNames(notes, out, m)
	if got[0].Name != "notes" || got[2].Name != "leads" || !strings.HasPrefix(got[1].Name, "notes_") || len(got[1].Name) != len("notes_")+8 {
		t.Fatalf("names = %q, %q, %q", got[0].Name, got[1].Name, got[2].Name)
	}
	for i := range got {
		if got[i].Name != again[i].Name {
			t.Fatalf("names are not deterministic: %q vs %q", got[i].Name, again[i].Name)
		}
	}
	if notes[0].Name != "a_notes" {
		t.Fatal("stableNames changed the caller's notes")
	}
}
