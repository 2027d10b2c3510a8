package cli

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dataeng-os/dataeng-os/contract"
)

var updateGolden = flag.Bool("update", false, "rewrite golden files")

func plainView(width int, lang string, exists func(string) bool) findingsView {
	id := func(s string) string { return s }
	return findingsView{width: width, lang: lang, root: "/p", dim: id, red: id, green: id, exists: exists}
}

var sampleFindings = []contract.Finding{
	{File: "contracts/checkout_orders.odcs.yaml", Line: 12, Column: 7, Rule: "gov-pii-unclassified", Severity: contract.SeverityError,
		Message: `property "customer_email" looks like PII (its name matches "email") but has no classification: classify it`,
		Hint:    "add `classification: pii` (or `public`/`internal` if it is not personal data)"},
	{File: "contracts/checkout_orders.odcs.yaml", Line: 20, Rule: "gov-naming-case", Severity: contract.SeverityError,
		Message: `property name "TotalAmount" is not snake_case`, Hint: `rename it to "total_amount"`},
	{File: "canvases/checkout_orders.md", Line: 3, Rule: "canvas-section-empty", Severity: contract.SeverityWarning,
		Message: "the SLA section is empty"},
}

// TestFindingsGolden80: after an answer only what changed is shown, under
// a one-line total, wrapped at 80 columns; a saved file is named, a file
// not saved yet is not.
func TestFindingsGolden80(t *testing.T) {
	t.Parallel()
	exists := func(p string) bool { return strings.HasSuffix(p, "canvases/checkout_orders.md") }
	v := plainView(80, "en", exists)
	prev := []contract.Finding{sampleFindings[1], {Rule: "gov-owner-missing", Severity: contract.SeverityError,
		File: "contracts/checkout_orders.odcs.yaml", Message: "the contract has no owner: name the team and its owner"}}
	var got []string
	got = append(got, "# changes")
	got = append(got, v.changes(prev, sampleFindings)...)
	got = append(got, "# all (/findings)")
	got = append(got, v.all(sampleFindings)...)
	got = append(got, "# pass")
	got = append(got, v.changes(sampleFindings, sampleFindings[2:])...)
	for i, l := range got {
		if n := utf8.RuneCountInString(l); n > 80 {
			t.Errorf("line %d is %d columns: %q", i, n, l)
		}
	}
	checkGolden(t, "chat_findings_80.golden", strings.Join(got, "\n")+"\n")
}

func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *updateGolden {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -run %s -update writes it)", err, t.Name())
	}
	if got != string(want) {
		t.Errorf("%s differs:\n--- got\n%s--- want\n%s", name, got, want)
	}
}

// TestFindingsPlurals: counts agree with their number in en and pt.
func TestFindingsPlurals(t *testing.T) {
	t.Parallel()
	one := sampleFindings[:1]
	for _, tc := range []struct {
		lang string
		fs   []contract.Finding
		want string
	}{
		{"en", one, "validator: 1 error, 0 warnings"},
		{"en", sampleFindings, "validator: 2 errors, 1 warning"},
		{"pt", one, "validador: 1 erro, 0 avisos"},
		{"pt", sampleFindings, "validador: 2 erros, 1 aviso"},
		{"en", sampleFindings[2:], "✓ the drafts pass validation (1 warning)"},
		{"pt", nil, "✓ os rascunhos passam na validação"},
	} {
		if got := plainView(0, tc.lang, nil).total(tc.fs, -1, -1); got != tc.want {
			t.Errorf("%s %d findings: %q, want %q", tc.lang, len(tc.fs), got, tc.want)
		}
	}
	if got := plainView(0, "pt", nil).total(one, 1, 1); !strings.HasSuffix(got, "; 1 novo, 1 corrigido") {
		t.Errorf("pt changes: %q", got)
	}
	if got := plainView(0, "en", nil).total(one, 2, 0); !strings.HasSuffix(got, "warnings; 2 new") {
		t.Errorf("en changes: %q", got)
	}
}

// TestFindingsNameOnlySavedFiles: a finding in a file that does not exist
// says "(not saved yet)" instead of naming it.
func TestFindingsNameOnlySavedFiles(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	v := plainView(0, "en", fileExists)
	v.root = root
	f := sampleFindings[0]
	if got := v.where(f); got != "(not saved yet)" {
		t.Errorf("unsaved: %q", got)
	}
	if err := os.MkdirAll(filepath.Join(root, "contracts"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, f.File), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := v.where(f); got != "contracts/checkout_orders.odcs.yaml:12" {
		t.Errorf("saved: %q", got)
	}
	if got := plainView(0, "pt", nil).where(f); got != "(ainda não salvo)" {
		t.Errorf("pt: %q", got)
	}
}

// TestFindingsNoChange: an answer that changes nothing prints only the
// total, not the findings again.
func TestFindingsNoChange(t *testing.T) {
	t.Parallel()
	got := plainView(80, "en", nil).changes(sampleFindings, sampleFindings)
	if len(got) != 1 || got[0] != "validator: 2 errors, 1 warning" {
		t.Errorf("got %q", got)
	}
}

func TestWrapText(t *testing.T) {
	t.Parallel()
	got := wrapText("aaa bbb ccc dddddddddddddddddddddddd e", 20, 4)
	want := []string{"aaa bbb ccc", "dddddddddddddddd", "dddddddd e"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := wrapText("no wrap at all", 0, 4); len(got) != 1 {
		t.Errorf("width 0: %q", got)
	}
}

// TestWrapBlock: questions wrap at the width under a hanging indent, and
// indented lines keep their indent.
func TestWrapBlock(t *testing.T) {
	t.Parallel()
	q := "What business problem does this data solve, and which decision will it support?\n  types: string, integer"
	got := wrapBlock(q, 40, 11)
	want := "What business problem does\n" +
		"             this data solve, and which\n" +
		"             decision will it support?\n" +
		"             types: string, integer"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	for _, l := range strings.Split("architect> "+got, "\n") {
		if utf8.RuneCountInString(l) > 40 {
			t.Errorf("line over 40 columns: %q", l)
		}
	}
	if wrapBlock(q, 0, 11) != q {
		t.Error("width 0 changed the text")
	}
}

// TestFindingsInPortuguese: a pt session shows validator findings in
// Portuguese (the shared catalog), rule ids unchanged.
func TestFindingsInPortuguese(t *testing.T) {
	t.Parallel()
	en := strings.Join(plainView(100, "en", nil).entry("+", sampleFindings[1]), "\n")
	pt := strings.Join(plainView(100, "pt", nil).entry("+", sampleFindings[1]), "\n")
	if pt == en || strings.Contains(pt, "is not snake_case") || !strings.Contains(pt, "gov-naming-case") || !strings.Contains(pt, "erro") {
		t.Fatalf("pt entry not translated:\n%s", pt)
	}
}
