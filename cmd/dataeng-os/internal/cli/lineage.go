package cli

import (
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dataeng-os/dataeng-os/scaffold"
)

type lineageOptions struct {
	Format string
}

func newLineageCmd(f *Factory) *cobra.Command {
	opts := &lineageOptions{}
	cmd := &cobra.Command{
		Use:   "lineage [--format mermaid|dot|json]",
		Short: "Show the canvas → contract → dbt model lineage of the project",
		Long: `Lineage prints the project's graph: each canvas (canvases/*.md) links to its
contract (contracts/<name>.odcs.yaml), each contract to its schema objects,
and each object to the staging and mart models scaffold generated for it
(recorded in .dataeng-os/lineage.json).`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error { return runLineage(f, opts) },
	}
	cmd.Flags().StringVar(&opts.Format, "format", "mermaid", "output format: mermaid, dot or json")
	return cmd
}

func runLineage(f *Factory, opts *lineageOptions) error {
	switch opts.Format {
	case "mermaid", "dot", "json":
	default:
		return UsageErrorf("--format %q: use mermaid, dot or json", opts.Format)
	}
	proj, err := f.Project()
	if err != nil {
		return err
	}
	root := proj.Root
	if root == "" {
		root = f.Dir
	}
	g, err := scaffold.LoadLineage(root)
	if err != nil {
		return err
	}
	switch opts.Format {
	case "dot":
		_, err = fmt.Fprint(f.IO.Out, scaffold.DOT(g))
	case "json":
		enc := json.NewEncoder(f.IO.Out)
		enc.SetIndent("", "  ")
		err = enc.Encode(g)
	default:
		_, err = fmt.Fprint(f.IO.Out, scaffold.Mermaid(g))
	}
	return err
}
