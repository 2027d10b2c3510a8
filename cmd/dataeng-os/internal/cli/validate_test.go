package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dataeng-os/dataeng-os/cmd/dataeng-os/internal/iostreams"
)

func validateCLI(t *testing.T, color bool, files map[string]string, args ...string) (int, string, string) {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ios, _, out, errOut := iostreams.Test()
	ios.SetColorEnabled(color)
	f := &Factory{IO: ios, Dir: dir, Getenv: func(string) string { return "" }}
	code := RunWith(f, append([]string{"validate"}, args...))
	return code, out.String(), errOut.String()
}

const badContract = "apiVersion: v3.1.0\nkind: DataContract\nid: x\nversion: 1.0.0\nstatus: active\nschema:\n  - name: Orders\n"

func TestValidateColourOnlyWhenEnabled(t *testing.T) {
	t.Parallel()
	files := map[string]string{"contracts/a.odcs.yaml": badContract}
	code, out, _ := validateCLI(t, true, files, "contracts")
	if code != ExitFindings || !strings.Contains(out, "\x1b[31merror\x1b[0m") {
		t.Errorf("exit %d, want red errors on a colour terminal:\n%q", code, out)
	}
	_, out, _ = validateCLI(t, false, files, "contracts")
	if strings.Contains(out, "\x1b[") {
		t.Errorf("colour written to a non-terminal:\n%q", out)
	}
}

// TestValidateStableOrder: concurrent checking prints files in sorted
// order, the same on every run.
func TestValidateStableOrder(t *testing.T) {
	t.Parallel()
	files := map[string]string{}
	for _, n := range []string{"c", "a", "e", "b", "d", "f", "h", "g"} {
		files["contracts/"+n+".odcs.yaml"] = badContract
	}
	_, first, _ := validateCLI(t, false, files, "contracts")
	var last string
	for _, line := range strings.Split(first, "\n") {
		if i := strings.Index(line, ".odcs.yaml:"); i > 0 {
			if line[:i] < last {
				t.Fatalf("files out of order:\n%s", first)
			}
			last = line[:i]
		}
	}
	for range 5 {
		if _, again, _ := validateCLI(t, false, files, "contracts"); again != first {
			t.Fatalf("output changed between runs:\n%s\n---\n%s", first, again)
		}
	}
}

func TestValidateRefusesHugeFileWithoutReadingIt(t *testing.T) {
	t.Parallel()
	big := strings.Repeat("# padding line\n", 4<<20) // 60 MB
	code, out, _ := validateCLI(t, false, map[string]string{"big.odcs.yaml": big}, "--format", "json", "big.odcs.yaml")
	if code != ExitFindings || !strings.Contains(out, `"rule": "input-too-large"`) {
		t.Errorf("exit %d:\n%s", code, out)
	}
}
