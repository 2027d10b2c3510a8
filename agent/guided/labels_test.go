package guided

import (
	"strings"
	"testing"
)

// TestGuidedSectionLabelsPortuguese: section questions in a Portuguese
// session carry the Portuguese label.
func TestGuidedSectionLabelsPortuguese(t *testing.T) {
	t.Parallel()
	g := newTest(t, "pt")
	for _, s := range g.cfg.Sections {
		if sectionRole(s.Title) == roleSources {
			if q := g.sectionQuestion(s.Title); !strings.HasPrefix(q, "Fontes de dados: ") {
				t.Errorf("sources question = %q", q)
			}
		}
	}
	if got := sectionLabel("Data sources", "en"); got != "Data sources" {
		t.Errorf("en label = %q", got)
	}
}
