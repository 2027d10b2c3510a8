package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/dataeng-os/dataeng-os/kernel"
	"github.com/dataeng-os/dataeng-os/providers"
	"github.com/dataeng-os/dataeng-os/providers/factory"
	"github.com/dataeng-os/dataeng-os/providers/resilient"
)

// ModelsOptions holds the models command's flags.
type ModelsOptions struct {
	Provider string
	JSON     bool
	Timeout  time.Duration
}

func newModelsCmd(f *Factory) *cobra.Command {
	opts := &ModelsOptions{}
	cmd := &cobra.Command{
		Use:   "models",
		Short: "List the models a provider offers",
		Long: "List the models the chosen provider offers: Ollama's pulled models (/api/tags),\n" +
			"OpenAI's or an OpenAI-compatible server's /v1/models, or Gemini's model list.\n" +
			"The provider is a profile from dataeng-os.toml or a built-in type.",
		Example: "  dataeng-os models --provider ollama\n  dataeng-os models --provider openai --json",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			return runModels(ctx, f, opts)
		},
	}
	cmd.Flags().StringVar(&opts.Provider, "provider", "", "provider profile or type (default: the configured provider)")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print JSON")
	cmd.Flags().DurationVar(&opts.Timeout, "timeout", 30*time.Second, "give up after this long")
	return cmd
}

type modelsReport struct {
	Provider string                `json:"provider"`
	Type     string                `json:"type"`
	Default  string                `json:"default,omitempty"`
	Models   []providers.ModelInfo `json:"models"`
}

func runModels(ctx context.Context, f *Factory, opts *ModelsOptions) error {
	proj, err := f.Project()
	if err != nil {
		return err
	}
	prof, name, known := proj.Config.Profile(opts.Provider, "")
	if !known {
		return UsageErrorf("unknown provider %q: add [providers.%s] to dataeng-os.toml, or use one of: %s", name, name, strings.Join(providers.ModelTypes, ", "))
	}
	if prof.Type == providers.TypeGuided {
		return UsageErrorf("provider %q is guided mode, which uses no model: pick one with --provider %s", name, strings.Join(providers.ModelTypes, "|"))
	}
	p, err := openProvider(f, proj, name, prof, resilient.WithRetries(1))
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, opts.Timeout)
	defer cancel()
	ms, err := p.Models(ctx)
	if err != nil {
		return fmt.Errorf("list models of %s: %w", name, err)
	}
	rep := modelsReport{Provider: name, Type: prof.Type, Default: prof.Model, Models: ms}
	if rep.Models == nil {
		rep.Models = []providers.ModelInfo{}
	}
	secrets := secretValues(f, proj.Config)
	out, errOut := newRedactWriter(f.IO.Out, secrets), newRedactWriter(f.IO.ErrOut, secrets)
	if opts.JSON {
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	printModels(out, errOut, rep)
	return nil
}

func printModels(out, errOut io.Writer, rep modelsReport) {
	var buf bytes.Buffer
	tw := tabwriter.NewWriter(&buf, 0, 4, 2, ' ', 0)
	found := false
	for _, m := range rep.Models {
		mark := ""
		if m.ID == rep.Default || m.ID == rep.Default+":latest" {
			mark, found = "(default)", true
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\n", m.ID, humanSize(m.Size), mark)
	}
	tw.Flush()
	for _, line := range strings.SplitAfter(buf.String(), "\n") {
		if l := strings.TrimRight(line, " \n"); l != "" {
			fmt.Fprintln(out, l)
		}
	}
	switch {
	case len(rep.Models) == 0:
		fmt.Fprintf(errOut, "%s offers no models\n", rep.Provider)
	case rep.Default != "" && !found:
		hint := ""
		if rep.Type == "ollama" {
			hint = ": run: ollama pull " + rep.Default
		}
		fmt.Fprintf(errOut, "note: the configured model %s is not in the list%s\n", rep.Default, hint)
	}
}

func humanSize(n int64) string {
	if n <= 0 {
		return ""
	}
	units := []string{"B", "KB", "MB", "GB", "TB"}
	v, i := float64(n), 0
	for v >= 1000 && i < len(units)-1 {
		v /= 1000
		i++
	}
	return fmt.Sprintf("%.1f %s", v, units[i])
}

// openProvider builds the provider for a resolved profile (see
// kernel.Config.Profile): the vendor adapter wrapped in the resilience
// layer, keys read through f.Getenv only. Other commands use it too.
func openProvider(f *Factory, proj *kernel.Project, name string, prof kernel.ProviderProfile, opts ...resilient.Option) (providers.Provider, error) {
	return factory.New(factoryProfile(f, proj, name, prof), f.Getenv, opts...)
}

// factoryProfile converts a kernel profile, resolving a relative script
// path against the project root (or the working directory).
func factoryProfile(f *Factory, proj *kernel.Project, name string, prof kernel.ProviderProfile) factory.Profile {
	script := prof.Script
	if script != "" && !filepath.IsAbs(script) {
		root := f.Dir
		if proj != nil && proj.Root != "" {
			root = proj.Root
		}
		script = filepath.Join(root, script)
	}
	return factory.Profile{Name: name, Type: prof.Type, Model: prof.Model, BaseURL: prof.BaseURL,
		APIKeyEnv: prof.APIKeyEnv, Timeout: prof.Timeout.Duration, NumCtx: prof.NumCtx, KeepAlive: prof.KeepAlive.Duration, Script: script,
		NoStream: prof.Stream != nil && !*prof.Stream}
}
