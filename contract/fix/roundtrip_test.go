package fix

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dataeng-os/dataeng-os/contract"
)

// corpus returns the bad-input and realworld-like contracts.
func corpus(t testing.TB) []string {
	files, _ := filepath.Glob("../testdata/bad/*.yaml")
	err := filepath.WalkDir("../testdata/realworld-like", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && (strings.HasSuffix(p, ".yaml") || strings.HasSuffix(p, ".yml")) {
			files = append(files, p)
		}
		return err
	})
	if err != nil || len(files) < 50 {
		t.Fatalf("corpus: %d files, %v", len(files), err)
	}
	return files
}

// key identifies a finding across a fix, which moves lines.
func key(f contract.Finding) string { return f.Rule + " " + f.Message }

// TestRoundTrip: for every finding of the corpus that a fix answers (same
// rule, same line), the finding is gone after the fix; no new error
// appears; every comment line survives; and fixing again changes nothing.
func TestRoundTrip(t *testing.T) {
	t.Parallel()
	rules := contract.DefaultRules()
	fixed := 0
	for _, file := range corpus(t) {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(file)
		_, before := contract.Check(name, data, rules)
		out, fixes, err := Apply(name, data, rules)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		for _, f := range fixes {
			t.Logf("%s: %s", name, f)
		}
		_, after := contract.Check(name, out, rules)
		fixed += checkFixed(t, name, before, after, fixes)
		checkLeft(t, name, after)
		checkNoNewErrors(t, name, before, after)
		checkComments(t, name, data, out)
		if again, more, _ := Apply(name, out, rules); len(more) > 0 || !bytes.Equal(again, out) {
			t.Errorf("%s: a second fix changed more: %v", name, more)
		}
	}
	if fixed < 8 {
		t.Errorf("only %d corpus findings fixed, want at least 8", fixed)
	}
}

func checkFixed(t *testing.T, name string, before, after []contract.Finding, fixes []Fix) int {
	t.Helper()
	gone := 0
	for _, b := range before {
		if !slices.ContainsFunc(fixes, func(f Fix) bool { return f.Rule == b.Rule && f.Line == b.Line }) {
			continue
		}
		if slices.ContainsFunc(after, func(a contract.Finding) bool { return key(a) == key(b) }) {
			t.Errorf("%s: %s is still there after %v", name, b, fixes)
			continue
		}
		gone++
	}
	return gone
}

// fixable are the validator rules --fix answers; unfixable says why a
// corpus file keeps a finding of one of them.
var (
	fixable   = []string{"odcs-api-version", "gov-status", "gov-naming-case", "gov-naming-timestamp", "gov-naming-boolean"}
	unfixable = map[string]string{
		"unknown_apiversion.yaml": "v9.9.9 is not a spelling of v3.1.0: not guessed",
		"root_list.yaml":          "not a mapping", "root_scalar.yaml": "not a mapping",
	}
)

// checkLeft: no finding of a fixable rule is left after the fix.
func checkLeft(t *testing.T, name string, after []contract.Finding) {
	t.Helper()
	for _, a := range after {
		if slices.Contains(fixable, a.Rule) && unfixable[name] == "" {
			t.Errorf("%s: fixable finding left after the fix: %s", name, a)
		}
	}
}

func checkNoNewErrors(t *testing.T, name string, before, after []contract.Finding) {
	t.Helper()
	had := map[string]int{}
	for _, b := range before {
		had[key(b)]++
		had[b.Rule+" @"+b.Path]++ // a schema message may narrow: "missing id, kind" → "missing id"
	}
	for _, a := range after {
		if a.Severity != contract.SeverityError {
			continue
		}
		switch {
		case had[key(a)] > 0:
			had[key(a)]--
		case had[a.Rule+" @"+a.Path] > 0:
			had[a.Rule+" @"+a.Path]--
		default:
			t.Errorf("%s: new error after the fix: %s", name, a)
		}
	}
}

func checkComments(t *testing.T, name string, in, out []byte) {
	t.Helper()
	lines := map[string]bool{}
	for _, l := range strings.Split(string(out), "\n") {
		lines[strings.TrimSpace(l)] = true
	}
	for i, l := range strings.Split(string(in), "\n") {
		if c := strings.TrimSpace(l); strings.HasPrefix(c, "#") && !lines[c] {
			t.Errorf("%s:%d: comment %q lost", name, i+1, c)
		}
	}
}

// TestUpgradeMatchesContractUpgrade: the node-level v3.0 → v3.1 fix gives
// the contract that contract.Upgrade builds from the same file.
func TestUpgradeMatchesContractUpgrade(t *testing.T) {
	t.Parallel()
	rules := contract.Rules{SchemaOnly: true}
	n := 0
	for _, file := range corpus(t) {
		data, _ := os.ReadFile(file)
		doc, _ := contract.Parse(file, data)
		if doc == nil || !strings.HasPrefix(doc.APIVersion, "v3.0.") {
			continue
		}
		n++
		want, _, err := contract.Upgrade(doc)
		if err != nil {
			t.Fatal(err)
		}
		out, _, _ := Apply(file, data, rules)
		got, _ := contract.Parse(file, out)
		if g, w := marshal(t, got.Contract), marshal(t, want); g != w {
			t.Errorf("%s: fixed\n%s\nwant (contract.Upgrade)\n%s", file, g, w)
		}
	}
	if n < 2 {
		t.Errorf("%d v3.0 contracts in the corpus, want at least 2", n)
	}
}

func marshal(t *testing.T, c *contract.Contract) string {
	t.Helper()
	b, err := contract.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprint(string(b))
}

// FuzzApply: Apply never panics (it recovers, so a recovered panic shows
// up as an error, which fails the run) and is idempotent: fixing a fixed
// file changes nothing.
func FuzzApply(f *testing.F) {
	for _, file := range corpus(f) {
		if data, err := os.ReadFile(file); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte(head + "schema:\n- name: T\n  properties:\n  - name: _dlt_id\n  - name: aB\n    logicalType: boolean\n    primaryKey: true\n  - name: a_b\n"))
	rules := contract.DefaultRules()
	f.Fuzz(func(t *testing.T, data []byte) {
		out, fixes, err := Apply("fuzz.yaml", data, rules)
		if errors.Is(err, ErrReencode) {
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		if len(fixes) == 0 && !bytes.Equal(out, data) {
			t.Fatal("no fix, yet the output changed")
		}
		again, more, err := Apply("fuzz.yaml", out, rules)
		if err != nil || len(more) > 0 || !bytes.Equal(again, out) {
			t.Fatalf("not idempotent: %v %v\nfirst:\n%s\nsecond:\n%s", err, more, out, again)
		}
	})
}
