package contract

import (
	"path/filepath"
	"strings"
	"testing"
)

const govMess = `apiVersion: v3.1.0
kind: DataContract
id: x
version: one
status: weird
schema:
  - name: Orders
    properties:
      - name: order
        logicalType: string
      - name: created
        logicalType: timestamp
      - name: active
        logicalType: boolean
      - name: customer_email
        logicalType: string
      - name: cpf
        logicalType: string
        classification: secret
      - name: nome_cliente
        classification: pii
    relationships:
      - type: foreignKey
        from: orders.cpf
        to: customers.id
`

// TestLocalizeGovernance checks that every governance finding and hint
// of a contract that breaks most rules reads in Portuguese, and that
// English stays as it is.
func TestLocalizeGovernance(t *testing.T) {
	_, fs := Check("c.yaml", []byte(govMess), DefaultRules())
	pt := Localize(fs, "pt-BR")
	if len(pt) != len(fs) || len(fs) < 10 {
		t.Fatalf("got %d findings, %d localized", len(fs), len(pt))
	}
	for i, f := range fs {
		if !strings.HasPrefix(f.Rule, "gov-") {
			continue
		}
		if pt[i].Message == f.Message {
			t.Errorf("%s: message not translated: %s", f.Rule, f.Message)
		}
		if f.Hint != "" && pt[i].Hint == f.Hint {
			t.Errorf("%s: hint not translated: %s", f.Rule, f.Hint)
		}
	}
	if en := Localize(fs, "en"); en[0].Message != fs[0].Message {
		t.Errorf("en changed the message: %q", en[0].Message)
	}
}

// TestLocalizeSchema checks the most common JSON Schema findings of the
// bad corpus.
func TestLocalizeSchema(t *testing.T) {
	files, _ := filepath.Glob("testdata/bad/missing_*.yaml")
	n := 0
	for _, f := range files {
		_, fs := Check(filepath.Base(f), readFile(t, f), DefaultRules())
		for _, l := range Localize(fs, "pt") {
			if strings.HasPrefix(l.Message, "ODCS ") {
				t.Errorf("%s: not translated: %s", f, l.Message)
			}
			n++
		}
	}
	if n == 0 {
		t.Fatal("no findings in testdata/bad/missing_*.yaml")
	}
}

func TestLocalizeText(t *testing.T) {
	for in, want := range map[string]string{
		`relationship to "customers.id": no schema object named "customers"`:                                `relacionamento to "customers.id": não há objeto de schema chamado "customers"`,
		`table "orders" has no primary key`:                                                                 `a tabela "orders" não tem chave primária`,
		`boolean property "active" does not start with is_ or has_ or eh_ or tem_`:                          `a propriedade booleana "active" não começa com is_ ou has_ ou eh_ ou tem_`,
		`timestamp property "criado" does not end with "_at" or "_em"`:                                      `a propriedade timestamp "criado" não termina com "_at" ou "_em"`,
		"something the catalog does not know":                                                               "something the catalog does not know",
		`ODCS v3.1.0 schema: missing property 'id'`:                                                         `schema ODCS v3.1.0: falta a propriedade 'id'`,
		`property "Email" looks like PII (its name matches "email") but has no classification: classify it`: `a propriedade "Email" parece dado pessoal (o nome corresponde a "email") mas não tem classificação: classifique-a`,
		`ODCS v3.1.0 schema: logicalType: "strnig" is not one of string, date`:                              `schema ODCS v3.1.0: logicalType: "strnig" não é um de string, date`,
	} {
		if got := LocalizeText(in, "pt"); got != want {
			t.Errorf("LocalizeText(%q)\n got %q\nwant %q", in, got, want)
		}
	}
}
