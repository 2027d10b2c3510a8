package web

import (
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/dataeng-os/dataeng-os/contract"
)

// TestBrowserInferredChips opens a drafted contract whose columns carry
// facts guessed from their names: each shows a chip beside its box, in
// the page's language; confirming one (its ✓, or changing its box) and
// saving drops only that fact from the file.
func TestBrowserInferredChips(t *testing.T) {
	ctx := browser(t)
	root := newProject(t)
	file := filepath.Join(root, "contracts", "customers.yaml")
	orig := readFile(t, "testdata/inferred.yaml")
	mustWrite(t, file, []byte(orig))
	srv, err := New(Options{Root: root, Rules: contract.DefaultRules(), Title: "inferred"})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	t.Cleanup(srv.Close)
	s := &stepper{t: t, ctx: ctx, dir: artifactsDir(t, "cockpit-inferred")}
	editor := ts.URL + "/editor?file=contracts/customers.yaml"
	id, email := `.prop[data-path="schema[0].properties[0]"] `, `.prop[data-path="schema[0].properties[1]"] `
	chip := func(card, rel, fact string) string {
		return card + `.field[data-rel="` + rel + `"] > .inferred-chip[data-fact="` + fact + `"]`
	}
	chips := `[...document.querySelectorAll(".inferred-chip")].map(c => c.closest(".prop").dataset.path.slice(-2, -1) + ":" + c.dataset.fact + ":" + c.textContent).join(" | ")`

	s.do("pt", chromedp.Navigate(editor+"&lang=pt"), chromedp.WaitVisible(chromedp.CSS(chip(email, "classification", "pii"))))
	if got := eval[string](t, ctx, `document.querySelector('`+chip(email, "logicalType", "logicalType")+`').textContent`); !strings.HasPrefix(got, "tipo deduzido do nome — confirmar?") {
		t.Errorf("pt chip = %q", got)
	}
	s.do("en", chromedp.Navigate(editor+"&lang=en"), chromedp.WaitVisible(chromedp.CSS(`#editor[data-ready="1"]`)),
		chromedp.WaitVisible(chromedp.CSS(chip(id, "primaryKey", "primaryKey"))))
	want := "0:logicalType:type guessed from the name — confirm?✓ | 0:primaryKey:key guessed✓ | " +
		"1:logicalType:type guessed from the name — confirm?✓ | 1:pii:personal data guessed✓"
	if got := eval[string](t, ctx, chips); got != want {
		t.Errorf("chips = %q\nwant   %q", got, want)
	}
	for _, bad := range eval[[]string](t, ctx, layoutJS) {
		t.Errorf("layout with chips: %s", bad)
	}

	// Confirm the e-mail's type with its ✓ and save.
	s.do("confirm",
		chromedp.Click(chromedp.CSS(chip(email, "logicalType", "logicalType")+" .confirm-inferred")),
		wait(`!document.querySelector('`+chip(email, "logicalType", "logicalType")+`')`),
		chromedp.Click(chromedp.CSS("#save-btn")),
		wait(`document.getElementById("editor").dataset.saved === "contracts/customers.yaml"`),
	)
	doc, _ := contract.Parse("customers.yaml", []byte(orig))
	canon, err := contract.Marshal(doc.Contract)
	if err != nil {
		t.Fatal(err)
	}
	saved := readFile(t, file)
	if exp := dropLineAfter(string(canon), "name: customer_email", "- logicalType"); saved != exp {
		t.Fatalf("saved file:\n%s\nwant only the e-mail's logicalType marker gone:\n%s", saved, exp)
	}
	if got := eval[int](t, ctx, `document.querySelectorAll(".inferred-chip").length`); got != 3 {
		t.Errorf("after the save %d chips, want 3", got)
	}

	// Changing a box confirms its fact too: untick the ID's primary key.
	s.do("untick-key",
		chromedp.Click(chromedp.CSS(id+`[data-pkey="primaryKey"]`)),
		wait(`!document.querySelector('`+chip(id, "primaryKey", "primaryKey")+`') && !!document.querySelector('`+chip(id, "logicalType", "logicalType")+`')`),
		wait(`(() => { const y = document.getElementById("yaml-preview").textContent;
			const c = y.slice(y.indexOf("name: customer_id"), y.indexOf("name: customer_email"));
			return !c.includes("- primaryKey") && !c.includes("primaryKey: true") && c.includes("- logicalType"); })()`),
	)
}
