package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/spf13/cobra"

	"github.com/dataeng-os/dataeng-os/contract"
	"github.com/dataeng-os/dataeng-os/internal/msg"
)

type validateOptions struct {
	Format string // text, json, github
	Rules  string // schema, all
	Paths  []string
	Fix    bool   // --fix: mend what can be mended, then validate
	DryRun bool   // with --fix: print a diff, write nothing
	Lang   string // en or pt: the language of messages and hints
}

func newValidateCmd(f *Factory) *cobra.Command {
	opts := &validateOptions{}
	cmd := &cobra.Command{
		Use:   "validate [PATH...]",
		Short: "Check contracts (ODCS schema + governance) and canvases, with file:line findings",
		Long: `Validate ODCS data contracts against the official JSON Schema and the
project's governance rules (specs/governance/*.json), and Product Canvases
against the canvas template's sections.

PATH may be a file, a directory (recursive: *.odcs.yaml, *.odcs.yml, YAML
files under contracts/, Markdown under canvases/) or a glob. With no PATH the
project's contracts/ and canvases/ are validated. Files ending in .md are
checked as canvases. PATH "-" reads one contract from standard input; its
findings name the file <stdin>.

With --fix, fixes that invent no facts are applied first (a missing
apiVersion or kind, a status synonym, naming renames that keep the old
name as physicalName, composite primary-key positions, property order,
v3.0 → v3.1 shapes; RULES.md says which rule is fixable). Each fixed file
is rewritten atomically, comments kept, the fixes are listed on stderr,
and the result is validated. --fix --dry-run prints a unified diff and
writes nothing (exit 1 when something would be fixed). "validate --fix -"
writes the fixed YAML to stdout and its findings to stderr.

Messages and hints are in English unless --lang pt (or $DATAENG_LANG, or a
pt_BR locale) asks for Brazilian Portuguese; rule ids, paths and JSON keys
stay the same.

Exit status: 0 no errors, 1 error findings, 2 usage or I/O problems.`,
		Example: `  dataeng-os validate contracts/
  dataeng-os validate --fix --dry-run contracts/
  dataeng-os validate --format github contracts/ canvases/
  dataeng-os validate --rules schema 'contracts/*.odcs.yaml'`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			return runValidate(f, opts)
		},
	}
	cmd.Flags().StringVar(&opts.Format, "format", "text", "output format: text, json, github or sarif (SARIF 2.1.0, for GitHub code scanning)")
	cmd.Flags().StringVar(&opts.Rules, "rules", "all", "rule layers: schema (YAML + JSON Schema) or all (plus governance)")
	cmd.Flags().BoolVar(&opts.Fix, "fix", false, "apply the fixes that invent no facts (comments kept), then validate")
	cmd.Flags().BoolVar(&opts.DryRun, "dry-run", false, "with --fix: print a unified diff of the fixes, write nothing")
	cmd.Flags().StringVar(&opts.Lang, "lang", "", "language of messages and hints: en or pt (default: $DATAENG_LANG or the locale)")
	return cmd
}

// checked is the result for one file.
type checked struct {
	file     string
	findings []contract.Finding
	id       *contract.ContractID // where a contract declares its id, for gov-id-duplicate
	err      error                // the file could not be read
	arg      string               // the path as the walk named it ("-" for stdin): the order of results
}

// checkFlags refuses bad flag values and combinations.
func (opts *validateOptions) checkFlags() error {
	switch {
	case !slices.Contains([]string{"text", "json", "github", "sarif"}, opts.Format):
		return UsageErrorf("--format must be text, json, github or sarif, not %q", opts.Format)
	case opts.Rules != "schema" && opts.Rules != "all":
		return UsageErrorf("--rules must be schema or all, not %q", opts.Rules)
	case opts.DryRun && !opts.Fix:
		return UsageErrorf("--dry-run needs --fix")
	case opts.Lang != "" && msg.Normalize(opts.Lang) != msg.PT && !strings.HasPrefix(strings.ToLower(opts.Lang), "en"):
		return UsageErrorf("--lang must be en or pt, not %q", opts.Lang)
	}
	return nil
}

func runValidate(f *Factory, opts *validateOptions) error {
	if err := opts.checkFlags(); err != nil {
		return err
	}
	p, err := f.Project()
	if err != nil {
		return fmt.Errorf("load project: %w", err)
	}
	rules := p.Rules
	rules.SchemaOnly = opts.Rules == "schema"
	walk := func(emit func(string)) (int, error) { return walkFiles(f.Dir, opts.Paths, p, emit) }
	var fixErr error
	if opts.Fix {
		files, skipped, err := collectFiles(f.Dir, opts.Paths, p)
		if err != nil {
			return err
		}
		if len(files) > 0 {
			var done bool
			if done, fixErr = runFix(f, opts, files, rules); done {
				return fixErr
			}
		}
		walk = listed(files, skipped)
	}
	results, skipped, ioErr, err := checkFiles(f.Dir, walk, rules, p.Templates.Canvas, f.IO.In)
	if err != nil {
		return err
	}
	if skipped > 0 {
		verb := "are"
		if skipped == 1 {
			verb = "is"
		}
		fmt.Fprintf(f.IO.ErrOut, "skipped %s that %s not contracts (YAML/JSON without kind: DataContract)\n", plural(skipped, "file"), verb)
	}
	if len(results) == 0 {
		fmt.Fprintln(f.IO.ErrOut, "no contracts or canvases to validate")
		if opts.Format == "json" {
			fmt.Fprintln(f.IO.Out, "[]")
		}
		return nil
	}
	addDuplicateIDs(results, rules)
	localizeResults(results, opts.lang(f.Getenv))
	if err := writeFindings(f, opts.Format, results); err != nil {
		return err
	}
	if err := errors.Join(ioErr, fixErr); err != nil {
		return err
	}
	for _, r := range results {
		if contract.HasErrors(r.findings) {
			return ErrFindings
		}
	}
	return nil
}

// lang is the language of the findings: --lang, else the environment.
func (opts *validateOptions) lang(getenv func(string) string) string {
	if opts.Lang != "" {
		return msg.Normalize(opts.Lang)
	}
	if getenv == nil {
		return ""
	}
	return msg.FromEnv(getenv)
}

// localizeResults renders every finding's message and hint in lang.
func localizeResults(results []checked, lang string) {
	for i := range results {
		results[i].findings = contract.Localize(results[i].findings, lang)
	}
}

// checkFiles validates the files that walk emits, concurrently, while the
// walk goes on; results come sorted by file, each file once. A file that
// cannot be read is reported and makes ioErr non-nil; walkErr is the
// walk's own error. The file "-" is read from stdin.
func checkFiles(dir string, walk func(emit func(string)) (int, error), rules contract.Rules, canvasTemplate string, stdin io.Reader) (results []checked, skipped int, ioErr, walkErr error) {
	files := make(chan string, 256)
	go func() {
		defer close(files)
		skipped, walkErr = walk(func(f string) { files <- f })
	}()
	n := runtime.GOMAXPROCS(0)
	done := make([][]checked, n)
	var wg sync.WaitGroup
	for w := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf []byte // one read buffer per worker: nothing keeps a file's bytes after its check
			for file := range files {
				var r checked
				if file == stdinArg {
					r = checkStdin(stdin, rules)
				} else {
					r = checkFile(dir, file, rules, canvasTemplate, &buf)
				}
				r.arg = file
				done[w] = append(done[w], r)
			}
		}()
	}
	wg.Wait()
	results = slices.Concat(done...)
	slices.SortStableFunc(results, func(a, b checked) int { return strings.Compare(a.arg, b.arg) })
	results = slices.CompactFunc(results, func(a, b checked) bool { return a.arg == b.arg })
	var errs []error
	for _, r := range results {
		errs = append(errs, r.err)
	}
	return results, skipped, errors.Join(errs...), walkErr
}

// listed is a walk over files already collected.
func listed(files []string, skipped int) func(emit func(string)) (int, error) {
	return func(emit func(string)) (int, error) {
		for _, f := range files {
			emit(f)
		}
		return skipped, nil
	}
}

// checkStdin validates a contract read from standard input, named stdinName
// in findings.
func checkStdin(in io.Reader, rules contract.Rules) checked {
	if in == nil {
		in = strings.NewReader("")
	}
	data, err := readAllLimited(in, rules.MaxBytes)
	if err != nil {
		return checked{file: stdinName, err: fmt.Errorf("read %s: %w", stdinName, err)}
	}
	return lint(stdinName, data, rules)
}

// checkFile checks one file read into *buf; the findings copy what they
// quote, so the next file may overwrite it.
func checkFile(dir, file string, rules contract.Rules, canvasTemplate string, buf *[]byte) checked {
	data, err := readLimitedInto(resolve(dir, file), rules.MaxBytes, *buf)
	if cap(data) > cap(*buf) && cap(data) <= 1<<20 {
		*buf = data[:0] // keep the larger buffer, up to 1 MB
	}
	if err != nil {
		return checked{file: file, err: fmt.Errorf("read %s: %w", file, err)}
	}
	if strings.EqualFold(filepath.Ext(file), ".md") {
		return checked{file: file, findings: contract.CheckCanvas(file, data, canvasTemplate)}
	}
	if bytes.Contains(data, []byte("dataContractSpecification")) && contract.Sniff(data) == contract.KindDCS {
		return checked{file: file, findings: []contract.Finding{contract.NotODCS(file, data)}}
	}
	return lint(file, data, rules)
}

// lint checks one contract, keeping its findings and id (not the parsed
// document, whose memory the next file reuses).
func lint(file string, data []byte, rules contract.Rules) checked {
	fs, id, ok := contract.Lint(file, data, rules)
	c := checked{file: file, findings: fs}
	if ok {
		c.id = &id
	}
	return c
}

// addDuplicateIDs adds gov-id-duplicate to every contract of the run whose
// id an earlier one (in file order) already has.
func addDuplicateIDs(results []checked, rules contract.Rules) {
	var ids []contract.ContractID
	at := map[string]int{}
	for i, r := range results {
		if r.id != nil {
			ids = append(ids, *r.id)
			at[r.file] = i
		}
	}
	for _, f := range contract.DuplicateIDs(ids, rules) {
		r := &results[at[f.File]]
		r.findings = append(r.findings, f)
		contract.SortFindings(r.findings)
	}
}
