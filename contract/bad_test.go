package contract

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// renderFindings is the golden form of a list of findings.
func renderFindings(fs []Finding) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString(f.String())
		if f.Path != "" {
			b.WriteString(" @ " + f.Path)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// TestBadCorpus checks every malformed file under testdata/bad against its
// golden findings: each must give at least one error, never a panic.
func TestBadCorpus(t *testing.T) {
	t.Parallel()
	files, _ := filepath.Glob("testdata/bad/*.yaml")
	if len(files) < 30 {
		t.Fatalf("bad corpus has %d files, want at least 30", len(files))
	}
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			_, fs := Check(name, readFile(t, f), DefaultRules())
			if !HasErrors(fs) {
				t.Errorf("no error finding for a malformed file: %v", fs)
			}
			for _, x := range fs {
				if x.Line < 1 || x.Column < 1 || x.Rule == "" || x.Message == "" || x.File != name {
					t.Errorf("incomplete finding: %+v", x)
				}
				if x.Rule == RuleInternal {
					t.Errorf("validator failure: %s", x)
				}
			}
			golden := strings.TrimSuffix(f, ".yaml") + ".golden"
			got := renderFindings(fs)
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./contract -run TestBadCorpus -update)", err)
			}
			if got != string(want) {
				t.Errorf("findings differ from %s\n got:\n%s\nwant:\n%s", golden, got, want)
			}
		})
	}
}
