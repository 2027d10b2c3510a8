package agent

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/dataeng-os/dataeng-os/contract"
	"github.com/dataeng-os/dataeng-os/providers/scripted"
)

// groundNotes state everything base.odcs.yaml says.
const groundNotes = `Checkout orders: order id (pk), customer email, total in cents (>= 0), status (pending, paid), created at.
Owner: Checkout squad (bruno.souza).
Source: Postgres checkout database (checkout.internal).
Freshness: every 2 hours.`

// invented is one answer of the corpus: the grounded contract with one
// invention, and the token that must not reach the saved contract.
type invented struct {
	name, old, new, absent string
}

// inventions is the invented-field corpus.
var inventions = []invented{
	{"column", "      - name: created_at\n", "      - name: basket_value\n        logicalType: number\n        description: Basket value.\n      - name: created_at\n", "basket_value"},
	{"owner", "username: bruno.souza", "username: carla.mendes", "carla.mendes"},
	{"team", "name: Checkout squad", "name: Growth guild", "Growth guild"},
	{"enum value", "                - paid\n", "                - paid\n                - refunded\n", "refunded"},
	{"sla number", "    value: 2\n", "    value: 6\n", "value: 6"},
	{"range number", "minimum: 0", "minimum: 100", "minimum: 100"},
	{"table", "slaProperties:", "  - name: payment_attempts\n    logicalType: object\n    physicalType: table\n    properties:\n      - name: attempt_id\n        logicalType: string\nslaProperties:", "payment_attempts"},
	{"business name", "businessName: customer e-mail", "businessName: Loyalty contact", "Loyalty contact"},
	{"description", "description: Order total in cents.", "description: Order total in cents, settled by Stripe within 15 days.", "Stripe"},
	{"server", "host: checkout.internal", "host: warehouse.snowflake.example", "snowflake"},
}

func groundBase(t *testing.T) string { return fixture(t, "grounding/base.odcs.yaml") }

// draftAndSave drafts the notes with a model that always gives answer, and
// saves the result; it returns the saved contract and the result.
func draftAndSave(t *testing.T, answers ...string) (string, *Result, *recorder) {
	t.Helper()
	var turns []scripted.Turn
	for i, a := range answers {
		tr := turn(reply(fixture(t, "canvas.md"), a))
		tr.Repeat = i == len(answers)-1
		turns = append(turns, tr)
	}
	rec := &recorder{}
	res, err := newArchitect(t, plain(turns...), nil).DraftFromNotes(context.Background(), "checkout_orders", groundNotes, rec.emit)
	if err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	sp, err := SaveDrafts(root, res, SaveOptions{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(sp.Contract)
	if err != nil {
		t.Fatal(err)
	}
	return string(b), res, rec
}

func TestGroundedAnswerPassesUntouched(t *testing.T) {
	t.Parallel()
	saved, res, rec := draftAndSave(t, groundBase(t))
	if !res.Valid || res.Attempts != 1 || len(res.OpenQuestions) != 0 {
		t.Fatalf("valid=%v attempts=%d questions=%v findings=%v", res.Valid, res.Attempts, res.OpenQuestions, res.Findings)
	}
	drafts := rec.of(EventDraft)
	if last := drafts[len(drafts)-1].Content; last != res.Contract {
		t.Fatalf("the grounded contract was changed:\n%s", res.Contract)
	}
	for _, w := range []string{"bruno.souza", "- paid", "value: 2", "minimum: 0", "checkout.internal", "customer e-mail"} {
		if !strings.Contains(saved, w) {
			t.Errorf("saved contract lost %q", w)
		}
	}
}

// TestInventedFieldsAreStopped: every invention of the corpus is found,
// reasked and, when the model insists, removed and asked as a question.
func TestInventedFieldsAreStopped(t *testing.T) {
	t.Parallel()
	base := groundBase(t)
	for _, inv := range inventions {
		t.Run(inv.name, func(t *testing.T) {
			t.Parallel()
			answer := strings.Replace(base, inv.old, inv.new, 1)
			if answer == base {
				t.Fatalf("corpus entry %q does not apply", inv.name)
			}
			saved, res, rec := draftAndSave(t, answer)
			if strings.Contains(saved, inv.absent) {
				t.Fatalf("%q reached the saved contract:\n%s", inv.absent, saved)
			}
			if !reaskedUngrounded(rec) {
				t.Error("no draft-ungrounded finding was reported to the loop")
			}
			if !strings.Contains(strings.Join(res.OpenQuestions, "\n"), "never mention") {
				t.Errorf("no open question for the removed item: %v", res.OpenQuestions)
			}
			if !res.Valid {
				t.Errorf("after removal the draft should be valid: %v", res.Findings)
			}
		})
	}
}

func reaskedUngrounded(rec *recorder) bool {
	for _, ev := range rec.of(EventFindings) {
		for _, f := range ev.Findings {
			if f.Rule == RuleUngrounded {
				return true
			}
		}
	}
	return false
}

// TestReaskFixesInvention: the finding goes into the reask and a model that
// drops the invented column converges without a question.
func TestReaskFixesInvention(t *testing.T) {
	t.Parallel()
	base := groundBase(t)
	bad := strings.Replace(base, inventions[0].old, inventions[0].new, 1)
	p := plain(turn(reply(fixture(t, "canvas.md"), bad)), turn(reply("", base)))
	res, err := newArchitect(t, p, nil).DraftFromNotes(context.Background(), "checkout_orders", groundNotes, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Valid || res.Attempts != 2 || len(res.OpenQuestions) != 0 {
		t.Fatalf("valid=%v attempts=%d questions=%v", res.Valid, res.Attempts, res.OpenQuestions)
	}
	reask := p.Requests()[1].Messages
	if msg := reask[len(reask)-1].Content; !strings.Contains(msg, "column `basket_value` is not in the notes") {
		t.Fatalf("the reask lacks the finding:\n%s", msg)
	}
}

// TestUngroundedPolicy: as a warning the invention is not reasked but is
// still removed; off keeps it (the project chose not to check).
func TestUngroundedPolicy(t *testing.T) {
	t.Parallel()
	bad := strings.Replace(groundBase(t), inventions[0].old, inventions[0].new, 1)
	for _, tc := range []struct {
		sev      contract.Severity
		calls    int
		contains bool
	}{{contract.SeverityWarning, 1, false}, {contract.SeverityOff, 1, true}} {
		p := plain(scripted.Turn{Text: reply(fixture(t, "canvas.md"), bad), Repeat: true, ChunkSize: -1})
		proj := defaultProject()
		proj.Rules.Policy.Rules = map[string]contract.Severity{RuleUngrounded: tc.sev}
		res, err := newArchitect(t, p, func(o *Options) { o.Project = proj }).DraftFromNotes(context.Background(), "checkout_orders", groundNotes, nil)
		if err != nil {
			t.Fatal(err)
		}
		if p.Calls() != tc.calls || strings.Contains(res.Contract, "basket_value") != tc.contains || !res.Valid {
			t.Errorf("%s: calls=%d valid=%v basket_value kept=%v", tc.sev, p.Calls(), res.Valid, !tc.contains)
		}
	}
}

// TestAllInventedIsNotValid: a draft whose every field is invented ends
// with no field and an error, never as a passing empty contract.
func TestAllInventedIsNotValid(t *testing.T) {
	t.Parallel()
	p := plain(scripted.Turn{Text: reply(fixture(t, "canvas.md"), groundBase(t)), Repeat: true, ChunkSize: -1})
	res, err := newArchitect(t, p, nil).DraftFromNotes(context.Background(), "telemetry", "plant telemetry", nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Valid || strings.Contains(res.Contract, "order_id") || !strings.Contains(fingerprint(res.Findings), RuleNoFields) {
		t.Fatalf("valid=%v findings=%v\n%s", res.Valid, res.Findings, res.Contract)
	}
}
