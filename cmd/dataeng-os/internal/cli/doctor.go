package cli

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"github.com/dataeng-os/dataeng-os/kernel"
)

// DoctorOptions are the flags of `dataeng-os doctor`.
type DoctorOptions struct {
	f        *Factory
	Provider string
	Model    string
	Timeout  time.Duration
}

// check is one line of the doctor's report.
type check struct {
	name   string
	ok     bool
	detail string
	hint   string
	warn   bool // a problem that does not fail the doctor
}

func newDoctorCmd(f *Factory) *cobra.Command {
	opts := &DoctorOptions{f: f}
	cmd := &cobra.Command{
		Use:   "doctor",
		Short: "Show the loaded config and files, and check providers and tools",
		Long: `Show the configuration and files DataEngOS loaded (and from which layer),
check that the chosen model provider answers (with a short timeout), and
whether dbt and Chromium are installed. Each problem comes with a hint.
Exit status 1 when the chosen provider cannot be used.`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error { return runDoctor(opts) },
	}
	cmd.Flags().StringVar(&opts.Provider, "provider", "", "provider profile to check (default: the configured one)")
	cmd.Flags().StringVar(&opts.Model, "model", "", "model to check")
	cmd.Flags().DurationVar(&opts.Timeout, "timeout", 3*time.Second, "timeout for each reachability check")
	return cmd
}

func runDoctor(opts *DoctorOptions) error {
	f := opts.f
	p, err := f.Project()
	if err != nil {
		return err
	}
	out := f.IO.Out
	fmt.Fprintf(out, "dataeng-os %s\n", versionString())
	if p.Root == "" {
		fmt.Fprintln(out, "project:   none found (embedded defaults); create one with: dataeng-os init")
	} else {
		fmt.Fprintf(out, "project:   %s\n", p.Root)
	}
	printConfig(f, p, opts)
	fmt.Fprintln(out, "files:")
	for _, lf := range p.Files {
		fmt.Fprintf(out, "  %-8s %-9s %s\n", lf.Kind, lf.Layer, lf.Path)
	}
	ctx, cancel := context.WithTimeout(context.Background(), opts.Timeout+time.Second)
	defer cancel()
	checks := []check{providerCheck(ctx, f, p, opts)}
	if ol := ollamaCheck(ctx, f, p, opts); ol != nil {
		checks = append(checks, *ol)
	}
	checks = append(checks, toolCheck("dbt", dbtCandidates(p), dbtInstallHint))
	checks = append(checks, toolCheck("chromium", []string{"chromium", "chromium-browser", "google-chrome"}, "only needed for the cockpit's browser tests: apt-get install chromium"))
	return printChecks(f, checks)
}

func printConfig(f *Factory, p *kernel.Project, opts *DoctorOptions) {
	out := f.IO.Out
	prof, name, _ := p.Config.Profile(opts.Provider, opts.Model)
	fmt.Fprintf(out, "provider:  %s (type %s", name, prof.Type)
	if prof.Model != "" {
		fmt.Fprintf(out, ", model %s", prof.Model)
	}
	if prof.BaseURL != "" {
		fmt.Fprintf(out, ", base URL %s", prof.BaseURL)
	}
	if prof.APIKeyEnv != "" {
		state := "not set"
		if f.Getenv(prof.APIKeyEnv) != "" {
			state = "set"
		}
		fmt.Fprintf(out, ", key from $%s: %s", prof.APIKeyEnv, state)
	}
	fmt.Fprintln(out, ")")
	c := p.Config
	fmt.Fprintf(out, "agent:     max_attempts=%d token_budget=%d\n", c.Agent.MaxAttempts, c.Agent.TokenBudget)
	fmt.Fprintf(out, "scaffold:  dialect=%s out=%s\n", c.Scaffold.Dialect, c.Scaffold.Out)
	fmt.Fprintf(out, "serve:     addr=%s\n", c.Serve.Addr)
}

func printChecks(f *Factory, checks []check) error {
	io := f.IO
	failed := false
	fmt.Fprintln(io.Out, "checks:")
	for _, c := range checks {
		mark := io.Green("ok  ")
		switch {
		case !c.ok && c.warn:
			mark = io.Yellow("warn")
		case !c.ok:
			mark, failed = io.Red("FAIL"), true
		}
		fmt.Fprintf(io.Out, "  %s %-9s %s\n", mark, c.name, c.detail)
		if !c.ok && c.hint != "" {
			fmt.Fprintf(io.Out, "       hint: %s\n", c.hint)
		}
	}
	if failed {
		return ErrFindings
	}
	return nil
}

func toolCheck(name string, candidates []string, hint string) check {
	for _, c := range candidates {
		if filepath.IsAbs(c) {
			if st, err := os.Stat(c); err == nil && !st.IsDir() {
				return check{name: name, ok: true, detail: c}
			}
			continue
		}
		if path, err := exec.LookPath(c); err == nil {
			return check{name: name, ok: true, detail: path}
		}
	}
	return check{name: name, warn: true, detail: "not found", hint: hint}
}

func dbtCandidates(p *kernel.Project) []string {
	c := []string{"dbt"}
	if p.Root != "" {
		c = append([]string{filepath.Join(p.Root, ".venv", "bin", "dbt")}, c...)
	}
	return c
}

// dbtInstallHint is the pinned, offline-safe dbt install that
// scripts/setup-dbt.sh runs (a test keeps the two equal). dbt-core 1.12's
// experimental parser is pinned to a wheel: its later releases are sdists
// that download a binary at build time.
const dbtInstallHint = "install dbt: python3 -m venv .venv && .venv/bin/python -m pip install " +
	"--only-binary dbt-core-experimental-parser " +
	"'dbt-core==1.12.0' 'dbt-core-experimental-parser==2.0.0a4' 'dbt-duckdb~=1.11.0'" +
	" (or, from a checkout: bash scripts/setup-dbt.sh)"
