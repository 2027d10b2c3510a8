package main

import (
	"path/filepath"

	"github.com/dataeng-os/dataeng-os/internal/testenv"
)

// odcsExamplesDir holds the official ODCS examples vendored in the module
// (contract/testdata/odcs/examples; see its NOTICE).
func odcsExamplesDir() string {
	return filepath.Join(testenv.RepoRoot(), "contract", "testdata", "odcs", "examples")
}

// notesDir holds the sample notes vendored at the repository root
// (testdata/notes; see its NOTICE).
func notesDir() string {
	return filepath.Join(testenv.RepoRoot(), "testdata", "notes")
}
