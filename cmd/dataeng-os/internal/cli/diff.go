package cli

import (
	"fmt"
	"io"
	"slices"

	"github.com/spf13/cobra"

	"github.com/dataeng-os/dataeng-os/contract"
	"github.com/dataeng-os/dataeng-os/contract/diff"
)

type diffOptions struct {
	Format string // text, json, github, markdown
	Base   string // git revision to compare the working tree with
	Args   []string
}

var diffFormats = []string{"text", "json", "github", "markdown"}

func newDiffCmd(f *Factory) *cobra.Command {
	opts := &diffOptions{}
	cmd := &cobra.Command{
		Use:   "diff OLD NEW | diff --base REV [PATH...]",
		Short: "Report the breaking changes between two versions of a contract, with a semver gate",
		Long: `Compare two versions of ODCS contracts on the parsed model and report
every change with a stable rule id and a level: breaking (consumers' promises
broken), warning, or info (additive). The semver gate then checks that the
version bump is honest: a breaking change needs a major bump, an additive one
a minor bump, and the status may not go back (active → draft). Rules and
levels are documented in contract/BREAKING.md; policy.json's "rules" map
changes a level.

With two files, OLD is compared with NEW. With --base REV, each contract
under PATH (files or directories, default contracts/) is compared with the
same path at the git revision REV; a contract that moved is found by its id.

Exit status: 0 no breaking changes, 1 breaking changes or semver-gate errors,
2 usage or I/O problems.`,
		Example: `  dataeng-os diff old/orders.odcs.yaml contracts/orders.odcs.yaml
  dataeng-os diff --base origin/main contracts/
  dataeng-os diff --base origin/main --format markdown > comment.md`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Args = args
			return runDiff(f, opts)
		},
	}
	cmd.Flags().StringVar(&opts.Format, "format", "text", "output format: text, json, github or markdown")
	cmd.Flags().StringVar(&opts.Base, "base", "", "git revision to compare the working tree's contracts with (e.g. origin/main)")
	return cmd
}

// revFile is one side of a comparison: a name to show and the contract
// bytes (nil when the contract does not exist on that side).
type revFile struct {
	name string
	data []byte
}

// diffPair is one contract to compare; path is its working-tree file.
type diffPair struct {
	path     string
	old, new revFile
}

func runDiff(f *Factory, opts *diffOptions) error {
	if !slices.Contains(diffFormats, opts.Format) {
		return UsageErrorf("--format must be text, json, github or markdown, not %q", opts.Format)
	}
	if opts.Base == "" && len(opts.Args) != 2 {
		return UsageErrorf("diff takes OLD and NEW files, or --base REV and paths")
	}
	p, err := f.Project()
	if err != nil {
		return fmt.Errorf("load project: %w", err)
	}
	var pairs []diffPair
	if opts.Base == "" {
		pairs, err = filePairs(f.Dir, opts.Args, p.Rules.MaxBytes)
	} else {
		pairs, err = basePairs(f, opts.Base, opts.Args)
	}
	if err != nil {
		return err
	}
	if len(pairs) == 0 {
		fmt.Fprintln(f.IO.ErrOut, "no contracts to compare")
	}
	reports, err := compareAll(pairs, diff.FromRules(p.Rules.Policy), p.Rules.MaxBytes)
	if err != nil {
		return err
	}
	if err := writeDiff(f, opts.Format, reports); err != nil {
		return fmt.Errorf("write diff: %w", err)
	}
	for _, r := range reports {
		if diff.Fails(r.Changes) {
			return ErrFindings
		}
	}
	return nil
}

// filePairs reads OLD and NEW from disk.
func filePairs(dir string, args []string, maxBytes int64) ([]diffPair, error) {
	pair := diffPair{path: args[1]}
	for i, v := range []*revFile{&pair.old, &pair.new} {
		data, err := readLimited(resolve(dir, args[i]), maxBytes)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", args[i], err)
		}
		*v = revFile{name: args[i], data: data}
	}
	return []diffPair{pair}, nil
}

// compareAll parses and compares every pair.
func compareAll(pairs []diffPair, pol diff.Policy, maxBytes int64) ([]diff.Report, error) {
	reports := make([]diff.Report, 0, len(pairs))
	for _, pr := range pairs {
		oldDoc, err := parseVersion(pr.old, maxBytes)
		if err != nil {
			return nil, err
		}
		newDoc, err := parseVersion(pr.new, maxBytes)
		if err != nil {
			return nil, err
		}
		r := diff.Report{Path: pr.path, Changes: diff.Compare(oldDoc, newDoc, pol)}
		if oldDoc != nil {
			r.Old = pr.old.name
		}
		if newDoc != nil {
			r.New = pr.new.name
		}
		reports = append(reports, r)
	}
	return reports, nil
}

// parseVersion parses one side; nil data is a missing contract. A file
// that is not YAML is an error: validate reports the details.
func parseVersion(v revFile, maxBytes int64) (*contract.Document, error) {
	if v.data == nil {
		return nil, nil
	}
	doc, fs := contract.ParseLimit(v.name, v.data, maxBytes)
	if doc == nil {
		msg := "not a contract"
		if len(fs) > 0 {
			msg = fs[0].Message
		}
		return nil, fmt.Errorf("parse %s: %s (run dataeng-os validate for details)", v.name, msg)
	}
	return doc, nil
}

func writeDiff(f *Factory, format string, reports []diff.Report) error {
	writers := map[string]func(io.Writer, []diff.Report) error{
		"text": diff.WriteText, "json": diff.WriteJSON, "github": diff.WriteGitHub, "markdown": diff.WriteMarkdown,
	}
	if err := writers[format](f.IO.Out, reports); err != nil {
		return err
	}
	if format != "text" {
		fmt.Fprintln(f.IO.ErrOut, diff.Summary(reports))
	}
	return nil
}
