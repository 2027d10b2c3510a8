package guided

import (
	"strings"

	"github.com/dataeng-os/dataeng-os/agent/spec"
	"github.com/dataeng-os/dataeng-os/internal/lazyre"
)

var (
	columnWordRE = lazyre.New(`\b(columns?|fields?|campos?|colunas?|attributes|atributos)\b`)
	identRE      = lazyre.New(`^[a-z][a-z0-9_]*$`)
	hasListRE    = lazyre.New(`^([a-z][a-z0-9_]*) (?:has|have|tem|contains|contém|com)\s+(.+)$`)
	tableAfterRE = lazyre.New(`\b(?:for|of|in|de|do|da|dos|das|para|em)\s+(?:the\s+|a\s+|o\s+|a\s+)?([a-z][a-z0-9_]*)\s*$`)
	sentenceList = lazyre.New(`(?i)\b(?:columns|fields|campos|colunas)\s+(?:are|include|sao|são|incluem)\s+(.+)$`)
	wantList     = lazyre.New(`(?i)\b(?:we need|we want|queremos|precisamos(?: de)?)\s+(.+)$`)
	articleRE    = lazyre.New(`(?i)^(?:a|an|the|o|os|as|um|uma)\s+`)
	andSplitRE   = lazyre.New(`\s+(?:and|e|&)\s+`)
)

// notTables are labels that introduce lists of something else.
var notTables = set("quality", "qualidade", "consumers", "consumidores", "participants", "participantes", "owner", "dono",
	"sla", "source", "fonte", "sources", "fontes", "from", "to", "cc", "subject", "assunto", "attendees", "tags", "marts")

// readColumns finds the column lists: "Columns: a, b (type), c", "Campos:
// …", "orders: …", "subscriptions has id, …". Columns of a list that names
// no table go to the main table, named later.
func (x *extraction) readColumns() {
	block, blockTable := false, ""
	for i := 0; i < len(x.lines); i++ {
		l := x.lines[i]
		if block && (l.bullet || l.label == "" && len(splitItems(l.text)) >= 3) {
			x.takeItems(i, blockTable, bulletItems(l))
			block = l.bullet // a comma list after the opener ends the block
			continue
		}
		if n := fieldRun(x.lines[i:]); n >= 3 {
			for j := i; j < i+n; j++ {
				x.takeItems(j, "", bulletItems(x.lines[j]))
			}
			i += n - 1
			continue
		}
		block, blockTable = opensBlock(l)
		if table, items, ok := columnList(l); ok {
			x.lines[i].list = true
			x.addItems(x.table(table), items)
		}
	}
}

// takeItems adds the fields of line i to the table ("" is the main one).
func (x *extraction) takeItems(i int, table string, items []string) {
	x.lines[i].list = true
	x.addItems(x.table(table), items)
}

// fieldRun counts the bullets at the start of lines that each begin with a
// snake_case field name ("1. event_id (string, pk)", "- loaded_at").
func fieldRun(lines []noteLine) int {
	n := 0
	for _, l := range lines {
		name := strings.TrimSpace(fieldHeadRE.FindString(l.text))
		if !l.bullet || !strings.Contains(name, "_") || !identRE.MatchString(name) {
			break
		}
		n++
	}
	return n
}

var fieldHeadRE = lazyre.New(`^[^\s(:—–]+`)

func (x *extraction) addItems(t *spec.Table, items []string) {
	for _, it := range items {
		c, ok := x.parseItem(it)
		if ok && !hasColumn(*t, c.Name) {
			t.Columns = append(t.Columns, c)
		}
	}
}

var perRE = lazyre.New(`\b(per|por|each|cada)\b`)

// opensBlock tells whether a line introduces a bulleted list of fields
// ("What we need per ticket:", "Campos que eles usam hoje:"), and the
// table it names ("Fields for orders:"; "" for the main table).
func opensBlock(l noteLine) (bool, string) {
	if !strings.HasSuffix(l.text, ":") || !(columnWordRE.MatchString(l.low) || wantRE.MatchString(l.low) || perRE.MatchString(l.low)) {
		return false, ""
	}
	if m := tableAfterRE.FindStringSubmatch(strings.TrimSuffix(l.low, ":")); m != nil && columnWordRE.MatchString(l.low) {
		return true, m[1]
	}
	return true, ""
}

var dashRE = lazyre.New(`^(.+?)\s+[—–-]\s+(.+)$`)

// bulletItems reads one bullet of a field list: "category: a / b",
// "ticket id — unique, the key", or several fields "opened at, closed at".
func bulletItems(l noteLine) []string {
	if l.label != "" {
		name, _, _ := strings.Cut(l.text, ":")
		return []string{name + " (" + l.value + ")"}
	}
	if m := dashRE.FindStringSubmatch(l.text); m != nil && !strings.Contains(m[1], "(") {
		return []string{m[1] + " (" + m[2] + ")"}
	}
	return splitItems(l.text)
}

// table returns the table named name, adding it ("" is the main table).
func (x *extraction) table(name string) *spec.Table {
	for i := range x.d.Tables {
		if x.d.Tables[i].Name == name {
			return &x.d.Tables[i]
		}
	}
	x.d.Tables = append(x.d.Tables, spec.Table{Name: name})
	return &x.d.Tables[len(x.d.Tables)-1]
}

func hasColumn(t spec.Table, name string) bool {
	for _, c := range t.Columns {
		if c.Name == name {
			return true
		}
	}
	return false
}

// columnList tells whether a line lists columns, and of which table.
func columnList(l noteLine) (table string, items []string, ok bool) {
	label, value := l.label, l.value
	m := sentenceList.FindStringSubmatch(l.text)
	if m == nil && !deliveryRE.MatchString(l.low) {
		m = wantList.FindStringSubmatch(l.text) // not "we want the contract, staging and a mart"
	}
	if m != nil {
		items = splitItems(m[1])
		return "", items, len(items) >= 3
	}
	if label == "" {
		m := hasListRE.FindStringSubmatch(l.text)
		if m == nil {
			return "", nil, false
		}
		label, value = m[1], m[2]
	}
	items = splitItems(value)
	switch {
	case columnWordRE.MatchString(label) && len(items) >= 2:
		if m := tableAfterRE.FindStringSubmatch(label); m != nil && !columnWordRE.MatchString(m[1]) {
			table = m[1]
		}
		return table, items, true
	case identRE.MatchString(label) && !notTables[label] && len(items) >= 3:
		return label, items, true
	}
	return "", nil, false
}

// splitItems splits a list at commas outside parentheses, and its last
// item at "and"/"e". Items longer than a few words are prose, not fields:
// the line is no list then.
func splitItems(value string) []string {
	var out []string
	parts := splitOptions(strings.TrimRight(strings.TrimSpace(value), "."))
	if n := len(parts); n > 1 && !strings.Contains(parts[n-1], "(") {
		parts = append(parts[:n-1], andSplitRE.Split(parts[n-1], -1)...)
	}
	for _, p := range parts {
		p = articleRE.ReplaceAllString(strings.Trim(strings.TrimSpace(p), "`*_.;"), "")
		if p == "" {
			continue
		}
		name, _, _ := strings.Cut(p, "(")
		if len(strings.Fields(name)) > 5 {
			return nil
		}
		out = append(out, p)
	}
	return out
}
