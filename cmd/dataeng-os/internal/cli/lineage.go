package cli

import "github.com/spf13/cobra"

// PLACEHOLDER: replaced by the owner of the lineage command.
func newLineageCmd(f *Factory) *cobra.Command {
	return &cobra.Command{Use: "lineage", Short: "(lineage: not built yet)", Hidden: true,
		RunE: func(*cobra.Command, []string) error { return UsageErrorf("lineage is not built yet") }}
}
