package cli

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/dataeng-os/dataeng-os/agent/batch"
	"github.com/dataeng-os/dataeng-os/kernel"
	"github.com/dataeng-os/dataeng-os/providers"
	"github.com/dataeng-os/dataeng-os/scaffold"
)

// DraftOptions are the flags of `dataeng-os draft`.
type DraftOptions struct {
	Out         string
	Jobs        int
	RPM         int
	Provider    string
	Model       string
	JSON        bool
	RetryFailed bool
	Force       bool
	Notes       []string

	rpmSet bool // --rpm given: it wins over the config
}

func newDraftCmd(f *Factory) *cobra.Command {
	opts := &DraftOptions{}
	cmd := &cobra.Command{
		Use:   "draft [flags] NOTES...",
		Short: "Draft canvases and contracts from a batch of stakeholder notes",
		Long: `Draft runs the Architect over stakeholder notes (.md or .txt files, folders
or globs, in any language) without a person in the loop. For each note it
drafts a canvas and an ODCS contract, validates them and reasks within the
budget, then writes canvases/<name>.md and contracts/<name>.odcs.yaml, or
contracts/<name>.draft.odcs.yaml with the open findings and questions.

A manifest (.dataeng-os/draft-manifest.json under --out) records every note,
so a rerun skips notes that are unchanged, --retry-failed drafts only the
failures, and Ctrl-C keeps finished notes. A file a person edited is never
overwritten (unless --force): the new version goes beside it as <name>.new.odcs.yaml.

Every model call goes through one limiter: -j caps the calls in flight,
--rpm the calls per minute, and a provider's 429 pauses the whole pool
(honouring Retry-After) instead of each worker retrying on its own. With the
scripted provider and a script folder, each note replays <folder>/<name>.yaml.

With no model (--provider guided, or no provider configured) each note is
read by the deterministic notes extractor: column lists, types and value
lists, keys, PII sentences, owner, source, SLA and marts, in English or
Portuguese. What a note does not say becomes an open question, never a
guess; the canvas and contract are validated and saved the same way.

Exit status: 0 when every note has a valid contract, 1 when some need a
person, 2 on usage or I/O errors.`,
		Example: `  dataeng-os draft notes/ -j 8
  dataeng-os draft 'notes/*.md' --provider ollama --rpm 30 --json
  dataeng-os draft notes/ --retry-failed
  dataeng-os draft notes/ --provider guided   # no model`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Notes = args
			opts.rpmSet = cmd.Flags().Changed("rpm")
			return runDraft(cmd.Context(), f, cmd, opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Out, "out", "", "output folder for canvases/, contracts/ and the manifest (default: the project root, else the current folder)")
	fl.IntVarP(&opts.Jobs, "jobs", "j", 0, "model calls in flight at once; local work overlaps them (default: config draft.jobs, 4)")
	fl.IntVar(&opts.RPM, "rpm", 0, "global limit of model requests per minute, 0 = none (default: config draft.requests_per_minute)")
	fl.StringVar(&opts.Provider, "provider", "", "provider profile or type: "+strings.Join(providers.Types, ", ")+" (guided: no model, the notes extractor)")
	fl.StringVar(&opts.Model, "model", "", "model name for the provider")
	fl.BoolVar(&opts.JSON, "json", false, "print the report as JSON")
	fl.BoolVar(&opts.RetryFailed, "retry-failed", false, "draft only the notes whose last run failed or was interrupted")
	fl.BoolVar(&opts.Force, "force", false, "draft every note again and overwrite files even when a person edited them")
	return cmd
}

func checkDraftFlags(cmd *cobra.Command, opts *DraftOptions) error {
	switch {
	case len(opts.Notes) == 0:
		return UsageErrorf("draft needs notes: files, folders or globs (e.g. dataeng-os draft notes/)")
	case opts.RetryFailed && opts.Force:
		return UsageErrorf("--retry-failed and --force cannot be used together")
	case cmd.Flags().Changed("jobs") && opts.Jobs < 1:
		return UsageErrorf("--jobs must be at least 1, got %d", opts.Jobs)
	case cmd.Flags().Changed("rpm") && opts.RPM < 0:
		return UsageErrorf("--rpm must be 0 (no limit) or more, got %d", opts.RPM)
	}
	return nil
}

func runDraft(ctx context.Context, f *Factory, cmd *cobra.Command, opts *DraftOptions) error {
	if err := checkDraftFlags(cmd, opts); err != nil {
		return err
	}
	proj, err := f.Project()
	if err != nil {
		return err
	}
	applyDraftDefaults(opts, proj.Config)
	out := draftOutPath(f, proj, opts.Out)
	notes, err := batch.Discover(f.Dir, opts.Notes, draftSkips(out, proj)...)
	if err != nil {
		return UsageErrorf("%v", err)
	}
	if len(notes) == 0 {
		return UsageErrorf("no .md or .txt notes in %s", strings.Join(opts.Notes, ", "))
	}
	d, err := newDrafter(f, proj, opts)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return fmt.Errorf("create output folder %s: %w", out, err)
	}
	manifest, err := batch.LoadManifest(out)
	if err != nil {
		return err
	}
	ctx, stop := draftSignals(ctx)
	defer stop()
	prog := newDraftProgress(f, d.label)
	rep, err := batch.Run(ctx, notes, batch.Options{
		Out: out, Jobs: opts.Jobs, Overlap: draftOverlap(opts.Jobs), Manifest: manifest, Force: opts.Force, RetryFailed: opts.RetryFailed,
		Draft: d.draft, Cost: d.cost, OnEvent: prog.event,
	})
	if rep != nil {
		if perr := printDraftReport(f, rep, opts.JSON, d); perr != nil && err == nil {
			err = perr
		}
	}
	switch {
	case err != nil:
		return err
	case rep.NeedsHuman():
		return ErrFindings
	}
	return nil
}

// draftSignals cancels ctx on Ctrl-C or SIGTERM, so finished notes are
// kept and in-flight ones recorded for retry; a second Ctrl-C kills at once.
func draftSignals(ctx context.Context) (context.Context, context.CancelFunc) {
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	context.AfterFunc(ctx, stop)
	return ctx, stop
}

// draftOverlap is how many notes beyond -j may be in local work
// (validating, writing files) while -j model calls run.
func draftOverlap(jobs int) int { return max(1, jobs/2) }

func applyDraftDefaults(opts *DraftOptions, cfg kernel.Config) {
	if opts.Jobs == 0 {
		opts.Jobs = cfg.Draft.Jobs
	}
	if opts.Jobs < 1 {
		opts.Jobs = 4
	}
	if !opts.rpmSet {
		opts.RPM = max(cfg.Draft.RequestsPerMinute, 0)
	}
}

// draftOutPath resolves --out (default: the project root, else the working
// folder) to an absolute folder.
func draftOutPath(f *Factory, proj *kernel.Project, out string) string {
	switch {
	case out == "" && proj.Root != "":
		out = proj.Root
	case out == "":
		out = f.Dir
	case !filepath.IsAbs(out):
		out = filepath.Join(f.Dir, out)
	}
	return filepath.Clean(out)
}

// draftSkips are the paths a folder walk must not take as notes: the tool's
// outputs and the project's own files.
func draftSkips(out string, proj *kernel.Project) []string {
	var skip []string
	for _, root := range []string{out, proj.Root} {
		if root == "" {
			continue
		}
		for _, rel := range []string{scaffold.CanvasesDir, scaffold.ContractsDir, scaffold.ModelsDir, "templates", "specs", kernel.KernelFile, "README.md"} {
			skip = append(skip, filepath.Join(root, rel))
		}
	}
	return skip
}
