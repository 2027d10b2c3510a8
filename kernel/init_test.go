package kernel

import (
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

var update = flag.Bool("update", false, "rewrite golden files")

// readTree returns every file under dir as a txtar archive, sorted.
func readTree(t *testing.T, dir string) *txtar.Archive {
	t.Helper()
	ar := &txtar.Archive{}
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		rel, _ := filepath.Rel(dir, path)
		ar.Files = append(ar.Files, txtar.File{Name: filepath.ToSlash(rel), Data: data})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.SortFunc(ar.Files, func(a, b txtar.File) int { return strings.Compare(a.Name, b.Name) })
	return ar
}

func TestInitGolden(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "Acme Sales")
	res, err := InitProject(dir, InitOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Created) != len(layout()) || len(res.Skipped) != 0 {
		t.Fatalf("created %d, skipped %d; want %d created", len(res.Created), len(res.Skipped), len(layout()))
	}
	got := txtar.Format(readTree(t, dir))
	golden := filepath.Join("testdata", "init.golden.txtar")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./kernel -run TestInitGolden -update)", err)
	}
	if string(got) != string(want) {
		t.Errorf("init output differs from %s; run with -update after checking the change", golden)
	}
	if !strings.Contains(string(got), "name: acme_sales\n") {
		t.Errorf("dbt project name should be derived from the directory")
	}
	// The project loads cleanly with its own files.
	p, err := Load(LoadOptions{Dir: dir, UserConfigDir: filepath.Join(dir, "nouser")})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range p.Files {
		if f.Kind != "config" && f.Layer != "project" {
			t.Errorf("%s loaded from %s, want the project's copy", f.Path, f.Layer)
		}
	}
}

func TestInitSkipsExistingAndForceRewrites(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	kernelPath := filepath.Join(dir, KernelFile)
	writeFile(t, kernelPath, "our own kernel\n")
	res, err := InitProject(dir, InitOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(res.Skipped, KernelFile) || slices.Contains(res.Created, KernelFile) {
		t.Fatalf("kernel should be skipped: %+v", res)
	}
	if b, _ := os.ReadFile(kernelPath); string(b) != "our own kernel\n" {
		t.Fatalf("init overwrote an existing file: %q", b)
	}
	again, err := InitProject(dir, InitOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(again.Created) != 0 || len(again.Skipped) != len(layout()) {
		t.Fatalf("second init should skip everything: %+v", again)
	}
	forced, err := InitProject(dir, InitOptions{Force: true})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(forced.Rewrote, []string{KernelFile}) {
		t.Fatalf("--force should rewrite exactly the changed kernel, got %+v", forced)
	}
	if b, _ := os.ReadFile(kernelPath); !strings.Contains(string(b), "DataEngOS Architect") {
		t.Fatalf("--force did not restore the default kernel")
	}
}

func TestDBTName(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{"Acme Sales": "acme_sales", "2024-data": "p_2024_data", "---": "dataeng_os", "crm_leads": "crm_leads"} {
		if got := DBTName(in); got != want {
			t.Errorf("DBTName(%q) = %q, want %q", in, got, want)
		}
	}
}
