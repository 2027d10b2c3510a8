package cli

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dataeng-os/dataeng-os/kernel"
	"github.com/dataeng-os/dataeng-os/scaffold"
)

type scaffoldOptions struct {
	Dialect   string
	Out       string
	Source    string
	Check     bool
	Force     bool
	Strict    bool
	Staging   string // staging materialisation
	Contracts []string
	strictSet bool // --strict given (it then wins over [scaffold] strict)
}

func newScaffoldCmd(f *Factory) *cobra.Command {
	opts := &scaffoldOptions{}
	cmd := &cobra.Command{
		Use:   "scaffold [--dialect D] [--out DIR] [--check] [--force] [--strict] CONTRACT...",
		Short: "Generate dbt sources, staging and mart models, and tests from contracts",
		Long: `Scaffold turns valid ODCS contracts into dbt files: a sources file, one
staging model per schema object, a properties file with data types,
constraints, data tests and meta, and fct_/dim_ marts where a schema object
has the custom property dbtMart: fact|dimension.

Many contracts may share one dbt source: each writes its own property files,
models/staging/<source>/_<source>__<contract name>__{sources,models}.yml
(just _<source>__*.yml when the contract is named after its source).

Contracts that fail the ODCS schema, names that cannot be made safe and two
contracts with one id are refused. Governance findings (gov-* rules) are
printed as warnings and the models are written; --strict (or [scaffold]
strict = true) refuses contracts with governance errors, for CI. A generated file
edited by hand is never overwritten without --force. A file under models/
generated from a contract that no longer produces it (a removed schema object
or mart) is stale: it is removed, or kept and reported when edited by hand.
--check writes nothing, prints a unified diff of what would change (stale
files included) and exits 1 on drift.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Contracts = args
			opts.strictSet = cmd.Flags().Changed("strict")
			return runScaffold(cmd.Context(), f, opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Dialect, "dialect", "", "warehouse dialect: duckdb, postgres, snowflake, bigquery (default from [scaffold] dialect)")
	fl.StringVar(&opts.Out, "out", "", "dbt project directory (default from [scaffold] out, relative to the project root)")
	fl.StringVar(&opts.Source, "source", "", "dbt source name (default: the contract's dbtSource, server database or domain)")
	fl.BoolVar(&opts.Check, "check", false, "write nothing; show a diff and exit 1 when files are out of date")
	fl.BoolVar(&opts.Force, "force", false, "overwrite files edited by hand")
	fl.StringVar(&opts.Staging, "staging-materialized", "", "staging models as view, table or incremental (default from [scaffold] staging_materialized, else view)")
	fl.BoolVar(&opts.Strict, "strict", false, "refuse contracts with governance errors (default from [scaffold] strict)")
	return cmd
}

// scaffoldRun holds what one invocation resolved.
type scaffoldRun struct {
	f    *Factory
	opts *scaffoldOptions
	proj *kernel.Project
	root string
	out  string
}

func runScaffold(ctx context.Context, f *Factory, opts *scaffoldOptions) error {
	proj, err := f.Project()
	if err != nil {
		return err
	}
	r := &scaffoldRun{f: f, opts: opts, proj: proj}
	if err := r.resolveDirs(); err != nil {
		return err
	}
	if opts.Source != "" && len(opts.Contracts) > 1 {
		return UsageErrorf("--source names one system; give it with a single contract")
	}
	if !opts.strictSet {
		opts.Strict = proj.Config.Scaffold.Strict
	}
	req := scaffold.Request{Rules: proj.Rules, Dialect: opts.Dialect, Source: opts.Source,
		StagingMaterialized: opts.Staging, Root: r.root, Out: r.out,
		Force: opts.Force, Check: opts.Check, Strict: opts.Strict}
	for _, arg := range opts.Contracts {
		file := arg
		if !filepath.IsAbs(file) {
			file = filepath.Join(f.Dir, file)
		}
		req.Contracts = append(req.Contracts, scaffold.ContractInput{Name: arg, File: file, Rel: r.relToRoot(file)})
	}
	rep, err := scaffold.Run(ctx, req)
	r.printContracts(rep)
	switch {
	case errors.Is(err, scaffold.ErrClash):
		return UsageErrorf("%v", err)
	case err != nil:
		return err
	case r.refusals(rep):
		return ErrFindings
	case opts.Check:
		return r.reportCheck(rep)
	}
	return r.report(rep)
}

// printContracts prints each contract's findings, and notes the ones with
// no schema objects.
func (r *scaffoldRun) printContracts(rep scaffold.Report) {
	for _, c := range rep.Contracts {
		for _, fd := range c.Findings {
			fmt.Fprintln(r.f.IO.ErrOut, fd.String())
		}
		if c.Verdict == scaffold.NoSchema {
			fmt.Fprintf(r.f.IO.ErrOut, "scaffold: %s: %v; skipped\n", c.Name, scaffold.ErrNoSchema)
		}
	}
}

// refusals prints the gate's summary; it reports whether any contract was
// refused.
func (r *scaffoldRun) refusals(rep scaffold.Report) bool {
	errOut, opts := r.f.IO.ErrOut, r.opts
	if warned := rep.RulesOf(scaffold.Accepted); len(warned) > 0 {
		fmt.Fprintf(errOut, "scaffold: governance finding(s) above (%s) are warnings: the models are written; --strict refuses them; to silence one, %s\n",
			strings.Join(warned, ", "), scaffold.RuleOffHint(warned))
	}
	invalid, strict := 0, 0
	for _, c := range rep.Refused() {
		if c.Verdict == scaffold.RefusedStrict {
			strict++
		} else {
			invalid++
		}
	}
	if invalid > 0 {
		fmt.Fprintf(errOut, "scaffold: refusing %d invalid contract(s): they fail the ODCS schema; fix the errors above (dataeng-os validate --rules schema)\n", invalid)
	}
	if strict > 0 {
		rules := rep.RulesOf(scaffold.RefusedStrict)
		how := "run without --strict"
		if !opts.strictSet {
			how = "set [scaffold] strict = false in dataeng-os.toml (or pass --strict=false)"
		}
		fmt.Fprintf(errOut, "scaffold: strict mode: refusing %d contract(s) with governance errors (%s); fix them, %s, or %s\n",
			strict, strings.Join(rules, ", "), how, scaffold.RuleOffHint(rules))
	}
	return invalid+strict > 0
}

func (r *scaffoldRun) resolveDirs() error {
	r.root = r.proj.Root
	if r.root == "" {
		r.root = r.f.Dir
	}
	out := r.opts.Out
	if out == "" {
		if cfg := r.proj.Config.Scaffold.Out; cfg != "" {
			out = scaffold.OutDir(r.root, cfg)
		}
	} else if !filepath.IsAbs(out) {
		out = filepath.Join(r.f.Dir, out)
	}
	if out == "" {
		out = r.root
	}
	r.out = filepath.Clean(out)
	if r.proj.Root == "" {
		// No project: the dbt project under --out is the only root there
		// is, so it names dbt_project.yml and holds the lineage record.
		r.root = r.out
	}
	if r.opts.Dialect == "" {
		r.opts.Dialect = r.proj.Config.Scaffold.Dialect
	}
	if r.opts.Staging == "" {
		r.opts.Staging = r.proj.Config.Scaffold.StagingMaterialized
	}
	return nil
}

// relToRoot is a contract's path relative to the root. Outside a project
// (the root is --out) a contract beside the dbt folder stays relative
// (../contracts/x.yaml), so the output does not depend on where the
// folders are.
func (r *scaffoldRun) relToRoot(file string) string {
	rel, err := filepath.Rel(r.root, file)
	if err != nil || strings.HasPrefix(rel, "..") && (r.proj.Root != "" || filepath.IsAbs(rel)) {
		return filepath.ToSlash(file)
	}
	return filepath.ToSlash(rel)
}

// report prints what Run wrote.
func (r *scaffoldRun) report(rep scaffold.Report) error {
	io := r.f.IO
	for _, fr := range rep.Files {
		fmt.Fprintf(io.Out, "%-9s %s\n", fr.Status, r.display(fr.Path))
	}
	fmt.Fprintf(io.ErrOut, "scaffold: %d created, %d updated, %d unchanged, %d forced, %d removed, %d skipped; lineage in %s\n",
		rep.Count(scaffold.StatusCreated), rep.Count(scaffold.StatusUpdated), rep.Count(scaffold.StatusUnchanged),
		rep.Count(scaffold.StatusForced), rep.Count(scaffold.StatusRemoved), len(rep.Skipped()), r.lineageDisplay())
	for _, fr := range rep.Files {
		if fr.Status == scaffold.StatusRemoved {
			fmt.Fprintf(io.ErrOut, "removed %s: %s\n", r.display(fr.Path), fr.Detail)
		}
	}
	skipped := rep.Skipped()
	for _, fr := range skipped {
		hint := "re-run with --force to overwrite"
		if fr.Status == scaffold.StatusStale {
			hint = "delete it, or re-run with --force to remove it"
		}
		fmt.Fprintf(io.ErrOut, "skipped %s: %s (%s)\n", r.display(fr.Path), fr.Detail, hint)
	}
	if len(skipped) > 0 {
		return ErrFindings
	}
	return nil
}

func (r *scaffoldRun) reportCheck(rep scaffold.Report) error {
	io := r.f.IO
	n := 0
	for _, fr := range rep.Files {
		if fr.Status == scaffold.StatusUnchanged {
			continue
		}
		n++
		fmt.Fprint(io.Out, fr.Diff)
		if fr.Detail != "" {
			fmt.Fprintf(io.ErrOut, "%s: %s\n", r.display(fr.Path), fr.Detail)
		}
	}
	if n > 0 {
		fmt.Fprintf(io.ErrOut, "scaffold --check: %d of %d file(s) out of date\n", n, len(rep.Files))
		return ErrFindings
	}
	fmt.Fprintf(io.ErrOut, "scaffold --check: %d file(s) up to date\n", len(rep.Files))
	return nil
}

// lineageDisplay is where the lineage record is, relative to the working
// directory when it is below it.
func (r *scaffoldRun) lineageDisplay() string {
	abs := filepath.Join(r.root, filepath.FromSlash(scaffold.LineageFile))
	if rel, err := filepath.Rel(r.f.Dir, abs); err == nil && !strings.HasPrefix(rel, "..") {
		return filepath.ToSlash(rel)
	}
	return abs
}

// display shows a generated path relative to the working directory.
func (r *scaffoldRun) display(p string) string {
	abs := filepath.Join(r.out, filepath.FromSlash(p))
	if rel, err := filepath.Rel(r.f.Dir, abs); err == nil && !strings.HasPrefix(rel, "..") {
		return filepath.ToSlash(rel)
	}
	return abs
}
