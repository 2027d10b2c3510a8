package contract

import (
	"strings"
	"testing"
)

// TestNamingPortuguese: `_em` and `eh_`/`tem_` pass, Portuguese names are
// renamed with them, English ones with `_at` and `is_`, and nothing gets
// both suffixes.
func TestNamingPortuguese(t *testing.T) {
	r := DefaultRules()
	for _, tt := range []struct {
		name, typ, want string
	}{
		{"criado_em", "timestamp", "criado_em"},
		{"criado", "timestamp", "criado_em"},
		{"atualizado_ts", "timestamp", "atualizado_em"},
		{"created", "timestamp", "created_at"},
		{"created_ts", "timestamp", "created_at"},
		{"updated_at_ts", "timestamp", "updated_at"},
		{"criadoEm", "timestamp", "criado_em"},
		{"ativo", "boolean", "eh_ativo"},
		{"tem_desconto", "boolean", "tem_desconto"},
		{"eh_valido", "boolean", "eh_valido"},
		{"active", "boolean", "is_active"},
	} {
		got, _ := r.NameFix(tt.name, tt.typ, true)
		if got != tt.want {
			t.Errorf("NameFix(%q, %s) = %q, want %q", tt.name, tt.typ, got, tt.want)
		}
		if strings.HasSuffix(got, "_em_at") || strings.HasSuffix(got, "_at_em") {
			t.Errorf("NameFix(%q) = %q: two suffixes", tt.name, got)
		}
	}
}

// TestNamingPortugueseConfigurable: [] turns the Portuguese forms off.
func TestNamingPortugueseConfigurable(t *testing.T) {
	r := DefaultRules()
	r.Naming.Properties.TimestampSuffixesPt = []string{}
	r.Naming.Properties.BooleanPrefixesPt = []string{}
	if got, _ := r.NameFix("ativo", "boolean", true); got != "is_ativo" {
		t.Errorf("ativo with no Portuguese prefixes = %q, want is_ativo", got)
	}
	doc := "apiVersion: v3.1.0\nkind: DataContract\nid: x\nversion: 1.0.0\nstatus: active\nschema:\n" +
		"  - name: pedidos\n    properties:\n      - name: criado_em\n        logicalType: timestamp\n"
	_, fs := Check("c.yaml", []byte(doc), r)
	found := false
	for _, f := range fs {
		if f.Rule == RuleNamingTimestamp {
			found = true
			if !strings.Contains(f.Hint, `"criado_at"`) || !strings.Contains(f.Message, `"_at"`) {
				t.Errorf("with _em off: %s", f)
			}
		}
	}
	if !found {
		t.Error("criado_em passes with timestampSuffixesPt: []")
	}
	_, fs = Check("c.yaml", []byte(doc), DefaultRules())
	for _, f := range fs {
		if f.Rule == RuleNamingTimestamp {
			t.Errorf("criado_em flagged by default: %s", f)
		}
	}
}
