package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dataeng-os/dataeng-os/internal/testenv"

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

// TestReadLimitedPipe: a pipe reports size 0; it is still read whole, up to
// the same limit as a regular file.
func TestReadLimitedPipe(t *testing.T) {
	t.Parallel()
	if _, err := os.Stat("/dev/fd/0"); err != nil {
		testenv.Missing(t, "/dev/fd on this system")
	}
	tests := []struct {
		name  string
		body  string
		limit int64
		want  int
	}{
		{"small", badContract, 0, len(badContract)},
		{"at limit", strings.Repeat("a", 64), 64, 64},
		{"over limit stops one past", strings.Repeat("a", 200), 64, 65},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, w, err := os.Pipe()
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			go func() {
				_, _ = w.WriteString(tt.body)
				w.Close()
			}()
			got, err := readLimited(fmt.Sprintf("/dev/fd/%d", r.Fd()), tt.limit)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != tt.want {
				t.Errorf("read %d bytes, want %d", len(got), tt.want)
			}
		})
	}
}

// TestValidateStdin: `validate -` checks standard input and names it
// <stdin>; it is not a false yaml-root error.
func TestValidateStdin(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		stdin   string
		code    int
		want    string
		wantNot string
	}{
		{"findings name stdin", badContract, ExitFindings, "<stdin>:", "yaml-root"},
		{"empty input", "", ExitFindings, "<stdin>:1:1: error yaml-empty", ""},
		{"over the size limit", strings.Repeat("# x\n", 3<<20), ExitFindings, "<stdin>:1:1: error input-too-large", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ios, in, out, errOut := iostreams.Test()
			in.WriteString(tt.stdin)
			f := &Factory{IO: ios, Dir: t.TempDir(), Getenv: func(string) string { return "" }}
			code := RunWith(f, []string{"validate", "-"})
			if code != tt.code || !strings.Contains(out.String(), tt.want) ||
				(tt.wantNot != "" && strings.Contains(out.String(), tt.wantNot)) {
				t.Errorf("exit %d (want %d), stdout:\n%s\nstderr:\n%s", code, tt.code, out, errOut)
			}
		})
	}
}

// TestValidateDuplicateIDs: two contracts of one run that share an id get
// gov-id-duplicate on the later file, naming the first.
func TestValidateDuplicateIDs(t *testing.T) {
	t.Parallel()
	good := strings.Replace(badContract, "  - name: Orders\n", "  - name: orders\n    physicalType: view\n    description: d\n", 1) +
		"domain: d\ndescription:\n  purpose: p\nteam:\n  name: t\n"
	files := map[string]string{"contracts/a.odcs.yaml": good, "contracts/b.odcs.yaml": good,
		"contracts/c.odcs.yaml": strings.Replace(good, "id: x", "id: y", 1)}
	code, out, _ := validateCLI(t, false, files, "contracts")
	want := filepath.Join("contracts", "b.odcs.yaml") + `:3:1: error gov-id-duplicate: id "x" is also the id of ` + filepath.Join("contracts", "a.odcs.yaml") + ":3"
	if code != ExitFindings || !strings.Contains(out, want) || strings.Count(out, "gov-id-duplicate") != 1 {
		t.Errorf("exit %d, want one %q:\n%s", code, want, out)
	}
	if code, out, _ := validateCLI(t, false, files, "contracts/a.odcs.yaml", "contracts/c.odcs.yaml"); code != 0 {
		t.Errorf("distinct ids: exit %d:\n%s", code, out)
	}
}
