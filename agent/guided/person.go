package guided

import (
	"slices"
	"strings"

	"github.com/dataeng-os/dataeng-os/agent/event"
)

// Person is a scripted person who answers a guided interview: the demo's
// product owner and the tests' stakeholder. Fields are sent one per
// message, then "done"; a follow-up is answered from Findings by its key
// (a canvas-section follow-up, key "section", from Sections when Findings
// has no "section" entry), anything else "skip"; a section question from
// the first key of Sections (sorted) that its title contains, else Default
// ("Answer for <title>" when empty).
type Person struct {
	Name, Table, Owner string
	Fields             []string
	Findings           map[string]string
	Sections           map[string]string // by a lower-case word of the section title
	Default            string
	sent               int
}

// Answer is the person's reply to q.
func (p *Person) Answer(q event.Question) string {
	switch q.Kind {
	case QName:
		return p.Name
	case QTable:
		return p.Table
	case QFields:
		if p.sent < len(p.Fields) {
			p.sent++
			return p.Fields[p.sent-1]
		}
		return "done"
	case QFinding:
		if a, ok := p.Findings[q.Key]; ok {
			return a
		}
		if q.Key == "section" {
			return p.section(q.Section)
		}
		return "skip"
	case QOwner:
		if p.Owner != "" {
			return p.Owner
		}
	}
	return p.section(q.Section)
}

func (p *Person) section(title string) string {
	t := strings.ToLower(title)
	keys := make([]string, 0, len(p.Sections))
	for k := range p.Sections {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if strings.Contains(t, k) {
			return p.Sections[k]
		}
	}
	if p.Default != "" {
		return p.Default
	}
	return "Answer for " + title
}
