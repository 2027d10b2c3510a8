package agent

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dataeng-os/dataeng-os/agent/guided"
)

// TestGuidedNameConfirmation: "no" asks for another name, a sentence is
// proposed again, and a resumed session replays the confirmation.
func TestGuidedNameConfirmation(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "n.jsonl")
	j, err := OpenJournal(path)
	if err != nil {
		t.Fatal(err)
	}
	s, evs := langSession(t, SessionOptions{ID: "n", Journal: j})
	steps := []struct{ say, wantQ string }{
		{"I need a table of online store orders with customer email", "I'd name it `online_store_orders`. Keep it?"},
		{"no", "Then type the name you want"},
		{"we want a dataset of shipments from the WMS", "I'd name it `shipments`. Keep it?"},
		{"", "Problem and decision supported"},
	}
	for _, st := range steps {
		from := len(*evs)
		if err := s.Send(context.Background(), st.say); err != nil {
			t.Fatal(err)
		}
		var said []string
		for _, e := range (*evs)[from:] {
			said = append(said, e.Text)
		}
		if !strings.Contains(strings.Join(said, "\n"), st.wantQ) {
			t.Fatalf("after %q: said %q, want %q", st.say, said, st.wantQ)
		}
	}
	if guidedOf(s).Name() != "shipments" || guidedOf(s).ProductName() != "shipments" {
		t.Fatalf("name %q (%q)", guidedOf(s).Name(), guidedOf(s).ProductName())
	}
	j.Close()
	journal, _ := ReadJournal(path)
	r, err := ResumeSession(newArchitect(t, nil, nil), journal, SessionOptions{})
	if err != nil || guidedOf(r).Name() != "shipments" || guidedOf(r).Current() == nil || guidedOf(r).Current().Kind != guided.QSection {
		t.Fatalf("resumed: name %q, question %+v, err %v", guidedOf(r).Name(), guidedOf(r).Current(), err)
	}
}
