package cli

import "github.com/spf13/cobra"

// PLACEHOLDER: replaced by the owner of the chat command.
func newChatCmd(f *Factory) *cobra.Command {
	return &cobra.Command{Use: "chat", Short: "(chat: not built yet)", Hidden: true,
		RunE: func(*cobra.Command, []string) error { return UsageErrorf("chat is not built yet") }}
}
