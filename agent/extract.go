package agent

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"

	"github.com/dataeng-os/dataeng-os/agent/spec"
	"github.com/dataeng-os/dataeng-os/contract"
	"github.com/dataeng-os/dataeng-os/prompts"
	"go.yaml.in/yaml/v3"
)

// answer is what one model reply contained.
type answer struct {
	Canvas    string
	Contract  string
	Questions []string
	HasCanvas bool
	HasYAML   bool
}

type fenceBlock struct {
	lang  string
	start int // line of the opening fence
	end   int // line of the closing fence (len(lines) when unclosed)
}

// parseAnswer extracts the canvas (a ```markdown block) and the contract (a
// ```yaml block, or a JSON object when structured output is used) from a
// model reply. It never trusts the reply for anything but these texts.
func parseAnswer(text string, structured bool) answer {
	if structured {
		if a, err := parseStructured(text); err == nil {
			return a
		}
	}
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	var a answer
	for _, b := range fences(lines) {
		body := strings.Join(lines[b.start+1:b.end], "\n")
		switch {
		case (b.lang == "yaml" || b.lang == "yml") && !a.HasYAML:
			a.Contract, a.HasYAML = strings.TrimSpace(body)+"\n", true
		case (b.lang == "markdown" || b.lang == "md") && !a.HasCanvas:
			a.Canvas, a.HasCanvas = strings.TrimSpace(body)+"\n", true
		case b.lang == "" && !a.HasYAML && strings.Contains(body, "apiVersion:"):
			a.Contract, a.HasYAML = strings.TrimSpace(body)+"\n", true
		}
	}
	if !a.HasYAML && strings.HasPrefix(strings.TrimSpace(text), "apiVersion:") {
		a.Contract, a.HasYAML = strings.TrimSpace(text)+"\n", true
	}
	if a.HasCanvas {
		a.Questions = openQuestions(a.Canvas)
	}
	return a
}

// fences finds fenced blocks. A markdown block may itself hold fences: it
// closes at the last bare fence before the next YAML opening (```yaml, or
// a bare fence followed by apiVersion:).
func fences(lines []string) []fenceBlock {
	var out []fenceBlock
	for i := 0; i < len(lines); i++ {
		t := strings.TrimSpace(lines[i])
		if !strings.HasPrefix(t, "```") {
			continue
		}
		b := fenceBlock{lang: strings.ToLower(strings.TrimSpace(strings.TrimPrefix(t, "```"))), start: i, end: len(lines)}
		if b.lang == "markdown" || b.lang == "md" {
			limit := len(lines)
			for j := i + 1; j < len(lines); j++ {
				l := strings.ToLower(strings.TrimSpace(lines[j]))
				unlabelledYAML := l == "```" && j+1 < len(lines) && strings.HasPrefix(strings.TrimSpace(lines[j+1]), "apiVersion:")
				if l == "```yaml" || l == "```yml" || unlabelledYAML {
					limit = j
					break
				}
			}
			for j := limit - 1; j > i; j-- {
				if strings.TrimSpace(lines[j]) == "```" {
					b.end = j
					break
				}
			}
		} else {
			for j := i + 1; j < len(lines); j++ {
				if strings.TrimSpace(lines[j]) == "```" {
					b.end = j
					break
				}
			}
		}
		out = append(out, b)
		i = b.end
	}
	return out
}

// parseStructured reads {"canvas": "...", "contract": {...}, "openQuestions": [...]}.
func parseStructured(text string) (answer, error) {
	t := strings.TrimSpace(text)
	t = strings.TrimPrefix(t, "```json")
	t = strings.TrimSuffix(strings.TrimPrefix(t, "```"), "```")
	var v struct {
		Canvas        string          `json:"canvas"`
		Contract      json.RawMessage `json:"contract"`
		OpenQuestions []string        `json:"openQuestions"`
	}
	if err := json.Unmarshal([]byte(strings.TrimSpace(t)), &v); err != nil {
		return answer{}, err
	}
	if len(v.Contract) == 0 || v.Contract[0] != '{' {
		return answer{}, errors.New("no contract object")
	}
	y, err := jsonToYAML(v.Contract)
	if err != nil {
		return answer{}, err
	}
	a := answer{Contract: y, HasYAML: true, Questions: v.OpenQuestions}
	if strings.TrimSpace(v.Canvas) != "" {
		a.Canvas, a.HasCanvas = strings.TrimSpace(v.Canvas)+"\n", true
		a.Questions = spec.MergeQuestions(a.Questions, openQuestions(a.Canvas))
	}
	return a, nil
}

// jsonToYAML turns a JSON object into block-style YAML, keeping key order.
func jsonToYAML(raw []byte) (string, error) {
	var n yaml.Node
	if err := yaml.Unmarshal(raw, &n); err != nil {
		return "", err
	}
	blockStyle(&n)
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(&n); err != nil {
		return "", err
	}
	return b.String(), enc.Close()
}

func blockStyle(n *yaml.Node) {
	if n.Kind == yaml.MappingNode || n.Kind == yaml.SequenceNode {
		n.Style = 0
	}
	if n.Kind == yaml.ScalarNode && n.Style == yaml.DoubleQuotedStyle && n.Tag == "!!str" {
		n.Style = 0
	}
	for _, c := range n.Content {
		blockStyle(c)
	}
}

// openQuestions lists the bullets of the canvas's "Open questions" section
// (sections as contract.CanvasSections splits them).
func openQuestions(canvas string) []string {
	var out []string
	for _, sec := range contract.CanvasSections(canvas) {
		if !prompts.IsOpenQuestions(sec.Title) {
			continue
		}
		for _, l := range strings.Split(sec.Question, "\n") {
			t := strings.TrimSpace(l)
			if !strings.HasPrefix(t, "- ") && !strings.HasPrefix(t, "* ") {
				continue
			}
			if q := strings.TrimSpace(t[2:]); q != "" && !strings.EqualFold(q, "none") && !strings.EqualFold(q, "nenhuma") {
				out = append(out, q)
			}
		}
	}
	return out
}
