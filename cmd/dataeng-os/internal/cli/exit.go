package cli

import (
	"errors"
	"fmt"
)

// Exit codes, mapped in one place.
const (
	ExitOK       = 0 // success
	ExitFindings = 1 // the command ran and found problems (validation errors, drift, drafts needing a human)
	ExitUsage    = 2 // usage or I/O error
)

// ErrFindings is returned by a command whose output already told the user
// about the problems; it maps to exit 1 without printing anything more.
var ErrFindings = errors.New("findings reported")

// usageError marks an error caused by how the command was called.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// UsageErrorf builds an error that maps to exit 2 and is printed with a hint
// to run --help.
func UsageErrorf(format string, args ...any) error {
	return usageError{fmt.Errorf(format, args...)}
}

// exitCode maps a command error to the process exit code.
func exitCode(err error) int {
	switch {
	case err == nil:
		return ExitOK
	case errors.Is(err, ErrFindings):
		return ExitFindings
	default:
		return ExitUsage
	}
}
