package guided

import (
	"sort"
	"strings"
	"testing"

	"github.com/dataeng-os/dataeng-os/contract"
	"github.com/dataeng-os/dataeng-os/scaffold"
)

// interview runs a guided interview in lang with the given section
// answers (by role) and fields; follow-ups get the usual answers, or
// onFinding's when it returns one.
func interview(t *testing.T, lang, table string, sections map[int]string, fields []string, onFinding func(Question) string) (*Interviewer, []Question) {
	t.Helper()
	g := newTest(t, lang)
	g.fixLang = true
	base := scriptedAnswers(fields...)
	var asked []Question
	runGuided(t, g, func(q Question) string {
		if q.Kind == QFinding {
			asked = append(asked, q)
			if onFinding != nil {
				if a := onFinding(q); a != "" {
					return a
				}
			}
		}
		if q.Kind == QTable {
			return table
		}
		if a, ok := sections[sectionRole(q.Section)]; ok && q.Kind == QSection {
			return a
		}
		return base(q)
	})
	return g, asked
}

// scaffoldGuided checks the guided contract and scaffolds it.
func scaffoldGuided(t *testing.T, g *Interviewer) (*contract.Contract, map[string]string) {
	t.Helper()
	if contract.HasErrors(g.findings) {
		t.Fatalf("the drafts keep errors: %v", g.findings)
	}
	doc, fs := contract.Check("c.odcs.yaml", []byte(g.yml), g.cfg.Rules)
	if contract.HasErrors(fs) || doc == nil || doc.Contract == nil {
		t.Fatalf("the guided contract does not pass: %v\n%s", fs, g.yml)
	}
	files, err := scaffold.Render(doc.Contract, g.cfg.Rules, scaffold.Options{ContractFile: "contracts/c.odcs.yaml"})
	if err != nil {
		t.Fatalf("scaffold: %v\n%s", err, g.yml)
	}
	out := map[string]string{}
	for p, b := range files {
		out[p] = string(b)
	}
	return doc.Contract, out
}

func paths(files map[string]string) []string {
	var ps []string
	for p := range files {
		ps = append(ps, p)
	}
	sort.Strings(ps)
	return ps
}

// fileLike returns the file whose path ends in suffix (and starts with
// prefix, when given).
func fileLike(t *testing.T, files map[string]string, suffix string, prefix ...string) string {
	t.Helper()
	for p, b := range files {
		if strings.HasSuffix(p, suffix) && (len(prefix) == 0 || strings.HasPrefix(p, prefix[0])) {
			return b
		}
	}
	t.Fatalf("no %s in %v", suffix, paths(files))
	return ""
}

func TestGuidedAnswersReachTheScaffold(t *testing.T) {
	t.Parallel()
	fields := []string{
		"order_id: uuid, required, primary key, description=Order identifier",
		"customer_id: string, required, description=Customer identifier",
		"customer_email: string, required, description=Customer e-mail",
		"status: string, required, values=created|paid|shipped, description=Order status",
		"total_amount_cents: integer, required, min=0, max=100000000, description=Order total in cents",
		"created_at: timestamp, required",
		"updated_at: timestamp",
	}
	tests := []struct {
		lang, table     string
		sections        map[int]string
		source, mart    string
		value           int64
		unit, element   string
		uniqueCustomers bool
	}{
		{"en", "orders: one row per order", map[int]string{
			roleSources:  "Postgres database of the checkout service",
			roleQuality:  "No duplicate order ids; customer ids are unique too; status is one of the list",
			roleSLA:      "Daily, fresh within 24 hours, ready by 07:00 UTC.",
			roleDelivery: "Staging models and a fact table for orders (fct_orders).",
		}, "checkout", "fct_orders", 24, "h", "orders.updated_at", true},
		{"pt", "orders: uma linha por pedido", map[int]string{
			roleSources:  "Banco Postgres do serviço de pagamentos",
			roleQuality:  "order_id não pode repetir; customer_id pode repetir",
			roleSLA:      "atualizado a cada 6 horas, diária até 9h",
			roleDelivery: "staging e uma dimensão de orders",
		}, "pagamentos", "dim_orders", 6, "h", "orders.updated_at", false},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			g, _ := interview(t, tt.lang, tt.table, tt.sections, fields, nil)
			c, files := scaffoldGuided(t, g)
			if v := customValue(c.CustomProperties, "dbtSource"); v != tt.source {
				t.Errorf("dbtSource = %v, want %s", v, tt.source)
			}
			if len(c.SLAProperties) != 1 || c.SLAProperties[0].Property != "freshness" || c.SLAProperties[0].Unit != tt.unit ||
				c.SLAProperties[0].Element != tt.element {
				t.Errorf("slaProperties = %+v", c.SLAProperties)
			}
			if props := c.Schema[0].Properties; props[1].Unique != tt.uniqueCustomers || !props[0].Unique {
				t.Errorf("unique: order_id %v customer_id %v", props[0].Unique, props[1].Unique)
			}
			mart := fileLike(t, files, "/"+tt.mart+".sql")
			if !strings.Contains(mart, "sha256(cast(customer_email") {
				t.Errorf("the mart does not hash the PII column:\n%s", mart)
			}
			if _, ok := files["models/staging/"+tt.source+"/stg_"+tt.source+"__orders.sql"]; !ok {
				t.Errorf("no staging model for source %s: %v", tt.source, paths(files))
			}
			sources := fileLike(t, files, "__sources.yml", "models/staging/"+tt.source+"/")
			for _, want := range []string{"name: " + tt.source, "loaded_at_field: updated_at", "period: hour"} {
				if !strings.Contains(sources, want) {
					t.Errorf("sources lack %q:\n%s", want, sources)
				}
			}
			models := fileLike(t, files, "__models.yml", "models/staging/"+tt.source+"/")
			for _, want := range []string{"accepted_values:", "- paid", "dataeng_os_range:", "min_value: \"0\"", "max_value: \"100000000\""} {
				if !strings.Contains(models, want) {
					t.Errorf("staging tests lack %q:\n%s", want, models)
				}
			}
		})
	}
}

func customValue(cps []contract.CustomProperty, name string) any {
	for _, cp := range cps {
		if cp.Property == name {
			return cp.Value
		}
	}
	return nil
}

func TestGuidedAsksForAnUnclearSource(t *testing.T) {
	t.Parallel()
	fields := []string{"order_id: string, primary key, description=Order identifier", "created_at: timestamp, required"}
	for _, tt := range []struct {
		lang, sources, answer, want, text string
	}{
		{"en", "Files on S3", "billing", "billing", "Which system does the data come from?"},
		{"en", "Stripe API and the checkout service", "the checkout service", "checkout", "several systems (stripe, checkout)"},
		{"pt", "Arquivos CSV no bucket", "faturamento", "faturamento", "De qual sistema vêm os dados?"},
		{"pt", "Planilhas do time", "pular", "", "De qual sistema"},
	} {
		t.Run(tt.lang+"/"+tt.sources, func(t *testing.T) {
			t.Parallel()
			var texts []string
			g, _ := interview(t, tt.lang, "orders", map[int]string{roleSources: tt.sources}, fields, func(q Question) string {
				if q.Key == "source" {
					texts = append(texts, q.Text)
					if len(texts) == 1 {
						return "two words" // names no system: asked again
					}
					return tt.answer
				}
				return ""
			})
			if len(texts) != 2 || !strings.Contains(texts[0], tt.text) {
				t.Fatalf("source questions: %q", texts)
			}
			c, _ := scaffoldGuided(t, g)
			if v, _ := customValue(c.CustomProperties, "dbtSource").(string); v != tt.want {
				t.Errorf("dbtSource = %q, want %q", v, tt.want)
			}
			if tt.want == "" && !strings.Contains(g.canvas, texts[0]) {
				t.Errorf("a skipped source question is no open question:\n%s", g.canvas)
			}
		})
	}
}

func TestGuidedNotesWhatItCannotPlace(t *testing.T) {
	t.Parallel()
	g, _ := interview(t, "en", "orders", map[int]string{
		roleSources:  "the checkout service",
		roleSLA:      "fresh within 2 hours",
		roleDelivery: "staging and dim_customers",
	}, []string{"order_id: string, primary key, description=Order identifier", "amount: integer, min=0"}, nil)
	c, files := scaffoldGuided(t, g)
	if len(c.SLAProperties) != 1 || c.SLAProperties[0].Element != "" || customValue(c.Schema[0].CustomProperties, "dbtMart") != nil {
		t.Errorf("sla %+v, object custom %+v", c.SLAProperties, c.Schema[0].CustomProperties)
	}
	for _, want := range []string{"no table customers", "Freshness needs a timestamp column"} {
		if !strings.Contains(g.canvas, want) {
			t.Errorf("canvas open questions lack %q:\n%s", want, g.canvas)
		}
	}
	for p := range files {
		if strings.Contains(p, "marts/") {
			t.Errorf("a mart nobody asked for: %s", p)
		}
	}
}

// The agent may not import scaffold outside tests: its property names must
// stay the scaffolder's.
func TestPropertyNamesMatchTheScaffolder(t *testing.T) {
	t.Parallel()
	if propSource != scaffold.PropSource || propMart != scaffold.PropMart {
		t.Errorf("agent writes %s/%s, scaffold reads %s/%s", propSource, propMart, scaffold.PropSource, scaffold.PropMart)
	}
}
