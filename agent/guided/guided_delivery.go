package guided

import (
	"strings"

	"github.com/dataeng-os/dataeng-os/agent/spec"
	"github.com/dataeng-os/dataeng-os/internal/lazyre"
)

// Custom properties the scaffolder reads (scaffold.PropSource, PropMart),
// and the mart kinds it accepts.
const (
	propSource    = spec.PropSource
	propMart      = spec.PropMart
	martFact      = string(spec.MartFact)
	martDimension = string(spec.MartDimension)
)

// martPlan is what a Delivery answer asks for: a mart kind per object (by
// name), and the entities it names that are no object of the contract.
type martPlan struct {
	kinds   map[string]string
	unknown []string // e.g. "dim_customers"
	loose   []string // the unknown ones only described ("a fact table for MRR"), not named (fct_mrr)
}

var (
	clauseRE     = lazyre.New(`[,;.()\n+]|\band\b|\be\b|\bplus\b|\bwith\b|\bcom\b`)
	deliveryWord = lazyre.New(`[a-z0-9_]+`)
	stagingOnly  = lazyre.New(`\b(staging only|only staging|just staging|apenas staging|somente staging|so staging|staging apenas|staging somente|no marts?|without marts?|sem marts?|nenhum mart)\b`)
)

var martKindWords = map[string]string{
	"fact": martFact, "facts": martFact, "fato": martFact, "fatos": martFact, "fct": martFact,
	"dimension": martDimension, "dimensions": martDimension, "dimensao": martDimension, "dimensoes": martDimension,
	"dim": martDimension, "mart": "", "marts": "",
}

var negations = set("no", "not", "without", "sem", "nao", "nenhum", "nenhuma", "never", "nunca")

// deferred words put a request off: "marts later", "marts depois".
var deferred = set("later", "eventually", "someday", "future", "depois", "futuramente", "futuro", "futura")

// notEntity are words after "for" that name a use, not an entity: "a fact
// table for reporting".
var notEntity = set("reporting", "analytics", "dashboards", "dashboard", "bi", "finance", "financeiro", "financas",
	"relatorios", "relatorio", "analise", "analises", "consumers", "consumidores", "growth", "marketing", "now", "agora",
	"everything", "all", "rest", "others", "every", "each", "todos", "todas", "tudo", "resto", "outros", "outras", "cada")

// entityIntro are words after which a Delivery answer names an entity:
// "a fact table for orders", "tabela fato de pedidos".
var entityIntro = set("for", "of", "on", "about", "de", "do", "da", "dos", "das", "para", "sobre")

// deliveryMarts reads a Delivery answer (English or Portuguese) against the
// contract's object names. A mart that names an entity (fct_orders, "a fact
// table for orders", "dimensão de clientes") applies to that object; one
// that names none ("marts: fact") applies to every object; a named mart
// beats an unnamed one. A bare "mart" is a fact. "staging only" / "apenas
// staging" / "no marts" ask for none.
func deliveryMarts(answer string, objects []string) martPlan {
	mp := martPlan{kinds: map[string]string{}}
	text := strings.ToLower(spec.FoldAccents(answer))
	if strings.TrimSpace(text) == "" {
		return mp
	}
	named, general := map[string]string{}, ""
	for _, clause := range clauseRE.Split(text, -1) {
		words := deliveryWord.FindAllString(clause, -1)
		kind, entities, near, ok := martClause(words)
		if !ok {
			continue
		}
		if len(entities) == 0 {
			if general == "" {
				general = kind // the first unnamed request wins
			}
			continue
		}
		for _, e := range entities {
			obj := matchObject(e, objects)
			switch {
			case obj == "" && !containsFold(mp.unknown, e):
				mp.unknown = append(mp.unknown, martPrefix(kind)+e)
				if near {
					mp.loose = append(mp.loose, martPrefix(kind)+e)
				}
			case obj != "":
				named[obj] = kind
			}
		}
	}
	if general == "" && len(named) == 0 && stagingOnly.MatchString(text) {
		return mp
	}
	for _, o := range objects {
		switch {
		case named[o] != "":
			mp.kinds[o] = named[o]
		case general != "":
			mp.kinds[o] = general
		}
	}
	return mp
}

// martClause finds a mart request in one clause's words: its kind and the
// entities it names; near when they are only described ("fact table for
// MRR"), not named (fct_mrr). ok is false when the clause asks for no mart.
func martClause(words []string) (kind string, entities []string, near, ok bool) {
	at := -1
	for i, w := range words {
		if deferred[w] {
			return "", nil, false, false
		}
		if pre, ent, found := strings.Cut(w, "_"); found && ent != "" && (pre == "fct" || pre == "fact" || pre == "dim") {
			kind, ok = martKindWords[pre], true
			entities = append(entities, ent)
			continue
		}
		k, isKind := martKindWords[w]
		if !isKind || (at >= 0 && kind != "") {
			continue
		}
		if i > 0 && negations[words[i-1]] || i > 1 && negations[words[i-2]] {
			return "", nil, false, false
		}
		if at < 0 || k != "" {
			kind, at, ok = k, i, true
		}
	}
	if !ok {
		return "", nil, false, false
	}
	if kind == "" {
		kind = martFact
	}
	if len(entities) == 0 && at >= 0 {
		entities, near = entityNear(words, at), true
	}
	return kind, entities, near, true
}

// soleTable applies a described mart to the only table when it names no
// table: with one table, "a fact table for MRR" or "fct table for
// deliveries" is about it. A mart named as a model (dim_customers) stays
// unknown.
func (mp *martPlan) soleTable(objects []string) {
	if len(objects) != 1 || len(mp.kinds) > 0 || len(mp.loose) == 0 || len(mp.loose) != len(mp.unknown) {
		return
	}
	kind := martFact
	if strings.HasPrefix(mp.loose[0], "dim_") {
		kind = martDimension
	}
	mp.kinds[objects[0]], mp.unknown, mp.loose = kind, nil, nil
}

// entityNear returns the entity a mart word introduces: "fact table for
// orders", "tabela fato de pedidos", "orders fact table".
func entityNear(words []string, at int) []string {
	for i := at + 1; i < len(words) && i <= at+4; i++ {
		if entityIntro[words[i]] && i+1 < len(words) {
			j := i + 1
			if j+1 < len(words) && (words[j] == "the" || words[j] == "o" || words[j] == "a" || words[j] == "os" || words[j] == "as") {
				j++
			}
			if notEntity[words[j]] {
				return nil
			}
			return []string{words[j]}
		}
	}
	if at > 0 && !fillerWord(words[at-1]) {
		return []string{words[at-1]} // "orders fact table"
	}
	return nil
}

func fillerWord(w string) bool {
	switch w {
	case "a", "an", "the", "one", "uma", "um", "table", "tables", "tabela", "tabelas", "model", "models", "modelo",
		"modelos", "and", "e", "some", "also", "too", "plus", "staging", "as", "de", "da", "do", "layer", "camada":
		return true
	}
	_, kind := martKindWords[w]
	return kind || negations[w] || notEntity[w]
}

// matchObject returns the object an entity word names (orders ↔ order,
// pedidos ↔ pedido), or "".
func matchObject(entity string, objects []string) string {
	e := singular(entity)
	for _, o := range objects {
		so := singular(strings.ToLower(o))
		if strings.EqualFold(o, entity) || so == e || strings.HasSuffix(so, "_"+e) {
			return o
		}
	}
	return ""
}

func singular(w string) string {
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "ses") || strings.HasSuffix(w, "xes"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && len(w) > 2:
		return w[:len(w)-1]
	}
	return w
}

func martPrefix(kind string) string {
	if kind == martDimension {
		return "dim_"
	}
	return "fct_"
}

// set is a word set.
func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
