package web

import (
	"context"
	"strings"
	"testing"
)

// fieldsChat records what reaches Send; guided says whether it is a
// session of the guided interviewer.
type fieldsChat struct {
	guided bool
	sent   *[]string
}

func (f fieldsChat) Send(_ context.Context, msg string) error {
	*f.sent = append(*f.sent, msg)
	return nil
}

func (f fieldsChat) Guided() bool { return f.guided }

// TestRunTurnFieldsCommands: in guided mode /fields, /undo and /edit go to
// the session (journaled like answers, so a reopened chat replays them);
// with a model, and for other commands, the panel's help answers.
func TestRunTurnFieldsCommands(t *testing.T) {
	t.Parallel()
	tests := []struct {
		msg    string
		guided bool
		sent   bool
	}{
		{"/fields", true, true},
		{"/undo", true, true},
		{"/edit churn_date timestamp, required", true, true},
		{"/EDIT plan", true, true},
		{"/fields", false, false},
		{"/frobnicate", true, false},
		{"/editor", true, false},
	}
	for _, tt := range tests {
		var sent []string
		rm := newRoom("r", func(s string) string { return s })
		rm.sess = fieldsChat{guided: tt.guided, sent: &sent}
		rm.claim()
		(&Server{}).runTurn(rm, tt.msg)
		if got := len(sent) == 1 && sent[0] == tt.msg; got != tt.sent {
			t.Errorf("%q (guided %v): sent %q", tt.msg, tt.guided, sent)
		}
		help := false
		for _, ev := range rm.history {
			help = help || strings.Contains(string(ev.Data), "Commands here")
		}
		if help == tt.sent {
			t.Errorf("%q (guided %v): help shown = %v", tt.msg, tt.guided, help)
		}
	}
	if !strings.Contains(chatHelp, "/edit NAME") {
		t.Errorf("the panel's help does not list /edit: %q", chatHelp)
	}
}
