package cli

import (
	"os"
	"sync"

	"github.com/dataeng-os/dataeng-os/cmd/dataeng-os/internal/iostreams"
	"github.com/dataeng-os/dataeng-os/kernel"
)

// Factory gives commands their dependencies: streams, environment and the
// lazily loaded project. Tests build one as a literal over iostreams.Test,
// with their own Dir and Getenv.
type Factory struct {
	IO     *iostreams.IOStreams
	Getenv func(string) string
	// Dir is the working directory commands resolve relative paths against.
	Dir string

	// Set by global flags.
	ProjectDir string // --project/-C
	ConfigFile string // --config

	once    sync.Once
	project *kernel.Project
	projErr error
}

// Project loads the project (config, kernel, governance, templates) once.
func (f *Factory) Project() (*kernel.Project, error) {
	f.once.Do(func() {
		dir := f.ProjectDir
		if dir == "" {
			dir = f.Dir
		}
		f.project, f.projErr = kernel.Load(kernel.LoadOptions{
			Dir:        dir,
			ConfigFile: f.ConfigFile,
			Getenv:     f.Getenv,
		})
	})
	return f.project, f.projErr
}

func newFactory(io *iostreams.IOStreams) *Factory {
	wd, err := os.Getwd()
	if err != nil {
		wd = "."
	}
	return &Factory{IO: io, Getenv: os.Getenv, Dir: wd}
}
