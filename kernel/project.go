package kernel

import (
	"path/filepath"

	"github.com/dataeng-os/dataeng-os/contract"
)

// ConfigFileName marks a project root.
const ConfigFileName = "dataeng-os.toml"

// Project is a loaded DataEngOS project (or, when Root is empty, the embedded
// defaults alone).
type Project struct {
	Root      string // absolute project root; "" when no project was found
	Config    Config
	Kernel    string // system_kernel.md, the Architect's persona and protocol
	Rules     contract.Rules
	Templates Templates
	Files     []LoadedFile // every file that was layered in, in load order
}

// Templates are the project's editable templates.
type Templates struct {
	Canvas   string // templates/canvas.md: the interview script and canvas sections
	Contract string // templates/contract.yaml: commented ODCS v3.1.0 subset
	Logic    string // templates/logic.md: pipeline-logic narrative
}

// LoadedFile records one file that was layered into the project.
type LoadedFile struct {
	Kind  string `json:"kind"`  // config, kernel, naming, policy, template
	Layer string `json:"layer"` // embedded, user, project, flag
	Path  string `json:"path"`
}

// Path joins elem onto the project root (or the current directory when no
// project was found).
func (p *Project) Path(elem ...string) string {
	root := p.Root
	if root == "" {
		root = "."
	}
	return filepath.Join(append([]string{root}, elem...)...)
}

// Layout paths, relative to the project root.
const (
	KernelFile       = "system_kernel.md"
	NamingFile       = "specs/governance/naming.json"
	PolicyFile       = "specs/governance/policy.json"
	StackFile        = "specs/governance/stack.md"
	CanvasTemplate   = "templates/canvas.md"
	ContractTemplate = "templates/contract.yaml"
	LogicTemplate    = "templates/logic.md"
	NotesDir         = "notes"
	StateDir         = ".dataeng-os" // sessions, manifests, lineage
)
