// Package factory turns a provider profile into a ready providers.Provider:
// one switch on the profile's type, keys read from the environment only,
// and every adapter wrapped in the shared resilience layer.
package factory

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/dataeng-os/dataeng-os/providers"
	"github.com/dataeng-os/dataeng-os/providers/gemini"
	"github.com/dataeng-os/dataeng-os/providers/ollama"
	"github.com/dataeng-os/dataeng-os/providers/openai"
	"github.com/dataeng-os/dataeng-os/providers/resilient"
	"github.com/dataeng-os/dataeng-os/providers/scripted"
)

// Profile mirrors kernel.ProviderProfile, so providers does not import kernel.
type Profile struct {
	Name      string        // profile name, for messages ("" = Type)
	Type      string        // openai | gemini | ollama | scripted | guided
	Model     string        // "" = the adapter's default
	BaseURL   string        // "" = the vendor's (ollama: $OLLAMA_HOST)
	APIKeyEnv string        // variable holding the key ("" = the vendor's usual one)
	Timeout   time.Duration // first-byte timeout (0 = 120 s; ollama 300 s)
	NumCtx    int           // ollama num_ctx (0 = ollama.DefaultNumCtx)
	KeepAlive time.Duration // ollama keep_alive (0 = ollama.DefaultKeepAlive)
	Script    string        // scripted: script path (resolved by the caller)
	// NoStream asks an OpenAI-compatible server for whole answers instead of
	// a stream (for servers whose streaming is broken). The first-byte
	// timeout then covers the whole generation.
	NoStream bool
}

// ErrMissingKey is wrapped by the error for a profile whose key is unset.
var ErrMissingKey = errors.New("no API key")

// New builds the profile's provider wrapped in resilient.Wrap (timeouts,
// retries, redaction of the key). opts tune the wrapper.
func New(p Profile, getenv func(string) string, opts ...resilient.Option) (providers.Provider, error) {
	raw, secrets, err := build(p, getenv)
	if err != nil {
		return nil, err
	}
	first := p.Timeout
	if first <= 0 {
		first = 120 * time.Second
		if p.Type == "ollama" {
			first = 300 * time.Second
		}
	}
	base := []resilient.Option{resilient.WithTimeouts(first, min(first, 60*time.Second)), resilient.WithSecrets(secrets...)}
	return resilient.Wrap(raw, append(base, opts...)...), nil
}

// Raw builds the bare adapter, without the resilience wrapper (doctor uses
// it to reach ollama.Client.Version).
func Raw(p Profile, getenv func(string) string) (providers.Provider, error) {
	raw, _, err := build(p, getenv)
	return raw, err
}

func build(p Profile, getenv func(string) string) (providers.Provider, []string, error) {
	if getenv == nil {
		getenv = func(string) string { return "" }
	}
	name := p.Name
	if name == "" {
		name = p.Type
	}
	connect := 10 * time.Second
	switch strings.ToLower(p.Type) {
	case "openai":
		return buildOpenAI(p, name, getenv, connect)
	case "gemini":
		return buildGemini(p, name, getenv, connect)
	case "ollama":
		base := p.BaseURL
		if base == "" {
			base = ollama.HostFromEnv(getenv)
		}
		opts := []ollama.Option{ollama.WithBaseURL(base), ollama.WithNumCtx(p.NumCtx), ollama.WithTimeout(connect), ollama.WithKeepAlive(p.KeepAlive)}
		if p.Model != "" {
			opts = append(opts, ollama.WithModel(p.Model))
		}
		return ollama.New(opts...), nil, nil
	case providers.TypeScripted:
		if p.Script == "" {
			return nil, nil, fmt.Errorf("provider %s: the scripted provider needs a script: set script = \"path\" in [providers.%s]", name, name)
		}
		c, err := scripted.Load(p.Script)
		if err != nil {
			return nil, nil, fmt.Errorf("provider %s: %w", name, err)
		}
		return c.WithModel(p.Model), nil, nil
	case providers.TypeGuided, "":
		return nil, nil, providers.ErrNoModel
	}
	return nil, nil, fmt.Errorf("provider %s: unknown type %q (want one of: %s)", name, p.Type, strings.Join(providers.ModelTypes, ", "))
}

func buildOpenAI(p Profile, name string, getenv func(string) string, connect time.Duration) (providers.Provider, []string, error) {
	env := p.APIKeyEnv
	if env == "" {
		env = "OPENAI_API_KEY"
	}
	key := strings.TrimSpace(getenv(env))
	if key == "" && p.BaseURL == "" {
		return nil, nil, fmt.Errorf("provider %s: %w: set %s", name, ErrMissingKey, env)
	}
	opts := []openai.Option{openai.WithAPIKey(key), openai.WithAPIKeyEnv(env), openai.WithTimeout(connect)}
	if p.BaseURL != "" {
		opts = append(opts, openai.WithBaseURL(p.BaseURL))
	}
	if p.Model != "" {
		opts = append(opts, openai.WithModel(p.Model))
	}
	if p.NoStream {
		opts = append(opts, openai.WithStreaming(false))
	}
	return openai.New(opts...), []string{key}, nil
}

func buildGemini(p Profile, name string, getenv func(string) string, connect time.Duration) (providers.Provider, []string, error) {
	key, env := gemini.KeyFromEnv(getenv)
	if p.APIKeyEnv != "" && p.APIKeyEnv != "GEMINI_API_KEY" && p.APIKeyEnv != "GOOGLE_API_KEY" {
		env = p.APIKeyEnv
		key = strings.TrimSpace(getenv(env))
	}
	if key == "" {
		return nil, nil, fmt.Errorf("provider %s: %w: set %s (or GOOGLE_API_KEY)", name, ErrMissingKey, env)
	}
	opts := []gemini.Option{gemini.WithAPIKey(key), gemini.WithAPIKeyEnv(env), gemini.WithTimeout(connect)}
	if p.BaseURL != "" {
		opts = append(opts, gemini.WithBaseURL(p.BaseURL))
	}
	if p.Model != "" {
		opts = append(opts, gemini.WithModel(p.Model))
	}
	c := gemini.New(opts...)
	if err := c.Err(); err != nil {
		return nil, nil, fmt.Errorf("provider %s: %w", name, err)
	}
	return c, []string{key}, nil
}
