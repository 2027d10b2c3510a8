package guided

import (
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// chatScript is one scripted guided chat of testdata/chats.json.
type chatScript struct {
	Name, Lang, Table string
	Fields            []string
	Want, PII         []string
}

// TestChatRecall drives each scripted plain-language chat through the
// guided interviewer and measures what the saved contract holds against
// what the person meant: field recall, PII recall and PII false positives
// (reported in bench/README.md). It fails below today's figures.
func TestChatRecall(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile("testdata/chats.json")
	if err != nil {
		t.Fatal(err)
	}
	var v struct{ Chats []chatScript }
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	var hit, want, extra, piiHit, piiWant, piiFalse int
	for _, c := range v.Chats {
		g := New(testConfig(t), c.Lang)
		g.SetLang(c.Lang)
		// the person classifies what the interviewer flags as personal data: a
		// PII hit is a field it recognised (and asked about, or classified)
		p := &Person{Name: c.Name, Table: c.Table, Fields: c.Fields,
			Findings: map[string]string{"rename": "", "classification": "pii", "masking": "hash", "description": "Personal data of the customer"}}
		runGuided(t, g, p.Answer)
		fields, pii := contractFields(t, g.yml)
		h, x := overlap(c.Want, fields)
		ph, px := overlap(c.PII, pii)
		t.Logf("%-22s fields %d/%d (+%d)  pii %d/%d (+%d false)  %v", c.Name, h, len(c.Want), x, ph, len(c.PII), px, fields)
		hit, want, extra = hit+h, want+len(c.Want), extra+x
		piiHit, piiWant, piiFalse = piiHit+ph, piiWant+len(c.PII), piiFalse+px
	}
	t.Logf("guided chat: field recall %d/%d (%d not meant), PII recall %d/%d, PII false positives %d", hit, want, extra, piiHit, piiWant, piiFalse)
	if hit < want || extra > 0 || piiHit < piiWant || piiFalse > 0 {
		t.Errorf("guided chat recall fell: fields %d/%d (%d not meant), PII %d/%d, %d PII false positives (want all, none extra)",
			hit, want, extra, piiHit, piiWant, piiFalse)
	}
}

// overlap counts the wanted names got holds, and got's names not wanted.
func overlap(want, got []string) (hit, extra int) {
	for _, w := range want {
		if slices.Contains(got, w) {
			hit++
		}
	}
	for _, g := range got {
		if !slices.Contains(want, g) {
			extra++
		}
	}
	return hit, extra
}

// contractFields lists table.column of the contract, and those classified
// as personal or sensitive.
func contractFields(t *testing.T, yml string) (all, pii []string) {
	t.Helper()
	var c struct {
		Schema []struct {
			Name       string
			Properties []struct{ Name, Classification string }
		}
	}
	if err := yaml.Unmarshal([]byte(yml), &c); err != nil {
		t.Fatalf("contract: %v", err)
	}
	for _, s := range c.Schema {
		for _, p := range s.Properties {
			k := s.Name + "." + p.Name
			all = append(all, k)
			if cl := strings.ToLower(p.Classification); cl != "" && cl != "public" && cl != "internal" {
				pii = append(pii, k)
			}
		}
	}
	return all, pii
}
