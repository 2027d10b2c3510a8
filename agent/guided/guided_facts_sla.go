package guided

import (
	"strings"

	"github.com/dataeng-os/dataeng-os/agent/spec"
)

// slaRoles are the answers besides the SLA one whose schedule is the
// data's freshness ("Postgres, replicated hourly"). Consumers and Purpose
// say how often people look, not how fresh the data is.
var slaRoles = []int{roleSources, roleDelivery, roleQuality, roleOther}

// slaFacts is the SLA the answers state: the SLA answer's freshness
// ("every day by 9am", "atualização diária até 9h", "de hora em hora"),
// else the first schedule another answer states, read as the notes
// extractor reads a schedule. The text is the SLA answer as written.
func (g *Interviewer) slaFacts() spec.SLA {
	text := strings.TrimSpace(g.answerFor(roleSLA))
	if v, unit, ok := freshness(text); ok {
		return spec.SLA{Text: text, Value: v, Unit: unit}
	}
	for _, role := range slaRoles {
		for _, s := range g.cfg.Sections {
			if sectionRole(s.Title) != role || strings.TrimSpace(g.answers[s.Title]) == "" {
				continue
			}
			x := &extraction{lines: splitNoteLines(g.answers[s.Title])}
			x.readSLA()
			if x.d.SLA.Value > 0 {
				if text != "" {
					x.d.SLA.Text = text
				}
				return x.d.SLA
			}
		}
	}
	return spec.SLA{Text: text}
}
