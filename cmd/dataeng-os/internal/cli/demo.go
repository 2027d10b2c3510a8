package cli

import "github.com/spf13/cobra"

// PLACEHOLDER: replaced by the owner of the demo command.
func newDemoCmd(f *Factory) *cobra.Command {
	return &cobra.Command{Use: "demo", Short: "(demo: not built yet)", Hidden: true,
		RunE: func(*cobra.Command, []string) error { return UsageErrorf("demo is not built yet") }}
}
