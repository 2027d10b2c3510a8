package contract

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// fastYAMLCases are block-YAML shapes, accepted or not by the fast parser;
// for each it accepts, its tree must be yaml.v3's.
var fastYAMLCases = []string{
	"a: 1\n", "a: b\nc: d", "  a: 1\n  b: 2\n", "a:\n  b: c\n", "a:\n- x\n- y\nb: z\n", "a:\n  - x\n  -   y\n",
	"a: [1, 2]\n", "a: []\n", "a: [ x , 'y' , \"z\" ]\n", "a: [1, 2,]\n", "a: [1, [2]]\n", "a: [a: b]\n",
	"a: 'it''s'\n", "a: ''\n", "a: \"\"\n", "a: \"q: r\"\n", "a: \"x\\ty\"\n", "a: 'x' y\n", "a: \"x\" \n",
	"a: 2024-01-01\n", "a: 2024-01-01T10:00:00Z\n", "a: 1.5\n", "a: 0x1F\n", "a: 1_000\n", "a: .inf\n", "a: ~\n",
	"a: null\n", "a: yes\n", "a: True\n", "a: 1e3\n", "a: -1\n", "a: -\n", "a: - x\n", "a: b: c\n", "a: b:\n",
	"a: http://x.org/y\n", "a: x:y\n", "a: x,y]z\n", "a: é ü 日本\n", "é: 1\nb: ü\n", "a: b\n  c\n", "a:\n",
	"a:\nb: 1\n", "a: 1\n\n\nb: 2\n\n", "a: 1\n b: 2\n", "a: 1\n  - x\n", "- a\n- b\n", "a:\n  - b: 1\n    c: 2\n  - d\n",
	"a:\n  - b: 1\n   c: 2\n", "a:\n  - b: 1\n     c: 2\n", "a:\n  -\n    b: 1\n", "a:\n  - - x\n", "a:\n  -\n",
	"a:\n  - b:\n    - c\n    d: e\n", "a: &x 1\nb: *x\n", "a: !!str 1\n", "a: |\n  x\n", "a: >\n  x\n", "a: {b: c}\n",
	"a: 1 # c\n", "---\na: 1\n", "a: 1\n---\nb: 2\n", "a: 1\n...\n", "a: @x\n", "a: `x`\n", "a: %x\n", "? a\n: b\n",
	"a : b\n", "a  :   b   \n", "a:b\n", "\"a\": b\n", "'a': b\n", "<<: {a: 1}\n", "a: <<\n", "a: 1\na: 2\n",
	"a:\n  b:\n    c:\n      d: [x]\n  e: f\n", "a: x\tb\n", "a: 1\r\nb: 2\r\n", "\ufeffa: 1\n", "a: \u2028\n",
	"# head\na: 1 # c\n# foot\n", "a: # c\n  b: 1\n", "a:\n  # c\n  - x # d\n  # e\n  - 'y' # f\n", "a: [1, 2] # c\n",
	"a: [1, 2]# c\n", "a: x#y\n", "a: 'x'# c\n", "a: \"x # y\"\n", "a: [x #c, y]\n", "a: [#c]\n", "a #b: c\n",
	"a #b:\n  c: d\n", "- # c\n  a: 1\n", "a:\n  - # c\n    b: 1\n", "a: foo\n  # c\n  bar\n", "a: 1\n    # deep\nb: 2\n",
	"a:#c\n", "a: x: # c\n", "a:\n  - b # c: d\n", "#only\n", "a: b #\n", "a: b  #  \n", "a: b\n#\n",
	"a: [é, ü日本, 'ñ', x]\n", "é: [日本, b, \"ü\" , c ]\n",
	"a: 'multi\n  line'\n", "a: \"multi\n  line\"\n", "a: [1,\n 2]\n", "a: b\n  - c\n", "a:\n  b: 1\n c: 2\n",
}

func fastYAMLInputs(t *testing.T) [][]byte {
	var in [][]byte
	for _, c := range fastYAMLCases {
		in = append(in, []byte(c))
	}
	for _, f := range sharedExamples(t) {
		in = append(in, readFile(t, f))
	}
	bad, _ := filepath.Glob("testdata/bad/*.yaml")
	for _, f := range bad {
		b, _ := os.ReadFile(f)
		in = append(in, b)
	}
	for _, v := range optionVariants() {
		in = append(in, []byte(v))
	}
	return append(append(in, []byte(goodContract)), corpus(30)...)
}

// TestFastYAMLMatches: wherever the fast parser accepts input, its node
// tree equals yaml.v3's (kind, tag, style, value, line, column; comments
// are skipped, not attached); typical contracts take the fast path.
func TestFastYAMLMatches(t *testing.T) {
	t.Parallel()
	accepted := 0
	for i, in := range fastYAMLInputs(t) {
		if fastYAML(in) != nil {
			accepted++
		}
		if err := compareFastYAML(in); err != nil {
			t.Errorf("input %d %q: %v", i, truncate(string(in), 200), err)
		}
	}
	commented := "# Orders contract\n" + strings.NewReplacer("schema:\n", "schema: # tables\n  # the orders table\n",
		"primaryKey: true\n", "primaryKey: true # the key\n").Replace(goodContract)
	if err := compareFastYAML([]byte(commented)); err != nil {
		t.Error(err)
	}
	for _, in := range append(corpus(30), []byte(goodContract), []byte(commented)) {
		if fastYAML(in) == nil {
			t.Fatalf("a typical contract misses the fast path:\n%s", in)
		}
	}
	t.Logf("fast parser accepted %d inputs", accepted)
}

// FuzzFastYAML compares the fast parser with yaml.v3 on arbitrary input.
func FuzzFastYAML(f *testing.F) {
	for _, c := range fastYAMLCases {
		f.Add([]byte(c))
	}
	f.Add([]byte(goodContract))
	f.Fuzz(func(t *testing.T, in []byte) {
		if err := compareFastYAML(in); err != nil {
			t.Fatalf("%q: %v", in, err)
		}
	})
}

func compareFastYAML(in []byte) error {
	got := fastYAML(in)
	if got == nil {
		return nil
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(in, &doc); err != nil {
		return fmt.Errorf("fast parser accepted what yaml.v3 rejects: %v", err)
	}
	want := deref(&doc)
	if want == nil {
		return fmt.Errorf("fast parser accepted an empty document")
	}
	return sameNode(got, want, "$")
}

func sameNode(a, b *yaml.Node, at string) error {
	if a.Kind != b.Kind || a.Tag != b.Tag || a.Style != b.Style || a.Value != b.Value || a.Line != b.Line ||
		a.Column != b.Column || a.Anchor != b.Anchor || a.HeadComment+a.LineComment+a.FootComment != "" ||
		len(a.Content) != len(b.Content) {
		return fmt.Errorf("at %s: fast %s, yaml.v3 %s", at, nodeString(a), nodeString(b))
	}
	for i := range a.Content {
		if err := sameNode(a.Content[i], b.Content[i], fmt.Sprintf("%s/%d", at, i)); err != nil {
			return err
		}
	}
	return nil
}

func nodeString(n *yaml.Node) string {
	return fmt.Sprintf("{kind %d tag %s style %d value %q at %d:%d, %d children, comments %q}",
		n.Kind, n.Tag, n.Style, n.Value, n.Line, n.Column, len(n.Content), n.HeadComment+n.LineComment+n.FootComment)
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n] + "…"
	}
	return strings.TrimSpace(s)
}

// TestFastParserStr: a slice of the input comes back as a substring of
// the one copy; any other slice (same length and capacity or not) as
// its own content.
func TestFastParserStr(t *testing.T) {
	t.Parallel()
	data := []byte("name: orders\nkind: DataContract\n")
	p := &fastParser{data: data, src: string(data)}
	if got := p.str(data[6:12]); got != "orders" {
		t.Fatalf("slice of data: %q", got)
	}
	other := make([]byte, len(data), cap(data)) // same capacity, other bytes
	copy(other, "xxxxxxzzzzzz")
	if got := p.str(other[6:12]); got != "zzzzzz" {
		t.Fatalf("foreign slice: %q, want its own bytes", got)
	}
}

// TestPlainTagMatchesResolve holds plainTag's shortcuts to yaml.v3's own
// resolution (ShortTag) on the values they skip resolve for.
func TestPlainTagMatchesResolve(t *testing.T) {
	t.Parallel()
	for _, v := range []string{
		"1.0.0", "0.0.1", "10.20.30", "1.2.3.4", "1..2", "1.2.", "9..", "1.0", "1.", "1e5", "1.0e5",
		"1.0.0-rc1", "2024-01-02", "2024.01.02", "12", "012", "0x1F", "1_000", "1.5.e3", "123456789012345678901",
		"true", "True", "TRUE", "yes", "no", "on", "off", "y", "n", "null", "Null", "~", "<<", "tru", "nulls",
	} {
		n := &yaml.Node{Kind: yaml.ScalarNode, Value: v}
		if got, want := plainTag(n), n.ShortTag(); got != want {
			t.Errorf("plainTag(%q) = %s, resolve says %s", v, got, want)
		}
	}
}
