package scaffold

import (
	"github.com/dataeng-os/dataeng-os/internal/testenv"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func genFile(label, body string) []byte { return withHeader("x.sql", label, []byte(body)) }

func readFile(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestWriteLifecycle(t *testing.T) {
	t.Parallel()
	out := t.TempDir()
	v1 := map[string][]byte{"models/a.sql": genFile("contract c v1", "select 1\n")}
	rep, err := Write(out, v1, WriteOptions{})
	if err != nil || rep.Files[0].Status != StatusCreated {
		t.Fatalf("create: %v %+v", err, rep)
	}
	if rep, _ := Write(out, v1, WriteOptions{}); rep.Files[0].Status != StatusUnchanged {
		t.Fatalf("rewrite: %+v", rep)
	}
	v2 := map[string][]byte{"models/a.sql": genFile("contract c v2", "select 2\n")}
	if rep, _ := Write(out, v2, WriteOptions{Check: true}); !rep.Drift() || !strings.Contains(rep.Files[0].Diff, "\n-select 1\n+-- dataeng-os") || !strings.HasSuffix(rep.Files[0].Diff, "\n+select 2\n") {
		t.Fatalf("check: %+v", rep)
	}
	if got := readFile(t, filepath.Join(out, "models/a.sql")); got != string(v1["models/a.sql"]) {
		t.Fatal("check mode wrote a file")
	}
	if rep, _ := Write(out, v2, WriteOptions{}); rep.Files[0].Status != StatusUpdated {
		t.Fatalf("update: %+v", rep)
	}
	if rep, _ := Write(out, v2, WriteOptions{Check: true}); rep.Drift() {
		t.Fatalf("check after update: %+v", rep)
	}
	entries, _ := os.ReadDir(filepath.Join(out, "models"))
	if len(entries) != 1 {
		t.Errorf("temp files left behind: %v", entries)
	}
}

// TestWriteKeepsHandEdits: a hand-edited file is reported, not overwritten,
// unless forced; so is a file without a header and another contract's file.
func TestWriteKeepsHandEdits(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		onDisk string
		want   Status
	}{
		"edited body":    {string(genFile("contract c v1", "select 1\n")) + "-- mine\n", StatusEdited},
		"no header":      {"select 42\n", StatusEdited},
		"other contract": {string(genFile("contract other v1", "select 1\n")), StatusConflict},
	}
	for name, c := range cases {
		out := t.TempDir()
		p := filepath.Join(out, "a.sql")
		if err := os.WriteFile(p, []byte(c.onDisk), 0o644); err != nil {
			t.Fatal(err)
		}
		files := map[string][]byte{"a.sql": genFile("contract c v2", "select 2\n")}
		rep, err := Write(out, files, WriteOptions{})
		if err != nil || rep.Files[0].Status != c.want || len(rep.Skipped()) != 1 || rep.Files[0].Detail == "" {
			t.Errorf("%s: %v %+v", name, err, rep)
		}
		if readFile(t, p) != c.onDisk {
			t.Errorf("%s: overwritten without --force", name)
		}
		rep, _ = Write(out, files, WriteOptions{Force: true})
		if rep.Files[0].Status != StatusForced || readFile(t, p) != string(files["a.sql"]) {
			t.Errorf("%s: --force did not overwrite: %+v", name, rep)
		}
	}
}

func TestWriteRejectsEscapingPaths(t *testing.T) {
	t.Parallel()
	out := t.TempDir()
	for _, p := range []string{"../x.sql", "/etc/x.sql", "a/../../x.sql", "a/./b.sql", `a\b.sql`, "", "a//b.sql"} {
		if _, err := Write(out, map[string][]byte{p: []byte("x")}, WriteOptions{}); err == nil {
			t.Errorf("Write accepted %q", p)
		}
	}
}

func TestUnifiedDiff(t *testing.T) {
	t.Parallel()
	a := "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n"
	b := "1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n"
	want := "--- a\n+++ b\n@@ -2,9 +2,10 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n 9\n 10\n+11\n"
	if got := UnifiedDiff("a", "b", []byte(a+"x\nx\nx\nx\nx\nx\nx\nx\n"), []byte(b+"x\nx\nx\nx\nx\nx\nx\nx\ny\n")); strings.Count(got, "@@ -") != 2 || !strings.Contains(got, "@@ -16,3 +17,4 @@\n x\n x\n x\n+y\n") {
		t.Errorf("two hunks expected:\n%s", got)
	}
	if got := UnifiedDiff("a", "b", []byte(a), []byte(b)); got != want {
		t.Errorf("diff:\n%s\nwant:\n%s", got, want)
	}
	if UnifiedDiff("a", "b", []byte(a), []byte(a)) != "" {
		t.Error("equal inputs gave a diff")
	}
	if got := UnifiedDiff("a", "b", nil, []byte("x\n")); got != "--- a\n+++ b\n@@ -0,0 +1 @@\n+x\n" {
		t.Errorf("new file diff: %q", got)
	}
}

// TestWriteRefusesSymlinks: a symlinked folder or file inside the output
// root is refused before anything is written, so nothing lands outside.
func TestWriteRefusesSymlinks(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, link, file, want string
	}{
		{"models dir", "models", "models/staging/stg_a.sql", "models is a link"},
		{"nested dir", "models/staging", "models/staging/stg_a.sql", "models/staging is a link"},
		{"target file", "models/a.sql", "models/a.sql", "models/a.sql is a link"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			out, outside := t.TempDir(), t.TempDir()
			linkAt := filepath.Join(out, filepath.FromSlash(tc.link))
			if err := os.MkdirAll(filepath.Dir(linkAt), 0o755); err != nil {
				t.Fatal(err)
			}
			dest := outside
			if strings.HasSuffix(tc.link, ".sql") {
				dest = filepath.Join(outside, "a.sql")
			}
			if err := os.Symlink(dest, linkAt); err != nil {
				testenv.Missing(t, "symlink support (%v)", err)
			}
			files := map[string][]byte{"dbt_project.yml": []byte("name: x\n"), tc.file: genFile("contract c v1", "select 1\n")}
			_, err := Write(out, files, WriteOptions{})
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "symbolic link") {
				t.Fatalf("err = %v, want a symlink refusal naming %q", err, tc.want)
			}
			if ents, _ := os.ReadDir(outside); len(ents) != 0 {
				t.Fatalf("wrote outside the output folder: %v", ents)
			}
			if _, err := os.Stat(filepath.Join(out, "dbt_project.yml")); err == nil {
				t.Fatal("a refused run wrote dbt_project.yml")
			}
		})
	}
}
