package guided

import (
	"strings"

	"github.com/dataeng-os/dataeng-os/agent/spec"
	"github.com/dataeng-os/dataeng-os/internal/lazyre"
)

var (
	systemRE = lazyre.New(`\b(postgres(ql)?|mysql|mariadb|oracle|sql server|mongo(db)?|hubspot|stripe|salesforce|workday|` +
		`snowflake|bigquery|redshift|kafka|kinesis|s3://\S+|gcs://\S+|gs://\S+|sap|zendesk|shopify|segment|webhook|` +
		`(\w+) (db|database|service|api)|banco( de dados)?|servico|sistema)\b`)
	sourceLabelRE = lazyre.New(`^(source|sources|fonte|fontes|origem|data sources?|from system|sistema)$`)
	slaWordRE     = lazyre.New(`\b(sla|fresh\w*|frescor|refresh\w*|atualiza\w*|latency|latencia|updated|deadline|prazo)\b`)
	sentenceRE    = lazyre.New(`[.!?]\s+`)
	slaClauseRE   = lazyre.New(`[;,]\s|\.\s`)
	cadenceWordRE = lazyre.New(`\b(hourly|daily|weekly|monthly|every|each|nightly|diari\w*|de hora em hora|semana\w*|mensal\w*|a cada|por hora|landed|ate \d{1,2}h)\b`)
)

// readSource takes the system the data comes from: a "Source:"/"Fonte:"
// line, else the first line naming a system. The sentence is kept for the
// canvas; the dbt source name is taken only when one system is named.
func (x *extraction) readSource() {
	line, ok := x.sourceLine()
	if !ok {
		return
	}
	x.d.SourceText = line
	name, cands := systemSource(line)
	if name == "" && len(cands) == 0 {
		name, cands = sourceName(systemRE.FindString(strings.ToLower(line)))
	}
	x.d.Source = name
	if name == "" && len(cands) > 1 {
		x.d.SourceChoices = cands
	}
}

func (x *extraction) sourceLine() (string, bool) {
	for _, l := range x.lines {
		if sourceLabelRE.MatchString(l.label) {
			return l.value, true
		}
	}
	for _, l := range x.lines {
		if l.list || strings.HasSuffix(l.text, "?") {
			continue
		}
		if s := sentenceWith(l.text, systemRE); s != "" {
			return s, true
		}
	}
	return "", false
}

// sentenceWith is the first sentence of text that re matches (lower-cased,
// accents folded), as written.
func sentenceWith(text string, re *lazyre.Regexp) string {
	for _, s := range sentenceRE.Split(text, -1) {
		if re.MatchString(strings.ToLower(spec.FoldAccents(s))) {
			return strings.TrimSpace(s)
		}
	}
	return ""
}

// readSLA takes the first SLA or freshness sentence ("SLA: atualização
// diária até 9h", "freshness 24h"), else the first cadence ("landed
// hourly"), with the freshness it states.
func (x *extraction) readSLA() {
	for _, re := range []*lazyre.Regexp{slaWordRE, cadenceWordRE} {
		for _, l := range x.lines {
			if l.list || !re.MatchString(l.low) {
				continue
			}
			for _, clause := range slaClauseRE.Split(l.text, -1) {
				if v, unit, ok := freshness(clause); ok && re.MatchString(strings.ToLower(spec.FoldAccents(clause))) {
					x.d.SLA = spec.SLA{Text: strings.TrimSpace(clause), Value: v, Unit: unit}
					return
				}
			}
		}
	}
	for _, l := range x.lines {
		if l.label == "sla" {
			x.d.SLA.Text = l.text // a schedule with no freshness: kept as written
			return
		}
	}
}

// readQuality keeps the Quality line's clauses, and takes uniqueness and
// bounds it states for the columns it names.
func (x *extraction) readQuality() {
	v, ok := x.labelled("quality", "qualidade", "quality expectations", "regras")
	if !ok {
		return
	}
	for _, clause := range splitOptions(v) {
		if clause = strings.TrimSpace(strings.TrimRight(clause, ".")); clause != "" {
			x.d.Quality = append(x.d.Quality, clause)
		}
	}
	for ti := range x.d.Tables {
		t := &x.d.Tables[ti]
		fields := make([]FieldSpec, len(t.Columns))
		for i, c := range t.Columns {
			fields[i] = FieldSpec{Name: c.Name}
		}
		for i := range qualityUniques(v, fields) {
			if x.ownsColumn(*t, t.Columns[i].Name) {
				t.Columns[i].Unique = true
			}
		}
		x.qualityBounds(t, v)
	}
}

// ownsColumn tells whether a quality rule on a column name is about this
// table: the only table with it, or the table the id names ("order_id" of
// orders, not of order_items).
func (x *extraction) ownsColumn(t spec.Table, name string) bool {
	n := 0
	for _, o := range x.d.Tables {
		if hasColumn(o, name) {
			n++
		}
	}
	return n == 1 || name == strings.TrimSuffix(t.Name, "s")+"_id"
}

var clauseBoundRE = lazyre.New(`([\pL_ ]+?)\s*(>=|>|≥|<=|<|≤)\s*(-?\d+(?:\.\d+)?)`)

// qualityBounds reads "total >= 0" for the column the words name.
func (x *extraction) qualityBounds(t *spec.Table, text string) {
	for _, m := range clauseBoundRE.FindAllStringSubmatch(text, -1) {
		words := strings.Fields(strings.ToLower(spec.FoldAccents(m[1])))
		if len(words) == 0 {
			continue
		}
		for i := range t.Columns {
			c := &t.Columns[i]
			if termNames([]string{words[len(words)-1]}, *c) && (c.LogicalType == "integer" || c.LogicalType == "number") {
				x.bounds(c, m[2]+m[3])
			}
		}
	}
}
