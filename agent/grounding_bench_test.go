package agent

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/dataeng-os/dataeng-os/kernel"
	"github.com/dataeng-os/dataeng-os/providers/scripted"
)

// TestGroundingFigures measures the invented-answer corpus (reported in
// bench/README.md): ungrounded items in the model's answers before
// grounding, and in the saved contracts after. After must be 0.
func TestGroundingFigures(t *testing.T) {
	t.Parallel()
	g := newGrounder("checkout_orders\n"+groundNotes, "", true)
	before, after := 0, 0
	for _, inv := range inventions {
		answer := strings.Replace(groundBase(t), inv.old, inv.new, 1)
		items, _ := g.ungrounded(answer)
		before += len(items)
		saved, _, _ := draftAndSave(t, answer)
		left, _ := g.ungrounded(saved)
		after += len(left)
		t.Logf("%-14s before %d  after %d", inv.name, len(items), len(left))
	}
	t.Logf("invented-answer corpus: %d answers, %d ungrounded items before grounding, %d after", len(inventions), before, after)
	if before < len(inventions) || after != 0 {
		t.Fatalf("before %d (want >= %d), after %d (want 0)", before, len(inventions), after)
	}
}

// TestAssistRecallFigures: assist-mode field recall on the sample notes,
// with a model that answers "none" to everything and with one that answers
// an invented name to everything, equals the no-model extractor's.
func TestAssistRecallFigures(t *testing.T) {
	t.Parallel()
	models := map[string]string{"none": `{"answer": "none"}`, "inventor": `{"answer": "basket_value"}`}
	for label, text := range models {
		var ext, assist recall
		questions, notes := 0, 0
		for _, n := range loadExpected(t) {
			all, _ := columnsOf(extractFile(t, n.Path))
			ext.add(n.Fields, all)
			p := scripted.New(scripted.Turn{Text: text, Repeat: true, ChunkSize: -1})
			a := newArchitect(t, p, func(o *Options) { o.Strategy = kernel.StrategyAssist })
			res, err := a.DraftFromNotes(context.Background(), noteName(n.Path), readNote(t, n.Path), nil)
			if err != nil {
				t.Fatal(err)
			}
			assist.add(n.Fields, contractFields(t, res.Contract))
			questions, notes = questions+p.Calls(), notes+1
			if strings.Contains(res.Contract, "basket_value") {
				t.Errorf("%s: an invented answer reached the contract", n.Path)
			}
		}
		t.Logf("model %-8s: assist field recall %.3f (%d/%d, %d extra), extractor %.3f (%d/%d); %d questions over %d notes",
			label, assist.rate(), assist.hit, assist.want, assist.extra, ext.rate(), ext.hit, ext.want, questions, notes)
		if assist.hit != ext.hit || assist.extra != ext.extra {
			t.Errorf("model %s: assist recall %d (+%d) differs from the extractor's %d (+%d)", label, assist.hit, assist.extra, ext.hit, ext.extra)
		}
	}
}

func noteName(path string) string {
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	return SanitizeName(orderPrefix.ReplaceAllString(base, ""))
}

func readNote(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// contractFields lists table.column of a contract.
func contractFields(t *testing.T, yml string) []string {
	t.Helper()
	var c struct {
		Schema []struct {
			Name       string
			Properties []struct{ Name string }
		}
	}
	if err := yaml.Unmarshal([]byte(yml), &c); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, s := range c.Schema {
		for _, p := range s.Properties {
			out = append(out, s.Name+"."+p.Name)
		}
	}
	return out
}
