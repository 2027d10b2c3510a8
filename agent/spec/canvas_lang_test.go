package spec

import (
	"strings"
	"testing"
)

// TestCanvasBodiesInSessionLanguage checks that the canvas bodies and the
// open questions are written in the session's language, whatever tag
// names it.
func TestCanvasBodiesInSessionLanguage(t *testing.T) {
	t.Parallel()
	d := sampleDraft()
	d.Tables = append(d.Tables, Table{Name: "carriers", Mart: MartDimension})
	d.Tables[0].Columns[2].NullUntilEvent = true
	d.OpenQuestions = d.Gaps("pt")
	for _, tt := range []struct {
		lang      string
		want, not []string
	}{
		{"pt", []string{"Tabela `shipments`", "chave primária", "mascaramento hash", "Frescor: 1h", "tabela fato: `fct_shipments`",
			"dimensão: `dim_carriers`", "nenhuma coluna citada ainda", "classificação=pii", "## Perguntas em aberto"},
			[]string{"Table `", "primary key", "masking", "Freshness", "fact table", "no columns", "classification=", "Open questions"}},
		{"pt-BR", []string{"Tabela `shipments`", "Modelos de staging"}, []string{"Staging models"}},
		{"en", []string{"Table `shipments`", "primary key", "masking hash", "Freshness: 1h", "## Open questions"},
			[]string{"Tabela", "chave primária", "Frescor"}},
	} {
		got := Canvas(d, DefaultSections(), tt.lang)
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s canvas lacks %q:\n%s", tt.lang, w, got)
			}
		}
		for _, n := range tt.not {
			if strings.Contains(strings.SplitN(got, "## "+wordsFor(tt.lang).openHeading, 2)[0], n) {
				t.Errorf("%s canvas has %q:\n%s", tt.lang, n, got)
			}
		}
	}
	for _, q := range d.OpenQuestions {
		if !strings.HasSuffix(q, "?") || strings.Contains(q, "Which") || strings.Contains(q, "How ") {
			t.Errorf("Portuguese open question %q", q)
		}
	}
}
