package cli

import "github.com/spf13/cobra"

// PLACEHOLDER: replaced by the owner of the sessions command.
func newSessionsCmd(f *Factory) *cobra.Command {
	return &cobra.Command{Use: "sessions", Short: "(sessions: not built yet)", Hidden: true,
		RunE: func(*cobra.Command, []string) error { return UsageErrorf("sessions is not built yet") }}
}
