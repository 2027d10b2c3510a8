package cli

import "github.com/spf13/cobra"

// PLACEHOLDER: replaced by the owner of the upgrade command.
func newUpgradeCmd(f *Factory) *cobra.Command {
	return &cobra.Command{Use: "upgrade", Short: "(upgrade: not built yet)", Hidden: true,
		RunE: func(*cobra.Command, []string) error { return UsageErrorf("upgrade is not built yet") }}
}
