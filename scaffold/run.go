package scaffold

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/dataeng-os/dataeng-os/contract"
)

// ContractInput is one contract for Run: a file to read, its bytes, or a
// document already checked by the caller (with its findings).
type ContractInput struct {
	// Name names the contract in findings and errors (the path as given).
	Name string
	// File is read when Data and Doc are nil.
	File string
	// Rel is the contract's path relative to Request.Root, slash-separated;
	// it is recorded in model meta and in the lineage record.
	Rel  string
	Data []byte
	// Doc and Findings: a contract the caller already checked with
	// contract.Check and the same rules (Doc is nil when it did not parse;
	// then Findings say why).
	Doc      *contract.Document
	Findings []contract.Finding
}

// Request is one scaffold run: check → gate → render → write → lineage.
type Request struct {
	Contracts []ContractInput
	Rules     contract.Rules
	// Dialect, Source, SourceSchema and StagingMaterialized are as in Options.
	Dialect, Source, SourceSchema, StagingMaterialized string
	// Root is the project root, where the lineage record lives; "" = Out.
	Root string
	// Out is the dbt project directory.
	Out string
	// ProjectName names dbt_project.yml when Out has none; "" = the base
	// name of Root.
	ProjectName string
	// Force overwrites hand edits; Check writes nothing and fills in
	// diffs; Strict refuses contracts with governance errors.
	Force, Check, Strict bool
}

// Error kinds Run wraps its errors in (test with errors.Is).
var (
	// ErrContract: the contract says something that cannot be built (a
	// name that gives no identifier, an unknown dialect or materialisation).
	ErrContract = errors.New("contract cannot be scaffolded")
	// ErrClash: two contracts would write one file, or share one id.
	ErrClash = errors.New("scaffold clash")
)

// kindError keeps its message and is also its kind.
type kindError struct{ kind, err error }

func (e kindError) Error() string   { return e.err.Error() }
func (e kindError) Unwrap() []error { return []error{e.kind, e.err} }

func wrapKind(kind, err error) error { return kindError{kind: kind, err: err} }

// Run scaffolds the request's contracts. Contracts the gate refuses are
// listed in the report (Refused) and then nothing is written; errors are
// returned for what stops the whole run (unreadable files, clashes, I/O).
// Run never prints.
func Run(ctx context.Context, req Request) (Report, error) {
	root, out := req.dirs()
	st := &runState{req: req, root: root, out: out, files: map[string][]byte{}, owners: map[string]string{}}
	var rep Report
	for _, in := range req.Contracts {
		if err := ctx.Err(); err != nil {
			return rep, err
		}
		cr, err := st.one(in)
		rep.Contracts = append(rep.Contracts, cr)
		if err != nil {
			return rep, err
		}
	}
	rep.Rendered = st.files
	if len(rep.Refused()) > 0 {
		return rep, nil
	}
	if err := CheckIDs(root, st.entries...); err != nil {
		return rep, wrapKind(ErrClash, err)
	}
	if !req.Check {
		if err := CheckLineagePath(root); err != nil {
			return rep, err
		}
	}
	wr, err := Write(out, st.files, WriteOptions{Force: req.Force, Check: req.Check, Prune: true})
	rep.Files = wr.Files
	if err != nil || req.Check {
		return rep, err
	}
	if err := UpdateLineage(root, st.entries...); err != nil {
		return rep, err
	}
	rep.Lineage = filepath.Join(root, filepath.FromSlash(LineageFile))
	return rep, nil
}

// dirs resolves the output and the root (the output when there is no
// project).
func (req Request) dirs() (root, out string) {
	out = filepath.Clean(req.Out)
	root = req.Root
	if root == "" {
		root = out
	}
	return filepath.Clean(root), out
}

// OutDir resolves a configured output directory ([scaffold] out) against
// the project root; an absolute one is kept.
func OutDir(root, out string) string {
	if out == "" || out == "." {
		return filepath.Clean(root)
	}
	if filepath.IsAbs(out) {
		return filepath.Clean(out)
	}
	return filepath.Join(root, out)
}

// runState collects what the contracts of one run render.
type runState struct {
	req       Request
	root, out string
	files     map[string][]byte
	owners    map[string]string // path → contract that rendered it
	entries   []LineageContract
}

// one checks, gates and renders one contract.
func (st *runState) one(in ContractInput) (ContractResult, error) {
	cr := ContractResult{Name: in.Name, Verdict: Accepted}
	doc, findings, err := checkInput(in, st.req.Rules)
	if err != nil {
		return cr, err
	}
	blocking, warnings := Gate(findings, st.req.Strict)
	cr.Findings = append(append([]contract.Finding(nil), blocking...), warnings...)
	contract.SortFindings(cr.Findings)
	switch {
	case doc == nil || doc.Contract == nil:
		cr.Verdict = RefusedInvalid
		return cr, nil
	case len(blocking) > 0 && OnlyGovernance(blocking):
		cr.Verdict, cr.Rules = RefusedStrict, GovernanceRules(blocking, contract.SeverityError)
		return cr, nil
	case len(blocking) > 0:
		cr.Verdict = RefusedInvalid
		return cr, nil
	}
	cr.Rules = GovernanceRules(findings, "")
	opts := st.options(in)
	files, err := Render(doc.Contract, st.req.Rules, opts)
	if errors.Is(err, ErrNoSchema) {
		cr.Verdict = NoSchema
		return cr, nil
	}
	if err != nil {
		return cr, wrapKind(ErrContract, fmt.Errorf("scaffold %s: %w", in.Name, err))
	}
	if err := st.merge(in.Name, files); err != nil {
		return cr, err
	}
	outRel, _ := filepath.Rel(st.root, st.out)
	entry, err := LineageOf(doc.Contract, st.req.Rules, opts, filepath.ToSlash(outRel))
	if err != nil {
		return cr, wrapKind(ErrContract, fmt.Errorf("scaffold %s: %w", in.Name, err))
	}
	st.entries = append(st.entries, entry)
	return cr, nil
}

// checkInput reads and checks a contract unless the caller did.
func checkInput(in ContractInput, rules contract.Rules) (*contract.Document, []contract.Finding, error) {
	if in.Doc != nil || in.Findings != nil {
		return in.Doc, in.Findings, nil
	}
	data := in.Data
	if data == nil {
		var err error
		if data, err = os.ReadFile(in.File); err != nil {
			return nil, nil, fmt.Errorf("read contract %s: %w", in.Name, err)
		}
	}
	doc, findings := contract.Check(in.Name, data, rules)
	return doc, findings, nil
}

// options are Render's options for one contract; a dbt_project.yml is
// added when the output has none.
func (st *runState) options(in ContractInput) Options {
	opts := Options{Dialect: st.req.Dialect, Source: st.req.Source, SourceSchema: st.req.SourceSchema,
		ContractFile: firstNonEmpty(in.Rel, in.Name), StagingMaterialized: st.req.StagingMaterialized}
	if _, err := os.Stat(filepath.Join(st.out, ProjectFile)); errors.Is(err, os.ErrNotExist) {
		opts.ProjectName = st.req.ProjectName
		if opts.ProjectName == "" {
			opts.ProjectName = filepath.Base(st.root)
		}
	}
	return opts
}
