package cli

import "github.com/spf13/cobra"

// PLACEHOLDER: replaced by the owner of the draft command.
func newDraftCmd(f *Factory) *cobra.Command {
	return &cobra.Command{Use: "draft", Short: "(draft: not built yet)", Hidden: true,
		RunE: func(*cobra.Command, []string) error { return UsageErrorf("draft is not built yet") }}
}
