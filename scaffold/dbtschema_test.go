package scaffold

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dataeng-os/dataeng-os/third_party/jsonschema"
	"go.yaml.in/yaml/v3"

	"github.com/dataeng-os/dataeng-os/internal/testenv"
)

// dbtSchemas are dbt-core 1.12's JSON Schemas for property files and
// dbt_project.yml, vendored in testdata/dbt-jsonschema (see its NOTICE).
type dbtSchemas struct {
	resources, project *jsonschema.Schema
}

// odcsExamplesDir holds the official ODCS examples vendored by the
// contract package (contract/testdata/odcs/examples).
func odcsExamplesDir() string {
	return filepath.Join(testenv.RepoRoot(), "contract", "testdata", "odcs", "examples")
}

// loadDbtSchemas compiles the vendored schemas; they are part of the
// module, so a missing file fails the test everywhere.
func loadDbtSchemas(t testing.TB) *dbtSchemas {
	t.Helper()
	dir := filepath.Join(testenv.RepoRoot(), "scaffold", "testdata", "dbt-jsonschema", "dbt-core-1.12.3")
	return &dbtSchemas{
		resources: compileSchema(t, filepath.Join(dir, "resources", "latest.json")),
		project:   compileSchema(t, filepath.Join(dir, "project", "latest.json")),
	}
}

func compileSchema(t testing.TB, file string) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	c := jsonschema.NewCompiler()
	url := "file:///" + filepath.ToSlash(file)
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(url)
	if err != nil {
		t.Fatalf("compile %s: %v", file, err)
	}
	return s
}

// check validates a generated YAML file; other files are ignored.
func (s *dbtSchemas) check(t testing.TB, name string, data []byte) {
	t.Helper()
	if !strings.HasSuffix(name, ".yml") {
		return
	}
	var v any
	if err := yaml.Unmarshal(data, &v); err != nil {
		t.Errorf("%s: invalid YAML: %v", name, err)
		return
	}
	js, err := json.Marshal(v)
	if err != nil {
		t.Errorf("%s: %v", name, err)
		return
	}
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(string(js)))
	if err != nil {
		t.Fatal(err)
	}
	sch := s.resources
	if filepath.Base(name) == ProjectFile {
		sch = s.project
	}
	if err := sch.Validate(inst); err != nil {
		t.Errorf("%s does not match dbt-core 1.12's JSON Schema:\n%v", name, err)
	}
}

// TestDbtSchemaCatchesBadYAML proves the schema check can fail.
func TestDbtSchemaCatchesBadYAML(t *testing.T) {
	s := loadDbtSchemas(t)
	bad := []byte("version: 2\nmodels:\n  - name: x\n    columns:\n      - name: a\n        meta: {pii: true}\n        tests_typo: []\n")
	ft := &fakeT{TB: t}
	s.check(ft, "models/x.yml", bad)
	if !ft.failed {
		t.Fatal("a property file with an unknown column key passed the dbt schema")
	}
}

type fakeT struct {
	testing.TB
	failed bool
}

func (f *fakeT) Errorf(string, ...any) { f.failed = true }
func (f *fakeT) Helper()               {}

func yamlUnmarshal(b []byte, v any) error { return yaml.Unmarshal(b, v) }
