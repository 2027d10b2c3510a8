package cli

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/dataeng-os/dataeng-os/kernel"
	"github.com/dataeng-os/dataeng-os/providers"
	"github.com/dataeng-os/dataeng-os/providers/factory"
	"github.com/dataeng-os/dataeng-os/providers/ollama"
)

// providerCheck says whether the chosen provider can be used.
func providerCheck(ctx context.Context, f *Factory, p *kernel.Project, opts *DoctorOptions) check {
	prof, name, known := p.Config.Profile(opts.Provider, opts.Model)
	c := check{name: "provider"}
	if !known {
		c.detail = fmt.Sprintf("no provider profile %q", name)
		c.hint = "add [providers." + name + "] to dataeng-os.toml, or use one of " + strings.Join(providers.Types, ", ")
		return c
	}
	switch prof.Type {
	case "guided":
		c.ok, c.detail = true, "guided mode: no model and no key needed"
	case "scripted":
		if prof.Script == "" {
			c.detail, c.hint = "scripted provider has no script", "set script = \"path/to/script.yaml\" in the profile"
		} else if _, err := os.Stat(p.Path(prof.Script)); err != nil {
			c.detail, c.hint = "script "+prof.Script+" not found", "check the profile's script path"
		} else {
			c.ok, c.detail = true, "replays "+prof.Script
		}
	case "ollama":
		return ollamaReach(ctx, f, prof, opts)
	default:
		return remoteCheck(ctx, f, name, prof, opts)
	}
	return c
}

// ollamaCheck reports the local Ollama server (version and models) when it
// is not already the chosen provider but OLLAMA_HOST is set.
func ollamaCheck(ctx context.Context, f *Factory, p *kernel.Project, opts *DoctorOptions) *check {
	prof, _, _ := p.Config.Profile(opts.Provider, opts.Model)
	if prof.Type == "ollama" || f.Getenv("OLLAMA_HOST") == "" {
		return nil
	}
	ol, _, _ := p.Config.Profile("ollama", "")
	c := ollamaReach(ctx, f, ol, opts)
	c.name, c.warn = "ollama", true
	return &c
}

func ollamaReach(ctx context.Context, f *Factory, prof kernel.ProviderProfile, opts *DoctorOptions) check {
	c := check{name: "provider"}
	p, err := f.Project()
	if err != nil {
		c.detail = err.Error()
		return c
	}
	raw, err := factory.Raw(factoryProfile(f, p, "ollama", prof), f.Getenv)
	if err != nil {
		c.detail = err.Error()
		return c
	}
	cl := raw.(*ollama.Client)
	ctx, cancel := context.WithTimeout(ctx, opts.Timeout)
	defer cancel()
	ver, err := cl.Version(ctx)
	if err != nil {
		c.detail = "ollama at " + cl.BaseURL() + " does not answer: " + err.Error()
		c.hint = "start it with: ollama serve (or set OLLAMA_HOST)"
		return c
	}
	models, err := cl.Models(ctx)
	if err != nil {
		c.detail = "ollama " + ver + " at " + cl.BaseURL() + ": listing models failed: " + err.Error()
		return c
	}
	var names []string
	has := false
	for _, m := range models {
		names = append(names, m.ID)
		has = has || m.ID == prof.Model || strings.TrimSuffix(m.ID, ":latest") == prof.Model
	}
	c.detail = fmt.Sprintf("ollama %s at %s, models: %s", ver, cl.BaseURL(), strings.Join(names, ", "))
	if len(names) == 0 {
		c.detail = fmt.Sprintf("ollama %s at %s, no models pulled", ver, cl.BaseURL())
	}
	c.ok = has || prof.Model == ""
	if !c.ok {
		c.hint = "run: ollama pull " + prof.Model
	}
	return c
}
