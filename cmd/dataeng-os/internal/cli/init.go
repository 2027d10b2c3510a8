package cli

import (
	"fmt"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/dataeng-os/dataeng-os/kernel"
)

// InitOptions are the flags and arguments of `dataeng-os init`.
type InitOptions struct {
	f     *Factory
	Dir   string
	Force bool
	Name  string
}

func newInitCmd(f *Factory) *cobra.Command {
	opts := &InitOptions{f: f}
	cmd := &cobra.Command{
		Use:   "init [DIR]",
		Short: "Create a DataEngOS project (kernel, governance, templates, folders)",
		Long: `Create a DataEngOS project in DIR (default: the current directory).

init never overwrites an existing file; it reports what it created and what it
skipped. Use --force to rewrite every file with the embedded defaults.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.Dir = f.Dir
			if len(args) == 1 {
				opts.Dir = resolvePath(f.Dir, args[0])
			}
			return runInit(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Force, "force", false, "rewrite existing files with the embedded defaults")
	cmd.Flags().StringVar(&opts.Name, "name", "", "dbt project name (default: derived from the directory name)")
	return cmd
}

func runInit(opts *InitOptions) error {
	io := opts.f.IO
	res, err := kernel.InitProject(opts.Dir, kernel.InitOptions{Force: opts.Force, Name: opts.Name})
	if err != nil {
		return err
	}
	for _, p := range res.Created {
		fmt.Fprintf(io.Out, "created  %s\n", p)
	}
	for _, p := range res.Rewrote {
		fmt.Fprintf(io.Out, "rewrote  %s\n", p)
	}
	for _, p := range res.Skipped {
		fmt.Fprintf(io.Out, "skipped  %s (exists; --force rewrites)\n", p)
	}
	fmt.Fprintf(io.ErrOut, "%s project in %s: %d created, %d rewritten, %d skipped\n",
		io.Green("DataEngOS"), res.Root, len(res.Created), len(res.Rewrote), len(res.Skipped))
	fmt.Fprintln(io.ErrOut, "next: dataeng-os chat   (talk with the Architect; no model needed in guided mode)")
	return nil
}

// resolvePath makes p absolute against dir.
func resolvePath(dir, p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(dir, p)
}
