package cli

import "github.com/spf13/cobra"

// PLACEHOLDER: replaced by the owner of the init command.
func newInitCmd(f *Factory) *cobra.Command {
	return &cobra.Command{Use: "init", Short: "(init: not built yet)", Hidden: true,
		RunE: func(*cobra.Command, []string) error { return UsageErrorf("init is not built yet") }}
}
