package contract

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/dataeng-os/dataeng-os/internal/testenv"
)

// odcsExamplesDir holds the official ODCS examples vendored into the
// module (testdata/odcs/examples; see testdata/odcs/NOTICE).
func odcsExamplesDir() string {
	return filepath.Join(testenv.RepoRoot(), "contract", "testdata", "odcs", "examples")
}

// odcsV2Example is the official v2.2.2 full example.
func odcsV2Example() string {
	return filepath.Join(odcsExamplesDir(), "v2.2.2", "full-example.yaml")
}

// sharedExamples returns the official ODCS v3 examples. They are vendored,
// so a missing file is a failure everywhere, never a skip.
func sharedExamples(t testing.TB) []string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(odcsExamplesDir(), "*.odcs.yaml"))
	if len(files) == 0 {
		t.Fatalf("no ODCS examples under %s (vendored test data is missing)", odcsExamplesDir())
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
