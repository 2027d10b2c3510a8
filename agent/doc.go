// Package agent is the Architect: it interviews a stakeholder (with a model,
// or in guided mode with no model), drafts a Product Canvas and an ODCS
// v3.1.0 contract, validates both (contract.CheckCanvas and every contract
// rule) and reasks the model with the findings until the drafts pass or the
// budget runs out, then saves them.
//
// The agent never prints. Everything it does is an Event (token, question,
// draft, findings, attempt, usage, stop, saved, error...), JSON-serialisable
// with a "type" field, passed to an emit callback; the terminal, the web
// cockpit and batch mode only render events. A chat Session appends every
// event except tokens to a JSONL journal and can be rebuilt from it
// (resume).
//
// # The reask loop
//
// The budget is max attempts (agent.max_attempts, default 3) and a token
// budget (agent.token_budget). A reask is one message with the structured
// findings and "return the complete corrected document"; the previous
// failed draft replaces the one before it in the prompt (it is not
// appended), so the prompt does not grow with the attempt number. The loop
// stops early when the same error findings repeat. Only completed streams
// are validated; an answer with no YAML block, or broken YAML, is a failed
// attempt with a parse finding. Structured output (prompts.ContractDraftSchema)
// is requested when the provider reports it, and the answer is still
// validated locally. Mechanical fixes that invent nothing (apiVersion, kind,
// a missing id or version, a status outside the allowed set) are applied
// without a model call and reported as EventRepair.
//
// # Non-interactive API (batch drafting)
//
//	a, err := agent.New(agent.Options{Project: p, Provider: prov})
//	res, err := a.DraftFromNotes(ctx, "checkout_orders", notes, func(ev agent.Event) {...})
//	paths, err := agent.SaveDrafts(outDir, res, agent.SaveOptions{})
//
// DraftFromNotes returns a *Result: canvas text, contract YAML, Valid,
// Attempts, Calls, Usage, Cost, open Findings, OpenQuestions (facts the
// notes lack: owner, primary key, classification... never invented) and
// StopReason (valid, max-attempts, token-budget, repeated-findings,
// cancelled, error). Result.Left() says what a person must still do. A
// model failure or cancellation returns the partial Result and an error.
// An Architect is safe for concurrent DraftFromNotes calls.
//
// With no provider, DraftFromNotes makes no model call: ExtractDraft reads
// the notes (English or Portuguese column lists, types, keys, PII
// sentences, owner, source, SLA, marts) into an agent/spec Draft, which
// the one assembler (spec.AssembleWith, also behind guided mode's
// contract) turns into the canvas and contract; the validator then checks
// them as usual (StopReason valid or open-findings).
//
// SaveDrafts writes canvases/<name>.md and contracts/<name>.odcs.yaml, or,
// for a document with error findings, <name>.draft.md /
// <name>.draft.odcs.yaml plus contracts/<name>.findings.json. Writes are
// atomic; names are sanitised (SanitizeName) and no path can leave the
// root, not even through a symlinked folder. Each file's first line is a
// marker with its content hash (Generated reports whether a file is still
// as written): a file a person edited is never overwritten without
// SaveOptions.Force, the new draft goes beside it (<name>.new.odcs.yaml) and
// SavedPaths.Kept names the file that was left alone.
//
// # Chat sessions (terminal, cockpit)
//
//	j, _ := agent.OpenJournal(".dataeng-os/sessions/<id>.jsonl")
//	s := a.NewSession(agent.SessionOptions{ID: id, Root: projectRoot, Journal: j, Sink: render})
//	s.Start()                  // greeting and the first question
//	err := s.Send(ctx, text)   // one turn; cancelling ctx stops the generation, not the session
//	s.Draft(ctx); s.Validate(); s.Save(); s.Continue(ctx)
//	s.Canvas(), s.Contract(), s.Findings(), s.Attempts(), s.Usage(), s.Done()
//
// A session holds an Interviewer and never asks which kind it is. With a
// provider it is the model interviewer: the interview prompt lists the
// canvas sections, the model writes prompts.ReadyMarker when it can draft,
// then the reask loop runs and the drafts are saved. With no provider it
// is the guided interviewer (package agent/guided, which knows no model):
// it asks the canvas template's questions one by one (Event.Question says
// what kind of answer is expected), reads fields the way people write them
// (sentences, bullets or the `name: type, options` line), and turns each
// validator finding into a follow-up question through one table keyed by
// rule id (guided.QuestionFor gives the model's drafts the same
// questions). It carries the free answers into the contract in the shapes
// the scaffolder reads: Data sources → the contract's dbtSource, Delivery →
// each object's dbtMart (fact or dimension), SLA → a freshness slaProperty
// on the table's load/update timestamp, Quality expectations → unique on
// the fields it names, values and bounds → an invalidValues rule and
// logicalTypeOptions. What it cannot place becomes an open question
// in the canvas. Every event except tokens is
// appended to the journal, and the journal is fsynced at the end of each
// turn; ResumeSession(a, ReadJournal(path), opts) rebuilds the session (a
// cancelled or crashed turn stays pending: Resume answers it). The
// language follows the person (DetectLanguage: Portuguese or English).
//
// # Safety
//
// Notes and answers are data: they are wrapped in delimiters in every
// prompt, the model is told to treat them as data, and the agent executes
// nothing a model or a note says; the only outputs are the two documents,
// at paths the agent derives itself.
package agent
