package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
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
