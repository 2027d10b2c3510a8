package kernel

import "github.com/dataeng-os/dataeng-os/contract"

// LoadOptions steers Load.
type LoadOptions struct {
	Dir           string              // where to start looking for the project root
	ConfigFile    string              // extra config file (--config), layered last before env
	Getenv        func(string) string // nil = no environment
	UserConfigDir string              // "" = $XDG_CONFIG_HOME or ~/.config
	NoProject     bool                // do not walk up looking for a project
}

// Load finds the project and layers config, kernel, governance and templates.
// TEMPORARY: embedded defaults only; the foundation owner finishes layering.
func Load(opts LoadOptions) (*Project, error) {
	return &Project{Config: Defaults(), Rules: contract.DefaultRules()}, nil
}
