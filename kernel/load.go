package kernel

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/dataeng-os/dataeng-os/contract"
	"github.com/dataeng-os/dataeng-os/providers"
	"github.com/dataeng-os/dataeng-os/scaffold"
)

// LoadOptions steers Load.
type LoadOptions struct {
	Dir           string              // where to start looking for the project root
	ConfigFile    string              // extra config file (--config), layered after the project's
	Getenv        func(string) string // nil = no environment
	UserConfigDir string              // "" = $XDG_CONFIG_HOME/dataeng-os or ~/.config/dataeng-os
	NoProject     bool                // do not walk up looking for a project
}

// Load finds the project and layers config, kernel, governance and templates:
// embedded defaults, then the user's files, then the project's (later wins),
// then --config and DATAENG_* variables for the configuration.
func Load(opts LoadOptions) (*Project, error) {
	getenv := opts.Getenv
	if getenv == nil {
		getenv = func(string) string { return "" }
	}
	if opts.Dir == "" {
		opts.Dir = getenv("DATAENG_PROJECT")
	}
	if opts.ConfigFile == "" {
		opts.ConfigFile = getenv("DATAENG_CONFIG")
	}
	p := &Project{Config: Defaults()}
	if !opts.NoProject {
		root, err := FindRoot(opts.Dir)
		if err != nil {
			return nil, err
		}
		p.Root = root
	}
	userDir := opts.UserConfigDir
	if userDir == "" {
		userDir = userConfigDir(getenv)
	}
	if err := p.loadConfig(userDir, opts.ConfigFile, getenv); err != nil {
		return nil, err
	}
	if err := p.loadFiles(userDir); err != nil {
		return nil, err
	}
	p.Rules.MaxBytes = p.Config.Validate.MaxBytes
	return p, nil
}

// FindRoot walks up from dir to the directory holding dataeng-os.toml. It
// returns "" (and no error) when there is none.
func FindRoot(dir string) (string, error) {
	if dir == "" {
		dir = "."
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("find project root from %s: %w", dir, err)
	}
	for d := abs; ; d = filepath.Dir(d) {
		if st, err := os.Stat(filepath.Join(d, ConfigFileName)); err == nil && !st.IsDir() {
			return d, nil
		}
		if filepath.Dir(d) == d {
			return "", nil
		}
	}
}

func userConfigDir(getenv func(string) string) string {
	if x := getenv("XDG_CONFIG_HOME"); x != "" {
		return filepath.Join(x, "dataeng-os")
	}
	if h := getenv("HOME"); h != "" {
		return filepath.Join(h, ".config", "dataeng-os")
	}
	return ""
}

func (p *Project) loadConfig(userDir, extra string, getenv func(string) string) error {
	p.Files = append(p.Files, LoadedFile{Kind: "config", Layer: "embedded", Path: "(defaults)"})
	layers := []struct{ layer, path string }{{"user", ""}, {"project", ""}, {"flag", extra}}
	if userDir != "" {
		layers[0].path = filepath.Join(userDir, "config.toml")
	}
	if p.Root != "" {
		layers[1].path = filepath.Join(p.Root, ConfigFileName)
	}
	for _, l := range layers {
		if l.path == "" {
			continue
		}
		data, err := os.ReadFile(l.path)
		if os.IsNotExist(err) && l.layer != "flag" {
			continue
		}
		if err != nil {
			return fmt.Errorf("read config %s: %w", l.path, err)
		}
		if err := mergeTOML(&p.Config, l.path, data); err != nil {
			return err
		}
		p.Files = append(p.Files, LoadedFile{Kind: "config", Layer: l.layer, Path: l.path})
	}
	if err := applyEnv(&p.Config, getenv); err != nil {
		return err
	}
	return p.Config.Check()
}

// applyEnv layers the DATAENG_* variables over the configuration.
func applyEnv(c *Config, getenv func(string) string) error {
	strs := map[string]*string{
		"DATAENG_PROVIDER": &c.Provider, "DATAENG_MODEL": &c.Model, "DATAENG_BASE_URL": &c.BaseURL,
		"DATAENG_DIALECT": &c.Scaffold.Dialect, "DATAENG_ADDR": &c.Serve.Addr,
	}
	for name, dst := range strs {
		if v := getenv(name); v != "" {
			*dst = v
		}
	}
	ints := map[string]*int{"DATAENG_MAX_ATTEMPTS": &c.Agent.MaxAttempts, "DATAENG_TOKEN_BUDGET": &c.Agent.TokenBudget}
	for name, dst := range ints {
		if v := getenv(name); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil {
				return fmt.Errorf("environment variable %s=%q: want a whole number", name, v)
			}
			*dst = n
		}
	}
	return nil
}

// Check reports configuration values that cannot work.
func (c Config) Check() error {
	for name, pr := range c.Providers {
		if !providers.IsType(pr.Type) {
			return fmt.Errorf("config: providers.%s: type %q is not one of %s", name, pr.Type, strings.Join(providers.Types, ", "))
		}
	}
	if !slices.Contains(scaffold.Dialects, c.Scaffold.Dialect) {
		return fmt.Errorf("config: scaffold.dialect %q is not one of %s", c.Scaffold.Dialect, strings.Join(scaffold.Dialects, ", "))
	}
	if c.Agent.MaxAttempts < 1 {
		return fmt.Errorf("config: agent.max_attempts must be at least 1, not %d", c.Agent.MaxAttempts)
	}
	if c.Agent.MaxOutputTokens < 0 {
		return fmt.Errorf("config: agent.max_output_tokens must not be negative")
	}
	if c.Agent.Strategy != "" && !slices.Contains(Strategies, c.Agent.Strategy) {
		return fmt.Errorf("config: agent.strategy %q is not one of %s", c.Agent.Strategy, strings.Join(Strategies, ", "))
	}
	if c.Agent.TokenBudget < 0 {
		return fmt.Errorf("config: agent.token_budget must not be negative")
	}
	return nil
}

// Rules returns the project's governance (for callers that only need it).
func (p *Project) GovernanceRules() contract.Rules { return p.Rules }
