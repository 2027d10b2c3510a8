package cli

import (
	"errors"
	"fmt"

	"github.com/dataeng-os/dataeng-os/internal/atomicfile"

	"github.com/spf13/cobra"

	"github.com/dataeng-os/dataeng-os/contract"
)

type upgradeOptions struct {
	File   string
	Output string
	Force  bool
}

func newUpgradeCmd(f *Factory) *cobra.Command {
	opts := &upgradeOptions{}
	cmd := &cobra.Command{
		Use:   "upgrade FILE [-o OUT]",
		Short: "Upgrade an ODCS v2.2.x contract to v3.1.0",
		Long: `Upgrade an ODCS v2.2.x contract to v3.1.0: uuid→id, quantumName→dataProduct,
datasetDomain→domain, dataset/columns→schema/properties, isPrimaryKey→primaryKey,
isNullable→required (inverted), stakeholders→team members. Credentials are
dropped and v2 fields without a v3 home are kept as customProperties; each
such change is reported on stderr.

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
	return cmd
}

func runUpgrade(f *Factory, opts *upgradeOptions) error {
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
	c, warnings, err := contract.Upgrade(doc)
	if err != nil {
		return err
	}
	out, err := contract.Marshal(c)
	if err != nil {
		return fmt.Errorf("upgrade %s: %w", opts.File, err)
	}
	for _, w := range warnings {
		fmt.Fprintln(f.IO.ErrOut, "warning: "+w)
	}
	if _, after := contract.Check(opts.Output, out, contract.Rules{SchemaOnly: true}); contract.HasErrors(after) {
		for _, x := range after {
			fmt.Fprintln(f.IO.ErrOut, x.String())
		}
		return fmt.Errorf("upgrade %s: the result does not pass the ODCS v3.1.0 schema (a bug: please report it)", opts.File)
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
