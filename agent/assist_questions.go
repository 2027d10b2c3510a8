package agent

import (
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/dataeng-os/dataeng-os/agent/spec"
)

// The enums of assist answers.
var (
	assistTypes = []string{"string", "integer", "number", "boolean", "date", "timestamp", "time"}
	assistPII   = []string{"none", string(spec.PIIEmail), string(spec.PIIPhone), string(spec.PIIDocument), string(spec.PIIName),
		string(spec.PIIBirth), string(spec.PIIAddress), string(spec.PIIFinance), string(spec.PIIOther)}
	assistMarts = []string{"none", string(spec.MartFact), string(spec.MartDimension)}
)

// Caps of assist answers: a description, a purpose, and the tokens a
// bounded answer may take (num_predict / max_tokens).
const (
	assistDescLen   = 120
	assistEnumTok   = 48
	assistTextTok   = 96
	assistNoneValue = "none"
)

// assistQuestion is one bounded, verifiable question about the extracted
// draft. apply validates the answer locally and writes it; it returns why
// an answer was dropped ("" = applied).
type assistQuestion struct {
	Label  string   // "column 4/11 orders.status: type"
	Prompt string   // what the model is asked
	Enum   []string // the allowed answers; nil = free text of MaxLen
	MaxLen int
	// Focus are the ways the notes write the column asked about: the
	// prompt then quotes only the note lines that mention it (a tiny
	// model answers a short excerpt better than a whole note).
	Focus []string
	apply func(answer string) (dropped string)
}

// schema is the question's JSON schema: {"answer": <enum or ≤ MaxLen>}.
func (q assistQuestion) schema() json.RawMessage {
	ans := map[string]any{"type": "string"}
	if q.Enum != nil {
		ans["enum"] = q.Enum
	} else {
		ans["maxLength"] = q.MaxLen
	}
	b, _ := json.Marshal(map[string]any{"type": "object", "properties": map[string]any{"answer": ans},
		"required": []string{"answer"}, "additionalProperties": false})
	return b
}

func (q assistQuestion) maxTokens() int {
	if q.Enum != nil {
		return assistEnumTok
	}
	return assistTextTok
}

// check validates an answer against the question's bounds and returns the
// canonical answer, or why it is refused.
func (q assistQuestion) check(ans string) (string, string) {
	ans = strings.TrimSpace(ans)
	if q.Enum != nil {
		for _, e := range q.Enum {
			if strings.EqualFold(ans, e) {
				return e, ""
			}
		}
		return "", fmt.Sprintf("%q is not one of %s", ans, strings.Join(q.Enum, ", "))
	}
	if ans == "" {
		return "", "empty answer"
	}
	if n := utf8.RuneCountInString(ans); n > q.MaxLen {
		return "", fmt.Sprintf("%d characters, over the %d allowed", n, q.MaxLen)
	}
	return ans, ""
}

// abstains reports whether a free-text answer says "I do not know".
func abstains(ans string) bool {
	switch strings.ToLower(strings.Trim(strings.TrimSpace(ans), ".")) {
	case "", "none", "unknown", "n/a", "na", "-", "nenhum", "nenhuma", "desconhecido":
		return true
	}
	return false
}

// parseAssistAnswer reads {"answer": "..."} from a model's text (a JSON
// object, possibly fenced or surrounded by words).
func parseAssistAnswer(text string) (string, bool) {
	i, j := strings.Index(text, "{"), strings.LastIndex(text, "}")
	if i < 0 || j < i {
		return "", false
	}
	var v struct {
		Answer *string `json:"answer"`
	}
	if json.Unmarshal([]byte(text[i:j+1]), &v) != nil || v.Answer == nil {
		return "", false
	}
	return *v.Answer, true
}

// enumQuestion builds a question whose answer is one of choices.
func enumQuestion(label, prompt string, choices []string, apply func(string) string) assistQuestion {
	return assistQuestion{Label: label, Prompt: prompt, Enum: choices, apply: apply}
}

// textQuestion builds a free-text question of at most maxLen characters.
func textQuestion(label, prompt string, maxLen int, apply func(string) string) assistQuestion {
	return assistQuestion{Label: label, Prompt: prompt, MaxLen: maxLen, apply: apply}
}
