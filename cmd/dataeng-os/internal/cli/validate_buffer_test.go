package cli

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/dataeng-os/dataeng-os/contract"
)

// TestCheckFileReusesBuffer: validate's workers read every file into one
// buffer; a file's findings (which quote names from it) stay what they
// were after later, shorter and longer files overwrite the buffer.
func TestCheckFileReusesBuffer(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name, body string) string {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return name
	}
	bad := "apiVersion: v3.1.0\nkind: DataContract\nid: orders\nname: orders\nversion: 1.0.0\nstatus: active\n" +
		"schema:\n  - name: Orders_Table\n    properties:\n      - name: CustomerEmail\n        logicalType: string\n"
	files := []string{
		write("a.odcs.yaml", bad),
		write("b.odcs.yaml", strings.Replace(bad, "CustomerEmail", "x", 1)),
		write("c.odcs.yaml", bad+strings.Repeat("# padding\n", 200)),
	}
	rules := contract.DefaultRules()
	fresh := make([]checked, len(files))
	for i, f := range files {
		var own []byte
		fresh[i] = checkFile(dir, f, rules, "", &own)
	}
	var buf []byte
	var shared []checked
	for _, f := range append(files, files...) {
		c := checkFile(dir, f, rules, "", &buf)
		if c.err != nil {
			t.Fatal(c.err)
		}
		shared = append(shared, c)
	}
	for i, c := range shared {
		if !reflect.DeepEqual(c, fresh[i%len(files)]) {
			t.Errorf("%s with the shared buffer:\n%v\nwant\n%v", c.file, c.findings, fresh[i%len(files)].findings)
		}
	}
	if !strings.Contains(joinFindings(shared[0].findings), "CustomerEmail") {
		t.Fatalf("the first file's findings no longer quote its names: %v", shared[0].findings)
	}
}

func joinFindings(fs []contract.Finding) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString(f.String())
	}
	return b.String()
}
