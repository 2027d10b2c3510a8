package agent

import (
	"strings"
	"testing"

	"github.com/dataeng-os/dataeng-os/prompts"
)

// TestStreamRedactor: however a reply is cut into deltas, the tokens shown
// never hold the key, and joined they equal the redacted reply.
func TestStreamRedactor(t *testing.T) {
	t.Parallel()
	const key = "plain-KEY-0123456789"
	reply := "olá, a chave é " + key + " e de novo " + key + "."
	want := strings.ReplaceAll(reply, key, "[REDACTED]")
	a := &Architect{opts: Options{Secrets: []string{key}}}
	for size := 1; size <= len(reply); size++ {
		r := a.newStreamRedactor()
		var got strings.Builder
		for i := 0; i < len(reply); i += size {
			tok := r.Write(reply[i:min(i+size, len(reply))])
			if strings.Contains(tok, "KEY-01") {
				t.Fatalf("size %d: a token holds part of the key: %q", size, tok)
			}
			got.WriteString(tok)
		}
		got.WriteString(r.Flush())
		if got.String() != want {
			t.Fatalf("size %d: got %q, want %q", size, got.String(), want)
		}
	}
}

func TestRedactEvent(t *testing.T) {
	t.Parallel()
	ev := RedactEvent(Event{Type: EventQuestion, Text: "k=s3cr3t-value", Content: "s3cr3t-value",
		Question: &Question{Text: "s3cr3t-value?", Default: "s3cr3t-value"}}, "s3cr3t-value")
	for _, s := range []string{ev.Text, ev.Content, ev.Question.Text, ev.Question.Default} {
		if strings.Contains(s, "s3cr3t") {
			t.Fatalf("not redacted: %+v", ev)
		}
	}
}

// TestStreamDropsReadyMarker: the protocol marker never reaches a renderer,
// however the stream splits it.
func TestStreamDropsReadyMarker(t *testing.T) {
	t.Parallel()
	reply := "Thanks, I have enough.\n" + prompts.ReadyMarker + "\n"
	a := &Architect{}
	for size := 1; size <= len(reply); size++ {
		r := a.newStreamRedactor()
		var got strings.Builder
		for i := 0; i < len(reply); i += size {
			got.WriteString(r.Write(reply[i:min(i+size, len(reply))]))
		}
		got.WriteString(r.Flush())
		if strings.Contains(got.String(), "READY") || !strings.HasPrefix(got.String(), "Thanks, I have enough.") {
			t.Fatalf("size %d: %q", size, got.String())
		}
	}
	if ev := RedactEvent(Event{Type: EventAssistant, Text: reply}); ev.Text != "Thanks, I have enough." {
		t.Fatalf("assistant text = %q", ev.Text)
	}
}
