// Command dataeng-os is the DataEngOS CLI: an Architect that drafts ODCS data
// contracts with stakeholders, a validator, a dbt scaffolder and a cockpit.
package main

import (
	"os"

	"github.com/dataeng-os/dataeng-os/cmd/dataeng-os/internal/cli"
)

func main() {
	os.Exit(cli.Run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
