package cli

import (
	"fmt"
	"strings"

	"github.com/dataeng-os/dataeng-os/agent"
)

// chatStatus is what the status line shows: it follows the session's
// events (header, attempts).
type chatStatus struct {
	mode, provider, model string
	attempt, maxAttempts  int
}

func (st *chatStatus) track(ev agent.Event) {
	switch ev.Type {
	case agent.EventSession:
		st.mode, st.provider, st.model = ev.Mode, ev.Provider, ev.Model
	case agent.EventAttempt:
		st.attempt, st.maxAttempts = ev.Attempt, ev.MaxAttempts
	}
}

// status is the status line: provider and model, tokens used of the
// budget, the last drafting attempt. On a terminal it is the line
// editor's right prompt, redrawn with the line; it is never printed when
// input is piped.
func (c *chat) status() string {
	st := c.r.status
	if c.s == nil || c.s.Guided() || st.mode == "guided" {
		return "guided, no model"
	}
	parts := []string{strings.TrimSpace(st.provider + " " + st.model)}
	u, _, _ := c.s.Usage()
	parts = append(parts, fmt.Sprintf("%s/%s tokens", shortCount(u.Total()), shortCount(c.a.TokenBudget())))
	if st.attempt > 0 {
		parts = append(parts, fmt.Sprintf("attempt %d/%d", st.attempt, st.maxAttempts))
	}
	return strings.Join(parts, " · ")
}

// shortCount writes 1234 as 1.2k and 2000000 as 2M.
func shortCount(n int) string {
	switch {
	case n >= 1_000_000:
		return strings.TrimSuffix(fmt.Sprintf("%.1f", float64(n)/1e6), ".0") + "M"
	case n >= 1000:
		return strings.TrimSuffix(fmt.Sprintf("%.1f", float64(n)/1e3), ".0") + "k"
	}
	return fmt.Sprint(n)
}
