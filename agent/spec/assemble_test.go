package spec

import (
	"bytes"
	"strings"
	"testing"

	"github.com/dataeng-os/dataeng-os/contract"
)

func sampleDraft() Draft {
	return Draft{Name: "shipments", BusinessName: "Shipments", Purpose: "Track late deliveries.", Consumers: "Ops dashboards.",
		Domain: "logistics", Owner: "ana.lima", Team: "Logistics squad", Source: "wms", SourceText: "Postgres of the WMS",
		SLA: SLA{Text: "Refresh hourly", Value: 1, Unit: "h", Column: "updated_at"},
		Tables: []Table{{Name: "shipments", Description: "One row per shipment.", Mart: MartFact, Columns: []Column{
			{Name: "shipment_id", LogicalType: "integer", PhysicalType: "bigint", PrimaryKey: true, Required: true, Unique: true, Description: "Shipment id"},
			{Name: "carrier", LogicalType: "string", AllowedValues: []string{"correios", "jadlog"}, Description: "Carrier"},
			{Name: "weight_grams", LogicalType: "integer", Min: "0", Description: "Weight"},
			{Name: "recipient_email", BusinessName: "recipient e-mail", LogicalType: "string", PII: PIIEmail, Classification: "pii", Masking: "hash", Description: "Recipient e-mail"},
			{Name: "updated_at", LogicalType: "timestamp", Description: "Last update"},
		}}}}
}

// templateOf is a canvas template with the given sections.
func templateOf(secs []Section) string {
	var b strings.Builder
	for _, s := range secs {
		b.WriteString("## " + s.Title + "\nQuestion?\n\n")
	}
	return b.String()
}

func schemaFindings(fs []contract.Finding) []contract.Finding {
	var out []contract.Finding
	for _, f := range fs {
		if f.Severity == contract.SeverityError && (f.Rule == contract.RuleSchema || strings.HasPrefix(f.Rule, "yaml") || f.Rule == contract.RuleAPIVersion) {
			out = append(out, f)
		}
	}
	return out
}

func TestAssemble(t *testing.T) {
	t.Parallel()
	full := sampleDraft()
	for _, tc := range []struct {
		name      string
		d         Draft
		lang      string
		want      []string // in the contract
		canvas    []string // in the canvas
		noErrors  bool     // no error finding at all
		notInYAML []string
	}{
		{"full", full, "en", []string{"apiVersion: v3.1.0", "kind: DataContract", "id: shipments", "version: 0.1.0", "status: draft",
			"username: ana.lima", "role: owner", "name: Logistics squad", "property: dbtSource", "value: wms", "property: dbtMart",
			"value: fact", "primaryKeyPosition: 1", "classification: pii", "criticalDataElement: true", "property: masking",
			"value: hash", "element: shipments.updated_at", "validValues:", "minimum: 0", "businessName: recipient e-mail"},
			[]string{"# Product Canvas: Shipments", "## Sensitive data", "`shipments.recipient_email`: pii, masking hash", "fact table: `fct_shipments`", "- none"}, true, nil},
		{"empty", Draft{}, "en", []string{"id: dataset", "status: draft"}, []string{"_Not in the notes", "## Open questions"}, false,
			[]string{"team:", "slaProperties:", "schema:"}},
		{"pt", Draft{Name: "leads", OpenQuestions: []string{"Quem é o dono?"}}, "pt", []string{"id: leads"},
			[]string{"_Não consta nas notas", "## Perguntas em aberto", "- Quem é o dono?"}, false, nil},
		{"pii tag without class", Draft{Name: "x", Tables: []Table{{Name: "people", Columns: []Column{{Name: "email", LogicalType: "string", PII: PIIEmail}}}}},
			"en", []string{"- pii"}, nil, false, []string{"classification:"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			canvas, y, err := Assemble(tc.d, tc.lang)
			if err != nil {
				t.Fatal(err)
			}
			_, fs := contract.Check("contracts/x.odcs.yaml", y, contract.DefaultRules())
			if bad := schemaFindings(fs); len(bad) > 0 {
				t.Fatalf("schema findings %v\n%s", bad, y)
			}
			fs = append(fs, contract.CheckCanvas("canvases/x.md", []byte(canvas), templateOf(DefaultSections()))...)
			if tc.noErrors {
				for _, f := range fs {
					if f.Severity == contract.SeverityError {
						t.Errorf("finding %s: %s", f.Rule, f.Message)
					}
				}
			}
			for _, w := range tc.want {
				if !bytes.Contains(y, []byte(w)) {
					t.Errorf("contract lacks %q:\n%s", w, y)
				}
			}
			for _, w := range tc.notInYAML {
				if bytes.Contains(y, []byte(w)) {
					t.Errorf("contract has %q:\n%s", w, y)
				}
			}
			for _, w := range tc.canvas {
				if !strings.Contains(canvas, w) {
					t.Errorf("canvas lacks %q:\n%s", w, canvas)
				}
			}
		})
	}
}

func TestAssembleDeterministic(t *testing.T) {
	t.Parallel()
	c1, y1, _ := Assemble(sampleDraft(), "pt")
	for range 5 {
		c2, y2, _ := Assemble(sampleDraft(), "pt")
		if c1 != c2 || !bytes.Equal(y1, y2) {
			t.Fatal("assembly differs between runs")
		}
	}
}

func TestGaps(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		d    Draft
		lang string
		want []string
		not  []string
	}{
		{"full has none", sampleDraft(), "en", nil, []string{"Who owns", "identifies a row", "classified", "masked"}},
		{"empty en", Draft{}, "en", []string{"Who owns", "Which system", "How fresh"}, nil},
		{"empty pt", Draft{}, "pt", []string{"Quem é o dono", "De que sistema", "Quão frescos"}, []string{"Who"}},
		{"pii", Draft{Tables: []Table{{Name: "t", Columns: []Column{{Name: "cpf", PII: PIIDocument}}}}}, "pt",
			[]string{"Como `t.cpf` é classificado", "Como `t.cpf` deve ser mascarado", "Qual coluna identifica"}, nil},
		{"sla column", Draft{SLA: SLA{Value: 1, Unit: "d"}}, "en", []string{"Which column records"}, []string{"How fresh"}},
		{"provisional table", Draft{Tables: []Table{{Name: "notas", Provisional: true, Columns: []Column{{Name: "id", PrimaryKey: true}}}}}, "pt",
			[]string{"Como se chama a tabela? Por ora é `notas`"}, []string{"Qual coluna identifica"}},
		{"source choices", Draft{SourceChoices: []string{"workday", "snowflake"}}, "en",
			[]string{"Which of these systems is the source: workday, snowflake?"}, []string{"Which system does the data come from?"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got := strings.Join(tc.d.Gaps(tc.lang), "\n")
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("gaps lack %q:\n%s", w, got)
				}
			}
			for _, w := range tc.not {
				if strings.Contains(got, w) {
					t.Errorf("gaps have %q:\n%s", w, got)
				}
			}
		})
	}
}

func TestRoleOf(t *testing.T) {
	t.Parallel()
	for title, want := range map[string]Role{"Producer and owner": RoleOwner, "Dono e produtor": RoleOwner, "Campos": RoleFields,
		"SLA e atualização": RoleSLA, "Dados sensíveis": RoleSensitive, "Entrega": RoleDelivery, "Whatever": RoleOther} {
		if got := RoleOf(title); got != want {
			t.Errorf("RoleOf(%q) = %d, want %d", title, got, want)
		}
	}
}
