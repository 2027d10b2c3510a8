package cli

import "github.com/spf13/cobra"

// PLACEHOLDER: replaced by the owner of the doctor command.
func newDoctorCmd(f *Factory) *cobra.Command {
	return &cobra.Command{Use: "doctor", Short: "(doctor: not built yet)", Hidden: true,
		RunE: func(*cobra.Command, []string) error { return UsageErrorf("doctor is not built yet") }}
}
