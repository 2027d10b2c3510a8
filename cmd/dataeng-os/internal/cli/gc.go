package cli

import (
	"runtime/debug"
	"strings"
)

// oneShotGCPercent is the garbage collector's target for a one-shot
// command. `validate`, `diff`, `upgrade`, `scaffold` and the like live for
// milliseconds to seconds and allocate mostly short-lived parse trees:
// collecting at 4× the live heap instead of 2× cut a one-file validate from
// six collections to two and 10,000 small files from 0.93 s to 0.56 s
// wall, with the same peak RSS (bench/README.md).
const oneShotGCPercent = 400

// longRunning are the commands that stay up (the cockpit, a chat, a batch
// of model calls): they keep Go's default so their memory stays flat.
var longRunning = map[string]bool{"serve": true, "chat": true, "draft": true, "demo": true}

// tuneGC raises the collector's target for one-shot commands, unless the
// person set GOGC.
func tuneGC(args []string, getenv func(string) string) {
	if oneShot(args, getenv) {
		debug.SetGCPercent(oneShotGCPercent)
	}
}

// oneShot reports a command line whose command is not long-running, with
// GOGC unset. The command is the first argument that is not a flag (a
// flag's value may follow it: `-C dir`).
func oneShot(args []string, getenv func(string) string) bool {
	if getenv("GOGC") != "" {
		return false
	}
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "-C" || a == "--project" || a == "--config":
			i++ // its value
		case strings.HasPrefix(a, "-"):
		default:
			return !longRunning[a]
		}
	}
	return false
}
