package cli

import (
	"context"
	"fmt"
	"strings"
)

// command runs a slash command; it reports whether to quit.
func (c *chat) command(ctx context.Context, line string) bool {
	io, v := c.f.IO, c.r.view()
	cmd, _, _ := strings.Cut(line, " ")
	switch strings.ToLower(cmd) {
	case "/quit", "/exit", "/q":
		return true
	case "/help", "/?":
		fmt.Fprintln(io.Out, v.t("help"))
	case "/canvas":
		c.show(c.r.markdown(c.s.Canvas()), v.t("noCanvas"))
	case "/contract":
		c.show(c.s.Contract(), v.t("noContract"))
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
		price := v.t("noPrice")
		if cost > 0 {
			price = fmt.Sprintf("$%.4f", cost)
		}
		fmt.Fprintln(io.Out, v.t("usage", calls, u.InputTokens, u.OutputTokens, u.Total(), price))
	case "/retry":
		c.turn(ctx, c.s.Continue)
	case "/fields", "/undo", "/edit":
		if !c.s.Guided() {
			fmt.Fprintln(io.ErrOut, v.t("guidedOnly", cmd))
			break
		}
		c.turn(ctx, func(tctx context.Context) error { return c.s.Send(tctx, line) }) // journaled: resume replays it
	case "/lang":
		_, arg, _ := strings.Cut(line, " ")
		if !c.s.SetLang(strings.TrimSpace(arg)) {
			fmt.Fprintln(io.ErrOut, v.t("langUsage"))
		}
	default:
		fmt.Fprintln(io.ErrOut, v.t("unknown", cmd))
	}
	return false
}

// attempts says how many drafting attempts and reasks were made, what the
// budget leaves and what is open.
func (c *chat) attempts() string {
	v := c.r.view()
	n := max(c.s.Attempts(), c.r.drafts)
	s := v.t("attempts") + v.count(n, "att")
	if c.r.reasks > 0 {
		s += " (" + v.count(c.r.reasks, "reask") + ")"
	}
	if !c.s.Guided() {
		s += v.t("perDraft", c.a.MaxAttempts())
	}
	fs := c.s.Findings()
	errs := len(errorFindings(fs))
	return s + v.t("open") + v.count(errs, "error") + ", " + v.count(len(fs)-errs, "warn")
}

func (c *chat) show(text, none string) {
	if strings.TrimSpace(text) == "" {
		fmt.Fprintln(c.f.IO.Out, none)
		return
	}
	fmt.Fprint(c.f.IO.Out, strings.TrimRight(text, "\n")+"\n")
}
