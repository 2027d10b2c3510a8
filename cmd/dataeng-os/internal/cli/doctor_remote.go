package cli

import (
	"context"
	"fmt"

	"github.com/dataeng-os/dataeng-os/kernel"
)

// remoteCheck checks a hosted provider (openai, gemini, OpenAI-compatible
// servers): its key variable is set, and its model list answers within the
// timeout. Errors come from the provider layer, which redacts keys.
func remoteCheck(ctx context.Context, f *Factory, name string, prof kernel.ProviderProfile, opts *DoctorOptions) check {
	c := check{name: "provider"}
	if prof.APIKeyEnv != "" && f.Getenv(prof.APIKeyEnv) == "" && !geminiFallbackKey(f, prof) && prof.BaseURL == "" {
		c.detail = prof.Type + ": $" + prof.APIKeyEnv + " is not set"
		c.hint = "set " + prof.APIKeyEnv + " in your environment (keys are never read from files)"
		return c
	}
	p, err := f.Project()
	if err != nil {
		c.detail = err.Error()
		return c
	}
	prov, err := openProvider(f, p, name, prof)
	if err != nil {
		c.detail = err.Error()
		return c
	}
	ctx, cancel := context.WithTimeout(ctx, opts.Timeout)
	defer cancel()
	models, err := prov.Models(ctx)
	if err != nil {
		c.detail = fmt.Sprintf("%s does not answer: %v", prof.Type, err)
		c.hint = "check the network, the base URL and the key"
		return c
	}
	c.ok, c.detail = true, fmt.Sprintf("%s answers, %d models", prof.Type, len(models))
	return c
}

// geminiFallbackKey: the gemini adapter also reads GOOGLE_API_KEY.
func geminiFallbackKey(f *Factory, prof kernel.ProviderProfile) bool {
	return prof.Type == "gemini" && f.Getenv("GOOGLE_API_KEY") != ""
}
