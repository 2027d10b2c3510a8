package agent

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/dataeng-os/dataeng-os/agent/spec"
	"github.com/dataeng-os/dataeng-os/contract"
)

// RuleUngrounded: a name, value, number, owner or system in a drafted
// contract is not in the source text (the notes, or the person's messages).
const RuleUngrounded = "draft-ungrounded"

// grounder checks drafts against one source text. ext holds what the
// deterministic notes extractor read from the same text (its names, values
// and numbers are grounded by construction: "diária" is 1 d).
type grounder struct {
	src, ext *groundIndex
	where    string // "the notes", "the conversation"
	text     string // the source as written (assist's answer checks read it)
	folded   string // text lower-cased and accent-folded (assist's type cues)
}

// newGrounder indexes the source; extractorYAML is the extractor's contract
// for it ("" when none).
func newGrounder(source, extractorYAML string, fromNotes bool) *grounder {
	g := &grounder{src: newGroundIndex(source), ext: newGroundIndex(), where: "the conversation", text: source,
		folded: strings.ToLower(spec.FoldAccents(source))}
	if fromNotes {
		g.where = "the notes"
	}
	var root yaml.Node
	if extractorYAML != "" && yaml.Unmarshal([]byte(extractorYAML), &root) == nil && len(root.Content) > 0 {
		for _, it := range collectGrounded(root.Content[0]) {
			g.ext.addLine(it.Text)
		}
	}
	return g
}

// grounded reports whether the item is stated by the source.
func (g *grounder) grounded(it groundItem) bool {
	switch it.Kind {
	case gkNumber:
		return g.src.hasNumber(it.Text) || g.ext.hasNumber(it.Text)
	case gkDesc:
		return g.descGrounded(it.Text)
	case gkColumn, gkTable:
		return g.src.hasName(it.Text) || g.ext.hasName(it.Text)
	}
	return g.src.hasPhrase(it.Text) || g.ext.hasPhrase(it.Text)
}

// groundIdentRE finds the tokens a description may not invent: identifiers
// (snake_case, camelCase, dotted) and capitalised words.
var groundIdentRE = regexp.MustCompile(`[A-Za-z][A-Za-z0-9]*(?:[_.][A-Za-z0-9]+)+|[a-z]+[A-Z][A-Za-z0-9]*|\b[A-Z][A-Za-z0-9À-ÿ]+`)

// descGrounded: a description may paraphrase, but every number and every
// identifier-like or capitalised word (except a sentence's first) must be
// in the source.
func (g *grounder) descGrounded(s string) bool {
	for _, n := range numberRE.FindAllString(s, -1) {
		if !g.src.hasNumber(n) && !g.ext.hasNumber(n) {
			return false
		}
	}
	for _, loc := range groundIdentRE.FindAllStringIndex(s, -1) {
		word := s[loc[0]:loc[1]]
		if atSentenceStart(s, loc[0]) && !strings.ContainsAny(word, "_.") && !camelRE.MatchString(word) {
			continue // a capital that only starts a sentence
		}
		for _, t := range contentTokens(word) {
			if !g.src.tokens[t] && !g.ext.tokens[t] && !descGeneric[t] {
				return false
			}
		}
	}
	return true
}

// descGeneric are capitalised words a description may use that name no
// system, person or field of the data.
var descGeneric = map[string]bool{"utc": true, "id": true, "uuid": true, "pii": true, "json": true, "csv": true, "url": true, "iso": true, "null": true}

func atSentenceStart(s string, i int) bool {
	prev := strings.TrimRight(s[:i], " \t\"'(`")
	return prev == "" || strings.HasSuffix(prev, ".") || strings.HasSuffix(prev, ":") || strings.HasSuffix(prev, "!") || strings.HasSuffix(prev, "?")
}

// ungrounded lists the contract's items the source does not state.
func (g *grounder) ungrounded(yml string) ([]groundItem, *yaml.Node) {
	var root yaml.Node
	if yaml.Unmarshal([]byte(yml), &root) != nil || len(root.Content) == 0 || root.Content[0].Kind != yaml.MappingNode {
		return nil, nil
	}
	var out []groundItem
	for _, it := range collectGrounded(root.Content[0]) {
		if !g.grounded(it) {
			out = append(out, it)
		}
	}
	return out, &root
}

// findings turns the ungrounded items of a contract into findings.
func (g *grounder) findings(file, yml string, sev contract.Severity) []contract.Finding {
	items, _ := g.ungrounded(yml)
	out := make([]contract.Finding, 0, len(items))
	for _, it := range items {
		out = append(out, contract.Finding{File: file, Line: it.Line, Column: 1, Path: it.Path, Rule: RuleUngrounded, Severity: sev,
			Message: fmt.Sprintf("%s is not in %s", it.label(), g.where),
			Hint:    fmt.Sprintf("use only names, values and numbers %s state; leave what they do not say out, as an open question", g.where)})
	}
	return out
}

// strip removes every ungrounded item from the contract and returns the
// new YAML with one open question per removed item. The YAML is unchanged
// when everything is grounded.
func (g *grounder) strip(yml, lang string) (string, []string) {
	items, root := g.ungrounded(yml)
	if len(items) == 0 {
		return yml, nil
	}
	var qs, gone []string
	for _, it := range items {
		if under(it.Path, gone) || !removeNode(it.parent, it.node) {
			continue // already gone with its table or column: no second question
		}
		qs = append(qs, ungroundedQuestion(it, g.where, lang))
		if it.Kind == gkTable || it.Kind == gkColumn {
			gone = append(gone, strings.TrimSuffix(it.Path, ".name")+".")
		}
	}
	pruneEmptyValueRules(root.Content[0])
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if enc.Encode(root) != nil || enc.Close() != nil {
		return yml, qs
	}
	return b.String(), qs
}

func ungroundedQuestion(it groundItem, where, lang string) string {
	if lang == "pt" {
		where = map[string]string{"the notes": "as notas", "the conversation": "a conversa"}[where]
		return fmt.Sprintf("O rascunho trazia %s (%s), que %s não mencionam: foi removido. É necessário, e de onde vem?", it.label(), it.Path, where)
	}
	return fmt.Sprintf("The draft had %s (%s), which %s never mention, so it was removed: is it needed, and where does it come from?", it.label(), it.Path, where)
}

func under(path string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(path, p) {
			return true
		}
	}
	return false
}
