package web

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/dataeng-os/dataeng-os/agent"
	"github.com/dataeng-os/dataeng-os/contract"
	"github.com/dataeng-os/dataeng-os/internal/testenv"
)

// chromium finds Debian's Chromium (scripts/setup-chromium.sh installs it):
// $CHROME_PATH, else chromium on PATH. In CI a missing browser fails.
func chromium(t *testing.T) string {
	t.Helper()
	return testenv.Require(t, "Chromium (run scripts/setup-chromium.sh)", "CHROME_PATH", nil,
		"chromium", "chromium-browser", "google-chrome")
}

// artifactsDir is where screenshots go: $DATAENG_ARTIFACTS or artifacts/
// under the repository root (git-ignored).
func artifactsDir(t *testing.T, sub string) string {
	t.Helper()
	dir := os.Getenv("DATAENG_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join(testenv.RepoRoot(), "artifacts")
	}
	dir = filepath.Join(dir, sub)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// browser starts a fresh headless Chromium with the flags that work here.
func browser(t *testing.T) context.Context {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromium(t)),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1440, 1000),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	t.Cleanup(func() { cancelC(); cancelA() })
	if err := chromedp.Do(ctx); err != nil { // start the browser
		t.Fatalf("start chromium: %v", err)
	}
	return ctx
}

// step runs browser actions with a timeout and saves a screenshot.
type stepper struct {
	t   *testing.T
	ctx context.Context
	dir string
	n   int
}

func (s *stepper) do(name string, actions ...chromedp.Action[chromedp.Void]) {
	s.t.Helper()
	ctx, cancel := context.WithTimeout(s.ctx, 30*time.Second)
	defer cancel()
	err := chromedp.Do(ctx, actions...)
	s.n++
	shot := filepath.Join(s.dir, fmt.Sprintf("%02d-%s.png", s.n, name))
	if png, serr := chromedp.Run(s.ctx, chromedp.FullScreenshot(100)); serr == nil {
		_ = os.WriteFile(shot, png, 0o644)
	}
	if err != nil {
		s.t.Fatalf("step %s: %v (screenshot %s)", name, err, shot)
	}
}

func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("eval %s: %v", js, err)
	}
	return v
}

// choose sets a <select> and fires change, as picking an option does.
func choose(sel, value string) chromedp.Action[chromedp.Void] {
	return chromedp.Steps(
		chromedp.WaitVisible(chromedp.CSS(sel)),
		chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`(() => { const e = document.querySelector(%q); e.value = %q; e.dispatchEvent(new Event("change", {bubbles: true})); })()`, sel, value)),
	)
}

func wait(js string) chromedp.Action[chromedp.Void] {
	return chromedp.Poll[chromedp.Void](js, chromedp.WithPollingTimeout(20*time.Second))
}

// TestBrowserCockpit is the product manager's path in a real browser: build
// a contract in the form (with a PII column left unclassified, then fixed),
// save it, find it in the catalog, generate its dbt models and see it in the
// lineage graph linked to its staging model.
func TestBrowserCockpit(t *testing.T) {
	ctx := browser(t)
	root := t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, "contracts"), 0o755); err != nil {
		t.Fatal(err)
	}
	srv, err := New(Options{Root: root, Rules: contract.DefaultRules(), Title: "browser-test"})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	s := &stepper{t: t, ctx: ctx, dir: artifactsDir(t, "cockpit")}
	email := `.prop-findings[data-for="schema[0].properties[1]"]`

	s.do("editor-open",
		chromedp.Navigate(ts.URL+"/editor"),
		chromedp.WaitVisible(chromedp.CSS(`#editor[data-ready="1"]`)),
		chromedp.SendKeys(chromedp.CSS("#f-name"), "Web Leads"),
		chromedp.SendKeys(chromedp.CSS("#f-id"), "web-leads"),
		chromedp.SendKeys(chromedp.CSS("#f-domain"), "marketing"),
		chromedp.SendKeys(chromedp.CSS("#f-owner"), "growth-team"),
		chromedp.SendKeys(chromedp.CSS("#f-purpose"), "Leads captured by the web signup form, for the sales pipeline."),
		chromedp.SendKeys(chromedp.CSS(`fieldset.object [data-okey="name"]`), "leads"),
		chromedp.SendKeys(chromedp.CSS(`fieldset.object [data-okey="description"]`), "One row per lead."),
		chromedp.SendKeys(chromedp.CSS(`.prop [data-pkey="name"]`), "lead_id"),
		choose(`.prop [data-pkey="logicalType"]`, "string"),
		chromedp.Click(chromedp.CSS(`.prop [data-pkey="primaryKey"]`)),
		chromedp.SendKeys(chromedp.CSS(`.prop [data-pkey="description"]`), "Lead identifier."),
		chromedp.Click(chromedp.CSS(`fieldset.object .add-prop`)),
		chromedp.SendKeys(chromedp.CSS(`.prop[data-path="schema[0].properties[1]"] [data-pkey="name"]`), "email"),
		choose(`.prop[data-path="schema[0].properties[1]"] [data-pkey="logicalType"]`, "string"),
	)
	// The unclassified PII column gets its finding right under its row, and
	// its classification cell is marked.
	s.do("pii-finding",
		chromedp.WaitVisible(chromedp.CSS(email+` .finding[data-rule="gov-pii-unclassified"]`)),
		wait(`document.querySelector('.field[data-path="schema[0].properties[1].classification"]').classList.contains("has-finding")`),
	)
	if msg := eval[string](t, ctx, `document.querySelector('`+email+` .finding').textContent`); !strings.Contains(msg, "email") {
		t.Errorf("finding text %q does not name the column", msg)
	}

	// Classify it: the finding clears and the YAML preview has it. Then
	// fill in what a PII column needs until the contract is valid.
	p1 := `.prop[data-path="schema[0].properties[1]"] `
	s.do("pii-classified",
		choose(p1+`[data-pkey="classification"]`, "pii"),
		wait(`!document.querySelector('`+email+` .finding[data-rule="gov-pii-unclassified"]') && document.getElementById("yaml-preview").textContent.includes("classification: pii")`),
		chromedp.SendKeys(chromedp.CSS(p1+`[data-pkey="description"]`), "Contact e-mail address."),
		chromedp.Click(chromedp.CSS(p1+`[data-pkey="criticalDataElement"]`)),
		choose(p1+`[data-pkey="masking"]`, "hash"),
		wait(`document.getElementById("validation-summary").textContent === "valid"`),
	)
	yaml := eval[string](t, ctx, `document.getElementById("yaml-preview").textContent`)
	for _, w := range []string{"name: email", "classification: pii", "criticalDataElement: true", "value: hash", "name: growth-team"} {
		if !strings.Contains(yaml, w) {
			t.Errorf("YAML preview lacks %q:\n%s", w, yaml)
		}
	}

	// Save; the file lands in contracts/ and validates on disk too.
	s.do("saved",
		wait(`document.getElementById("file-path").value === "contracts/web_leads.odcs.yaml"`),
		chromedp.Click(chromedp.CSS("#save-btn")),
		wait(`document.getElementById("editor").dataset.saved === "contracts/web_leads.odcs.yaml"`),
	)
	saved, err := os.ReadFile(filepath.Join(root, "contracts", "web_leads.odcs.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if _, fs := contract.Check("web_leads.odcs.yaml", saved, contract.DefaultRules()); contract.HasErrors(fs) {
		t.Fatalf("saved contract has errors: %v", fs)
	}

	// Find it in the catalog by column and PII.
	s.do("catalog-search",
		chromedp.Navigate(ts.URL+"/catalog"),
		chromedp.WaitVisible(chromedp.CSS("#catalog-q")),
		chromedp.SendKeys(chromedp.CSS("#catalog-q"), "column:email pii:yes"),
		wait(`location.search.includes("pii") && document.querySelectorAll("tr.catalog-row").length === 1 && !!document.querySelector('tr.catalog-row[data-file="contracts/web_leads.odcs.yaml"]')`),
	)

	// Generate the dbt models from the editor, then open the lineage graph.
	s.do("scaffold",
		chromedp.Navigate(ts.URL+"/editor?file=contracts/web_leads.odcs.yaml"),
		chromedp.WaitVisible(chromedp.CSS(`#editor[data-ready="1"]`)),
		chromedp.Click(chromedp.CSS("#scaffold-write")),
		wait(`document.getElementById("editor").dataset.scaffolded === "1"`),
	)
	// Someone edits the file on disk while it is open: the save is refused
	// with a conflict and their edit survives.
	onDisk := filepath.Join(root, "contracts", "web_leads.odcs.yaml")
	edited := strings.Replace(string(saved), "Contact e-mail address.", "Edited elsewhere.", 1)
	if err := os.WriteFile(onDisk, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	s.do("conflict",
		chromedp.SendKeys(chromedp.CSS("#f-purpose"), " More text."),
		chromedp.Click(chromedp.CSS("#save-btn")),
		chromedp.WaitVisible(chromedp.CSS(".save-status.conflict")),
	)
	if got, _ := os.ReadFile(onDisk); string(got) != edited {
		t.Fatalf("a conflicting save overwrote the file:\n%s", got)
	}
	s.do("lineage",
		chromedp.Click(chromedp.CSS("#see-lineage")),
		chromedp.WaitVisible(chromedp.CSS(`g.node[data-id="contract:contracts/web_leads.odcs.yaml"]`)),
		wait(`document.querySelector('g.node[data-id="contract:contracts/web_leads.odcs.yaml"]').classList.contains("focus")`),
	)
	// Follow the drawn edges from the contract's node to a staging model.
	reach := eval[[]string](t, ctx, `(() => {
		const edges = [...document.querySelectorAll("path.edge")].map(e => [e.dataset.from, e.dataset.to]);
		const kind = id => document.querySelector('g.node[data-id="' + CSS.escape(id) + '"]').dataset.kind;
		const seen = new Set(["contract:contracts/web_leads.odcs.yaml"]), todo = [...seen], out = [];
		while (todo.length) { const id = todo.pop(); for (const [a, b] of edges) if (a === id && !seen.has(b)) { seen.add(b); todo.push(b); if (kind(b) === "staging") out.push(b); } }
		return out; })()`)
	if len(reach) == 0 {
		t.Fatalf("no staging model reachable from the contract node in the lineage graph")
	}
	// Every label fits inside its node's box (measured by the browser).
	spill := eval[[]string](t, ctx, `[...document.querySelectorAll("g.node")].flatMap(g => {
		const w = +g.querySelector("rect").getAttribute("width");
		return [...g.querySelectorAll("text")].filter(tx => tx.getBBox().x + tx.getBBox().width > w - 4).map(tx => g.dataset.id + ": " + tx.textContent);
	})`)
	if len(spill) > 0 {
		t.Errorf("labels outside their node boxes: %v", spill)
	}
	t.Logf("contract → %v; screenshots in %s", reach, s.dir)
}

// draftChat is an Architect that answers every message with agent events:
// streamed tokens, the complete answer, and a contract draft.
type draftChat struct{ emit func(agent.Event) }

func (d draftChat) Send(ctx context.Context, msg string) error {
	d.emit(agent.Event{Type: agent.EventUser, Text: msg})
	d.emit(agent.Event{Type: agent.EventToken, Text: "Drafting "})
	d.emit(agent.Event{Type: agent.EventToken, Text: "the leads contract."})
	d.emit(agent.Event{Type: agent.EventAssistant, Text: "Drafting the leads contract."})
	d.emit(agent.Event{Type: agent.EventDraft, Doc: agent.DocContract, Content: unclassifiedYAML})
	return nil
}

// TestBrowserChatDraft: the Architect's events stream into the chat panel
// over SSE, and its contract draft lands in the editor form, validated live
// (the unclassified email column gets its finding beside it).
func TestBrowserChatDraft(t *testing.T) {
	ctx := browser(t)
	root := t.TempDir()
	srv, err := New(Options{Root: root, Rules: contract.DefaultRules(), Chat: newFakeBackend("What data do you need, and for what?",
		func(id string, emit func(agent.Event)) ChatSession { return draftChat{emit: emit} })})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	defer srv.Close() // end the event stream first
	s := &stepper{t: t, ctx: ctx, dir: artifactsDir(t, "chat")}
	s.do("chat-greeting",
		chromedp.Navigate(ts.URL+"/editor"),
		chromedp.WaitVisible(chromedp.CSS(`#editor[data-ready="1"]`)),
		chromedp.Click(chromedp.CSS("#chat-new")),
		wait(`document.getElementById("chat-log").textContent.includes("What data do you need")`),
	)
	s.do("chat-draft",
		chromedp.SendKeys(chromedp.CSS("#chat-input"), "Leads from the signup form, with their e-mail."),
		chromedp.Click(chromedp.CSS(`#chat-form button`)),
		wait(`document.getElementById("f-id").value === "leads"`),
		chromedp.WaitVisible(chromedp.CSS(`.prop-findings[data-for="schema[0].properties[1]"] .finding[data-rule="gov-pii-unclassified"]`)),
		wait(`document.getElementById("yaml-preview").textContent.includes("name: email") && document.getElementById("file-path").value === "contracts/leads.odcs.yaml"`),
	)
	log := eval[string](t, ctx, `document.getElementById("chat-log").textContent`)
	if !strings.Contains(log, "Drafting the leads contract.") || !strings.Contains(log, "Leads from the signup form") {
		t.Errorf("chat log = %q", log)
	}
	if strings.Count(log, "Drafting the leads contract.") != 1 {
		t.Errorf("streamed answer shown twice: %q", log)
	}
}
