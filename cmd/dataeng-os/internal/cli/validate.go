package cli

import "github.com/spf13/cobra"

// PLACEHOLDER: replaced by the owner of the validate command.
func newValidateCmd(f *Factory) *cobra.Command {
	return &cobra.Command{Use: "validate", Short: "(validate: not built yet)", Hidden: true,
		RunE: func(*cobra.Command, []string) error { return UsageErrorf("validate is not built yet") }}
}
