package web

import (
	"strings"
	"testing"

	"github.com/dataeng-os/dataeng-os/contract"
	"github.com/dataeng-os/dataeng-os/internal/msg"
)

// TestPlainHintsAreWords: every rule's editor hint exists in English and
// Portuguese, and none reads like YAML.
func TestPlainHintsAreWords(t *testing.T) {
	t.Parallel()
	for rule, key := range plainHints {
		for _, lang := range []string{msg.EN, msg.PT} {
			h := msg.Get(lang, key)
			if h == "" || h == string(key) || looksLikeYAML(h) {
				t.Errorf("%s (%s) hint = %q", rule, lang, h)
			}
		}
	}
}

func TestPlainHint(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		f    contract.Finding
		lang string
		want string
	}{
		{"rule with a plain hint", contract.Finding{Rule: contract.RuleOwner, Hint: "add `team: {name: <team>}`"}, msg.EN, msg.Get(msg.EN, "web.hint.owner")},
		{"in Portuguese", contract.Finding{Rule: contract.RuleOwner}, msg.PT, msg.Get(msg.PT, "web.hint.owner")},
		{"a plain validator hint is kept", contract.Finding{Rule: contract.RuleNamingCase, Hint: `rename it to "order_id"`}, msg.EN, `rename it to "order_id"`},
		{"a YAML validator hint is dropped", contract.Finding{Rule: "gov-new-rule", Hint: "add `x: y`"}, msg.EN, ""},
		{"broken YAML", contract.Finding{Rule: contract.RuleYAMLSyntax, Hint: "line 3: mapping values"}, msg.EN, msg.Get(msg.EN, "web.hint.yaml")},
	}
	for _, tc := range cases {
		if got := plainHint(tc.f, tc.lang); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestEditorHintsHaveNoYAML: the editor's routes (preview, parse, open)
// answer with plain-word hints in the browser's language; /api/validate,
// for scripts, keeps the validator's own.
func TestEditorHintsHaveNoYAML(t *testing.T) {
	t.Parallel()
	ts := newTS(t, nil)
	bare := "apiVersion: v3.1.0\nkind: DataContract\nid: x\nversion: 1.0.0\nstatus: active\nschema:\n  - name: leads\n    properties:\n      - name: email\n"
	form := FormFromContractYAML(t, bare)
	for _, lang := range []string{"en", "pt-BR"} {
		hdr := map[string]string{"Accept-Language": lang}
		_, body, _ := ts.req(t, "POST", "/api/preview", previewRequest{Form: form, Base: bare}, hdr)
		res := decode[previewResponse](t, body)
		_, body, _ = ts.req(t, "POST", "/api/parse", map[string]string{"yaml": bare}, hdr)
		parsed := decode[checkResult](t, body)
		_, body, _ = ts.req(t, "GET", "/api/contract?file=contracts/orders.yaml", nil, hdr)
		opened := decode[contractResponse](t, body)
		all := append(append(res.Findings, parsed.Findings...), opened.Findings...)
		if !hasRule(res.Findings, contract.RuleOwner, "") || !hasRule(res.Findings, contract.RulePIIUnclassified, "") {
			t.Fatalf("%s: preview findings = %+v", lang, res.Findings)
		}
		for _, f := range all {
			if looksLikeYAML(f.Hint) {
				t.Errorf("%s: %s hint %q reads like YAML", lang, f.Rule, f.Hint)
			}
			if f.Rule == contract.RuleOwner && f.Hint != msg.Get(msg.Normalize(lang), "web.hint.owner") {
				t.Errorf("%s: owner hint = %q", lang, f.Hint)
			}
		}
	}
	_, body, _ := ts.req(t, "POST", "/api/validate", bare, nil)
	if !strings.Contains(string(body), "`team:") {
		t.Errorf("/api/validate lost the validator's hint: %s", body)
	}
}

func TestLooksLikeYAML(t *testing.T) {
	t.Parallel()
	for s, want := range map[string]bool{
		"add `criticalDataElement: true`":          true,
		"criticalDataElement: true":                true,
		"add team: {name: <team>}":                 true,
		"use one of the statuses in policy.json":   true,
		"Pick the kind of value: text, number…":    false,
		`rename it to "order_id"`:                  false,
		"Diga o que uma linha representa, ex.: um": false,
	} {
		if got := looksLikeYAML(s); got != want {
			t.Errorf("looksLikeYAML(%q) = %v", s, got)
		}
	}
}
