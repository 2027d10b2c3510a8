package guided

import (
	"strconv"
	"strings"

	"github.com/dataeng-os/dataeng-os/agent/spec"
	"github.com/dataeng-os/dataeng-os/internal/lazyre"
)

// durationRE finds "24 hours", "6h", "a cada 6 horas", "15 minutos".
var durationRE = lazyre.New(`(\d+)\s*(minutes|minute|mins|min|minutos|minuto|hours|hour|hrs|hr|h|horas|hora|days|day|d|dias|dia|weeks|week|wk|semanas|semana)\b`)

// clockWords precede a clock time, not a duration ("at 7h", "às 9 horas");
// byWords do so only before a short hour ("by 7h", "até 9h"), since "até 2
// dias" is a duration.
var (
	clockWords = set("at", "around", "as", "das", "pelas", "aas")
	byWords    = set("by", "before", "until", "till", "ate", "antes")
)

var durationUnits = map[string]string{
	"minutes": "min", "minute": "min", "mins": "min", "min": "min", "minutos": "min", "minuto": "min",
	"hours": "h", "hour": "h", "hrs": "h", "hr": "h", "h": "h", "horas": "h", "hora": "h",
	"days": "d", "day": "d", "d": "d", "dias": "d", "dia": "d",
	"weeks": "w", "week": "w", "wk": "w", "semanas": "w", "semana": "w",
}

// cadences are frequency words and the freshness they mean.
var cadences = []struct {
	re    *lazyre.Regexp
	value int64
	unit  string
}{
	{lazyre.New(`\b(hourly|every hour|each hour|de hora em hora|a cada hora|toda hora|por hora)\b`), 1, "h"},
	{lazyre.New(`\b(daily|nightly|every night|every day|each day|once a day|per day|a day|toda noite|diario|diaria|diariamente|todo dia|todos os dias|por dia|a cada dia|uma vez por dia)\b`), 1, "d"},
	{lazyre.New(`\b(weekly|every week|once a week|semanal|semanalmente|toda semana|todas as semanas|por semana)\b`), 7, "d"},
	{lazyre.New(`\b(monthly|every month|once a month|mensal|mensalmente|todo mes|todos os meses|por mes)\b`), 31, "d"},
}

// freshness reads an SLA answer (English or Portuguese): an explicit
// duration ("fresh within 24 hours", "atualizado a cada 6 horas") wins over
// a cadence ("daily", "diária"). Clock times ("by 07:00", "até 9h") are no
// durations. Weeks are written as days.
func freshness(answer string) (value int64, unit string, ok bool) {
	text := strings.ToLower(spec.FoldAccents(answer))
	for _, m := range durationRE.FindAllStringSubmatchIndex(text, -1) {
		unitText := text[m[4]:m[5]]
		if m[0] > 0 && text[m[0]-1] == ':' || clockBefore(text[:m[0]], unitText == "h" && m[4] == m[3]) {
			continue
		}
		n, err := strconv.ParseInt(text[m[2]:m[3]], 10, 64)
		if err != nil || n <= 0 || n > 1_000_000 {
			continue // not a freshness anyone can mean
		}
		u := durationUnits[unitText]
		if u == "w" {
			n, u = n*7, "d"
		}
		return n, u, true
	}
	for _, c := range cadences {
		if c.re.MatchString(text) {
			return c.value, c.unit, true
		}
	}
	return 0, "", false
}

func clockBefore(prefix string, shortHour bool) bool {
	words := strings.Fields(prefix)
	if len(words) == 0 {
		return false
	}
	w := strings.Trim(words[len(words)-1], ",;(")
	return clockWords[w] || shortHour && byWords[w]
}

// freshnessColumn picks the timestamp column that tells how fresh a row
// is: a loaded/ingested one, else an updated one, else a created one, else
// the only timestamp. A column that records an event (delivered_at,
// cancelado_em) or is described as null until one ("null until
// delivered") never measures freshness. "" when there is none to choose.
func freshnessColumn(fields []FieldSpec) string {
	best, rank, n := "", 99, 0
	for _, f := range fields {
		if f.LogicalType != "timestamp" || eventColumn(f) {
			continue
		}
		n++
		r := timestampRank(f.Name)
		if r < rank {
			best, rank = f.Name, r
		}
	}
	if rank == 9 && n > 1 {
		return "" // several timestamps and none says what it records
	}
	return best
}

func timestampRank(name string) int {
	n := strings.ToLower(name)
	switch {
	case containsAny(n, "load", "ingest", "sync", "extract", "carreg", "inser"):
		return 0
	case containsAny(n, "updat", "modif", "chang", "atualiz", "alter"):
		return 1
	case containsAny(n, "creat", "criad", "criac"):
		return 2
	}
	return 9
}

// nullUntilRE finds a description of a column empty until an event.
var nullUntilRE = lazyre.New(`\b(null until|null while|empty until|empty while|blank until|unset until|only set when|` +
	`only filled when|nul[ao] ate|nul[ao] enquanto|vazi[ao] ate|vazi[ao] enquanto|preenchid[ao] (so )?quando|so e preenchid[ao])`)

// eventStems begin the words of columns that record a business event,
// null until it happens (English and Portuguese).
var eventStems = []string{"deliver", "cancel", "churn", "ship", "paid", "clos", "resolv", "complet", "finish", "end",
	"delet", "refund", "return", "approv", "convert", "expir", "termin", "entreg", "pag", "envi", "encerr", "fech",
	"conclu", "finaliz", "exclu", "devolv", "aprov", "convers", "expira", "demit", "deslig", "first", "last"}

// eventColumn reports whether a timestamp records an event: its name says
// so, or its description says it is empty until something happens.
func eventColumn(f FieldSpec) bool {
	if nullUntilRE.MatchString(strings.ToLower(spec.FoldAccents(f.Description))) {
		return true
	}
	if timestampRank(f.Name) < 9 {
		return false
	}
	for _, tok := range strings.Split(strings.ToLower(f.Name), "_") {
		for _, stem := range eventStems {
			if strings.HasPrefix(tok, stem) {
				return true
			}
		}
	}
	return false
}

func containsAny(s string, subs ...string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}
