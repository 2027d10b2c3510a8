package contract

import "testing"

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
