package scaffold

import (
	"strings"
	"testing"
)

// TestNestedPIIDialects: in every dialect the loja mart rebuilds the
// object and array columns with their PII leaves hashed by the dialect's
// JSON functions, leaves out the column whose nested PII has no hash
// masking (saying why), and marks every column holding PII meta.pii.
func TestNestedPIIDialects(t *testing.T) {
	want := map[string][]string{
		"duckdb":    {"json_merge_patch(", `json_extract(dados_pessoais, '$."cpf"')`, "list_transform(cast(contatos as json[]), lambda e1:", "sha256("},
		"postgres":  {"|| jsonb_build_object('cpf',", "(dados_pessoais -> 'cpf')", "jsonb_array_elements(contatos) with ordinality", "sha256(convert_to("},
		"snowflake": {"else to_variant(object_insert(cast(object_insert(", "cast(dados_pessoais as object), 'cpf'", "get(dados_pessoais, 'cpf')", "transform(contatos, e1 ->", "sha2("},
		"bigquery":  {`json_set(`, `json_query(dados_pessoais, '$."cpf"')`, "unnest(json_query_array(contatos)) as e1", "to_hex(sha256("},
	}
	for dialect, frags := range want {
		t.Run(dialect, func(t *testing.T) {
			c, rules, opts := loadCase(t, "testdata/loja_cadastro")
			opts.Dialect = dialect
			files, err := Render(c, rules, opts)
			if err != nil {
				t.Fatal(err)
			}
			mart := string(files["models/marts/vendas/dim_clientes.sql"])
			for _, f := range frags {
				if !strings.Contains(mart, f) {
					t.Errorf("mart has no %q:\n%s", f, mart)
				}
			}
			if !strings.Contains(mart, "-- documentos left out: it holds nested PII without hash masking (documentos.rg)") ||
				strings.Contains(mart, "    documentos") {
				t.Errorf("documentos is not left out with a note:\n%s", mart)
			}
			models := string(files["models/staging/loja/_loja__cadastro_da_loja__models.yml"])
			for _, col := range []string{"dados_pessoais", "contatos", "documentos"} {
				if !strings.Contains(models, "      - name: "+col+"\n") || !strings.Contains(section(models, "      - name: "+col+"\n"), "pii: true") {
					t.Errorf("staging column %s is not meta.pii: true", col)
				}
			}
		})
	}
}

// section is the text from marker to the next column entry.
func section(s, marker string) string {
	_, rest, _ := strings.Cut(s, marker)
	if i := strings.Index(rest, "      - name: "); i >= 0 {
		return rest[:i]
	}
	return rest
}

// TestNestedPIIPolicy: a nested PII leaf without a hash is kept raw only
// when the policy allows PII in marts; hash-masked leaves are hashed
// either way; without any nested PII the column passes through.
func TestNestedPIIPolicy(t *testing.T) {
	c, rules, opts := loadCase(t, "testdata/loja_cadastro")
	rules.Policy.PII.AllowInMarts = true
	files, err := Render(c, rules, opts)
	if err != nil {
		t.Fatal(err)
	}
	mart := string(files["models/marts/vendas/dim_clientes.sql"])
	if strings.Contains(mart, "left out") || !strings.Contains(mart, "    documentos,\n") || !strings.Contains(mart, "sha256(") {
		t.Errorf("allowInMarts: documentos should pass through and dados_pessoais stay hashed:\n%s", mart)
	}
}

// TestObjectRelationships: object-level relationships become dbt's
// relationships test (one column) or dataeng_os_relationships (composite),
// defined in tests/generic/.
func TestObjectRelationships(t *testing.T) {
	c, rules, opts := loadCase(t, "testdata/loja_cadastro")
	files, err := Render(c, rules, opts)
	if err != nil {
		t.Fatal(err)
	}
	models := string(files["models/staging/loja/_loja__cadastro_da_loja__models.yml"])
	for _, w := range []string{
		"relationships:\n              arguments:\n                field: cliente_id\n                to: ref('stg_loja__clientes')",
		"relationships:\n              arguments:\n                field: pedido_id\n                to: ref('stg_loja__pedidos')",
		"dataeng_os_relationships:\n          arguments:\n            columns:\n              - pedido_id\n              - numero_item\n            fields:\n              - pedido_id\n              - numero_item\n            to: ref('stg_loja__itens_pedido')",
	} {
		if !strings.Contains(models, w) {
			t.Errorf("models file has no\n%s\n---\n%s", w, models)
		}
	}
	if !strings.Contains(string(files[GenericTestsFile]), "{% test dataeng_os_relationships(model, columns, to, fields) %}") {
		t.Error("generic tests do not define dataeng_os_relationships")
	}
}
