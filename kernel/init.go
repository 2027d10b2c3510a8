package kernel

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/dataeng-os/dataeng-os/internal/atomicfile"
	"github.com/dataeng-os/dataeng-os/scaffold"
)

// InitOptions steers InitProject.
type InitOptions struct {
	Force bool   // rewrite files that already exist
	Name  string // dbt project name; "" = derived from the directory
}

// InitResult says what InitProject did with each path (relative to the
// project root), in layout order.
type InitResult struct {
	Root    string
	Created []string
	Skipped []string
	Rewrote []string
}

// initFile is one file of the project layout.
type initFile struct {
	rel  string
	data func(name string) ([]byte, error)
}

func embedded(rel string) func(string) ([]byte, error) {
	return func(string) ([]byte, error) { return DefaultFile(rel) }
}

func literal(s string) func(string) ([]byte, error) {
	return func(string) ([]byte, error) { return []byte(s), nil }
}

// Layout is every file `init` writes, in order.
func layout() []initFile {
	return []initFile{
		{ConfigFileName, embedded(ConfigFileName)},
		{KernelFile, embedded(KernelFile)},
		{NamingFile, embedded(NamingFile)},
		{PolicyFile, embedded(PolicyFile)},
		{StackFile, embedded(StackFile)},
		{CanvasTemplate, embedded(CanvasTemplate)},
		{ContractTemplate, embedded(ContractTemplate)},
		{LogicTemplate, embedded(LogicTemplate)},
		{"dbt_project.yml", dbtProject},
		{".gitignore", literal(gitignore)},
		{scaffold.CanvasesDir + "/.gitkeep", literal("")},
		{scaffold.ContractsDir + "/.gitkeep", literal("")},
		{NotesDir + "/.gitkeep", literal("")},
		{scaffold.ModelsDir + "/.gitkeep", literal("")},
	}
}

const gitignore = `# DataEngOS local state and dbt artefacts
.dataeng-os/sessions/
target/
dbt_packages/
logs/
`

// InitProject writes the DataEngOS project layout into dir. It never
// overwrites an existing file unless opts.Force is set; it is idempotent.
func InitProject(dir string, opts InitOptions) (InitResult, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return InitResult{}, fmt.Errorf("init %s: %w", dir, err)
	}
	name := opts.Name
	if name == "" {
		name = DBTName(filepath.Base(abs))
	}
	res := InitResult{Root: abs}
	for _, f := range layout() {
		data, err := f.data(name)
		if err != nil {
			return res, err
		}
		path := filepath.Join(abs, filepath.FromSlash(f.rel))
		old, err := os.ReadFile(path)
		exists := err == nil
		switch {
		case exists && !opts.Force:
			res.Skipped = append(res.Skipped, f.rel)
			continue
		case exists && bytes.Equal(old, data):
			res.Skipped = append(res.Skipped, f.rel)
			continue
		}
		if err := atomicfile.WriteFile(path, data, 0o644); err != nil {
			return res, fmt.Errorf("init: %w", err)
		}
		if exists {
			res.Rewrote = append(res.Rewrote, f.rel)
		} else {
			res.Created = append(res.Created, f.rel)
		}
	}
	return res, nil
}

var nonIdent = regexp.MustCompile(`[^a-z0-9_]+`)

// DBTName turns a directory name into a valid dbt project name.
func DBTName(s string) string {
	s = strings.Trim(nonIdent.ReplaceAllString(strings.ToLower(s), "_"), "_")
	if s == "" {
		s = "dataeng_os"
	}
	if s[0] >= '0' && s[0] <= '9' {
		s = "p_" + s
	}
	return s
}

func dbtProject(name string) ([]byte, error) {
	return []byte(fmt.Sprintf(`# dbt project for the models DataEngOS scaffolds from contracts/.
# Generate models with: dataeng-os scaffold contracts/*.odcs.yaml
name: %s
version: "1.0.0"
config-version: 2
profile: %s
model-paths: ["models"]
test-paths: ["tests"]
macro-paths: ["macros"]
seed-paths: ["seeds"]
clean-targets: ["target", "dbt_packages"]
`, name, name)), nil
}
