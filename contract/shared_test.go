package contract

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/dataeng-os/dataeng-os/internal/testenv"
)

// sharedDir locates the reference files (../shared beside the checkout, or
// $DATAENG_SHARED).
func sharedDir() string {
	if v := os.Getenv("DATAENG_SHARED"); v != "" {
		return v
	}
	return filepath.Join(testenv.RepoRoot(), "..", "shared")
}

// sharedExamples returns the ODCS v3 examples, failing in CI when missing.
func sharedExamples(t testing.TB) []string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(sharedDir(), "odcs", "examples", "*.odcs.yaml"))
	if len(files) == 0 {
		testenv.Missing(t, "ODCS examples under %s (set DATAENG_SHARED)", sharedDir())
	}
	return files
}

func readFile(t testing.TB, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
