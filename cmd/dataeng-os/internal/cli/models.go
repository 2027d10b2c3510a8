package cli

import "github.com/spf13/cobra"

// PLACEHOLDER: replaced by the owner of the models command.
func newModelsCmd(f *Factory) *cobra.Command {
	return &cobra.Command{Use: "models", Short: "(models: not built yet)", Hidden: true,
		RunE: func(*cobra.Command, []string) error { return UsageErrorf("models is not built yet") }}
}
