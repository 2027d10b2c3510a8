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
)

// layoutJS lists what is wrong with the editor's layout: boxes (labels,
// inputs, selects, help marks) that overlap inside one group of fields,
// label text cut off, select text wider than its box, and a page that
// scrolls sideways.
const layoutJS = `(() => {
	const bad = [];
	const box = e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 ? r : null; };
	const name = e => (e.closest("[data-path]") || {dataset: {}}).dataset.path + " " + e.tagName.toLowerCase() + " " + (e.tagName === "SELECT" ? (e.options[e.selectedIndex] || {}).text : e.textContent || e.value || "").trim().slice(0, 24);
	const groups = [...document.querySelectorAll("#editor fieldset.meta, #editor fieldset.sla, #editor fieldset.object > .grid, #editor .prop")];
	for (const g of groups) {
		const els = [...g.querySelectorAll("label, input, select, textarea, .help")]
			.filter(e => !g.matches(".prop") || e.closest(".prop") === g).map(e => [e, box(e)]).filter(([, r]) => r);
		for (let i = 0; i < els.length; i++) for (let j = i + 1; j < els.length; j++) {
			const [a, ra] = els[i], [b, rb] = els[j];
			if (a.contains(b) || b.contains(a)) continue;
			if (ra.right > rb.left + 0.5 && rb.right > ra.left + 0.5 && ra.bottom > rb.top + 0.5 && rb.bottom > ra.top + 0.5)
				bad.push("overlap: " + name(a) + " / " + name(b));
		}
	}
	for (const l of document.querySelectorAll("#editor label")) {
		if (box(l) && l.scrollWidth > l.clientWidth + 1) bad.push("label cut: " + name(l));
	}
	const ctx = document.createElement("canvas").getContext("2d");
	for (const s of document.querySelectorAll("#editor select")) {
		if (!box(s) || s.selectedIndex < 0) continue;
		const cs = getComputedStyle(s);
		ctx.font = cs.fontSize + " " + cs.fontFamily;
		const room = s.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - 18;
		if (ctx.measureText(s.options[s.selectedIndex].text).width > room) bad.push("select cut: " + name(s));
	}
	if (document.documentElement.scrollWidth > innerWidth + 1) bad.push("page scrolls sideways: " + document.documentElement.scrollWidth);
	return bad;
})()`

// viewports are the widths the cockpit must work at (and be shown at).
var viewports = []struct{ w, h int64 }{{1400, 900}, {1024, 768}}

// TestBrowserEditorLayout opens a contract of eight columns (with accepted
// values, ranges, a foreign key, nested fields and an SLA) at 1400×900 and
// 1024×768: no two labels or boxes of a column overlap, no label is cut
// off, and every value is in its editor. With DATAENG_SCREENSHOTS=DIR it
// also writes the editor, catalog, lineage and chat pages at both widths
// into DIR.
func TestBrowserEditorLayout(t *testing.T) {
	ctx := browser(t)
	ts := layoutServer(t)
	editor := ts.URL + "/editor?file=contracts/subscriptions.yaml"
	for _, vp := range viewports {
		for _, lang := range []string{"en", "pt"} {
			run(t, ctx, chromedp.EmulateViewport(vp.w, vp.h), chromedp.Navigate(editor+"&lang="+lang),
				chromedp.WaitVisible(chromedp.CSS(`#editor[data-ready="1"]`)), wait(`!!document.querySelector(".finding.inline .hint")`))
			if n := eval[int](t, ctx, `document.querySelectorAll("#objects > fieldset:nth-child(2) > .prop-rows > .prop").length`); n != 8 {
				t.Fatalf("%dpx: %d column cards, want 8", vp.w, n)
			}
			for _, bad := range eval[[]string](t, ctx, layoutJS) {
				t.Errorf("%dpx %s: %s", vp.w, lang, bad)
			}
			// The hint beside the field is in plain words, in the page's language.
			hint := eval[string](t, ctx, `document.querySelector(".finding.inline .hint").textContent`)
			if want := map[string]string{"en": "personal data", "pt": "dado pessoal"}[lang]; !strings.Contains(hint, want) || looksLikeYAML(hint) {
				t.Errorf("%s hint = %q, want plain words with %q", lang, hint, want)
			}
		}
	}
	// The check itself finds a squeezed grid.
	squeezed := eval[[]string](t, ctx, `(() => { // (the page's CSP allows no <style>; CSSOM edits are fine)
		const gs = [...document.querySelectorAll(".prop-grid.main")];
		gs.forEach(g => g.style.setProperty("grid-template-columns", "repeat(4, 30px)", "important"));
		const bad = `+layoutJS+`; gs.forEach(g => g.style.removeProperty("grid-template-columns")); return bad; })()`)
	if len(squeezed) == 0 {
		t.Error("the layout check found nothing wrong in a squeezed grid")
	}
	shown := eval[map[string]string](t, ctx, `(() => {
		const q = s => (document.querySelector(s) || {}).value;
		return {
			values: q('.prop[data-path="schema[1].properties[2]"] [data-pkey="values"]'),
			min: q('.prop[data-path="schema[1].properties[3]"] [data-pkey="min"]'),
			max: q('.prop[data-path="schema[1].properties[3]"] [data-pkey="max"]'),
			references: q('.prop[data-path="schema[1].properties[1]"] [data-pkey="references"]'),
			nested: q('.prop[data-path="schema[1].properties[5].properties[1]"] [data-pkey="name"]'),
			freshness: q("#f-freshness") + " " + q("#f-unit") + " " + q("#f-freshcol"),
			available: q("#f-available"),
		}; })()`)
	want := map[string]string{"values": "basic, plus, enterprise", "min": "1", "max": "500", "references": "customers.customer_id",
		"nested": "country_code", "freshness": "24 h subscriptions.updated_at", "available": "09:00"}
	for k, w := range want {
		if shown[k] != w {
			t.Errorf("editor shows %s = %q, want %q", k, shown[k], w)
		}
	}
	if dir := os.Getenv("DATAENG_SCREENSHOTS"); dir != "" {
		screenshots(t, ctx, ts.URL, dir)
	}
}

// layoutServer is a cockpit over newProject plus the rich contract, with
// an Architect that drafts.
func layoutServer(t *testing.T) *httptest.Server {
	t.Helper()
	root := newProject(t)
	mustWrite(t, filepath.Join(root, "contracts", "subscriptions.yaml"), []byte(readFile(t, "testdata/rich.yaml")))
	srv, err := New(Options{Root: root, Rules: contract.DefaultRules(), Title: "layout", Chat: newFakeBackend("What data do you need, and for what?",
		func(id string, emit func(agent.Event)) ChatSession { return draftChat{emit: emit} })})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	t.Cleanup(srv.Close)
	return ts
}

func run(t *testing.T, ctx context.Context, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatal(err)
	}
}

// screenshots writes each page at each width: editor (with a PII finding
// and a nested column), catalog, lineage, and a conversation with a draft.
func screenshots(t *testing.T, ctx context.Context, base, dir string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	pages := []struct {
		name, url string
		ready     chromedp.Action[chromedp.Void]
		viewport  bool // only what is on screen: the side panel scrolls on its own
	}{
		{"editor", "/editor?file=contracts/subscriptions.yaml", chromedp.WaitVisible(chromedp.CSS(`#editor[data-ready="1"]`)), false},
		{"editor-pt", "/editor?file=contracts/subscriptions.yaml&lang=pt", chromedp.WaitVisible(chromedp.CSS(`#editor[data-ready="1"]`)), false},
		{"editor-help", "/editor?file=contracts/subscriptions.yaml", chromedp.Steps(chromedp.WaitVisible(chromedp.CSS(`#editor[data-ready="1"]`)),
			chromedp.Evaluate[chromedp.Void](`document.querySelector('.prop [data-rel="criticalDataElement"] .help').focus()`)), false},
		{"catalog", "/catalog", chromedp.WaitVisible(chromedp.CSS("tr.catalog-row")), false},
		{"lineage", "/lineage", chromedp.WaitVisible(chromedp.CSS("g.node")), false},
		{"chat", "/editor", chromedp.Steps(chromedp.WaitVisible(chromedp.CSS(`#editor[data-ready="1"]`)),
			chromedp.Click(chromedp.CSS("#chat-new")), wait(`document.getElementById("chat-log").textContent.includes("What data")`),
			chromedp.SendKeys(chromedp.CSS("#chat-input"), "Leads from the signup form, with their e-mail."),
			chromedp.Click(chromedp.CSS(`#chat-form button`)), wait(`document.getElementById("f-id").value === "leads"`)), true},
		{"chats", "/chat", chromedp.WaitVisible(chromedp.CSS("tr.chat-row")), false},
	}
	for _, vp := range viewports {
		for _, p := range pages {
			run(t, ctx, chromedp.EmulateViewport(vp.w, vp.h), chromedp.Navigate(base+p.url), p.ready, chromedp.Sleep(300*time.Millisecond))
			shot := chromedp.FullScreenshot(100)
			if p.viewport { // the top of the page, and the side panel scrolled to its end (the chat)
				shot = chromedp.CaptureScreenshot()
				run(t, ctx, chromedp.Evaluate[chromedp.Void](`(() => { window.scrollTo(0, 0); const a = document.querySelector(".editor-side"); a.scrollTop = a.scrollHeight; })()`))
			} else {
				run(t, ctx, chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 0)`))
			}
			png, err := chromedp.Run(ctx, shot)
			if err != nil {
				t.Fatal(err)
			}
			file := filepath.Join(dir, fmt.Sprintf("%s-%d.png", p.name, vp.w))
			if err := os.WriteFile(file, png, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	t.Logf("screenshots in %s", dir)
}
