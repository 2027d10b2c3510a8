package fix

import (
	"os"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/dataeng-os/dataeng-os/contract"
)

const v2Commented = `# orders contract
apiVersion: v2.2.2
kind: DataContract
uuid: o-1 # stable id
datasetName: orders
quantumName: checkout
version: 1.0.0
status: active

# the tables
dataset:
  - table: orders # one row per order
    columns:
      # the key
      - column: order_id
        isPrimaryKey: true
        logicalType: varchar # free text
      - column: total
        isNullable: true # null before payment
        legacy: x # v2 only
stakeholders:
  - username: ana # the owner
    role: owner
`

// upgradeV2 runs the typed upgrade and the transplant, as the CLI does.
func upgradeV2(t *testing.T, in string) (plain, kept []byte) {
	t.Helper()
	doc, fs := contract.Parse("v2.yaml", []byte(in))
	if doc == nil || contract.HasErrors(fs) {
		t.Fatalf("parse: %v", fs)
	}
	c, _, err := contract.Upgrade(doc)
	if err != nil {
		t.Fatal(err)
	}
	if plain, err = contract.Marshal(c); err != nil {
		t.Fatal(err)
	}
	if kept, err = Transplant([]byte(in), plain, contract.V2Path); err != nil {
		t.Fatalf("transplant: %v", err)
	}
	return plain, kept
}

func TestTransplantV2Comments(t *testing.T) {
	t.Parallel()
	plain, kept := upgradeV2(t, v2Commented)
	sameData(t, plain, kept)
	for _, want := range []string{
		`^# orders contract\napiVersion: v3.1.0$`,
		`^id: o-1 # stable id$`,
		`\n\n# the tables\nschema:$`,
		`^  - name: orders # one row per order$`,
		`^      # the key\n      - name: order_id$`,
		`^        logicalType: string # free text$`,
		`^      # null before payment\n      - name: total$`, // required: false is omitted: the comment stays with its column
		`^          - property: legacy # v2 only$`,
		`^team:\n  members:\n    - username: ana # the owner$`,
	} {
		if !regexp.MustCompile(`(?m)` + want).Match(kept) {
			t.Errorf("missing %q in:\n%s", want, kept)
		}
	}
	if got := topKeys(t, kept); !slices.Equal(got[:6], []string{"apiVersion", "kind", "id", "name", "dataProduct", "version"}) {
		t.Errorf("top-level keys not in the input's order: %v", got)
	}
}

// TestTransplantFullExample: every comment of the standard's v2.2.2
// example survives the upgrade, and the result is still schema-valid.
func TestTransplantFullExample(t *testing.T) {
	t.Parallel()
	in, err := os.ReadFile("../testdata/odcs/examples/v2.2.2/full-example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	plain, kept := upgradeV2(t, string(in))
	sameData(t, plain, kept)
	comments := regexp.MustCompile(`#[^\n]*`)
	var want, got []string
	for _, c := range comments.FindAllString(string(in), -1) {
		if !strings.Contains(c, "password") && !strings.Contains(c, "username") {
			want = append(want, strings.TrimSpace(c))
		}
	}
	for _, c := range comments.FindAllString(string(kept), -1) {
		got = append(got, strings.Fields(strings.ReplaceAll(c, " #", "\x00#"))...)
	}
	joined := strings.Join(got, " ")
	for _, c := range want {
		if !strings.Contains(string(kept), c) {
			t.Errorf("comment %q lost (have %s)", c, joined)
		}
	}
	if _, fs := contract.Check("up.yaml", kept, contract.Rules{SchemaOnly: true}); contract.HasErrors(fs) {
		t.Errorf("upgraded full example fails the schema: %v", fs)
	}
}

func sameData(t *testing.T, a, b []byte) {
	t.Helper()
	var x, y any
	if err := yaml.Unmarshal(a, &x); err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(b, &y); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(x, y) {
		t.Errorf("transplant changed the data:\n%s\n---\n%s", a, b)
	}
}

func topKeys(t *testing.T, data []byte) []string {
	var n yaml.Node
	if err := yaml.Unmarshal(data, &n); err != nil {
		t.Fatal(err)
	}
	var keys []string
	for i := 0; i < len(n.Content[0].Content); i += 2 {
		keys = append(keys, n.Content[0].Content[i].Value)
	}
	return keys
}

// FuzzTransplant: any input pair gives back YAML with the data of the
// rewritten document, or the rewritten document itself; never a panic.
func FuzzTransplant(f *testing.F) {
	f.Add([]byte(v2Commented), []byte("apiVersion: v3.1.0\nid: o-1\n"))
	f.Add([]byte("a: 1 # c\nb: [x]\n"), []byte("b: [x]\na: 1\n"))
	f.Fuzz(func(t *testing.T, orig, rewritten []byte) {
		out, err := Transplant(orig, rewritten, contract.V2Path)
		if err != nil || string(out) == string(rewritten) {
			return
		}
		var x, y any
		if yaml.Unmarshal(rewritten, &x) != nil || yaml.Unmarshal(out, &y) != nil || !reflect.DeepEqual(x, y) {
			t.Fatalf("data changed:\n%q\n%q", rewritten, out)
		}
	})
}
