package cli

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/dataeng-os/dataeng-os/contract/fix"
	"github.com/dataeng-os/dataeng-os/internal/atomicfile"
	"github.com/dataeng-os/dataeng-os/scaffold"

	"github.com/spf13/cobra"

	"github.com/dataeng-os/dataeng-os/contract"
)

type upgradeOptions struct {
	File   string
	Output string
	Force  bool
	To     string // v3.1.0 (default) or v3.2.0
	DryRun bool   // print a unified diff, write nothing
}

func newUpgradeCmd(f *Factory) *cobra.Command {
	opts := &upgradeOptions{}
	cmd := &cobra.Command{
		Use:   "upgrade FILE [-o OUT]",
		Short: "Upgrade an ODCS v2.2.x or v3.0.x contract to v3.1.0 (or v3.2.0)",
		Long: `Upgrade an ODCS v2.2.x contract to v3.1.0: uuid→id, quantumName→dataProduct,
datasetDomain→domain, dataset/columns→schema/properties, isPrimaryKey→primaryKey,
isNullable→required (inverted), stakeholders→team members. Credentials are
dropped and v2 fields without a v3 home are kept as customProperties; each
such change is reported on stderr. v3.0.x files get the v3.1.0 shapes (team
list → team.members, quality rule → metric). Comments and key order are kept
on the keys that hold the same facts; --to v3.2.0 targets the newer schema;
--dry-run prints a unified diff. When the result would not pass the target
schema, nothing is written and what needs a person is listed.

The result is written to stdout, or atomically to OUT with -o. An existing
OUT is never overwritten without --force.`,
		Example: `  dataeng-os upgrade old.yaml -o contracts/orders.odcs.yaml`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.File = args[0]
			return runUpgrade(f, opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "write the v3.1.0 contract to this file instead of stdout")
	cmd.Flags().BoolVar(&opts.Force, "force", false, "overwrite OUT if it exists")
	cmd.Flags().StringVar(&opts.To, "to", contract.APIVersion, "target ODCS version: v3.1.0 or v3.2.0")
	cmd.Flags().BoolVar(&opts.DryRun, "dry-run", false, "print a unified diff of the change and write nothing")
	return cmd
}

func runUpgrade(f *Factory, opts *upgradeOptions) error {
	if opts.To != "v3.1.0" && opts.To != "v3.2.0" {
		return UsageErrorf("--to must be v3.1.0 or v3.2.0, not %q", opts.To)
	}
	data, err := readLimited(resolve(f.Dir, opts.File), 0)
	if err != nil {
		return fmt.Errorf("read %s: %w", opts.File, err)
	}
	doc, fs := contract.Parse(opts.File, data)
	if doc == nil || contract.HasErrors(fs) {
		for _, x := range fs {
			fmt.Fprintln(f.IO.ErrOut, x.String())
		}
		return ErrFindings
	}
	out, warnings, err := upgraded(opts, doc, data)
	if err != nil {
		return err
	}
	for _, w := range warnings {
		fmt.Fprintln(f.IO.ErrOut, "warning: "+w)
	}
	if _, after := contract.Check(opts.File, out, contract.Rules{SchemaOnly: true}); contract.HasErrors(after) {
		return needsPerson(f, opts, after)
	}
	if opts.DryRun {
		fmt.Fprint(f.IO.Out, scaffold.UnifiedDiff(opts.File, firstNonEmpty(opts.Output, opts.File+" (upgraded)"), data, out))
		return nil
	}
	if opts.Output == "" {
		_, err := f.IO.Out.Write(out)
		return err
	}
	if err := writeAtomic(resolve(f.Dir, opts.Output), out, opts.Force); err != nil {
		return err
	}
	fmt.Fprintf(f.IO.ErrOut, "wrote %s (ODCS %s)\n", opts.Output, contract.APIVersion)
	return nil
}

// writeAtomic writes data to path through a temporary file and a rename,
// refusing to replace an existing file unless force is set.
func writeAtomic(path string, data []byte, force bool) error {
	if force {
		return atomicfile.WriteFile(path, data, 0o644)
	}
	if err := atomicfile.CreateNew(path, data, 0o644); err != nil {
		if errors.Is(err, atomicfile.ErrExists) {
			return fmt.Errorf("%s exists: use --force to overwrite it", path)
		}
		return err
	}
	return nil
}

// needsPerson reports what keeps the upgraded contract from passing the
// target schema, by contract path (the upgraded file was never written,
// so no line of it is named), and writes nothing.
func needsPerson(f *Factory, opts *upgradeOptions, fs []contract.Finding) error {
	fmt.Fprintf(f.IO.ErrOut, "%s: the upgrade to %s needs manual changes; nothing was written:\n", opts.File, opts.To)
	for _, x := range fs {
		if x.Severity != contract.SeverityError {
			continue
		}
		line := "  - " + firstNonEmpty(x.Path, "(top level)") + ": " + x.Message
		if x.Hint != "" {
			line += " (" + x.Hint + ")"
		}
		fmt.Fprintln(f.IO.ErrOut, line)
	}
	fmt.Fprintf(f.IO.ErrOut, "fix these in %s (or in the upgraded output), then run the upgrade again\n", opts.File)
	return ErrFindings
}

// upgraded converts the document. A v3.0.x file is edited on its YAML node
// tree by the same fixer as `validate --fix` (comments, key order and
// formatting kept); a v2.2.x file is rebuilt from the typed model, and
// its comments and key order are carried over to the renamed keys.
func upgraded(opts *upgradeOptions, doc *contract.Document, data []byte) ([]byte, []string, error) {
	if strings.HasPrefix(doc.APIVersion, "v3.0.") {
		out, applied, err := fix.Apply(opts.File, data, contract.Rules{SchemaOnly: true})
		if err == nil && len(applied) > 0 {
			var notes []string
			for _, a := range applied {
				notes = append(notes, a.String())
			}
			if opts.To != contract.APIVersion {
				out = bytes.Replace(out, []byte("apiVersion: "+contract.APIVersion), []byte("apiVersion: "+opts.To), 1)
			}
			return out, notes, nil
		}
	}
	c, warnings, err := contract.Upgrade(doc)
	if err != nil {
		return nil, nil, err
	}
	c.APIVersion = opts.To
	out, err := contract.Marshal(c)
	if err != nil {
		return nil, nil, fmt.Errorf("upgrade %s: %w", opts.File, err)
	}
	kept, err := fix.Transplant(data, out, contract.V2Path)
	if err != nil {
		warnings = append(warnings, "the comments of "+opts.File+" could not be carried over: "+err.Error())
	}
	return kept, warnings, nil
}
