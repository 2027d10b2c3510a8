package agent

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/dataeng-os/dataeng-os/agent/spec"
	"github.com/dataeng-os/dataeng-os/internal/lazyre"
)

// What a tiny model answers when it has nothing to say, measured with
// SmolLM2-135M and gemma-3-270m on the sample notes: markup ("### Order ID
// #", "{}", "[]"), the column's own name, remarks about the notes ("This is
// a note that describes the data set."), a heading copied, questions,
// first-person remarks and rules ("it must be masked"). None of them describes
// the column, so assist mode refuses them, and a type the notes give no
// sign of (`empresa` → boolean), before anything reaches the draft.

var (
	descMarkup = lazyre.New(`[{}\[\]<>|]`)
	descVague  = []string{"this is a note", "the notes", "describes the data", "not available", "no information",
		"as an ai", "i don't", "i do not", "não sei", "nao sei", "as notas", "this field", "este campo",
		"this is a ", "this is an ", "json object", "isto é um", "este é um"}
	descModal = lazyre.New(`(?i)\b(must|should|need to|needs to|deve|devem|precisa|precisam)\b`)
	descFirst = lazyre.New(`(?i)\b(we|our|us|i|nós|nos|nosso|nossa|eu)\b`)
)

// trimMarkup strips the Markdown a small model wraps a line in.
func trimMarkup(s string) string {
	return strings.TrimSpace(strings.Trim(strings.TrimSpace(s), "#*`>-_ \"'"))
}

// usefulDescription says why a model's description of column c of table t
// (c nil: of the table itself) is refused ("" when it is kept): markup, too
// short, the name again, generic, a question, a note line about something
// else, a rule rather than a description, a first-person remark, mostly
// words the notes do not have, or words naming another column of the table.
func (g *grounder) usefulDescription(a string, c *spec.Column, t *spec.Table) string {
	low := strings.ToLower(a)
	if c == nil {
		c, t = &spec.Column{Name: t.Name, BusinessName: t.BusinessName}, nil
	}
	switch {
	case descMarkup.MatchString(a):
		return "markup, not a description"
	case len(strings.Fields(a)) < 3 || letters(a) < 12:
		return "too short to describe anything"
	case echoes(a, c):
		return "it only repeats the column's name"
	case hasAnyOf(low, descVague):
		return "it talks about the notes, not the column"
	case descModal.MatchString(a):
		return "it states a rule, not what the column holds"
	case descFirst.MatchString(a):
		return "a remark in the first person, not a description"
	case strings.HasSuffix(a, "?"):
		return "a question, not a description"
	case noteLine(a, g.text, c):
		return "a line of the notes about something else"
	case g.src.share(a) < minNotesShare:
		return "most of its words are not in the notes"
	}
	if other := otherColumn(low, c, t); other != "" {
		return fmt.Sprintf("it is about %s, another column", other)
	}
	return ""
}

func letters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

func hasAnyOf(s string, subs []string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

// minNotesShare is the part of a description's words that must be the
// notes' own: a tiny model's paraphrase wanders ("the total amount of money
// spent"), a description drawn from the notes does not.
const minNotesShare = 0.6

// share is the part of a's content words that the indexed source has.
func (ix *groundIndex) share(a string) float64 {
	words := contentTokens(a)
	if len(words) == 0 {
		return 0
	}
	n := 0
	for _, w := range words {
		if ix.tokens[w] {
			n++
		}
	}
	return float64(n) / float64(len(words))
}

// noteLine reports an answer copied from a line of the notes that does
// not name column c: three words or more that run, in order, in such a line
// (a heading such as "HR analytics — headcount snapshot (email thread
// summary)" given for work_email). A clause the notes wrote about the
// column itself is a good description, copied or not.
func noteLine(a, source string, c *spec.Column) bool {
	words := groundTokens(a)
	if len(words) < 3 {
		return false
	}
	want := " " + strings.Join(words, " ") + " "
	for _, l := range strings.Split(source, "\n") {
		if !strings.Contains(" "+strings.Join(groundTokens(l), " ")+" ", want) {
			continue
		}
		low := strings.ToLower(spec.FoldAccents(l))
		if !slices.ContainsFunc(mentions(c), func(m string) bool { return strings.Contains(low, m) }) {
			return true
		}
	}
	return false
}

// otherColumn returns the name of another column of t whose words (all of
// them, as a phrase) the description uses, unless they are also words of c.
func otherColumn(low string, c *spec.Column, t *spec.Table) string {
	if t == nil {
		return ""
	}
	own := " " + strings.Join(contentTokens(c.Name+" "+c.BusinessName), " ") + " "
	text := " " + strings.Join(groundTokens(low), " ") + " "
	for _, o := range t.Columns {
		if o.Name == c.Name {
			continue
		}
		phrase := " " + strings.Join(contentTokens(o.Name), " ") + " "
		if strings.TrimSpace(phrase) != "" && strings.Contains(text, phrase) && !strings.Contains(own, phrase) {
			return o.Name
		}
	}
	return ""
}
