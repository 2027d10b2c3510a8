package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dataeng-os/dataeng-os/contract"
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
			return runScaffold(f, opts)
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
	f       *Factory
	opts    *scaffoldOptions
	proj    *kernel.Project
	root    string
	out     string
	files   map[string][]byte
	owners  map[string]string // path → contract file that rendered it
	entries []scaffold.LineageContract
	// warned lists the governance rules reported as warnings; strictRules
	// those that refused a contract under --strict.
	warned, strictRules []string
}

func runScaffold(f *Factory, opts *scaffoldOptions) error {
	proj, err := f.Project()
	if err != nil {
		return err
	}
	r := &scaffoldRun{f: f, opts: opts, proj: proj, files: map[string][]byte{}, owners: map[string]string{}}
	if err := r.resolveDirs(); err != nil {
		return err
	}
	if opts.Source != "" && len(opts.Contracts) > 1 {
		return UsageErrorf("--source names one system; give it with a single contract")
	}
	if !opts.strictSet {
		opts.Strict = proj.Config.Scaffold.Strict
	}
	invalid, strict := 0, 0
	for _, arg := range opts.Contracts {
		verdict, err := r.renderOne(arg)
		if err != nil {
			return err
		}
		switch verdict {
		case refusedInvalid:
			invalid++
		case refusedStrict:
			strict++
		}
	}
	io := f.IO
	if len(r.warned) > 0 {
		fmt.Fprintf(io.ErrOut, "scaffold: governance finding(s) above (%s) are warnings: the models are written; --strict refuses them; to silence one, %s\n",
			strings.Join(r.warned, ", "), scaffold.RuleOffHint(r.warned))
	}
	if invalid > 0 {
		fmt.Fprintf(io.ErrOut, "scaffold: refusing %d invalid contract(s): they fail the ODCS schema; fix the errors above (dataeng-os validate --rules schema)\n", invalid)
	}
	if strict > 0 {
		how := "run without --strict"
		if !opts.strictSet {
			how = "set [scaffold] strict = false in dataeng-os.toml (or pass --strict=false)"
		}
		fmt.Fprintf(io.ErrOut, "scaffold: strict mode: refusing %d contract(s) with governance errors (%s); fix them, %s, or %s\n",
			strict, strings.Join(r.strictRules, ", "), how, scaffold.RuleOffHint(r.strictRules))
	}
	if invalid+strict > 0 {
		return ErrFindings
	}
	return r.write()
}

func (r *scaffoldRun) resolveDirs() error {
	r.root = r.proj.Root
	if r.root == "" {
		r.root = r.f.Dir
	}
	out := r.opts.Out
	if out == "" {
		out = r.proj.Config.Scaffold.Out
		if out != "" && !filepath.IsAbs(out) {
			out = filepath.Join(r.root, out)
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

// verdict is what the gate made of one contract.
type verdict int

const (
	accepted       verdict = iota
	refusedInvalid         // YAML, input or ODCS schema errors
	refusedStrict          // governance errors under --strict
)

// renderOne validates and renders one contract. Its findings are printed;
// governance errors are warnings unless strict.
func (r *scaffoldRun) renderOne(arg string) (verdict, error) {
	file := arg
	if !filepath.IsAbs(file) {
		file = filepath.Join(r.f.Dir, file)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return refusedInvalid, fmt.Errorf("read contract %s: %w", arg, err)
	}
	doc, findings := contract.Check(arg, data, r.proj.Rules)
	blocking, warnings := scaffold.Gate(findings, r.opts.Strict)
	shown := append(append([]contract.Finding(nil), blocking...), warnings...)
	contract.SortFindings(shown)
	for _, fd := range shown {
		fmt.Fprintln(r.f.IO.ErrOut, fd.String())
	}
	switch {
	case doc == nil || doc.Contract == nil:
		return refusedInvalid, nil
	case len(blocking) > 0:
		if scaffold.OnlyGovernance(blocking) {
			r.strictRules = mergeSorted(r.strictRules, scaffold.GovernanceRules(blocking, contract.SeverityError))
			return refusedStrict, nil
		}
		return refusedInvalid, nil
	}
	r.warned = mergeSorted(r.warned, scaffold.GovernanceRules(findings, ""))
	opts := scaffold.Options{Dialect: r.opts.Dialect, Source: r.opts.Source, ContractFile: r.relToRoot(file),
		StagingMaterialized: r.opts.Staging}
	if _, err := os.Stat(filepath.Join(r.out, scaffold.ProjectFile)); errors.Is(err, os.ErrNotExist) {
		opts.ProjectName = filepath.Base(r.root)
	}
	files, err := scaffold.Render(doc.Contract, r.proj.Rules, opts)
	if errors.Is(err, scaffold.ErrNoSchema) {
		fmt.Fprintf(r.f.IO.ErrOut, "scaffold: %s: %v; skipped\n", arg, err)
		return accepted, nil
	}
	if err != nil {
		return refusedInvalid, fmt.Errorf("scaffold %s: %w", arg, err)
	}
	if err := r.merge(arg, files); err != nil {
		return refusedInvalid, err
	}
	outRel, _ := filepath.Rel(r.root, r.out)
	entry, err := scaffold.LineageOf(doc.Contract, r.proj.Rules, opts, filepath.ToSlash(outRel))
	if err != nil {
		return refusedInvalid, fmt.Errorf("scaffold %s: %w", arg, err)
	}
	r.entries = append(r.entries, entry)
	return accepted, nil
}

// mergeSorted adds b to a, sorted and without duplicates.
func mergeSorted(a, b []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range append(append([]string(nil), a...), b...) {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out
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

// merge adds one contract's files; shared files (generic tests, project
// file) must be identical, anything else generated twice is a clash.
func (r *scaffoldRun) merge(arg string, files map[string][]byte) error {
	for name, data := range files {
		if name == scaffold.ProjectFile {
			// The project skeleton configures marts only when a mart is
			// generated: keep the one that does.
			if prev, ok := r.files[name]; !ok || len(data) > len(prev) {
				r.files[name] = data
			}
			continue
		}
		if prev, ok := r.files[name]; ok && string(prev) != string(data) {
			return UsageErrorf("%s and %s both generate %s; %s", r.owners[name], arg, name, clashHint(name))
		}
		r.files[name] = data
		if _, ok := r.owners[name]; !ok {
			r.owners[name] = arg
		}
	}
	return nil
}

// clashHint says how to tell two contracts' files apart.
func clashHint(name string) string {
	props := strings.HasSuffix(name, "__sources.yml") || strings.HasSuffix(name, "__models.yml")
	if props && strings.HasPrefix(name, "models/staging/") {
		return "contracts on one dbt source need different names (their property files are _<source>__<contract name>__*.yml)"
	}
	return "set the custom property dbtEntity on one schema object, or give one contract a different dbtSource (or --source)"
}

func (r *scaffoldRun) write() error {
	if err := scaffold.CheckIDs(r.root, r.entries...); err != nil {
		return UsageErrorf("%v", err)
	}
	if !r.opts.Check {
		if err := scaffold.CheckLineagePath(r.root); err != nil {
			return err
		}
	}
	rep, err := scaffold.Write(r.out, r.files, scaffold.WriteOptions{Force: r.opts.Force, Check: r.opts.Check, Prune: true})
	if err != nil {
		return err
	}
	if r.opts.Check {
		return r.reportCheck(rep)
	}
	if err := scaffold.UpdateLineage(r.root, r.entries...); err != nil {
		return err
	}
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
	if skipped := rep.Skipped(); len(skipped) > 0 {
		for _, fr := range skipped {
			hint := "re-run with --force to overwrite"
			if fr.Status == scaffold.StatusStale {
				hint = "delete it, or re-run with --force to remove it"
			}
			fmt.Fprintf(io.ErrOut, "skipped %s: %s (%s)\n", r.display(fr.Path), fr.Detail, hint)
		}
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
