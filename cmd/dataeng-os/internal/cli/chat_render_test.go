package cli

import (
	"testing"

	"github.com/dataeng-os/dataeng-os/agent"
	"github.com/dataeng-os/dataeng-os/cmd/dataeng-os/internal/iostreams"
)

// TestRendererStreams: streamed interview text is shown as it comes (the
// agent strips protocol markers: TestStreamDropsReadyMarker), drafting
// text is not.
func TestRendererStreams(t *testing.T) {
	t.Parallel()
	for _, color := range []bool{false, true} {
		ios, _, out, _ := iostreams.Test()
		ios.SetColorEnabled(color)
		r := newChatRenderer(&Factory{IO: ios}, "/p")
		for _, chunk := range []string{"Thanks", ", I have", " enough.\n", "[not a marker]", " ok"} {
			r.render(agent.Event{Type: agent.EventToken, Phase: agent.PhaseInterview, Text: chunk})
		}
		r.render(agent.Event{Type: agent.EventToken, Phase: agent.PhaseDraft, Text: "```yaml\nsecret draft"})
		r.render(agent.Event{Type: agent.EventAssistant, Phase: agent.PhaseInterview})
		if got, want := out.String(), "Thanks, I have enough.\n[not a marker] ok\n"; got != want {
			t.Errorf("color=%v: got %q, want %q", color, got, want)
		}
	}
}
