package spec

import (
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/dataeng-os/dataeng-os/internal/msg"
)

// words are the fixed phrases of the canvas and of the open questions.
type words struct {
	missing, openHeading, none, table, pk, required, unique, optional string
	classification, noPII, masking, staging, fact, dimension          string
	freshness, schedule, noColumns, nullUntil, inferred               string
	inferredWhat                                                      map[string]string // spec.Inferred* → the words
	qOwner, qPurpose, qDomain, qSource, qPK, qSLA, qSLACol            string
	qClassify, qMasking, qFields, qConsumers, qSourceOf, qTableName   string
}

// wordsEN and wordsPT are the catalog's phrases (internal/msg, keys
// "canvas.*"), read on first use.
var (
	wordsEN = sync.OnceValue(func() words { return catalogWords(msg.EN) })
	wordsPT = sync.OnceValue(func() words { return catalogWords(msg.PT) })
)

func catalogWords(lang string) words {
	g := func(k string) string { return msg.Get(lang, msg.Key("canvas."+k)) }
	return words{
		missing: g("missing"), openHeading: g("openHeading"), none: g("none"), table: g("table"), pk: g("pk"),
		required: g("required"), unique: g("unique"), optional: g("optional"), classification: g("classification"),
		noPII: g("noPII"), masking: g("masking"), staging: g("staging"), fact: g("fact"), dimension: g("dimension"),
		freshness: g("freshness"), schedule: g("schedule"), noColumns: g("noColumns"), nullUntil: g("nullUntil"),
		inferred: g("inferred"), inferredWhat: map[string]string{InferredType: g("inferred.type"), InferredKey: g("inferred.key"), InferredPII: g("inferred.pii")},
		qOwner: g("q.owner"), qPurpose: g("q.purpose"), qDomain: g("q.domain"), qSource: g("q.source"),
		qPK: g("q.pk"), qSLA: g("q.sla"), qSLACol: g("q.slaColumn"), qClassify: g("q.classify"),
		qMasking: g("q.masking"), qFields: g("q.fields"), qConsumers: g("q.consumers"), qSourceOf: g("q.sourceOf"),
		qTableName: g("q.tableName"),
	}
}

// wordsFor returns the phrases of lang ("pt", "pt-BR", … or English).
func wordsFor(lang string) words {
	if msg.Normalize(lang) == msg.PT {
		return wordsPT()
	}
	return wordsEN()
}

// Gaps are the open questions for the facts the draft lacks, in lang. They
// ask; they never assume an answer.
func (d Draft) Gaps(lang string) []string {
	w := wordsFor(lang)
	var out []string
	add := func(cond bool, q string) {
		if cond {
			out = append(out, q)
		}
	}
	add(d.Owner == "" && d.Team == "", w.qOwner)
	add(d.Purpose == "", w.qPurpose)
	add(d.Consumers == "", w.qConsumers)
	add(d.Domain == "", w.qDomain)
	add(d.Source == "" && len(d.SourceChoices) < 2, w.qSource)
	add(d.Source == "" && len(d.SourceChoices) > 1, fmt.Sprintf(w.qSourceOf, strings.Join(d.SourceChoices, ", ")))
	add(d.SLA.Value == 0, w.qSLA)
	add(d.SLA.Value > 0 && d.SLA.Column == "", w.qSLACol)
	for _, t := range d.Tables {
		add(t.Provisional, fmt.Sprintf(w.qTableName, "`"+t.Name+"`"))
		add(len(t.Columns) == 0, fmt.Sprintf(w.qFields, "`"+t.Name+"`"))
		add(len(t.Columns) > 0 && len(t.PrimaryKeys()) == 0, fmt.Sprintf(w.qPK, "`"+t.Name+"`"))
		for _, c := range t.Columns {
			ref := "`" + t.Name + "." + c.Name + "`"
			add(c.PII != PIINone && c.Classification == "", fmt.Sprintf(w.qClassify, ref))
			add(c.Sensitive() && c.Masking == "", fmt.Sprintf(w.qMasking, ref))
		}
	}
	return out
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
