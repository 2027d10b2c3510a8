package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dataeng-os/dataeng-os/internal/ollamatest"
)

// chatScript is a stakeholder's side of a short terminal session.
const chatScript = `We need a contract for the checkout orders table. Columns: order_id (uuid, primary key), customer_email (PII, mask it with a hash), status, total_amount_cents, created_at. Owner: the checkout squad, lead bruno.souza. Domain: sales. Purpose: daily revenue reconciliation for Finance.
/draft
/attempts
/usage
/quit
`

// TestCLIChatSmolLM2 drives `dataeng-os chat` through stdin: one interview
// turn, a draft with validation, then the status commands. The session is
// journaled, every step happens, and the run ends on its own.
func TestCLIChatSmolLM2(t *testing.T) {
	const attempts = 1
	p := newProject(t, attempts)
	before := len(p.srv.Log())
	r := p.run(t, time.Duration(attempts+2)*guard, chatScript, "chat", "--provider", "ollama")
	calls := len(ollamatest.ChatPrompts(p.srv.Log()[before:]))
	t.Logf("smollm2 via `dataeng-os chat`: exit %d, %d model calls, %.1fs\n%s", r.code, calls, r.elapsed.Seconds(),
		lastLines(r.stdout, 6))
	if r.code != 0 {
		t.Fatalf("chat exit %d\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
	for _, want := range []string{"you> /draft", "attempts: 1 drafting attempt;", "usage: "} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, r.stdout)
		}
	}
	if calls < 2 {
		t.Errorf("the engine saw %d chat requests, want the interview turn and the draft", calls)
	}
	journals, _ := filepath.Glob(filepath.Join(p.dir, ".dataeng-os", "sessions", "*.jsonl"))
	if len(journals) != 1 {
		t.Fatalf("session journals %v, want one", journals)
	}
	types := journalTypes(t, journals[0])
	for _, want := range []string{"session", "user", "assistant", "attempt", "findings", "stop"} {
		if types[want] == 0 {
			t.Errorf("journal has no %q event (types %v)", want, types)
		}
	}
}

func journalTypes(t *testing.T, path string) map[string]int {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	types := map[string]int{}
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		var e struct{ Type string }
		if err := json.Unmarshal([]byte(line), &e); err != nil {
			t.Fatalf("journal line %q: %v", line, err)
		}
		types[e.Type]++
	}
	return types
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
