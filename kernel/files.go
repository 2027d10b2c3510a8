package kernel

import (
	"embed"
	"fmt"
	"os"
	"path/filepath"

	"github.com/dataeng-os/dataeng-os/contract"
)

//go:embed defaults
var defaultsFS embed.FS

// DefaultFile returns the embedded default of a project file by its layout
// path (e.g. KernelFile, NamingFile, CanvasTemplate).
func DefaultFile(rel string) ([]byte, error) {
	switch rel {
	case NamingFile:
		return contract.DefaultNamingJSON, nil
	case PolicyFile:
		return contract.DefaultPolicyJSON, nil
	}
	data, err := defaultsFS.ReadFile("defaults/" + filepath.ToSlash(rel))
	if err != nil {
		return nil, fmt.Errorf("no embedded default for %s", rel)
	}
	return data, nil
}

// layered is a project file read through the layers.
type layered struct {
	kind string
	rel  string
}

var layeredFiles = []layered{
	{"kernel", KernelFile},
	{"naming", NamingFile},
	{"policy", PolicyFile},
	{"template", CanvasTemplate},
	{"template", ContractTemplate},
	{"template", LogicTemplate},
}

// loadFiles reads each steering file: embedded default, then the user's copy,
// then the project's; the later one wins. Governance files are parsed strictly.
func (p *Project) loadFiles(userDir string) error {
	p.Rules = contract.Rules{}
	for _, lf := range layeredFiles {
		data, err := DefaultFile(lf.rel)
		if err != nil {
			return err
		}
		src := LoadedFile{Kind: lf.kind, Layer: "embedded", Path: lf.rel}
		for _, layer := range []struct{ name, dir string }{{"user", userDir}, {"project", p.Root}} {
			if layer.dir == "" {
				continue
			}
			path := filepath.Join(layer.dir, lf.rel)
			b, err := os.ReadFile(path)
			if os.IsNotExist(err) {
				continue
			}
			if err != nil {
				return fmt.Errorf("read %s: %w", path, err)
			}
			data, src = b, LoadedFile{Kind: lf.kind, Layer: layer.name, Path: path}
		}
		if err := p.apply(lf.rel, src.Path, data); err != nil {
			return err
		}
		p.Files = append(p.Files, src)
	}
	return nil
}

func (p *Project) apply(rel, path string, data []byte) error {
	var err error
	switch rel {
	case KernelFile:
		p.Kernel = string(data)
	case NamingFile:
		p.Rules.Naming, err = contract.ParseNaming(path, data)
	case PolicyFile:
		p.Rules.Policy, err = contract.ParsePolicy(path, data)
	case CanvasTemplate:
		p.Templates.Canvas = string(data)
	case ContractTemplate:
		p.Templates.Contract = string(data)
	case LogicTemplate:
		p.Templates.Logic = string(data)
	}
	if err != nil {
		return fmt.Errorf("load governance: %w", err)
	}
	return nil
}
