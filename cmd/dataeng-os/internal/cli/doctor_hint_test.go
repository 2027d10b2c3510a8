package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestDoctorDBTHintMatchesSetup keeps doctor's dbt hint the same pinned
// install as scripts/setup-dbt.sh, so a user following it gets what CI tests.
func TestDoctorDBTHintMatchesSetup(t *testing.T) {
	t.Parallel()
	script, err := os.ReadFile(filepath.Join("..", "..", "..", "..", "scripts", "setup-dbt.sh"))
	if err != nil {
		t.Fatal(err)
	}
	specs := regexp.MustCompile(`(?m)^(\w+)_spec="([^"]+)"`).FindAllStringSubmatch(string(script), -1)
	if len(specs) < 3 {
		t.Fatalf("found %d *_spec lines in setup-dbt.sh, want the core, parser and duckdb pins", len(specs))
	}
	for _, m := range specs {
		if !strings.Contains(dbtInstallHint, "'"+m[2]+"'") {
			t.Errorf("doctor's dbt hint lacks %s=%q from setup-dbt.sh:\n%s", m[1], m[2], dbtInstallHint)
		}
	}
	if !strings.Contains(string(script), "--only-binary \"dbt-core-experimental-parser\"") || !strings.Contains(dbtInstallHint, "--only-binary dbt-core-experimental-parser") {
		t.Error("setup-dbt.sh and doctor's hint must both force the parser wheel (--only-binary)")
	}
}

func TestNextStepsInstallFirst(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		installed bool
		want      bool
	}{{false, true}, {true, false}} {
		got := nextSteps("demo-dir", tc.installed)
		if strings.Contains(got, "go install ./cmd/dataeng-os") != tc.want {
			t.Errorf("installed=%v: install line present=%v, want %v:\n%s", tc.installed, !tc.want, tc.want, got)
		}
		if tc.want && strings.Index(got, "go install") > strings.Index(got, "cd demo-dir") {
			t.Errorf("the install step must come before cd:\n%s", got)
		}
	}
}
