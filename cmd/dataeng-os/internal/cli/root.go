// Package cli is the dataeng-os command line: one file per subcommand, each
// with an options struct, a constructor and a run function. All output goes
// through iostreams; exit codes are mapped in exit.go.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dataeng-os/dataeng-os/cmd/dataeng-os/internal/iostreams"
	"github.com/dataeng-os/dataeng-os/kernel"
)

// Run executes the CLI with args (without the program name) and returns the
// process exit code.
func Run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	tuneGC(args, os.Getenv)
	f := newFactory(iostreams.System(stdin, stdout, stderr))
	return RunWith(f, args)
}

// RunWith executes the CLI with a prepared factory (tests).
func RunWith(f *Factory, args []string) int {
	root := NewRootCmd(f)
	root.SetArgs(args)
	err := root.ExecuteContext(context.Background())
	if err != nil && !errors.Is(err, ErrFindings) {
		fmt.Fprintln(f.IO.ErrOut, "error: "+err.Error())
		var ue usageError
		if errors.As(err, &ue) {
			fmt.Fprintln(f.IO.ErrOut, "run 'dataeng-os --help' for usage")
		}
	}
	return exitCode(err)
}

// NewRootCmd builds the command tree.
func NewRootCmd(f *Factory) *cobra.Command {
	root := &cobra.Command{
		Use:           "dataeng-os",
		Short:         "Data contracts the way a data team works",
		Long:          rootLong(),
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       versionString(),
	}
	root.SetIn(f.IO.In)
	root.SetOut(f.IO.Out)
	root.SetErr(f.IO.ErrOut)
	root.PersistentFlags().StringVarP(&f.ProjectDir, "project", "C", "", "project directory (default: walk up from the current directory to dataeng-os.toml)")
	root.PersistentFlags().StringVar(&f.ConfigFile, "config", "", "extra config file layered over the project's")
	root.PersistentFlags().Bool("no-color", false, "disable colour")
	root.PersistentPreRun = func(cmd *cobra.Command, _ []string) {
		if v, _ := cmd.Flags().GetBool("no-color"); v {
			f.IO.SetColorEnabled(false)
		}
	}
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return UsageErrorf("%v", err) })
	root.Args = func(_ *cobra.Command, args []string) error {
		if len(args) > 0 {
			return fmt.Errorf("unknown command %q for \"dataeng-os\"", args[0])
		}
		return nil
	}
	root.RunE = func(cmd *cobra.Command, _ []string) error { return cmd.Help() }
	root.AddCommand(
		newInitCmd(f), newDoctorCmd(f), newVersionCmd(f),
		newValidateCmd(f), newDiffCmd(f), newUpgradeCmd(f),
		newScaffoldCmd(f), newLineageCmd(f),
		newModelsCmd(f),
		newChatCmd(f), newSessionsCmd(f), newDemoCmd(f),
		newDraftCmd(f),
		newServeCmd(f),
	)
	typeUsageErrors(root)
	return root
}

// typeUsageErrors makes every command's argument check (and the required
// flags check) return a usageError, so that exit codes and the usage hint
// come from the error's type, never from matching its text.
func typeUsageErrors(c *cobra.Command) {
	if check := c.Args; check != nil {
		c.Args = func(cmd *cobra.Command, args []string) error {
			if err := check(cmd, args); err != nil {
				return usageError{err}
			}
			return nil
		}
	}
	for _, sub := range c.Commands() {
		typeUsageErrors(sub)
	}
}

func rootLong() string {
	var b strings.Builder
	b.WriteString("DataEngOS drafts, validates and scaffolds ODCS v3.1.0 data contracts.\n\n")
	b.WriteString("Environment variables:\n")
	for _, v := range kernel.EnvVars {
		fmt.Fprintf(&b, "  %-22s %s\n", v.Name, v.Help)
	}
	return b.String()
}
