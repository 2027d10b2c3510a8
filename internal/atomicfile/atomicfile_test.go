package atomicfile

import (
	"errors"
	"github.com/dataeng-os/dataeng-os/internal/testenv"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteFileReplacesAndCreatesDirs(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "a", "b", "c.txt")
	if err := WriteFile(path, []byte("one"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(path, []byte("two"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	st, _ := os.Stat(path)
	if string(got) != "two" || st.Mode().Perm() != 0o644 {
		t.Fatalf("got %q mode %v", got, st.Mode().Perm())
	}
	assertNoTemp(t, filepath.Dir(path))
}

func TestCreateNewNeverClobbers(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "c.txt")
	if err := CreateNew(path, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := CreateNew(path, []byte("theirs"), 0o644)
	if !errors.Is(err, ErrExists) {
		t.Fatalf("second CreateNew: err = %v, want ErrExists", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "mine" {
		t.Fatalf("file clobbered: %q", got)
	}
	assertNoTemp(t, filepath.Dir(path))
}

func TestWriteFailureLeavesOldFile(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "c.txt")
	if err := WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("boom")
	err := Write(path, 0o644, func(w io.Writer) error {
		_, _ = w.Write([]byte("half"))
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want boom", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "old" {
		t.Fatalf("a failed write changed the file: %q", got)
	}
	assertNoTemp(t, filepath.Dir(path))
}

func assertNoTemp(t *testing.T, dir string) {
	t.Helper()
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if filepath.Ext(e.Name()) != ".txt" && !e.IsDir() {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
}

func TestCheckNoSymlink(t *testing.T) {
	t.Parallel()
	root, outside := t.TempDir(), t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, "real", "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(root, "models")); err != nil {
		testenv.Missing(t, "symlink support (%v)", err)
	}
	if err := os.Symlink(filepath.Join(outside, "f"), filepath.Join(root, "real", "link.txt")); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		rel  string
		want string // "" = allowed
	}{
		{"real/sub/x.txt", ""},
		{"new/dir/x.txt", ""},
		{"models/x.sql", "models is a link"},
		{"models/deep/x.sql", "models is a link"},
		{"real/link.txt", "real/link.txt is a link"},
		{"../x.txt", "outside"},
	} {
		err := CheckNoSymlink(root, filepath.Join(root, filepath.FromSlash(tc.rel)))
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s: unexpected error %v", tc.rel, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%s: err = %v, want %q", tc.rel, err, tc.want)
		}
	}
}
