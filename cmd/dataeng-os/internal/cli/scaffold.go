package cli

import "github.com/spf13/cobra"

// PLACEHOLDER: replaced by the owner of the scaffold command.
func newScaffoldCmd(f *Factory) *cobra.Command {
	return &cobra.Command{Use: "scaffold", Short: "(scaffold: not built yet)", Hidden: true,
		RunE: func(*cobra.Command, []string) error { return UsageErrorf("scaffold is not built yet") }}
}
