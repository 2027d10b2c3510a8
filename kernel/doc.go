// Package kernel finds a DataEngOS project and loads what steers it: the
// layered configuration (flags > DATAENG_* env > project dataeng-os.toml >
// user config > defaults), the Architect's system_kernel.md, the governance
// files and the templates. Embedded defaults load first, then the user's
// files, then the project's; the later one wins, and every file used is
// recorded. It also owns the project layout that `init` writes.
package kernel
