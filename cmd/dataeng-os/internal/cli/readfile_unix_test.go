//go:build unix

package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReadRegularInto: a regular file is read whole, one past the limit
// when it is bigger; anything else is left to os.Open (ok false).
func TestReadRegularInto(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	small := filepath.Join(dir, "c.yaml")
	if err := os.WriteFile(small, []byte("apiVersion: v3.1.0\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(dir, "big.yaml")
	if err := os.WriteFile(big, []byte(strings.Repeat("x", 100)), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		path    string
		max     int64
		want    string
		wantOK  bool
		wantLen int
	}{
		{small, 1 << 20, "apiVersion: v3.1.0\n", true, 19},
		{big, 10, "", true, 11}, // one byte past the limit says it is over
		{dir, 1 << 20, "", false, 0},
		{filepath.Join(dir, "missing.yaml"), 1 << 20, "", false, 0},
	} {
		data, ok, err := readRegularInto(tc.path, tc.max, nil)
		if err != nil || ok != tc.wantOK || len(data) != tc.wantLen || tc.want != "" && string(data) != tc.want {
			t.Errorf("%s (max %d): %q ok=%v err=%v; want %d bytes ok=%v", filepath.Base(tc.path), tc.max, data, ok, err, tc.wantLen, tc.wantOK)
		}
	}
}
