package cli

import (
	"testing"

	"github.com/dataeng-os/dataeng-os/cmd/dataeng-os/internal/iostreams"
)

const canvasSample = "## Consumers\n" +
	"- **Finance** reads `fct_orders` every morning before the reconciliation meeting starts\n" +
	"```yaml\n# not a heading\n```\n" +
	"| a | b |\n"

// TestMarkdownOnColourTerminal: headings bold, bullets, bold and code
// styled, long lines wrapped under the bullet, fenced blocks untouched.
func TestMarkdownOnColourTerminal(t *testing.T) {
	t.Parallel()
	ios, _, _, _ := iostreams.Test()
	ios.SetColorEnabled(true)
	r := newChatRenderer(&Factory{IO: ios}, "")
	r.outWidth = 40
	got := r.markdown(canvasSample)
	want := "\x1b[1mConsumers\x1b[0m\n" +
		"• \x1b[1mFinance\x1b[0m reads \x1b[36mfct_orders\x1b[0m every\n" +
		"  morning before the reconciliation\n" +
		"  meeting starts\n" +
		"\x1b[2m```yaml\x1b[0m\n\x1b[2m# not a heading\x1b[0m\n\x1b[2m```\x1b[0m\n" +
		"| a | b |"
	if got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}

// TestMarkdownPlainWhenPiped: without colour (a pipe, NO_COLOR) the
// Markdown is shown as written.
func TestMarkdownPlainWhenPiped(t *testing.T) {
	t.Parallel()
	ios, _, _, _ := iostreams.Test()
	r := newChatRenderer(&Factory{IO: ios}, "")
	r.outWidth = 40
	if got := r.markdown(canvasSample); got != canvasSample {
		t.Errorf("got %q", got)
	}
	if got := r.inline("a **b"); got != "a **b" {
		t.Errorf("unpaired: %q", got)
	}
}
