package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"strings"

	"github.com/dataeng-os/dataeng-os/kernel"
)

// providerCheck says whether the chosen provider can be used.
func providerCheck(ctx context.Context, f *Factory, p *kernel.Project, opts *DoctorOptions) check {
	prof, name, known := p.Config.Profile(opts.Provider, opts.Model)
	c := check{name: "provider"}
	if !known {
		c.detail = fmt.Sprintf("no provider profile %q", name)
		c.hint = "add [providers." + name + "] to dataeng-os.toml, or use one of guided, ollama, openai, gemini, scripted"
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

// OllamaURL resolves the Ollama base URL: the profile's base_url, then
// OLLAMA_HOST (with or without scheme), then the default.
func OllamaURL(baseURL string, getenv func(string) string) string {
	u := baseURL
	if u == "" {
		u = getenv("OLLAMA_HOST")
	}
	if u == "" {
		u = "127.0.0.1:11434"
	}
	if !strings.Contains(u, "://") {
		u = "http://" + u
	}
	return strings.TrimSuffix(u, "/")
}

func ollamaReach(ctx context.Context, f *Factory, prof kernel.ProviderProfile, opts *DoctorOptions) check {
	base := OllamaURL(prof.BaseURL, f.Getenv)
	c := check{name: "provider"}
	var ver struct {
		Version string `json:"version"`
	}
	if err := getJSON(ctx, base+"/api/version", opts, &ver); err != nil {
		c.detail = "ollama at " + base + " does not answer: " + err.Error()
		c.hint = "start it with: ollama serve (or set OLLAMA_HOST)"
		return c
	}
	var tags struct {
		Models []struct {
			Name string `json:"name"`
		} `json:"models"`
	}
	if err := getJSON(ctx, base+"/api/tags", opts, &tags); err != nil {
		c.detail = "ollama " + ver.Version + " at " + base + ": listing models failed: " + err.Error()
		return c
	}
	var names []string
	has := false
	for _, m := range tags.Models {
		names = append(names, m.Name)
		if m.Name == prof.Model || strings.TrimSuffix(m.Name, ":latest") == prof.Model {
			has = true
		}
	}
	c.detail = fmt.Sprintf("ollama %s at %s, models: %s", ver.Version, base, strings.Join(names, ", "))
	if len(names) == 0 {
		c.detail = fmt.Sprintf("ollama %s at %s, no models pulled", ver.Version, base)
	}
	c.ok = has || prof.Model == ""
	if !c.ok {
		c.hint = "run: ollama pull " + prof.Model
	}
	return c
}

func getJSON(ctx context.Context, url string, opts *DoctorOptions, v any) error {
	ctx, cancel := context.WithTimeout(ctx, opts.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("%v", strings.TrimPrefix(err.Error(), "Get \""+url+"\": "))
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("HTTP %d", resp.StatusCode)
	}
	return json.NewDecoder(resp.Body).Decode(v)
}
