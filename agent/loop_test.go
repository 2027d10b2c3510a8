package agent

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/dataeng-os/dataeng-os/contract"
	"github.com/dataeng-os/dataeng-os/kernel"
	"github.com/dataeng-os/dataeng-os/providers"
	"github.com/dataeng-os/dataeng-os/providers/scripted"
)

const notes = "Checkout orders: order id, customer email, total in cents, created at. Owner: Checkout squad (bruno.souza)."

func TestValidInOneAttempt(t *testing.T) {
	t.Parallel()
	p := plain(turn(reply(fixture(t, "canvas.md"), fixture(t, "valid.odcs.yaml"))))
	var rec recorder
	res, err := newArchitect(t, p, nil).DraftFromNotes(context.Background(), "Checkout Orders", notes, rec.emit)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Valid || res.Attempts != 1 || res.Calls != 1 || res.StopReason != StopValid {
		t.Fatalf("got valid=%v attempts=%d calls=%d stop=%s findings=%v", res.Valid, res.Attempts, res.Calls, res.StopReason, res.Findings)
	}
	if res.Name != "checkout_orders" || res.Usage.Total() == 0 {
		t.Errorf("name %q usage %+v", res.Name, res.Usage)
	}
	if len(rec.of(EventToken)) == 0 || len(rec.of(EventDraft)) != 2 || len(rec.of(EventUsage)) != 1 {
		t.Errorf("events: %d tokens, %d drafts, %d usage", len(rec.of(EventToken)), len(rec.of(EventDraft)), len(rec.of(EventUsage)))
	}
	req := p.Requests()[0]
	if !strings.Contains(req.System, "gov") && !strings.Contains(req.System, "PII column must carry") {
		t.Errorf("system prompt lacks the governance summary:\n%s", req.System)
	}
	if req.MaxTokens != kernel.DefaultMaxOutputTokens {
		t.Errorf("request MaxTokens = %d; every answer must be capped at %d", req.MaxTokens, kernel.DefaultMaxOutputTokens)
	}
	if len(req.System) > 12000 {
		t.Errorf("system prompt is %d bytes; it must stay compact", len(req.System))
	}
	if !strings.Contains(req.Messages[0].Content, "<notes>\n"+notes) {
		t.Errorf("notes not delimited as data:\n%s", req.Messages[0].Content)
	}
}

func TestReaskCarriesFindingsThenSaves(t *testing.T) {
	t.Parallel()
	canvas := fixture(t, "canvas.md")
	p := plain(turn(reply(canvas, fixture(t, "invalid.odcs.yaml"))), turn(reply("", fixture(t, "valid.odcs.yaml"))))
	res, err := newArchitect(t, p, nil).DraftFromNotes(context.Background(), "checkout_orders", notes, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Valid || res.Attempts != 2 || res.Calls != 2 {
		t.Fatalf("valid=%v attempts=%d calls=%d findings=%v", res.Valid, res.Attempts, res.Calls, res.Findings)
	}
	reqs := p.Requests()
	last := reqs[1].Messages[len(reqs[1].Messages)-1]
	for _, want := range []string{contract.RulePIIUnclassified, "customer_email", "schema[0].properties[1]", "complete corrected contract"} {
		if !strings.Contains(last.Content, want) {
			t.Errorf("reask lacks %q:\n%s", want, last.Content)
		}
	}
	// the camelCase column is renamed locally by the shared fixer (contract/fix), never reasked
	if strings.Contains(last.Content, contract.RuleNamingCase) {
		t.Errorf("a mechanical rename was reasked:\n%s", last.Content)
	}
	if len(reqs[1].Messages) != 3 || reqs[1].Messages[1].Role != providers.RoleAssistant {
		t.Errorf("reask must be [first request, previous draft, findings], got %d messages", len(reqs[1].Messages))
	}
	if res.Canvas != canvas {
		t.Errorf("the passing canvas must be kept when only the contract is returned")
	}
	dir := t.TempDir()
	sp, err := SaveDrafts(dir, res, SaveOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if sp.Draft || sp.Contract != filepath.Join(dir, "contracts/checkout_orders.odcs.yaml") || sp.Canvas != filepath.Join(dir, "canvases/checkout_orders.md") {
		t.Fatalf("saved %+v", sp)
	}
	data, _ := os.ReadFile(sp.Contract)
	if _, fs := contract.Check(sp.Contract, data, contract.DefaultRules()); contract.HasErrors(fs) {
		t.Errorf("saved contract does not validate: %v", fs)
	}
}

func TestNeverConvergingStopsAtBudgetAndSavesDraft(t *testing.T) {
	t.Parallel()
	invalid := fixture(t, "invalid.odcs.yaml")
	p := plain(
		turn(reply(fixture(t, "canvas.md"), invalid)),
		turn(reply("", noPK(invalid))),
		turn(reply("", strings.Replace(classifiedNoPK(invalid), "domain: sales\n", "", 1))),
		turn(reply("", fixture(t, "valid.odcs.yaml"))), // never reached
	)
	res, err := newArchitect(t, p, nil).DraftFromNotes(context.Background(), "orders", notes, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Valid || res.StopReason != StopAttempts || res.Calls != 3 || p.Remaining() != 1 {
		t.Fatalf("valid=%v stop=%s calls=%d remaining=%d", res.Valid, res.StopReason, res.Calls, p.Remaining())
	}
	if left := res.Left(); !strings.Contains(left, "attempt budget") || !strings.Contains(left, contract.RuleDomain) {
		t.Errorf("Left() does not say what is left:\n%s", left)
	}
	dir := t.TempDir()
	sp, err := SaveDrafts(dir, res, SaveOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !sp.Draft || !strings.HasSuffix(sp.Contract, "orders.draft.odcs.yaml") || sp.Findings == "" {
		t.Fatalf("saved %+v", sp)
	}
	if _, err := os.Stat(filepath.Join(dir, "contracts/orders.odcs.yaml")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a failing contract must not be saved as the contract")
	}
	ff, _ := os.ReadFile(sp.Findings)
	if !strings.Contains(string(ff), contract.RuleDomain) || !strings.Contains(string(ff), "max-attempts") {
		t.Errorf("findings file:\n%s", ff)
	}
	// The findings in the file point at the saved draft's lines.
	draft, _ := os.ReadFile(sp.Contract)
	_, fs := contract.Check("contracts/orders.draft.odcs.yaml", draft, contract.DefaultRules())
	for _, f := range fs {
		if !strings.Contains(string(ff), `"line": `+strconv.Itoa(f.Line)) {
			t.Errorf("finding %s: line not in the findings file", f)
		}
	}
}

func TestRepeatedFindingsStopEarly(t *testing.T) {
	t.Parallel()
	bad := reply(fixture(t, "canvas.md"), fixture(t, "invalid.odcs.yaml"))
	p := plain(scripted.Turn{Text: bad, Repeat: true, ChunkSize: -1})
	res, err := newArchitect(t, p, func(o *Options) { o.MaxAttempts = 5 }).DraftFromNotes(context.Background(), "orders", notes, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.StopReason != StopRepeated || res.Calls != 2 {
		t.Fatalf("stop=%s calls=%d", res.StopReason, res.Calls)
	}
}

func TestMalformedOutputIsAParseFinding(t *testing.T) {
	t.Parallel()
	canvas := fixture(t, "canvas.md")
	p := plain(
		turn("I think the contract should have an order id and an email."),
		turn(reply(canvas, "apiVersion: v3.1.0\nschema: [unclosed\n  - name: x\n")),
		turn(reply(canvas, fixture(t, "valid.odcs.yaml"))),
	)
	var rec recorder
	res, err := newArchitect(t, p, func(o *Options) { o.MaxAttempts = 3 }).DraftFromNotes(context.Background(), "orders", notes, rec.emit)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Valid || res.Calls != 3 {
		t.Fatalf("valid=%v calls=%d", res.Valid, res.Calls)
	}
	fs := rec.of(EventFindings)
	if !hasRule(fs[0].Findings, RuleNoYAML) || !hasRule(fs[0].Findings, RuleNoCanvas) {
		t.Errorf("attempt 1 findings: %v", fs[0].Findings)
	}
	if !hasRule(fs[1].Findings, contract.RuleYAMLSyntax) {
		t.Errorf("attempt 2 findings: %v", fs[1].Findings)
	}
}

func TestReaskPromptDoesNotGrow(t *testing.T) {
	t.Parallel()
	invalid := fixture(t, "invalid.odcs.yaml")
	p := plain(
		turn(reply(fixture(t, "canvas.md"), invalid)),
		turn(reply("", classifiedNoPK(invalid))),
		turn(reply("", fixture(t, "valid.odcs.yaml"))),
	)
	res, err := newArchitect(t, p, nil).DraftFromNotes(context.Background(), "orders", notes, nil)
	if err != nil || !res.Valid || res.Calls != 3 {
		t.Fatalf("err=%v valid=%v calls=%d", err, res != nil && res.Valid, res.Calls)
	}
	reqs := p.Requests()
	s2, s3 := promptSize(reqs[1]), promptSize(reqs[2])
	if s3 > s2 {
		t.Errorf("reask prompt grew: attempt 2 = %d bytes, attempt 3 = %d bytes", s2, s3)
	}
	if len(reqs[2].Messages) != len(reqs[1].Messages) {
		t.Errorf("reask appended messages: %d then %d", len(reqs[1].Messages), len(reqs[2].Messages))
	}
	if strings.Contains(reqs[2].Messages[1].Content, "primaryKey: true") {
		t.Errorf("attempt 3 still carries the first failed draft")
	}
}

func TestTokenBudgetExhaustion(t *testing.T) {
	t.Parallel()
	bad := reply(fixture(t, "canvas.md"), fixture(t, "invalid.odcs.yaml"))
	u := &providers.Usage{InputTokens: 6000, OutputTokens: 2000}
	p := plain(
		scripted.Turn{Text: bad, Usage: u, ChunkSize: -1},
		scripted.Turn{Text: noPK(bad), Usage: u, ChunkSize: -1},
		scripted.Turn{Text: reply("", fixture(t, "valid.odcs.yaml")), Usage: u, ChunkSize: -1},
	)
	res, err := newArchitect(t, p, func(o *Options) { o.TokenBudget = 10000; o.MaxAttempts = 5 }).DraftFromNotes(context.Background(), "orders", notes, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.StopReason != StopTokens || res.Calls != 2 || res.Usage.Total() != 16000 {
		t.Fatalf("stop=%s calls=%d usage=%d", res.StopReason, res.Calls, res.Usage.Total())
	}
	if !strings.Contains(res.Left(), "token budget") {
		t.Errorf("Left: %s", res.Left())
	}
}

func TestStructuredOutputAndRepair(t *testing.T) {
	t.Parallel()
	js := `{"canvas": "# C\n\n## Problem and decision supported\nRevenue recon.\n\n## Consumers\nFinance.\n\n## Producer and owner\nCheckout squad.\n\n## Data sources\nPostgres.\n\n## Entities and fields\norders.\n\n## Sensitive data\nNone.\n\n## Quality expectations\nUnique ids.\n\n## SLA and freshness\n24h.\n\n## Delivery (dbt layers)\nstaging.\n",
	"contract": {"id": "orders", "version": "0.1.0", "status": "wip", "domain": "sales",
	 "description": {"purpose": "Revenue reconciliation."}, "team": {"name": "Checkout squad", "members": [{"username": "bruno", "role": "owner"}]},
	 "schema": [{"name": "orders", "logicalType": "object", "description": "Orders.", "properties": [{"name": "order_id", "logicalType": "string", "primaryKey": true}]}]}}`
	p := scripted.New(turn(js))
	var rec recorder
	res, err := newArchitect(t, p, nil).DraftFromNotes(context.Background(), "orders", notes, rec.emit)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Valid || res.Calls != 1 {
		t.Fatalf("valid=%v calls=%d findings=%v\n%s", res.Valid, res.Calls, res.Findings, res.Contract)
	}
	if len(p.Requests()[0].JSONSchema) == 0 {
		t.Error("structured output was not requested")
	}
	if n := len(rec.of(EventRepair)); n != 3 { // apiVersion, kind, status
		t.Errorf("%d repairs: %+v", n, rec.of(EventRepair))
	}
	if !strings.HasPrefix(res.Contract, "apiVersion: v3.1.0\nkind: DataContract\nid: orders\n") {
		t.Errorf("key order lost or not repaired:\n%s", res.Contract)
	}
}

func TestMissingFactsBecomeOpenQuestions(t *testing.T) {
	t.Parallel()
	noOwner := strings.Replace(fixture(t, "valid.odcs.yaml"), "team:\n  name: Checkout squad\n  members:\n    - username: bruno.souza\n      role: owner\n", "", 1)
	canvas := strings.Replace(fixture(t, "canvas.md"), "- none", "- Who owns the dataset?", 1)
	p := plain(scripted.Turn{Text: reply(canvas, noOwner), Repeat: true, ChunkSize: -1})
	res, err := newArchitect(t, p, nil).DraftFromNotes(context.Background(), "orders", "orders with order id and email", nil)
	if err != nil {
		t.Fatal(err)
	}
	// A missing owner is a warning by default: the draft is valid, and the
	// owner still becomes an open question.
	if !hasRule(res.Findings, contract.RuleOwner) {
		t.Fatalf("valid=%v findings=%v", res.Valid, res.Findings)
	}
	joined := strings.Join(res.OpenQuestions, "\n")
	if !strings.Contains(joined, "Who owns the dataset?") || !strings.Contains(joined, say("en", "guided.qOwner")) {
		t.Errorf("open questions: %q", res.OpenQuestions)
	}
	if strings.Contains(res.Contract, "team:") {
		t.Error("owner invented")
	}
}

func TestProviderFailureAndCancellation(t *testing.T) {
	t.Parallel()
	p := plain(scripted.Turn{Err: &scripted.Fault{Kind: providers.KindServer, Status: 500}})
	res, err := newArchitect(t, p, nil).DraftFromNotes(context.Background(), "orders", notes, nil)
	if err == nil || res.StopReason != StopError {
		t.Fatalf("err=%v stop=%s", err, res.StopReason)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	p = plain(turn(reply(fixture(t, "canvas.md"), fixture(t, "valid.odcs.yaml"))))
	res, err = newArchitect(t, p, nil).DraftFromNotes(ctx, "orders", notes, nil)
	if !errors.Is(err, context.Canceled) || res.StopReason != StopCancelled {
		t.Fatalf("err=%v stop=%s", err, res.StopReason)
	}
}

func TestPortugueseNotesAnswerInPortuguese(t *testing.T) {
	t.Parallel()
	p := plain(turn(reply(fixture(t, "canvas.md"), fixture(t, "valid.odcs.yaml"))))
	a := newArchitect(t, p, nil)
	a.noGround = true // the scripted answer is unrelated to the notes on purpose
	res, err := a.DraftFromNotes(context.Background(), "leads", "Reunião CRM: os campos são id do lead, nome e e-mail. Dono: Marketing Ops.", nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Lang != "pt" || !strings.Contains(p.Requests()[0].System, "Brazilian Portuguese") {
		t.Errorf("lang=%q", res.Lang)
	}
}

func hasRule(fs []contract.Finding, rule string) bool {
	for _, f := range fs {
		if f.Rule == rule {
			return true
		}
	}
	return false
}

// noPK drops the fixture's primary key (a gov-primary-key error the fixer
// cannot mend), so that a scripted answer changes its findings.
func noPK(yml string) string {
	return strings.Replace(yml, "        primaryKey: true\n        primaryKeyPosition: 1\n", "", 1)
}

// classifiedNoPK fixes the fixture's unclassified e-mail but drops its key:
// a different finding, no more of them.
func classifiedNoPK(yml string) string {
	return noPK(strings.Replace(yml, "        description: E-mail of the customer, for receipts.\n",
		"        description: E-mail of the customer, for receipts.\n        classification: pii\n", 1))
}
