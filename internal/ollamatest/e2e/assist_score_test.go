package e2e

import (
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/dataeng-os/dataeng-os/agent"
)

// scores are one draft's figures against a note's truth.
type scores struct {
	fieldHit, piiHit, piiFalse int
	typeHit, typed             int // labelled fields whose type is right, labelled fields present
	described, fields          int
	explained                  int // descriptions that say more than the column's name
}

func score(tr truth, f facts) scores {
	var s scores
	for _, w := range tr.Fields {
		i := slices.IndexFunc(f.fields, func(g string) bool { return sameField(w, g) })
		if i < 0 {
			continue
		}
		s.fieldHit++
		if want, ok := tr.Types[w]; ok {
			s.typed++
			if slices.Contains(strings.Split(want, "|"), f.types[f.fields[i]]) {
				s.typeHit++
			}
		}
	}
	for _, g := range f.pii {
		if slices.ContainsFunc(tr.PII, func(w string) bool { return sameField(w, g) }) {
			s.piiHit++
		} else {
			s.piiFalse++
		}
	}
	for _, g := range f.fields {
		s.fields++
		if f.desc[g] != "" {
			s.described++
		}
		if saysMore(g, f.desc[g]) {
			s.explained++
		}
	}
	return s
}

// saysMore reports a description that is more than its column's name
// (the extractor writes "unit price cents" for unit_price_cents: a
// description in form only).
func saysMore(field, desc string) bool {
	_, col, _ := strings.Cut(field, ".")
	return desc != "" && !slices.Equal(nameWords(desc), nameWords(col))
}

// nameWords are the lower-case words of s, without articles and the
// prepositions column names drop (id_do_lead is "id do lead").
func nameWords(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		switch w {
		case "the", "a", "an", "of", "o", "do", "da", "de", "in":
			continue
		}
		out = append(out, w)
	}
	return out
}

// sameField matches table.column; a wanted table of * is any table.
func sameField(want, got string) bool {
	if col, ok := strings.CutPrefix(want, "*."); ok {
		_, gc, _ := strings.Cut(got, ".")
		return gc == col
	}
	return want == got
}

// logAssist writes one row of the benchmark table: the extractor's figures
// and the model's, side by side.
func logAssist(t *testing.T, model string, tr truth, base, got facts, res *agent.Result, dropped int, elapsed time.Duration) {
	t.Helper()
	row := func(label string, s scores) {
		t.Logf("%-12s %-40s fields %2d/%2d  pii %d/%d (+%d false)  types %2d/%2d  described %2d/%2d (%d say more than the name)",
			label, tr.Path, s.fieldHit, len(tr.Fields), s.piiHit, len(tr.PII), s.piiFalse, s.typeHit, s.typed, s.described, s.fields, s.explained)
	}
	row("extractor", score(tr, base))
	row(model, score(tr, got))
	t.Logf("%-12s calls %d, tokens %d in + %d out, %d answers dropped, %.1fs", model, res.Calls,
		res.Usage.InputTokens, res.Usage.OutputTokens, dropped, elapsed.Seconds())
	for _, k := range got.fields {
		if got.types[k] != base.types[k] {
			t.Logf("  type %s: %q → %q", k, base.types[k], got.types[k])
		}
		if got.desc[k] != base.desc[k] {
			t.Logf("  description %s: %q → %q", k, base.desc[k], got.desc[k])
		}
	}
}

// TestScoreCounts: the benchmark's arithmetic on a hand-made draft.
func TestScoreCounts(t *testing.T) {
	tr := truth{Fields: []string{"o.id", "o.email", "*.total"}, PII: []string{"o.email"}, Types: map[string]string{"o.id": "string", "*.total": "integer|number"}}
	f := facts{fields: []string{"o.id", "o.email", "o.total", "o.extra"}, types: map[string]string{"o.id": "integer", "o.total": "number"},
		desc: map[string]string{"o.id": "the order", "o.email": "Email", "o.total": "total of the order"}, pii: []string{"o.email", "o.id"}}
	got := score(tr, f)
	want := scores{fieldHit: 3, piiHit: 1, piiFalse: 1, typeHit: 1, typed: 2, described: 3, fields: 4, explained: 2}
	if got != want {
		t.Fatalf("score = %+v, want %+v", got, want)
	}
}
