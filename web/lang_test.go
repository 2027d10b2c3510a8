package web

import (
	"strings"
	"testing"
)

// TestPagesInPortuguese: a browser that prefers Portuguese (or ?lang=pt)
// gets the cockpit's labels from the catalog in pt-BR; others get English.
func TestPagesInPortuguese(t *testing.T) {
	t.Parallel()
	ts := newTS(t, nil)
	pt := map[string]string{"Accept-Language": "pt-BR,pt;q=0.9,en;q=0.8"}
	for _, tc := range []struct {
		path string
		hdr  map[string]string
		want []string
		not  []string
	}{
		{"/", pt, []string{`lang="pt-BR"`, "Contratos", "Catálogo", "Linhagem", "1 de 1 contratos", "válido"}, []string{">Catalog<"}},
		{"/catalog?q=domain:nope", pt, []string{"Nenhum contrato corresponde."}, nil},
		{"/editor?lang=pt", nil, []string{"Novo contrato", "Prévia do YAML", "Adicionar coluna", "Salvar"}, []string{"YAML preview"}},
		{"/editor?file=contracts/orders.yaml", pt, []string{"Editar contrato"}, nil},
		{"/lineage", pt, []string{"<h1>Linhagem</h1>"}, nil},
		{"/chat", pt, []string{"<h1>Conversas</h1>"}, nil},
		{"/editor?lang=en", pt, []string{`lang="en"`, "New contract", "YAML preview"}, []string{"Novo contrato"}},
		{"/", map[string]string{"Accept-Language": "fr-FR,en;q=0.5"}, []string{"Contracts", "1 of 1 contracts"}, nil},
	} {
		code, body, _ := ts.req(t, "GET", tc.path, nil, tc.hdr)
		if code != 200 {
			t.Errorf("GET %s = %d", tc.path, code)
		}
		for _, w := range tc.want {
			if !strings.Contains(string(body), w) {
				t.Errorf("GET %s %v lacks %q", tc.path, tc.hdr, w)
			}
		}
		for _, w := range tc.not {
			if strings.Contains(string(body), w) {
				t.Errorf("GET %s %v has %q", tc.path, tc.hdr, w)
			}
		}
	}
}

// TestValidateAPIInPortuguese: /api/validate answers in the browser's
// language.
func TestValidateAPIInPortuguese(t *testing.T) {
	t.Parallel()
	ts := newTS(t, nil)
	y := "apiVersion: v3.1.0\nkind: DataContract\nid: x\nversion: 1.0.0\nstatus: active\nschema:\n  - name: orders\n"
	_, body, _ := ts.req(t, "POST", "/api/validate", y, map[string]string{"Accept-Language": "pt-BR"})
	if !strings.Contains(string(body), `não tem chave primária`) {
		t.Errorf("pt: %s", body)
	}
	_, body, _ = ts.req(t, "POST", "/api/validate", y, nil)
	if !strings.Contains(string(body), `has no primary key`) {
		t.Errorf("en: %s", body)
	}
}
