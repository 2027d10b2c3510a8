package cli

import (
	"context"
	"fmt"
	"strings"

	"github.com/dataeng-os/dataeng-os/contract"
)

const chatHelp = `commands:
  /help       this list
  /canvas     show the current canvas draft
  /contract   show the current contract draft
  /validate   validate the current drafts
  /draft      draft now with what was said so far
  /save       save the drafts (a failing draft is saved as <name>.draft.odcs.yaml)
  /attempts   drafting attempts and what is left
  /usage      tokens and estimated cost
  /retry      ask the model again after a cancelled turn
  /quit       leave (the session is kept; resume with --resume)`

// command runs a slash command; it reports whether to quit.
func (c *chat) command(ctx context.Context, line string) bool {
	io := c.f.IO
	cmd, _, _ := strings.Cut(line, " ")
	switch strings.ToLower(cmd) {
	case "/quit", "/exit", "/q":
		return true
	case "/help", "/?":
		fmt.Fprintln(io.Out, chatHelp)
	case "/canvas":
		c.show(c.s.Canvas(), "no canvas yet")
	case "/contract":
		c.show(c.s.Contract(), "no contract yet")
	case "/validate":
		c.s.Validate()
	case "/draft":
		c.turn(ctx, c.s.Draft)
	case "/save":
		if _, err := c.s.Save(); err != nil {
			fmt.Fprintln(io.ErrOut, "error: "+err.Error())
		}
	case "/attempts":
		fs := c.s.Findings()
		errs := 0
		for _, f := range fs {
			if f.Severity == contract.SeverityError {
				errs++
			}
		}
		fmt.Fprintf(io.Out, "attempts: %d drafting attempts so far; open findings: %d errors, %d warnings\n", c.s.Attempts(), errs, len(fs)-errs)
	case "/usage":
		u, calls, cost := c.s.Usage()
		price := "no price configured ([prices.MODEL] in dataeng-os.toml)"
		if cost > 0 {
			price = fmt.Sprintf("$%.4f", cost)
		}
		fmt.Fprintf(io.Out, "usage: %d model calls, %d input + %d output = %d tokens; cost: %s\n", calls, u.InputTokens, u.OutputTokens, u.Total(), price)
	case "/retry":
		c.turn(ctx, c.s.Continue)
	default:
		fmt.Fprintf(io.ErrOut, "unknown command %s; /help lists them\n", cmd)
	}
	return false
}

func (c *chat) show(text, none string) {
	if strings.TrimSpace(text) == "" {
		fmt.Fprintln(c.f.IO.Out, none)
		return
	}
	fmt.Fprint(c.f.IO.Out, strings.TrimRight(text, "\n")+"\n")
}
