package main

import (
	"os"
	"path/filepath"

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
