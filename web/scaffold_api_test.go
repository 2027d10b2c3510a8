package web

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dataeng-os/dataeng-os/internal/testenv"
)

type scaffoldResp struct {
	DryRun bool
	Files  []scaffoldFile
	Error  string
}

func TestScaffoldAPI(t *testing.T) {
	t.Parallel()
	ts := newTS(t, nil)
	mustWrite(t, ts.root+"/contracts/leads.yaml", []byte(unclassifiedYAML))
	mustWrite(t, ts.root+"/contracts/bad.yaml", []byte(strings.Replace(unclassifiedYAML, "apiVersion: v3.1.0", "apiVersion: 42", 1)))
	body := map[string]string{"file": "contracts/orders.yaml"}

	code, out, _ := ts.req(t, "POST", "/api/scaffold?dry_run=1", body, nil)
	if code != 200 {
		t.Fatalf("dry run: %d %s", code, out)
	}
	res := decode[scaffoldResp](t, out)
	var staging string
	for _, f := range res.Files {
		if strings.HasSuffix(f.Path, ".sql") && strings.Contains(f.Path, "stg_") {
			staging = f.Path
			if f.Status != "missing" || !strings.Contains(f.Content, "select") {
				t.Errorf("dry-run staging file = %+v", f)
			}
		}
	}
	if !res.DryRun || staging == "" {
		t.Fatalf("dry run response = %s", out)
	}
	if _, err := os.Stat(filepath.Join(ts.root, staging)); !os.IsNotExist(err) {
		t.Fatalf("dry run wrote %s", staging)
	}

	code, out, _ = ts.req(t, "POST", "/api/scaffold", body, nil)
	if code != 200 {
		t.Fatalf("write: %d %s", code, out)
	}
	if _, err := os.Stat(filepath.Join(ts.root, staging)); err != nil {
		t.Fatalf("scaffold did not write %s: %v", staging, err)
	}
	// The lineage now runs canvas → contract → object → staging → mart.
	_, out, _ = ts.req(t, "GET", "/api/lineage", nil, nil)
	g := decode[Lineage](t, out)
	kinds := map[string]string{}
	for _, n := range g.Nodes {
		kinds[n.ID] = n.Kind
	}
	next := map[string][]string{}
	for _, e := range g.Edges {
		next[e.From] = append(next[e.From], e.To)
	}
	var chain []string
	for id := "canvas:canvases/orders.md"; id != ""; {
		chain = append(chain, kinds[id])
		if len(next[id]) == 0 {
			break
		}
		id = next[id][0]
	}
	if got := strings.Join(chain, "→"); got != "canvas→contract→object→staging→mart" {
		t.Fatalf("lineage chain = %s\n%s", got, out)
	}

	for _, c := range []struct {
		body any
		hdr  map[string]string
		code int
	}{
		{map[string]string{"file": "contracts/leads.yaml"}, nil, 200},   // governance errors are warnings
		{map[string]string{"file": "contracts/bad.yaml"}, nil, 422},     // schema errors
		{map[string]string{"file": "../x.yaml"}, nil, 400},              // traversal
		{map[string]string{"file": "contracts/none.yaml"}, nil, 404},    // missing
		{"{bad json", nil, 400},                                         // bad JSON
		{body, map[string]string{"Origin": "http://evil.example"}, 403}, // cross-origin
		{`{"file":"` + strings.Repeat("a", 70<<10) + `"}`, nil, 413},    // oversized
	} {
		if code, out, _ := ts.req(t, "POST", "/api/scaffold?dry_run=1", c.body, c.hdr); code != c.code {
			t.Errorf("%v: %d, want %d: %.200s", c.body, code, c.code, out)
		}
	}
}

// TestScaffoldAPIStrict: with [scaffold] strict = true the cockpit refuses
// governance errors and says how to get past them.
func TestScaffoldAPIStrict(t *testing.T) {
	t.Parallel()
	ts := newTS(t, func(o *Options) { o.Scaffold.Strict = true })
	mustWrite(t, ts.root+"/contracts/leads.yaml", []byte(unclassifiedYAML))
	code, out, _ := ts.req(t, "POST", "/api/scaffold?dry_run=1", map[string]string{"file": "contracts/leads.yaml"}, nil)
	if code != 422 || !strings.Contains(string(out), "strict = false") || !strings.Contains(string(out), `\"off\"`) {
		t.Fatalf("strict: %d, want 422 with a hint: %s", code, out)
	}
}

// TestScaffoldAPIRefusesSymlinks: a symlinked models/ or .dataeng-os/ in
// the project is refused with a clear error and nothing is written outside.
func TestScaffoldAPIRefusesSymlinks(t *testing.T) {
	t.Parallel()
	for _, link := range []string{"models", ".dataeng-os"} {
		t.Run(link, func(t *testing.T) {
			t.Parallel()
			ts := newTS(t, nil)
			outside := t.TempDir()
			_ = os.RemoveAll(filepath.Join(ts.root, link))
			if err := os.Symlink(outside, filepath.Join(ts.root, link)); err != nil {
				testenv.Missing(t, "symlink support (%v)", err)
			}
			code, out, _ := ts.req(t, "POST", "/api/scaffold", map[string]string{"file": "contracts/orders.yaml"}, nil)
			if code != 400 || !strings.Contains(string(out), link+" is a link") {
				t.Fatalf("scaffold through a symlinked %s: %d %s", link, code, out)
			}
			if ents, _ := os.ReadDir(outside); len(ents) != 0 {
				t.Fatalf("wrote outside the project: %v", ents)
			}
		})
	}
}

// TestScaffoldAPIRefusesDuplicateIDs: a second contract with the id of one
// already scaffolded is refused, naming both files.
func TestScaffoldAPIRefusesDuplicateIDs(t *testing.T) {
	t.Parallel()
	ts := newTS(t, nil)
	data, err := os.ReadFile(filepath.Join(ts.root, "contracts/orders.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	mustWrite(t, filepath.Join(ts.root, "contracts/orders_copy.yaml"), data)
	if code, out, _ := ts.req(t, "POST", "/api/scaffold", map[string]string{"file": "contracts/orders.yaml"}, nil); code != 200 {
		t.Fatalf("first scaffold: %d %s", code, out)
	}
	code, out, _ := ts.req(t, "POST", "/api/scaffold", map[string]string{"file": "contracts/orders_copy.yaml"}, nil)
	if code != 409 || !strings.Contains(string(out), "contracts/orders.yaml and contracts/orders_copy.yaml both have id") {
		t.Fatalf("second contract with the same id: %d %s", code, out)
	}
}

// TestScaffoldAPISourceAndProject: the cockpit honours the request's
// source, as --source, and starts a dbt project (dbt_project.yml named
// after the project) in an output folder that has none.
func TestScaffoldAPISourceAndProject(t *testing.T) {
	t.Parallel()
	ts := newTS(t, func(o *Options) { o.Scaffold.Out = "dbt" })
	body := map[string]string{"file": "contracts/orders.yaml", "source": "vendas_raw"}
	if code, out, _ := ts.req(t, "POST", "/api/scaffold", body, nil); code != 200 {
		t.Fatalf("scaffold: %d %s", code, out)
	}
	ents, err := os.ReadDir(filepath.Join(ts.root, "dbt", "models", "staging", "vendas_raw"))
	if err != nil || len(ents) == 0 {
		t.Fatalf("source vendas_raw not used: %v", err)
	}
	proj, err := os.ReadFile(filepath.Join(ts.root, "dbt", "dbt_project.yml"))
	if err != nil || !strings.Contains(string(proj), filepath.Base(ts.root)+"\n") {
		t.Fatalf("dbt_project.yml (%v):\n%s", err, proj)
	}
	lin, err := os.ReadFile(filepath.Join(ts.root, ".dataeng-os", "lineage.json"))
	if err != nil || !strings.Contains(string(lin), `"path": "dbt/models/staging/vendas_raw/`) {
		t.Fatalf("lineage (%v):\n%s", err, lin)
	}
	body["source"] = "((("
	if code, out, _ := ts.req(t, "POST", "/api/scaffold?dry_run=1", body, nil); code != 422 || !strings.Contains(string(out), "--source") {
		t.Fatalf("bad source: %d %s", code, out)
	}
}
