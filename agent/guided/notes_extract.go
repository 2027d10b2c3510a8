package guided

import (
	"strings"
	"unicode"

	"github.com/dataeng-os/dataeng-os/agent/spec"
	"github.com/dataeng-os/dataeng-os/contract"
	"github.com/dataeng-os/dataeng-os/internal/lazyre"
	"github.com/dataeng-os/dataeng-os/internal/msg"
)

// noteLine is one line of the notes with list markers and chat prefixes
// removed; low is it lower-cased with accents folded, for matching.
type noteLine struct {
	text, low    string
	label, value string // "Owner: Ana" → "owner", "Ana" ("" when no label)
	list         bool   // a column list (its words are names, not facts)
	bullet       bool   // a list item ("- ", "* ", "1. ")
}

// extraction is one run of the notes extractor.
type extraction struct {
	d     spec.Draft
	lang  string
	pol   contract.PIIPolicy
	lines []noteLine
}

var (
	chatPrefixRE = lazyre.New(`^\[\d{1,2}:\d{2}(:\d{2})?\]\s*(<?[\w.@-]+>?:\s*)?`)
	bulletRE     = lazyre.New(`^(#+|[-*•+>]|\d+[.)])\s+`)
	labelRE      = lazyre.New(`^([^:]{1,60}?):\s+(.+)$`)
)

// ExtractDraft reads semi-structured notes (English or Portuguese) into a
// typed draft, with no model: column lists, types and value lists, keys,
// PII sentences, owner and team, source system, SLA and marts. What it
// cannot find becomes an open question in lang; it never invents a fact.
func ExtractDraft(name, notes, lang string, pol contract.PIIPolicy) spec.Draft {
	if lang == "" {
		lang = msg.Detect(notes)
	}
	x := &extraction{lang: lang, pol: pol, d: spec.Draft{Name: spec.SanitizeName(name)}}
	x.lines = splitNoteLines(notes)
	x.readColumns()
	x.readLabels()
	x.readSource()
	x.readSLA()
	x.readSensitive()
	x.readQuality()
	x.finish()
	return x.d
}

func splitNoteLines(notes string) []noteLine {
	var out []noteLine
	for _, raw := range strings.Split(strings.ReplaceAll(notes, "\r\n", "\n"), "\n") {
		t := strings.TrimSpace(raw)
		t = chatPrefixRE.ReplaceAllString(t, "")
		bullet := bulletRE.MatchString(t) && !strings.HasPrefix(t, "#")
		t = strings.TrimSpace(bulletRE.ReplaceAllString(t, ""))
		if t == "" {
			continue
		}
		l := noteLine{text: t, low: strings.ToLower(spec.FoldAccents(t)), bullet: bullet}
		if m := labelRE.FindStringSubmatch(t); m != nil && !strings.Contains(m[1], "//") {
			l.label, l.value = strings.ToLower(spec.FoldAccents(strings.TrimSpace(m[1]))), strings.TrimSpace(m[2])
		}
		out = append(out, l)
	}
	return out
}

// labelled returns the value of the first line whose label starts with one
// of the words ("" when none).
func (x *extraction) labelled(words ...string) (string, bool) {
	for _, l := range x.lines {
		for _, w := range words {
			if l.label != "" && (l.label == w || strings.HasPrefix(l.label, w+" ")) {
				return l.value, true
			}
		}
	}
	return "", false
}

// readLabels takes the facts people write as "Label: value".
func (x *extraction) readLabels() {
	x.d.Consumers, _ = x.labelled("consumers", "consumer", "consumidores", "consumidor", "used by", "usado por", "users")
	x.d.Domain, _ = x.labelled("domain", "dominio")
	if v, ok := x.labelled("purpose", "goal", "objetivo", "problem", "problema", "proposito", "why", "por que"); ok {
		x.d.Purpose = v
	} else {
		x.d.Purpose = x.purposeSentence()
	}
	x.readOwner()
	x.readGrain()
}

var (
	wantRE     = lazyre.New(`\b(wants?|needs?|precisa(mos)?|queremos|gostariamos|quer)\b`)
	deliveryRE = lazyre.New(`\b(contract|contrato|staging|marts?|fact|fct|fato|dimension|dim|dimensao|dbt)\b`)
)

// purposeSentence is the first sentence saying what someone wants the data
// for, as written.
func (x *extraction) purposeSentence() string {
	for _, l := range x.lines {
		if l.label == "" && !l.list && wantRE.MatchString(l.low) && !deliveryRE.MatchString(l.low) {
			return sentenceWith(l.text, wantRE)
		}
	}
	return ""
}

var grainRE = lazyre.New(`\b(one row per|a row per|each row is|uma linha por|cada linha (e|representa)|grain|granularidade)\b`)

// readGrain takes "one row per …" as the main table's description.
func (x *extraction) readGrain() {
	for _, l := range x.lines {
		if grainRE.MatchString(l.low) && len(x.d.Tables) > 0 {
			desc := l.text
			if l.value != "" {
				desc = l.value
			}
			x.d.Tables[0].Description = desc
			return
		}
	}
}

// finish names the unnamed table, applies marts, keys and freshness, and
// lists the open questions.
func (x *extraction) finish() {
	x.nameTables()
	x.readMarts()
	x.inferKeys()
	x.freshnessColumn()
	x.describeSensitive()
	x.d.OpenQuestions = spec.MergeQuestions(nil, x.d.Gaps(x.lang))
}

// describeSensitive gives a personal column with no description its own
// words ("telefone"), as the policy asks every PII column to say what it
// holds.
func (x *extraction) describeSensitive() {
	for ti := range x.d.Tables {
		for ci := range x.d.Tables[ti].Columns {
			c := &x.d.Tables[ti].Columns[ci]
			if c.Sensitive() && c.Description == "" {
				c.Description = strings.ReplaceAll(c.Name, "_", " ")
			}
		}
	}
}

var (
	ownerWordRE  = lazyre.New(`(?i)\b(?:owner(?: is)?|dono(?: e)?|dona|owned by)\s*:?\s+(@?[\w.+-]+(?:@[\w.-]+)?)`)
	teamPhraseRE = lazyre.New(`(?i)\b(squad|team|time|equipe)\s+(de\s+|do\s+|da\s+)?([\pL][\w&-]*)|\b((?:[\w-]+\s+){0,2}[\w-]+\s+(?:squad|team))\b`)
	ownerLabels  = []string{"owner", "owners", "dono", "dona", "donos", "owner on the producer side", "produtor", "producer", "ownership", "responsavel"}
	noteEmailRE  = lazyre.New(`[\w.+-]+@[\w-]+(\.[\w-]+)+`)
)

// readOwner takes the team and the person who own the data: an "Owner:"
// or "Dono:" line ("Checkout squad (lead: bruno.souza)", "People Analytics
// (Marta Lopes)"), "owner is billing squad", "Squad Growth, dono
// joao.silva", else a team phrase.
func (x *extraction) readOwner() {
	if v, ok := x.labelled(ownerLabels...); ok {
		x.d.Team, x.d.Owner = noteOwner(v)
		return
	}
	for _, l := range x.lines {
		if m := ownerWordRE.FindStringSubmatchIndex(l.text); m != nil {
			x.d.Team, x.d.Owner = noteOwner(l.text[m[2]:]) // from the name on: "billing squad. deadline …"
			if x.d.Team == "" {
				x.d.Team = teamPhrase(l.text)
			}
			return
		}
	}
	for _, l := range x.lines {
		if t := teamPhrase(l.text); t != "" {
			x.d.Team = t
			return
		}
	}
}

// noteOwner reads an owner sentence up to its end the way the guided
// interviewer reads an owner answer (ownerFacts).
func noteOwner(v string) (team, person string) {
	if i := strings.Index(v, ". "); i > 0 {
		v = v[:i]
	}
	return ownerFacts(strings.TrimRight(strings.TrimSpace(v), "."))
}

// teamLead are words a team phrase may start with that name no team:
// "produced by the billing platform team".
var teamLead = set("the", "a", "an", "our", "my", "your", "their", "by", "from", "of", "is", "are", "and", "or", "it",
	"its", "that", "owned", "produced", "managed", "run", "with", "to", "for", "on", "in", "o", "e", "do", "da", "pelo",
	"pela", "nosso", "nossa", "um", "uma")

// teamNotName are words after "team"/"squad" that name no team: "the team
// produces it", "time de entrega".
var teamNotName = set("produces", "produce", "owns", "own", "is", "are", "will", "does", "handles", "maintains",
	"and", "or", "of", "the", "a", "that", "who", "which", "produz", "cuida", "mantem", "e", "que", "o", "a", "is",
	"has", "tem", "members", "member", "lead", "leads", "wants", "quer", "uses", "usa")

// teamPhrase finds "squad Growth", "time de Dados", "billing squad", "the
// billing platform team" (as "billing platform team").
func teamPhrase(s string) string {
	for _, m := range teamPhraseRE.FindAllStringSubmatch(s, -1) {
		if t := teamMatch(m); t != "" {
			return t
		}
	}
	return ""
}

func teamMatch(m []string) string {
	if m[4] == "" { // squad Growth, time de Dados
		name := m[3]
		kw := strings.ToLower(m[1])
		if teamNotName[strings.ToLower(spec.FoldAccents(name))] || sourceWords[strings.ToLower(name)] && m[2] == "" {
			return ""
		}
		if (kw == "time" || kw == "equipe") && m[2] == "" && !unicode.IsUpper([]rune(name)[0]) {
			return "" // "real time delivery"
		}
		return strings.TrimSpace(m[0])
	}
	w := strings.Fields(m[4])
	for len(w) > 1 && teamLead[strings.ToLower(w[0])] {
		w = w[1:]
	}
	first := strings.ToLower(w[0])
	if len(w) < 2 || sourceWords[first] && first != "platform" {
		return ""
	}
	return strings.Join(w, " ")
}
