package web

import (
	"net/http"
	"path/filepath"
	"strings"
	"testing"
)

const unclassifiedYAML = `apiVersion: v3.1.0
kind: DataContract
id: leads
name: Leads
version: 1.0.0
status: draft
domain: crm
team: {name: crm}
description: {purpose: Leads from the web form.}
schema:
  - name: leads
    logicalType: object
    description: One row per lead.
    properties:
      - name: lead_id
        logicalType: string
        primaryKey: true
      - name: email
        logicalType: string
`

func TestValidate(t *testing.T) {
	t.Parallel()
	ts := newTS(t, nil)
	good := readFile(t, "testdata/orders.yaml")
	big := strings.Repeat("# padding\n", 10<<10)
	tests := []struct {
		name   string
		body   string
		hdr    map[string]string
		code   int
		valid  bool
		rule   string
		path   string
		errMsg string
	}{
		{name: "good", body: good, code: 200, valid: true},
		{name: "bad yaml", body: "id: [unclosed\n", code: 200, rule: "yaml-syntax"},
		{name: "pii unclassified", body: unclassifiedYAML, code: 200, rule: "gov-pii-unclassified", path: "schema[0].properties[1]"},
		{name: "oversized", body: big, code: 413, errMsg: "larger than"},
		{name: "cross-origin", body: good, hdr: map[string]string{"Origin": "http://evil.example"}, code: 403, errMsg: "cross-origin"},
		{name: "null origin", body: good, hdr: map[string]string{"Origin": "null"}, code: 403},
		{name: "no origin no csrf", body: good, hdr: map[string]string{"Origin": ""}, code: 403, errMsg: "X-CSRF-Token"},
		{name: "no origin with csrf", body: good, hdr: map[string]string{"Origin": "", csrfHeader: ts.s.csrf}, code: 200, valid: true},
		{name: "no origin wrong csrf", body: good, hdr: map[string]string{"Origin": "", csrfHeader: "nope"}, code: 403},
		{name: "cross-site fetch", body: good, hdr: map[string]string{"Origin": "", "Sec-Fetch-Site": "cross-site", csrfHeader: ts.s.csrf}, code: 403},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, body, _ := ts.req(t, "POST", "/api/validate?file=x.yaml", tt.body, tt.hdr)
			if code != tt.code {
				t.Fatalf("status %d, want %d: %s", code, tt.code, body)
			}
			if tt.errMsg != "" && !strings.Contains(string(body), tt.errMsg) {
				t.Errorf("body %s lacks %q", body, tt.errMsg)
			}
			if code != 200 {
				return
			}
			res := decode[checkResult](t, body)
			if res.Valid != tt.valid {
				t.Errorf("valid = %v, want %v: %+v", res.Valid, tt.valid, res.Findings)
			}
			if tt.rule != "" && !hasRule(res.Findings, tt.rule, tt.path) {
				t.Errorf("no %s finding at %q in %+v", tt.rule, tt.path, res.Findings)
			}
		})
	}
}

func TestValidateMethodNotAllowed(t *testing.T) {
	t.Parallel()
	ts := newTS(t, nil)
	if code, _, _ := ts.req(t, "GET", "/api/validate", nil, nil); code != http.StatusMethodNotAllowed {
		t.Fatalf("GET /api/validate = %d, want 405", code)
	}
}

func TestPreview(t *testing.T) {
	t.Parallel()
	ts := newTS(t, nil)
	base := readFile(t, "testdata/orders.yaml")
	form := Form{ID: "leads", Name: "Leads", Version: "1.0.0", Status: "draft", Domain: "crm", Owner: "crm",
		Purpose: "Leads.", Objects: []FormObject{{Name: "leads", Description: "One row per lead.", Properties: []FormProperty{
			{Name: "lead_id", LogicalType: "string", PrimaryKey: true},
			{Name: "email", LogicalType: "string"},
		}}}}
	edited := FormFromContractYAML(t, base)
	edited.Purpose = "Revenue reporting, edited."
	tests := []struct {
		name  string
		body  any
		hdr   map[string]string
		code  int
		want  []string // substrings of the YAML
		rule  string
		path  string
		error string
	}{
		{name: "new form", body: previewRequest{Form: form}, code: 200,
			want: []string{"apiVersion: v3.1.0", "kind: DataContract", "id: leads", "name: email"},
			rule: "gov-pii-unclassified", path: "schema[0].properties[1]"},
		{name: "keeps hidden fields of base", body: previewRequest{Form: edited, Base: base}, code: 200,
			want: []string{"Revenue reporting, edited.", "slaProperties:", "database: warehouse", "metric: nullValues", "property: dbtMart", "usage: Finance dashboards."}},
		{name: "bad base yaml", body: previewRequest{Form: form, Base: "id: [x\n"}, code: 422, error: "does not parse"},
		{name: "bad json", body: "{not json", code: 400, error: "invalid JSON"},
		{name: "unknown field", body: `{"form":{},"evil":1}`, code: 400, error: "unknown field"},
		{name: "oversized", body: `{"base":"` + strings.Repeat("x", 70<<10) + `"}`, code: 413},
		{name: "cross-origin", body: previewRequest{Form: form}, hdr: map[string]string{"Origin": "http://127.0.0.1:1"}, code: 403},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, body, _ := ts.req(t, "POST", "/api/preview", tt.body, tt.hdr)
			if code != tt.code {
				t.Fatalf("status %d, want %d: %s", code, tt.code, body)
			}
			if tt.error != "" && !strings.Contains(string(body), tt.error) {
				t.Errorf("body %s lacks %q", body, tt.error)
			}
			if code != 200 {
				return
			}
			res := decode[previewResponse](t, body)
			for _, w := range tt.want {
				if !strings.Contains(res.YAML, w) {
					t.Errorf("YAML lacks %q:\n%s", w, res.YAML)
				}
			}
			if tt.rule != "" && !hasRule(res.Findings, tt.rule, tt.path) {
				t.Errorf("no %s at %s: %+v", tt.rule, tt.path, res.Findings)
			}
		})
	}
}

func TestParse(t *testing.T) {
	t.Parallel()
	ts := newTS(t, nil)
	code, body, _ := ts.req(t, "POST", "/api/parse", map[string]string{"yaml": unclassifiedYAML}, nil)
	if code != 200 {
		t.Fatalf("status %d: %s", code, body)
	}
	res := decode[struct {
		Form     *Form
		Findings []struct{ Rule, Path string }
	}](t, body)
	if res.Form == nil || res.Form.ID != "leads" || len(res.Form.Objects) != 1 || len(res.Form.Objects[0].Properties) != 2 {
		t.Fatalf("form = %+v", res.Form)
	}
	code, body, _ = ts.req(t, "POST", "/api/parse", map[string]string{"yaml": "a: [b\n"}, nil)
	if code != 200 || !strings.Contains(string(body), `"form": null`) || !strings.Contains(string(body), "yaml-syntax") {
		t.Fatalf("bad yaml: %d %s", code, body)
	}
	if code, _, _ := ts.req(t, "POST", "/api/parse", map[string]string{"yaml": "x"}, map[string]string{"Origin": "https://evil.example"}); code != 403 {
		t.Fatalf("cross-origin parse = %d", code)
	}
}

func TestContractsSearch(t *testing.T) {
	t.Parallel()
	ts := newTS(t, nil)
	mustWrite(t, ts.root+"/contracts/crm/leads.yaml", []byte(unclassifiedYAML))
	mustWrite(t, ts.root+"/contracts/broken.yaml", []byte("id: [oops\n"))
	tests := []struct {
		q    string
		want []string
	}{
		{"", []string{"contracts/broken.yaml", "contracts/crm/leads.yaml", "contracts/orders.yaml"}},
		{"domain:sales", []string{"contracts/orders.yaml"}},
		{"owner:crm", []string{"contracts/crm/leads.yaml"}},
		{"tag:finance", []string{"contracts/orders.yaml"}},
		{"column:email", []string{"contracts/crm/leads.yaml", "contracts/orders.yaml"}},
		// leads' email is unclassified, but the validator calls it PII: so does the catalog
		{"pii:yes", []string{"contracts/crm/leads.yaml", "contracts/orders.yaml"}},
		{"pii:no email", nil},
		{"LEADS", []string{"contracts/crm/leads.yaml"}},
		{"nothing-matches", nil},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			code, body, _ := ts.req(t, "GET", "/api/contracts?q="+urlQueryEscape(tt.q), nil, nil)
			if code != 200 {
				t.Fatalf("status %d: %s", code, body)
			}
			res := decode[struct{ Contracts []Entry }](t, body)
			var got []string
			for _, e := range res.Contracts {
				got = append(got, e.File)
			}
			if strings.Join(got, ",") != strings.Join(tt.want, ",") {
				t.Errorf("q=%q got %v, want %v", tt.q, got, tt.want)
			}
		})
	}
	_, body, _ := ts.req(t, "GET", "/api/contracts", nil, nil)
	res := decode[struct{ Contracts []Entry }](t, body)
	byFile := map[string]Entry{}
	for _, e := range res.Contracts {
		byFile[e.File] = e
	}
	if e := byFile["contracts/orders.yaml"]; !e.Valid || e.Status != "active" || e.Version != "1.0.0" || e.Owner != "sales-analytics" {
		t.Errorf("orders entry = %+v", e)
	}
	if e := byFile["contracts/crm/leads.yaml"]; e.Valid || e.Errors == 0 {
		t.Errorf("leads entry should fail validation: %+v", e)
	}
	if e := byFile["contracts/broken.yaml"]; e.Parsed || e.Errors == 0 || e.Message == "" {
		t.Errorf("broken entry = %+v", e)
	}
}

// TestPreviewChangesSinceSaved: the editor's preview says what a save would
// change for consumers (dataeng-os diff's rules): removing a column of the
// saved file is breaking; a new file has nothing to compare with.
func TestPreviewChangesSinceSaved(t *testing.T) {
	t.Parallel()
	ts := newTS(t, nil)
	base := readFile(t, filepath.Join(ts.root, "contracts", "orders.yaml"))
	form := FormFromContractYAML(t, base)
	removed := form.Objects[0].Properties[len(form.Objects[0].Properties)-1].Name
	form.Objects[0].Properties = form.Objects[0].Properties[:len(form.Objects[0].Properties)-1]
	type resp struct {
		Changes []struct{ Rule, Level, Message string }
		Saved   bool
	}
	code, body, _ := ts.req(t, "POST", "/api/preview", previewRequest{Form: form, Base: base, File: "contracts/orders.yaml"}, nil)
	got := decode[resp](t, body)
	breaking := 0
	for _, c := range got.Changes {
		if c.Level == "breaking" && strings.Contains(c.Message, removed) {
			breaking++
		}
	}
	if code != 200 || !got.Saved || breaking == 0 {
		t.Fatalf("removing %q: %d %+v", removed, code, got)
	}
	code, body, _ = ts.req(t, "POST", "/api/preview", previewRequest{Form: FormFromContractYAML(t, base), Base: base, File: "contracts/orders.yaml"}, nil)
	if got := decode[resp](t, body); code != 200 || !got.Saved || len(got.Changes) != 0 {
		t.Fatalf("unchanged form: %d %+v", code, got)
	}
	code, body, _ = ts.req(t, "POST", "/api/preview", previewRequest{Form: form, File: "contracts/new_one.yaml"}, nil)
	if got := decode[resp](t, body); code != 200 || got.Saved || len(got.Changes) != 0 {
		t.Fatalf("new file: %d %+v", code, got)
	}
}
