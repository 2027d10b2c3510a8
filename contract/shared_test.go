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

// examplesAndBad returns the official examples and the bad corpus
// (testdata/bad), read.
func examplesAndBad(t testing.TB) [][]byte {
	t.Helper()
	var inputs [][]byte
	for _, f := range sharedExamples(t) {
		inputs = append(inputs, readFile(t, f))
	}
	bad, _ := filepath.Glob("testdata/bad/*.yaml")
	if len(bad) == 0 {
		t.Fatal("no bad corpus under testdata/bad")
	}
	for _, f := range bad {
		inputs = append(inputs, readFile(t, f))
	}
	return inputs
}

func readFile(t testing.TB, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
