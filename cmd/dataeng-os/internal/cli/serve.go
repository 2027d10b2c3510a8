package cli

import "github.com/spf13/cobra"

// PLACEHOLDER: replaced by the owner of the serve command.
func newServeCmd(f *Factory) *cobra.Command {
	return &cobra.Command{Use: "serve", Short: "(serve: not built yet)", Hidden: true,
		RunE: func(*cobra.Command, []string) error { return UsageErrorf("serve is not built yet") }}
}
