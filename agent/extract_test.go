package agent

import (
	"strings"
	"testing"
)

func TestParseAnswer(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name              string
		in                string
		structured        bool
		canvas, yml       bool
		ymlHas, canvasHas string
		questions         int
	}{
		{name: "two blocks", in: "x\n```markdown\n# C\n## Open questions\n- Who owns it?\n```\n```yaml\napiVersion: v3.1.0\n```\n", canvas: true, yml: true, ymlHas: "apiVersion", questions: 1},
		{name: "canvas with a nested fence", in: "```markdown\n# C\n```sql\nselect 1\n```\nend\n```\n\n```yaml\napiVersion: v3.1.0\n```", canvas: true, yml: true, canvasHas: "select 1\n```\nend"},
		{name: "unlabelled yaml", in: "```md\n# C\n```\n```\napiVersion: v3.1.0\nkind: DataContract\n```", canvas: true, yml: true, ymlHas: "kind"},
		{name: "bare yaml", in: "apiVersion: v3.1.0\nkind: DataContract\n", yml: true},
		{name: "nothing", in: "I would need more information."},
		{name: "unclosed yaml", in: "```yaml\napiVersion: v3.1.0\nid: x", yml: true, ymlHas: "id: x"},
		{name: "structured", in: `{"canvas":"# C\n## Open questions\n- Owner?\n","contract":{"id":"x","apiVersion":"v3.1.0"},"openQuestions":["PK?"]}`, structured: true, canvas: true, yml: true, ymlHas: "id: x\napiVersion: v3.1.0", questions: 2},
		{name: "structured ignored by the provider", in: "```yaml\napiVersion: v3.1.0\n```", structured: true, yml: true},
	}
	for _, tt := range tests {
		a := parseAnswer(tt.in, tt.structured)
		if a.HasCanvas != tt.canvas || a.HasYAML != tt.yml || !strings.Contains(a.Contract, tt.ymlHas) || !strings.Contains(a.Canvas, tt.canvasHas) || len(a.Questions) != tt.questions {
			t.Errorf("%s: got canvas=%v yaml=%v questions=%q\ncanvas:\n%s\nyaml:\n%s", tt.name, a.HasCanvas, a.HasYAML, a.Questions, a.Canvas, a.Contract)
		}
	}
}

func FuzzParseAnswer(f *testing.F) {
	for _, s := range []string{"```markdown\n# C\n```\n```yaml\na: 1\n```", "```", "```yaml", `{"contract":{}}`, "apiVersion: x", "```md\n```\n```\napiVersion:"} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, structured bool) {
		a := parseAnswer(s, structured)
		if a.HasYAML && a.Contract == "" {
			t.Fatal("HasYAML with an empty contract")
		}
		repair(a.Contract, "x", newArchitectForFuzz.project.Rules)
	})
}

var newArchitectForFuzz, _ = New(Options{})
