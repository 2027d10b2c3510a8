package main

import (
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/dataeng-os/dataeng-os/cmd/dataeng-os/internal/cli"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"dataeng-os": func() { os.Exit(cli.Run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// TestScript runs the CLI end-to-end scripts in testdata/script/*.txtar.
// Each script runs in a fresh directory with no provider keys in the
// environment. $ODCS_EXAMPLES is the folder of vendored official ODCS
// examples and $NOTES the folder of vendored sample notes, both inside the
// module.
func TestScript(t *testing.T) {
	t.Parallel()
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		Setup: func(env *testscript.Env) error {
			env.Setenv("ODCS_EXAMPLES", odcsExamplesDir())
			env.Setenv("NOTES", notesDir())
			env.Setenv("NO_COLOR", "1")
			env.Setenv("XDG_CONFIG_HOME", env.WorkDir+"/.xdg")
			return nil
		},
	})
}
