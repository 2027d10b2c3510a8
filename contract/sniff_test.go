package contract

import (
	"bytes"
	"maps"
	"strings"
	"testing"
)

func TestSniff(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, data string
		want       FileKind
	}{
		{"odcs", "apiVersion: v3.1.0\nkind: DataContract\nid: x\n", KindODCS},
		{"odcs quoted, commented", "# a contract\napiVersion: \"v3.0.2\"\nkind: 'DataContract' # yes\n", KindODCS},
		{"odcs v2 without kind", "apiVersion: v2.2.2\ndataset:\n  - table: t\n", KindODCS},
		{"odcs json", `{"apiVersion": "v3.1.0", "kind": "DataContract"}`, KindODCS},
		{"dcs", "dataContractSpecification: 1.1.0\nid: x\n", KindDCS},
		{"dcs json", `{"dataContractSpecification": "1.1.0"}`, KindDCS},
		{"dbt", "version: 2\nmodels:\n  - name: stg\n", KindOther},
		{"k8s", "apiVersion: apps/v1\nkind: Deployment\n", KindOther},
		{"nested kind only", "meta:\n  kind: DataContract\n", KindOther},
		{"garbage", "\x00\x01{{{", KindOther},
	} {
		if got := Sniff([]byte(tc.data)); got != tc.want {
			t.Errorf("%s: Sniff = %d, want %d", tc.name, got, tc.want)
		}
	}
}

// FuzzSniff: rootKeys reads what a line-by-line reading of the text reads
// (the reference below), and Sniff never panics.
func FuzzSniff(f *testing.F) {
	f.Add([]byte("apiVersion: v3.1.0\nkind: DataContract\n"))
	f.Add([]byte("dataContractSpecification: 1.1.0\nid: x # c\n"))
	f.Add([]byte(`{"kind": "DataContract"}`))
	f.Add([]byte("a:\n- b\n\n#c: d\n 'e': \"f\"\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		_ = Sniff(data)
		if t := bytes.TrimSpace(data); len(t) > 0 && t[0] == '{' {
			return
		}
		want := map[string]string{}
		for _, line := range strings.Split(string(data), "\n") {
			if line == "" || line[0] == ' ' || line[0] == '\t' || line[0] == '#' || line[0] == '-' {
				continue
			}
			k, v, ok := strings.Cut(line, ":")
			if !ok {
				continue
			}
			if i := strings.Index(v, " #"); i >= 0 {
				v = v[:i]
			}
			want[strings.Trim(strings.TrimSpace(k), `"'`)] = strings.Trim(strings.TrimSpace(v), `"'`)
		}
		if got := rootKeys(data); !maps.Equal(got, want) {
			t.Fatalf("rootKeys(%q) = %v, want %v", data, got, want)
		}
	})
}
