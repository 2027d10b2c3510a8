package diff

import (
	"bytes"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// goldenReports compares the testdata contracts: orders changed in many
// ways, payments new.
func goldenReports(t *testing.T) []Report {
	t.Helper()
	read := func(name string) []byte {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	const path = "contracts/orders.odcs.yaml"
	old := parse(t, "main:"+path, string(read("orders.old.odcs.yaml")))
	cur := parse(t, path, string(read("orders.new.odcs.yaml")))
	pay := parse(t, "contracts/payments.odcs.yaml", string(read("payments.new.odcs.yaml")))
	return []Report{
		{Path: path, Old: "main:" + path, New: path, Changes: Compare(old, cur, Policy{})},
		{Path: "contracts/payments.odcs.yaml", New: "contracts/payments.odcs.yaml", Changes: Compare(nil, pay, Policy{})},
		{Path: "contracts/same.odcs.yaml", Old: "main:contracts/same.odcs.yaml", New: "contracts/same.odcs.yaml"},
	}
}

func TestGolden(t *testing.T) {
	t.Parallel()
	rs := goldenReports(t)
	writers := map[string]func(io.Writer, []Report) error{
		"text": WriteText, "markdown": WriteMarkdown, "github": WriteGitHub, "json": WriteJSON,
	}
	for name, write := range writers {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			var buf bytes.Buffer
			if err := write(&buf, rs); err != nil {
				t.Fatal(err)
			}
			file := filepath.Join("testdata", "golden", name+".golden")
			if *update {
				if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(file)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if got := buf.String(); got != string(want) {
				t.Errorf("%s output changed (go test -update rewrites it):\n%s", name, got)
			}
		})
	}
}

func TestGoldenRules(t *testing.T) {
	t.Parallel()
	rs := goldenReports(t)
	want := []string{RuleSLATightened, RulePropertyRenamed, RuleRequiredAdded, RuleClassification,
		RuleMaxLengthReduced, RuleValidValuesNarrowed, RulePropertyRemoved, RulePropertyAdded,
		RuleObjectRemoved, RuleSemverMajor}
	if got := strings.Join(ids(rs[0].Changes), " "); got != strings.Join(want, " ") {
		t.Errorf("orders changes:\n got %s\nwant %s", got, strings.Join(want, " "))
	}
	if s := Summary(rs); !strings.HasPrefix(s, "1 error, 8 breaking") {
		t.Errorf("summary = %q", s)
	}
}

func TestEmptyOutputs(t *testing.T) {
	t.Parallel()
	rs := []Report{{Path: "a.yaml", Old: "main:a.yaml", New: "a.yaml"}}
	var text, md, gh bytes.Buffer
	_ = WriteText(&text, rs)
	_ = WriteMarkdown(&md, rs)
	_ = WriteGitHub(&gh, rs)
	if text.String() != "ok: no breaking changes in 1 contract (0 warnings, 0 info)\n" {
		t.Errorf("text = %q", text.String())
	}
	if !strings.Contains(md.String(), "No changes in 1 contract.") || gh.Len() != 0 {
		t.Errorf("markdown = %q, github = %q", md.String(), gh.String())
	}
}

// TestBreakingDoc: every rule id is documented in contract/BREAKING.md
// with its default level's section.
func TestBreakingDoc(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile("../BREAKING.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(data)
	for _, id := range RuleIDs() {
		if !strings.Contains(doc, "| `"+id+"` |") {
			t.Errorf("BREAKING.md does not document %s", id)
		}
	}
}
