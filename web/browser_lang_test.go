package web

import (
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/dataeng-os/dataeng-os/contract"
)

// TestBrowserPortuguese: with ?lang=pt the editor's scripts write their
// labels from the catalog in pt-BR (table titles, the validation badge).
func TestBrowserPortuguese(t *testing.T) {
	ctx := browser(t)
	root := t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, "contracts"), 0o755); err != nil {
		t.Fatal(err)
	}
	srv, err := New(Options{Root: root, Rules: contract.DefaultRules(), Title: "browser-pt"})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	s := &stepper{t: t, ctx: ctx, dir: artifactsDir(t, "cockpit-pt")}
	s.do("editor-pt",
		chromedp.Navigate(ts.URL+"/editor?lang=pt"),
		chromedp.WaitVisible(chromedp.CSS(`#editor[data-ready="1"]`)),
		wait(`document.querySelector("fieldset.object .obj-title").textContent === "Tabela 1"`),
		wait(`/achados aparecem/.test(document.getElementById("validation-summary").textContent)`), // quiet until typed, in pt
	)
	if h := eval[string](t, ctx, `document.getElementById("editor-title").textContent`); h != "Novo contrato" {
		t.Errorf("title = %q", h)
	}
}
