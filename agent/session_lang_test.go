package agent

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dataeng-os/dataeng-os/agent/guided"
)

// langSession starts a guided session and returns it with the questions
// it asks.
func langSession(t *testing.T, o SessionOptions) (*Session, *[]Event) {
	t.Helper()
	var evs []Event
	o.Sink = func(ev Event) { evs = append(evs, ev) }
	s := newArchitect(t, nil, nil).NewSession(o)
	s.Start()
	return s, &evs
}

func lastQ(evs []Event) string {
	for i := len(evs) - 1; i >= 0; i-- {
		if evs[i].Type == EventQuestion {
			return evs[i].Text
		}
	}
	return ""
}

// TestSessionLangStaysFixed: a session that began in Portuguese stays
// Portuguese after an answer that reads as English ("data: date,
// required"); only SetLang changes it.
func TestSessionLangStaysFixed(t *testing.T) {
	t.Parallel()
	s, evs := langSession(t, SessionOptions{ID: "l1"})
	ctx := context.Background()
	send := func(text string) {
		if err := s.Send(ctx, text); err != nil {
			t.Fatal(err)
		}
	}
	send("pedidos da loja online")
	if s.Lang() != "pt" {
		t.Fatalf("lang after a Portuguese name = %q", s.Lang())
	}
	for i := 0; i < 12 && guidedOf(s).Current().Kind != guided.QFields; i++ {
		send("resposta de teste para a seção")
	}
	send("valor total do pedido: moeda estrangeira")
	if info := (*evs)[len(*evs)-2]; info.Type != EventInfo || !strings.Contains(info.Text, "tipo desconhecido") {
		t.Errorf("bad field not explained in Portuguese: %+v", info)
	}
	send("data: date, required")
	send("the order id and the customer who placed it")
	if s.Lang() != "pt" || !strings.Contains(lastQ(*evs), "campo") {
		t.Fatalf("language flipped: lang=%q, question %q", s.Lang(), lastQ(*evs))
	}
	if !s.SetLang("en") || s.Lang() != "en" || strings.Contains(lastQ(*evs), "campo") {
		t.Fatalf("/lang en: lang=%q, question %q", s.Lang(), lastQ(*evs))
	}
	if s.SetLang("fr") {
		t.Error("SetLang(fr) accepted")
	}
}

// TestSessionLangFlagWins: SessionOptions.Language fixes the language
// before any message, and a resumed session keeps a /lang change.
func TestSessionLangFlagWins(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	path := filepath.Join(root, "l2.jsonl")
	j, _ := OpenJournal(path)
	s, evs := langSession(t, SessionOptions{ID: "l2", Language: "pt", Journal: j})
	if !strings.Contains(lastQ(*evs), "Como se chama") {
		t.Fatalf("--lang pt: first question %q", lastQ(*evs))
	}
	if err := s.Send(context.Background(), "checkout orders for the online store"); err != nil {
		t.Fatal(err)
	}
	if s.Lang() != "pt" {
		t.Fatalf("--lang pt overridden by an English message: %q", s.Lang())
	}
	s.SetLang("en")
	j.Close()
	journal, _ := ReadJournal(path)
	r, err := ResumeSession(newArchitect(t, nil, nil), journal, SessionOptions{})
	if err != nil || r.Lang() != "en" || guidedOf(r).Lang() != "en" {
		t.Fatalf("resumed lang = %q (guided %q), err %v", r.Lang(), guidedOf(r).Lang(), err)
	}
}
