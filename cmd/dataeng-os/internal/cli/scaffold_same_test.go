package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/dataeng-os/dataeng-os/contract"
	"github.com/dataeng-os/dataeng-os/kernel"
	"github.com/dataeng-os/dataeng-os/scaffold"
	"github.com/dataeng-os/dataeng-os/web"
)

// sameContract has a mart with a hashed PII column, so every part of the
// output (staging, mart, generic tests, project file) is generated.
var sameContract = strings.Replace(demoContract, "    description: One row per order.\n",
	"    description: One row per order.\n    customProperties:\n      - property: dbtMart\n        value: fact\n", 1)

const sameConfig = "provider = \"guided\"\n\n[scaffold]\nout = \"dbt\"\n"

// newSameProject is a project named "proj" (the dbt project is named after
// it) with [scaffold] out = "dbt" and one contract.
func newSameProject(t *testing.T, parent string) string {
	t.Helper()
	root := filepath.Join(parent, "proj")
	mustWriteFile(t, filepath.Join(root, "dataeng-os.toml"), sameConfig)
	mustWriteFile(t, filepath.Join(root, "contracts", "orders.odcs.yaml"), sameContract)
	return root
}

func mustWriteFile(t *testing.T, file, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestScaffoldSameEverywhere: the CLI, the demo's scaffold step and the
// cockpit's /api/scaffold write byte-identical files (models, project file,
// lineage record) for the same contract and settings.
func TestScaffoldSameEverywhere(t *testing.T) {
	base := t.TempDir()
	const rel = "contracts/orders.odcs.yaml"

	cliRoot := newSameProject(t, filepath.Join(base, "cli"))
	if code, _, stderr := runCLI(t, cliRoot, "scaffold", rel); code != 0 {
		t.Fatalf("scaffold: exit %d\n%s", code, stderr)
	}

	demoRoot := newSameProject(t, filepath.Join(base, "demo"))
	proj := loadProject(t, demoRoot)
	data, _ := os.ReadFile(filepath.Join(demoRoot, rel))
	doc, findings := contract.Check(rel, data, proj.Rules)
	if rep, err := demoScaffold(context.Background(), proj, rel, doc, findings); err != nil || len(rep.Refused()) > 0 {
		t.Fatalf("demo scaffold: %v %+v", err, rep.Contracts)
	}

	webRoot := newSameProject(t, filepath.Join(base, "web"))
	cockpitScaffold(t, webRoot, rel)

	want := treeOf(t, cliRoot)
	if _, ok := want["dbt/"+scaffold.ProjectFile]; !ok {
		t.Fatalf("no dbt/%s generated: %v", scaffold.ProjectFile, keysOf(want))
	}
	if _, ok := want["dbt/models/marts/sales/fct_orders.sql"]; !ok {
		t.Fatalf("no mart generated: %v", keysOf(want))
	}
	for name, root := range map[string]string{"demo": demoRoot, "cockpit": webRoot} {
		got := treeOf(t, root)
		if strings.Join(keysOf(got), " ") != strings.Join(keysOf(want), " ") {
			t.Errorf("%s wrote %v\nCLI wrote %v", name, keysOf(got), keysOf(want))
		}
		for p, b := range want {
			if g, ok := got[p]; ok && !bytes.Equal(g, b) {
				t.Errorf("%s: %s differs from the CLI's:\n%s", name, p, scaffold.UnifiedDiff("cli", name, b, g))
			}
		}
	}
}

// TestDemoScaffoldAbsoluteOut: an absolute [scaffold] out is used as is,
// not joined under the project root.
func TestDemoScaffoldAbsoluteOut(t *testing.T) {
	root := newSameProject(t, t.TempDir())
	out := filepath.Join(t.TempDir(), "dbt")
	mustWriteFile(t, filepath.Join(root, "dataeng-os.toml"), strings.Replace(sameConfig, `"dbt"`, `"`+filepath.ToSlash(out)+`"`, 1))
	proj := loadProject(t, root)
	const rel = "contracts/orders.odcs.yaml"
	data, _ := os.ReadFile(filepath.Join(root, rel))
	doc, findings := contract.Check(rel, data, proj.Rules)
	rep, err := demoScaffold(context.Background(), proj, rel, doc, findings)
	if err != nil || len(rep.Files) == 0 {
		t.Fatalf("demo scaffold: %v %+v", err, rep.Contracts)
	}
	if _, err := os.Stat(filepath.Join(out, "models", "staging", "sales", "stg_sales__orders.sql")); err != nil {
		t.Fatalf("not written under the absolute out: %v\n%+v", err, rep.Files)
	}
	lin, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(scaffold.LineageFile)))
	var rec scaffold.LineageRecord
	if err == nil {
		err = json.Unmarshal(lin, &rec)
	}
	if err != nil || len(rec.Contracts) != 1 || len(rec.Contracts[0].Objects) != 1 {
		t.Fatalf("lineage record (%v):\n%s", err, lin)
	}
	staging := filepath.Join(root, filepath.FromSlash(rec.Contracts[0].Objects[0].Staging.Path))
	if _, err := os.Stat(staging); err != nil {
		t.Fatalf("lineage does not point into the absolute out (%v):\n%s", err, lin)
	}
}

func loadProject(t *testing.T, root string) *kernel.Project {
	t.Helper()
	proj, err := kernel.Load(kernel.LoadOptions{Dir: root, Getenv: func(k string) string {
		if k == "XDG_CONFIG_HOME" {
			return filepath.Join(root, ".xdg")
		}
		return ""
	}})
	if err != nil {
		t.Fatal(err)
	}
	return proj
}

// cockpitScaffold posts /api/scaffold to a cockpit on root with the
// project's [scaffold] settings, as `dataeng-os serve` starts it.
func cockpitScaffold(t *testing.T, root, rel string) {
	t.Helper()
	p := loadProject(t, root)
	srv, err := web.New(web.Options{Root: root, Rules: p.Rules, Scaffold: web.ScaffoldOptions{
		Dialect: p.Config.Scaffold.Dialect, Out: p.Config.Scaffold.Out, Strict: p.Config.Scaffold.Strict,
		StagingMaterialized: p.Config.Scaffold.StagingMaterialized}})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	defer srv.Close()
	body, _ := json.Marshal(map[string]string{"file": rel})
	req, _ := http.NewRequest("POST", ts.URL+"/api/scaffold", bytes.NewReader(body))
	req.Header.Set("Origin", ts.URL)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out bytes.Buffer
	_, _ = out.ReadFrom(resp.Body)
	if resp.StatusCode != 200 {
		t.Fatalf("/api/scaffold: %d %s", resp.StatusCode, out.String())
	}
}

// treeOf reads the generated dbt folder and the lineage record.
func treeOf(t *testing.T, root string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(filepath.Join(root, "dbt"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		files[filepath.ToSlash(rel)], err = os.ReadFile(p)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	lin, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(scaffold.LineageFile)))
	if err != nil {
		t.Fatal(err)
	}
	files[scaffold.LineageFile] = lin
	return files
}

func keysOf(m map[string][]byte) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
