package e2e

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dataeng-os/dataeng-os/agent"
	"github.com/dataeng-os/dataeng-os/contract"
	"github.com/dataeng-os/dataeng-os/internal/ollamatest"
	"github.com/dataeng-os/dataeng-os/internal/testenv"
	"github.com/dataeng-os/dataeng-os/providers"
	"github.com/dataeng-os/dataeng-os/providers/ollama"
)

// structuredSwitch lets a run turn the provider's structured output off, so
// the same model and notes can be drafted with and without a format schema.
type structuredSwitch struct {
	providers.Provider
	structured bool
}

func (s structuredSwitch) Capabilities() providers.Capabilities {
	c := s.Provider.Capabilities()
	c.StructuredOutput = s.structured
	return c
}

// architectRun is one DraftFromNotes with the real model.
type architectRun struct {
	res     *agent.Result
	err     error
	events  []agent.Event
	elapsed time.Duration
	calls   []string // the prompts the engine received (OLLAMA_DEBUG log)
}

func (r architectRun) count(typ agent.EventType) int {
	n := 0
	for _, e := range r.events {
		if e.Type == typ {
			n++
		}
	}
	return n
}

func readNote(t testing.TB, name string) string {
	t.Helper()
	// The sample notes are vendored at the repository root (testdata/notes).
	b, err := os.ReadFile(filepath.Join(testenv.RepoRoot(), "testdata", "notes", name))
	if err != nil {
		t.Fatalf("vendored sample note: %v", err)
	}
	return string(b)
}

func draftWithSmol(t testing.TB, srv *ollamatest.Server, model string, structured bool, attempts int, name, note string) architectRun {
	t.Helper()
	p := structuredSwitch{ollama.New(ollama.WithBaseURL(srv.Host), ollama.WithModel(model), ollama.WithNumCtx(smolCtx)), structured}
	a, err := agent.New(agent.Options{Provider: p, Model: model, MaxAttempts: attempts, TokenBudget: 60000, MaxOutputTokens: answerCap(model), Language: "en"})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Duration(attempts+1)*guard)
	defer cancel()
	before := len(srv.Log())
	var run architectRun
	start := time.Now()
	run.res, run.err = a.DraftFromNotes(ctx, name, note, func(e agent.Event) {
		if e.Type != agent.EventToken {
			run.events = append(run.events, e)
		}
	})
	run.elapsed = time.Since(start)
	if ctx.Err() != nil {
		t.Fatalf("architect still drafting after %s", time.Duration(attempts+1)*guard)
	}
	run.calls = ollamatest.ChatPrompts(srv.Log()[before:])
	return run
}

// TestArchitectGemmaFull runs full mode (the model writes canvas and
// contract) with gemma-3-270m for one attempt, and asserts its honest
// outcome: whatever the model writes, the result says what the validator
// and grounding say, and nothing ungrounded is saved as a field.
func TestArchitectGemmaFull(t *testing.T) {
	srv, model := fx.Gemma(t)
	ollamatest.DumpLogOnFailure(t, srv)
	note := readNote(t, "01-checkout-orders.md")
	run := draftWithSmol(t, srv, model, false, 1, "checkout_orders", note)
	if run.err != nil || run.res == nil {
		t.Fatalf("draft: %v (a weak model is not an error: it must end in a draft with findings)", run.err)
	}
	logArchitect(t, "gemma full", run)
	if run.res.Attempts != 1 || len(run.calls) != run.res.Calls {
		t.Errorf("attempts %d, engine saw %d requests, result counts %d calls", run.res.Attempts, len(run.calls), run.res.Calls)
	}
	checkHonest(t, run.res)
	for _, f := range contractFacts(t, run.res.Contract).fields {
		_, col, _ := strings.Cut(f, ".")
		if !strings.Contains(strings.ToLower(strings.ReplaceAll(note, " ", "_")), strings.ToLower(col)) &&
			!strings.Contains(strings.ToLower(note), strings.ToLower(strings.ReplaceAll(col, "_", " "))) {
			t.Errorf("full mode saved %s, which the note never mentions", f)
		}
	}
}

// TestArchitectSmolLM2 runs the Architect's draft-validate-reask loop on a
// shared note with the real small model, and checks the mechanics: every
// attempt is validated, the findings of a failed attempt reach the engine
// in the next prompt, and the outcome is reported honestly.
func TestArchitectSmolLM2(t *testing.T) {
	srv, model := fx.Smol(t)
	ollamatest.DumpLogOnFailure(t, srv)
	// Free text here: the structured path (grammar-constrained, several
	// times slower for this model) runs through the CLI tests.
	run := draftWithSmol(t, srv, model, false, 2, "checkout_orders", readNote(t, "01-checkout-orders.md"))
	res := run.res
	if run.err != nil || res == nil {
		t.Fatalf("draft: %v (a weak model is not an error: it must end in a draft with findings)", run.err)
	}
	logArchitect(t, "smollm2 freetext", run)
	if res.Attempts < 1 || run.count(agent.EventAttempt) != res.Attempts || run.count(agent.EventFindings) != res.Attempts {
		t.Errorf("attempts %d, attempt events %d, findings events %d: each attempt must be validated",
			res.Attempts, run.count(agent.EventAttempt), run.count(agent.EventFindings))
	}
	if len(run.calls) != res.Calls || res.Usage.InputTokens <= 0 || res.Usage.OutputTokens <= 0 {
		t.Errorf("engine saw %d chat requests, result counts %d calls, usage %+v", len(run.calls), res.Calls, res.Usage)
	}
	checkFedBack(t, run)
	checkHonest(t, res)
}

// checkFedBack: the prompt of attempt n+1 carries attempt n's error rules.
func checkFedBack(t *testing.T, run architectRun) {
	t.Helper()
	att := 0
	for _, e := range run.events {
		switch {
		case e.Type == agent.EventAttempt:
			att = e.Attempt
		case e.Type == agent.EventFindings && contract.HasErrors(e.Findings) && att < run.res.Attempts:
			if att >= len(run.calls) {
				t.Fatalf("attempt %d failed but the engine saw only %d requests", att+1, len(run.calls))
			}
			next := run.calls[att] // the request of attempt att+1
			if !strings.Contains(next, "The validator rejected your previous answer") {
				t.Errorf("attempt %d's prompt does not carry the reask", att+1)
			}
			for _, f := range e.Findings {
				if f.Severity == contract.SeverityError && !strings.Contains(next, f.Rule) {
					t.Errorf("attempt %d's prompt lacks finding %s from attempt %d", att+1, f.Rule, att)
				}
			}
		}
	}
}

// checkHonest: the reported outcome is what the validator says about the
// returned contract, and a failure says what is left.
func checkHonest(t *testing.T, res *agent.Result) {
	t.Helper()
	if res.Valid != !contract.HasErrors(res.Findings) || res.Valid != (res.StopReason == "valid") {
		t.Errorf("valid=%v, stop %q, findings %v: inconsistent", res.Valid, res.StopReason, res.Findings)
	}
	if res.Valid {
		_, fs := contract.Check("contract.yaml", []byte(res.Contract), contract.DefaultRules())
		if contract.HasErrors(fs) {
			t.Errorf("reported valid, but the validator finds %v", fs)
		}
	} else if res.Left() == "" {
		t.Error("not valid, and Left() says nothing is left")
	}
}

func logArchitect(t testing.TB, mode string, run architectRun) {
	res := run.res
	errs := 0
	for _, f := range res.Findings {
		if f.Severity == contract.SeverityError {
			errs++
		}
	}
	t.Logf("%s: attempts %d, calls %d, valid %v (stop %s), %d error findings left, tokens %d in + %d out, %.1fs",
		mode, res.Attempts, res.Calls, res.Valid, res.StopReason, errs, res.Usage.InputTokens, res.Usage.OutputTokens, run.elapsed.Seconds())
	for _, e := range run.events {
		if e.Type == agent.EventAssistant {
			text := e.Text
			if len(text) > 240 {
				text = text[:240] + "…"
			}
			t.Logf("  answer: %q", text)
		}
	}
}

// answerCap mirrors the num_predict the test Modelfiles set: the Architect
// sends its own cap (agent.max_output_tokens) on every request, and that
// request option wins over the Modelfile's.
func answerCap(model string) int {
	if model == "smollm2-640" {
		return 640
	}
	return 256
}
