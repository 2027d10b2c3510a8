package cli

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/dataeng-os/dataeng-os/cmd/dataeng-os/internal/iostreams"
)

// TestTurnCtrlCCancels: Ctrl-C during a generation cancels only that turn
// and says what happened to the partial answer; a Ctrl-C from before the
// turn does not cancel it.
func TestTurnCtrlCCancels(t *testing.T) {
	t.Parallel()
	ios, _, _, errOut := iostreams.Test()
	c := &chat{f: &Factory{IO: ios}, sigs: make(chan os.Signal, 1)}
	c.r = newChatRenderer(c.f, "/p")
	c.sigs <- os.Interrupt // stale: pressed before the turn
	c.turn(context.Background(), func(ctx context.Context) error { return nil })
	if errOut.Len() != 0 {
		t.Fatalf("a stale Ctrl-C cancelled the turn: %q", errOut)
	}
	started := make(chan struct{})
	go func() { <-started; c.sigs <- os.Interrupt }()
	c.turn(context.Background(), func(ctx context.Context) error {
		close(started)
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(5 * time.Second):
			return nil
		}
	})
	if got := errOut.String(); !strings.Contains(got, "cancelled: the partial answer stays above and in the session journal") {
		t.Errorf("stderr: %q", got)
	}
}

// TestInterruptedTwiceLeaves: the first Ctrl-C at an empty prompt says how
// to leave and that the session is kept; the second leaves.
func TestInterruptedTwiceLeaves(t *testing.T) {
	t.Parallel()
	ios, _, _, errOut := iostreams.Test()
	c := &chat{f: &Factory{IO: ios}, id: "20260101-000000-abcdef"}
	if c.interrupted() {
		t.Fatal("left on the first Ctrl-C")
	}
	want := "press Ctrl-C again or /quit to leave; the session is kept (resume: dataeng-os chat --resume 20260101-000000-abcdef)\n"
	if errOut.String() != want {
		t.Errorf("hint %q, want %q", errOut, want)
	}
	if !c.interrupted() {
		t.Error("stayed on the second Ctrl-C")
	}
}

// TestFindingsDimRuleOnColour: on a colour terminal the rule id is dimmed
// and errors are red; the layout (widths) is the plain one.
func TestFindingsDimRuleOnColour(t *testing.T) {
	t.Parallel()
	ios, _, _, errOut := iostreams.Test()
	ios.SetColorEnabled(true)
	r := newChatRenderer(&Factory{IO: ios}, "/p")
	r.width = 80
	r.findings(sampleFindings[:1])
	got := errOut.String()
	if !strings.Contains(got, "\x1b[2mgov-pii-unclassified · (not saved yet)\x1b[0m") || !strings.Contains(got, "\x1b[31merror\x1b[0m") {
		t.Errorf("colour output: %q", got)
	}
	errOut.Reset()
	r.findings(sampleFindings[:1])
	if n := strings.Count(errOut.String(), "\n"); n != 1 {
		t.Errorf("unchanged findings printed %d lines, want the total only: %q", n, errOut)
	}
}
