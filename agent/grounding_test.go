package agent

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestGroundNormalisation(t *testing.T) {
	t.Parallel()
	src := newGroundIndex("Campos: e-mail do cliente, CPF, data de criação, números de telefone\nOrders: order total (cents)\nFonte: HubSpot\nSLA 1.000 linhas, 0,5 h")
	for _, tc := range []struct {
		name string
		want bool
	}{
		{"customer_email", true},       // pt/en lexicon and e-mail
		{"email_cliente", true},        // without the small words
		{"cpf", true},                  // case
		{"data_criacao", true},         // accents
		{"creationDate", false},        // not a spelling: a different word
		{"telefone_numero", true},      // plural s
		{"order_total_cents", true},    // snake_case vs spaces
		{"hubspot", true},              // one word in CamelCase
		{"basket_value", false},        // invented
		{"customer_basket", false},     // half invented
		{"endereco_do_cliente", false}, // not stated
	} {
		if got := src.hasName(tc.name); got != tc.want {
			t.Errorf("hasName(%q) = %v, want %v", tc.name, got, tc.want)
		}
	}
	for _, n := range []string{"1000", "1.000", "0.5", "0,5"} {
		if !src.hasNumber(n) {
			t.Errorf("number %s not found", n)
		}
	}
	if src.hasNumber("15") {
		t.Error("15 is not in the source")
	}
}

func TestGroundDescriptions(t *testing.T) {
	t.Parallel()
	g := newGrounder("Orders: order id, total in cents. Owner: Checkout squad.", "", true)
	for _, tc := range []struct {
		desc string
		want bool
	}{
		{"Total of the order, in cents.", true},            // paraphrase
		{"The amount the Checkout squad reports.", true},   // a stated name
		{"Total in cents, settled by Stripe.", false},      // a new name
		{"Total in cents, refreshed every 15 min.", false}, // a new number
		{"Mirrors the basket_total column.", false},        // a new identifier
	} {
		if got := g.grounded(groundItem{Kind: gkDesc, Text: tc.desc}); got != tc.want {
			t.Errorf("description %q grounded = %v, want %v", tc.desc, got, tc.want)
		}
	}
}

// TestExtractorDraftsAreGrounded: what the notes extractor reads is never
// flagged, so the no-model path and a model that keeps the extractor's
// start pass untouched. Names, values, owners and systems are checked
// against the notes alone; numbers may be the extractor's ("diária" is 1 d).
func TestExtractorDraftsAreGrounded(t *testing.T) {
	t.Parallel()
	a := newArchitect(t, nil, nil)
	for _, n := range sampleNotes(t) {
		f, notes, name := n.name, n.text, n.name
		y := a.startFromNotes(name, notes, DetectLanguage(notes))
		strict := newGrounder(name+"\n"+notes, "", true)
		items, _ := strict.ungrounded(y)
		for _, it := range items {
			if it.Kind != gkNumber {
				t.Errorf("%s: %s %s is flagged against the notes alone", f, it.Path, it.label())
			}
		}
		if fs := newGrounder(name+"\n"+notes, y, true).findings("x", y, "error"); len(fs) != 0 {
			t.Errorf("%s: %v", f, fs)
		}
	}
}

func TestStripKeepsQuestionsNotFields(t *testing.T) {
	t.Parallel()
	g := newGrounder(groundNotes, "", true)
	yml := strings.Replace(groundBase(t), inventions[3].old, inventions[3].new, 1) // refunded
	out, qs := g.strip(yml, "pt")
	if strings.Contains(out, "refunded") || !strings.Contains(out, "- paid") {
		t.Fatalf("strip:\n%s", out)
	}
	if len(qs) != 1 || !strings.Contains(qs[0], "refunded") || !strings.Contains(qs[0], "as notas") {
		t.Fatalf("questions: %v", qs)
	}
	if again, qs := g.strip(out, "en"); again != out || qs != nil {
		t.Fatal("a grounded contract must be returned unchanged")
	}
}

type sampleNote struct{ name, text string }

// sampleNotes are the project's sample notes (agent/spec and testdata).
func sampleNotes(t *testing.T) []sampleNote {
	t.Helper()
	files, _ := filepath.Glob("spec/testdata/notes/*.*")
	held, _ := filepath.Glob("spec/testdata/notes/heldout/*.*")
	top, _ := filepath.Glob("../testdata/notes/*.md")
	var out []sampleNote
	for _, f := range append(append(files, held...), top...) {
		b, err := os.ReadFile(f)
		if err != nil || strings.HasSuffix(f, "NOTICE") {
			continue
		}
		out = append(out, sampleNote{strings.TrimSuffix(filepath.Base(f), filepath.Ext(f)), string(b)})
	}
	if len(out) < 8 {
		t.Fatalf("only %d sample notes", len(out))
	}
	return out
}
