package cli

import (
	"context"
	"fmt"
	"strings"
)

const chatHelp = `commands:
  /help       this list
  /canvas     show the current canvas draft
  /contract   show the current contract draft
  /findings   every open finding of the current drafts
  /validate   validate the current drafts again
  /draft      draft now with what was said so far
  /save       save the drafts (a failing draft is saved as <name>.draft.odcs.yaml)
  /attempts   drafting attempts and what is left
  /usage      tokens and estimated cost
  /retry      ask the model again after a cancelled turn
  /lang en|pt switch the session's language
  /fields     the fields listed so far (guided mode)
  /undo       remove the last field listed (guided mode, fields step)
  /edit NAME  change one field: /edit NAME, then the field again, or
              /edit churn_date timestamp, required in one line
  /quit       leave (the session is kept; resume with --resume)
keys: ↑/↓ history, Ctrl-A/E line start/end, Alt-B/F words, Tab completes
a /command, a trailing \ adds a line, Ctrl-C cancels a reply`

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
		c.show(c.r.markdown(c.s.Canvas()), "no canvas yet")
	case "/contract":
		c.show(c.s.Contract(), "no contract yet")
	case "/findings":
		c.r.showFindings(c.s.Findings())
	case "/validate":
		c.r.showAll = true
		c.s.Validate()
	case "/draft":
		c.turn(ctx, c.s.Draft)
	case "/save":
		if _, err := c.s.Save(); err != nil {
			fmt.Fprintln(io.ErrOut, "error: "+err.Error())
		}
	case "/attempts":
		fmt.Fprintln(io.Out, c.attempts())
	case "/usage":
		u, calls, cost := c.s.Usage()
		price := "no price configured ([prices.MODEL] in dataeng-os.toml)"
		if cost > 0 {
			price = fmt.Sprintf("$%.4f", cost)
		}
		fmt.Fprintf(io.Out, "usage: %d model calls, %d input + %d output = %d tokens; cost: %s\n", calls, u.InputTokens, u.OutputTokens, u.Total(), price)
	case "/retry":
		c.turn(ctx, c.s.Continue)
	case "/fields", "/undo", "/edit":
		if !c.s.Guided() {
			fmt.Fprintf(io.ErrOut, "%s works in guided mode, where the Architect lists the fields with you\n", cmd)
			break
		}
		c.turn(ctx, func(tctx context.Context) error { return c.s.Send(tctx, line) }) // journaled: resume replays it
	case "/lang":
		_, arg, _ := strings.Cut(line, " ")
		if !c.s.SetLang(strings.TrimSpace(arg)) {
			fmt.Fprintln(io.ErrOut, "usage: /lang en|pt")
		}
	default:
		fmt.Fprintf(io.ErrOut, "unknown command %s; /help lists them\n", cmd)
	}
	return false
}

// attempts says how many drafting attempts and reasks were made, what the
// budget leaves and what is open.
func (c *chat) attempts() string {
	v := c.r.view()
	n := max(c.s.Attempts(), c.r.drafts)
	s := v.say("attempts: ", "tentativas: ") + v.count(n, "drafting attempt", "drafting attempts", "tentativa de rascunho", "tentativas de rascunho")
	if c.r.reasks > 0 {
		s += " (" + v.count(c.r.reasks, "reask", "reasks", "nova pergunta ao modelo", "novas perguntas ao modelo") + ")"
	}
	if !c.s.Guided() {
		s += fmt.Sprintf(v.say("; up to %d per draft", "; até %d por rascunho"), c.a.MaxAttempts())
	}
	fs := c.s.Findings()
	errs := len(errorFindings(fs))
	return s + v.say("; open: ", "; em aberto: ") + v.count(errs, "error", "errors", "erro", "erros") + ", " +
		v.count(len(fs)-errs, "warning", "warnings", "aviso", "avisos")
}

func (c *chat) show(text, none string) {
	if strings.TrimSpace(text) == "" {
		fmt.Fprintln(c.f.IO.Out, none)
		return
	}
	fmt.Fprint(c.f.IO.Out, strings.TrimRight(text, "\n")+"\n")
}
