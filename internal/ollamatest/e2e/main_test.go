// Package e2e runs the Architect against the real Ollama engine with
// SmolLM2-135M-Instruct: in process (agent.DraftFromNotes) and through the
// real dataeng-os binary (draft, chat, doctor). It records what the small
// model achieves; it asserts the mechanics, never the model's wisdom.
package e2e

import (
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/dataeng-os/dataeng-os/internal/ollamatest"
)

// fx is the package's shared real Ollama server.
var fx *ollamatest.Fixture

// smolCtx is the num_ctx every SmolLM2 call uses (a new value reloads it).
const smolCtx = 8192

// guard bounds one model call; speed is recorded, never asserted.
const guard = 5 * time.Minute

func TestMain(m *testing.M) {
	var err error
	if fx, err = ollamatest.NewFixture(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	code := m.Run()
	fx.Close()
	os.Exit(code)
}
