package web

import (
	"context"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/dataeng-os/dataeng-os/agent"
	"github.com/dataeng-os/dataeng-os/contract"
)

// chatServer is a cockpit over newProject's files whose Architect answers
// every message with a draft of the leads contract.
func chatServer(t *testing.T) (*httptest.Server, string) {
	t.Helper()
	root := newProject(t)
	srv, err := New(Options{Root: root, Rules: contract.DefaultRules(), Chat: newFakeBackend("What data do you need, and for what?",
		func(id string, emit func(agent.Event)) ChatSession { return fakeChat{id: id, emit: emit} })})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	t.Cleanup(srv.Close) // end the event streams first
	return ts, root
}

// TestBrowserDraftNeverLandsOnOpenFile replays the data-loss sequence: the
// editor shows orders.yaml, the conversation drafts the leads contract.
// The draft is not loaded on its own; loaded on request it edits a new
// file; forced back onto orders.yaml the save is refused. orders.yaml
// never changes.
func TestBrowserDraftNeverLandsOnOpenFile(t *testing.T) {
	ctx := browser(t)
	ts, root := chatServer(t)
	orig, _ := os.ReadFile(filepath.Join(root, "contracts", "orders.yaml"))
	s := &stepper{t: t, ctx: ctx, dir: artifactsDir(t, "chat-dataloss")}
	s.do("open-file",
		chromedp.Navigate(ts.URL+"/editor?file=contracts/orders.yaml"),
		chromedp.WaitVisible(chromedp.CSS(`#editor[data-ready="1"]`)),
		wait(`document.getElementById("f-id").value !== ""`),
		wait(`document.getElementById("changes-list").textContent.includes("No changes since the saved version")`),
		chromedp.Click(chromedp.CSS("#chat-new")),
		wait(`document.getElementById("chat-log").textContent.includes("What data do you need")`),
	)
	ordersID := eval[string](t, ctx, `document.getElementById("f-id").value`)
	s.do("draft-arrives",
		chromedp.SendKeys(chromedp.CSS("#chat-input"), "Leads from the signup form."),
		chromedp.Click(chromedp.CSS(`#chat-form button`)),
		wait(`document.querySelector("#chat-log .load-draft") !== null`),
	)
	if got := eval[string](t, ctx, `document.getElementById("f-id").value`); got != ordersID {
		t.Fatalf("a live draft replaced the open file's form: id %q, want %q", got, ordersID)
	}
	s.do("load-on-request",
		chromedp.Evaluate[chromedp.Void](`window.confirm = () => true`),
		chromedp.Click(chromedp.CSS("#chat-log .load-draft")),
		wait(`document.getElementById("f-id").value === "leads" && document.getElementById("file-path").value === "contracts/leads.odcs.yaml"`),
		wait(`document.getElementById("changes-list").textContent.includes("no saved version")`),
	)
	s.do("force-onto-orders",
		chromedp.Evaluate[chromedp.Void](`(() => { const f = document.getElementById("file-path"); f.readOnly = false; f.value = "contracts/orders.yaml"; })()`),
		chromedp.Click(chromedp.CSS("#save-btn")),
		wait(`document.getElementById("save-status").textContent.includes("save it as a new file") ||
			document.getElementById("save-status").textContent.includes("Conflict")`),
	)
	if now, _ := os.ReadFile(filepath.Join(root, "contracts", "orders.yaml")); string(now) != string(orig) {
		t.Fatalf("orders.yaml changed:\n%s", now)
	}
}

// TestBrowserTwoConversations: two browser contexts, each in its own
// conversation, never see each other's messages.
func TestBrowserTwoConversations(t *testing.T) {
	ctx := browser(t)
	ts, _ := chatServer(t)
	ctx2, cancel := chromedp.NewContext(ctx, chromedp.WithNewBrowserContext()) // another person
	defer cancel()
	if err := chromedp.Do(ctx2); err != nil { // allocate it here, not in a step's timeout context
		t.Fatalf("second browser context: %v", err)
	}
	for i, c := range []context.Context{ctx, ctx2} {
		msg := []string{"alpha message", "beta message"}[i]
		s := &stepper{t: t, ctx: c, dir: artifactsDir(t, "chat-two")}
		s.do("open",
			chromedp.Navigate(ts.URL+"/editor"),
			chromedp.WaitVisible(chromedp.CSS(`#editor[data-ready="1"]`)),
			chromedp.Click(chromedp.CSS("#chat-new")),
			wait(`document.getElementById("chat-log").textContent.includes("What data do you need")`),
			chromedp.SendKeys(chromedp.CSS("#chat-input"), msg),
			chromedp.Click(chromedp.CSS(`#chat-form button`)),
			wait(`document.getElementById("chat-log").textContent.includes("Hello from")`),
		)
	}
	a := eval[string](t, ctx, `document.getElementById("chat-log").textContent`)
	b := eval[string](t, ctx2, `document.getElementById("chat-log").textContent`)
	if !strings.Contains(a, "alpha") || strings.Contains(a, "beta") || !strings.Contains(b, "beta") || strings.Contains(b, "alpha") {
		t.Fatalf("conversations leaked:\nA: %s\nB: %s", a, b)
	}
	if eval[string](t, ctx, `document.getElementById("chat-panel").dataset.session`) == eval[string](t, ctx2, `document.getElementById("chat-panel").dataset.session`) {
		t.Fatal("both tabs in the same conversation")
	}
}

// TestBrowserNewContractQuiet: a blank new contract shows no findings
// before anything is typed, and example placeholders read as examples;
// the first keystroke brings the findings.
func TestBrowserNewContractQuiet(t *testing.T) {
	ctx := browser(t)
	ts, _ := chatServer(t)
	s := &stepper{t: t, ctx: ctx, dir: artifactsDir(t, "editor-quiet")}
	s.do("blank",
		chromedp.Navigate(ts.URL+"/editor"),
		chromedp.WaitVisible(chromedp.CSS(`#editor[data-ready="1"]`)),
	)
	if n := eval[int](t, ctx, `document.querySelectorAll("#editor .finding").length`); n != 0 {
		t.Fatalf("a blank new contract shows %d findings", n)
	}
	if ph := eval[string](t, ctx, `document.getElementById("f-id").placeholder`); !strings.HasPrefix(ph, "e.g. ") {
		t.Errorf("placeholder %q does not read as an example", ph)
	}
	s.do("typed",
		chromedp.SendKeys(chromedp.CSS("#f-name"), "Orders"),
		wait(`document.querySelectorAll("#editor .finding").length > 0`),
	)
}
