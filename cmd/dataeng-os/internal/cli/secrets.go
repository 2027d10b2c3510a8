package cli

import (
	"io"
	"sort"
	"strings"

	"github.com/dataeng-os/dataeng-os/kernel"
	"github.com/dataeng-os/dataeng-os/providers"
)

// secretValues collects the API keys the process can see (the *_KEY
// variables dataeng-os knows, each profile's api_key_env, the cockpit
// token), so that every command scrubs them from what it prints or stores.
func secretValues(f *Factory, cfg kernel.Config) []string {
	names := map[string]bool{}
	for _, v := range kernel.EnvVars {
		if strings.HasSuffix(v.Name, "_KEY") || v.Name == "DATAENG_SERVE_TOKEN" {
			names[v.Name] = true
		}
	}
	for _, p := range cfg.Providers {
		if p.APIKeyEnv != "" {
			names[p.APIKeyEnv] = true
		}
	}
	var out []string
	for n := range names {
		if v := f.Getenv(n); v != "" {
			out = append(out, v)
		}
	}
	sort.Strings(out)
	return out
}

// redactWriter scrubs secrets from each Write. Callers write whole lines or
// whole documents, so a secret is never split across two writes.
type redactWriter struct {
	w       io.Writer
	secrets []string
}

func newRedactWriter(w io.Writer, secrets []string) io.Writer {
	return &redactWriter{w: w, secrets: secrets}
}

func (r *redactWriter) Write(p []byte) (int, error) {
	s := providers.Redact(string(p), r.secrets...)
	if _, err := io.WriteString(r.w, s); err != nil {
		return 0, err
	}
	return len(p), nil
}
