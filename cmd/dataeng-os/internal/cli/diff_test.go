package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dataeng-os/dataeng-os/cmd/dataeng-os/internal/iostreams"
)

func contractWithID(id string) []byte {
	return []byte("apiVersion: v3.1.0\nkind: DataContract\nid: " + id + "\nversion: 1.0.0\nstatus: active\n")
}

// TestFollowMoves: a new path takes the gone version with its contract id,
// once; gone versions without a match (or without an id) stay removed.
func TestFollowMoves(t *testing.T) {
	t.Parallel()
	pairs := []diffPair{
		{path: "contracts/crm/customers.odcs.yaml", new: revFile{name: "n1", data: contractWithID("customers")}},
		{path: "contracts/copy.odcs.yaml", new: revFile{name: "n2", data: contractWithID("customers")}},
		{path: "contracts/orders.odcs.yaml", old: revFile{name: "HEAD:o", data: contractWithID("orders")}, new: revFile{name: "n3", data: contractWithID("orders")}},
	}
	gone := []revFile{
		{name: "HEAD:contracts/customers.odcs.yaml", data: contractWithID("customers")},
		{name: "HEAD:contracts/refunds.odcs.yaml", data: contractWithID("refunds")},
		{name: "HEAD:contracts/broken.odcs.yaml", data: []byte("id: [")},
	}
	left := followMoves(pairs, gone)
	if pairs[0].old.name != "HEAD:contracts/customers.odcs.yaml" {
		t.Errorf("the moved contract was not followed: %+v", pairs[0])
	}
	if pairs[1].old.data != nil || pairs[2].old.name != "HEAD:o" {
		t.Errorf("a gone version paired twice, or a paired one changed: %+v", pairs[1:])
	}
	var names []string
	for _, v := range left {
		names = append(names, v.name)
	}
	if got := strings.Join(names, " "); got != "HEAD:contracts/refunds.odcs.yaml HEAD:contracts/broken.odcs.yaml" {
		t.Errorf("left over = %s", got)
	}
}

func TestIsContractFile(t *testing.T) {
	t.Parallel()
	cases := map[string]bool{
		"contracts/orders.odcs.yaml": true,
		"contracts/sub/orders.yml":   true,
		"models/orders.odcs.yml":     true,
		"models/schema.yml":          false,
		"contracts/README.md":        false,
	}
	for p, want := range cases {
		if got := isContractFile(p, false); got != want {
			t.Errorf("isContractFile(%q) = %t, want %t", p, got, want)
		}
	}
	if !isContractFile("specs/x.yaml", true) {
		t.Error("an explicitly named YAML file is a contract")
	}
}

// diffCLI runs `dataeng-os diff args...` in a directory holding files.
func diffCLI(t *testing.T, files map[string]string, args ...string) (int, string, string) {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ios, _, out, errOut := iostreams.Test()
	f := &Factory{IO: ios, Dir: dir, Getenv: func(string) string { return "" }}
	code := RunWith(f, append([]string{"diff"}, args...))
	return code, out.String(), errOut.String()
}

func TestDiffFilesJSON(t *testing.T) {
	t.Parallel()
	base := "apiVersion: v3.1.0\nkind: DataContract\nid: x\nversion: 1.0.0\nstatus: active\nschema:\n  - name: t\n"
	files := map[string]string{
		"old.yaml":    base + "  - name: u\n",
		"new.yaml":    base,
		"broken.yaml": "id: [\n",
	}
	code, out, errOut := diffCLI(t, files, "--format", "json", "old.yaml", "new.yaml")
	var got struct {
		Summary   struct{ Breaking, Error int }
		Fails     bool
		Contracts []struct{ Path, Old, New string }
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("json: %v\n%s", err, out)
	}
	if code != ExitFindings || !got.Fails || got.Summary.Breaking != 1 || got.Summary.Error != 1 {
		t.Errorf("exit %d, %+v; want 1 with one breaking change and the gate error", code, got)
	}
	if c := got.Contracts; len(c) != 1 || c[0].Path != "new.yaml" || c[0].Old != "old.yaml" {
		t.Errorf("contracts = %+v", c)
	}
	if !strings.HasPrefix(errOut, "1 error, 1 breaking") {
		t.Errorf("stderr = %q, want the summary", errOut)
	}
	if code, _, _ := diffCLI(t, files, "new.yaml", "new.yaml"); code != ExitOK {
		t.Errorf("a contract against itself: exit %d", code)
	}
	code, _, errOut = diffCLI(t, files, "old.yaml", "broken.yaml")
	if code != ExitUsage || !strings.Contains(errOut, "error: parse broken.yaml: ") {
		t.Errorf("a broken file: exit %d, stderr %q", code, errOut)
	}
}
