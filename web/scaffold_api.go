package web

import (
	"errors"
	"fmt"
	"net/http"
	"path/filepath"
	"strconv"

	"github.com/dataeng-os/dataeng-os/contract"
	"github.com/dataeng-os/dataeng-os/internal/atomicfile"
	"github.com/dataeng-os/dataeng-os/scaffold"
)

// ScaffoldOptions are the project's scaffold settings ([scaffold] in
// dataeng-os.toml).
type ScaffoldOptions struct {
	Dialect string // duckdb (default), postgres, snowflake, bigquery
	Out     string // dbt project directory, relative to the root ("" = root)
	Strict  bool   // refuse contracts with governance errors ([scaffold] strict)
	// StagingMaterialized is view (default), table or incremental.
	StagingMaterialized string
}

// scaffoldFile is one generated file in the /api/scaffold response.
type scaffoldFile struct {
	Path    string `json:"path"`
	Status  string `json:"status"`
	Detail  string `json:"detail,omitempty"`
	Diff    string `json:"diff,omitempty"`
	Content string `json:"content,omitempty"` // dry run only
}

// apiScaffold renders the dbt files for a contract with scaffold.Run, as
// `dataeng-os scaffold` does. With ?dry_run=1 it writes nothing and says
// what would change (with diffs and contents); otherwise it writes them,
// never over a hand-edited file unless ?force=1. The body may name the dbt
// source ("source"), as --source does.
func (s *Server) apiScaffold(w http.ResponseWriter, r *http.Request) {
	var req struct {
		File   string `json:"file"`
		Source string `json:"source"`
	}
	if !s.readJSON(w, r, &req) {
		return
	}
	dry, _ := strconv.ParseBool(r.URL.Query().Get("dry_run"))
	force, _ := strconv.ParseBool(r.URL.Query().Get("force"))
	abs, err := s.contractPath(req.File)
	if err != nil {
		writeError(w, http.StatusBadRequest, "%v", err)
		return
	}
	data, err := readLimited(abs, s.readLimit())
	if err != nil {
		writeError(w, http.StatusNotFound, "open %s: %v", req.File, err)
		return
	}
	out, err := s.scaffoldOut()
	if err != nil {
		writeError(w, http.StatusBadRequest, "%v", err)
		return
	}
	so := s.opts.Scaffold
	rep, err := scaffold.Run(r.Context(), scaffold.Request{
		Contracts: []scaffold.ContractInput{{Name: req.File, Rel: req.File, Data: data}},
		Rules:     s.opts.Rules, Dialect: so.Dialect, Source: req.Source, StagingMaterialized: so.StagingMaterialized,
		Root: s.root, Out: out, Force: force, Check: dry, Strict: so.Strict,
	})
	if err != nil {
		writeError(w, scaffoldStatus(err), "%v", err)
		return
	}
	if refusal(w, req.File, rep) {
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"file": req.File, "dryRun": dry, "files": scaffoldFiles(rep, dry),
		"skipped": len(rep.Skipped()), "findings": noNilFindings(rep.Findings())})
}

// scaffoldFiles lists the report's files; a dry run carries their content.
func scaffoldFiles(rep scaffold.Report, dry bool) []scaffoldFile {
	list := make([]scaffoldFile, 0, len(rep.Files))
	for _, f := range rep.Files {
		sf := scaffoldFile{Path: f.Path, Status: string(f.Status), Detail: f.Detail, Diff: f.Diff}
		if dry {
			sf.Content = string(rep.Rendered[f.Path])
		}
		list = append(list, sf)
	}
	return list
}

// scaffoldStatus maps a scaffold.Run error to an HTTP status.
func scaffoldStatus(err error) int {
	switch {
	case errors.Is(err, scaffold.ErrClash):
		return http.StatusConflict
	case errors.Is(err, scaffold.ErrContract):
		// what the contract says (a name that gives no identifier): the
		// client can fix it
		return http.StatusUnprocessableEntity
	case errors.Is(err, atomicfile.ErrSymlink):
		return http.StatusBadRequest
	}
	return http.StatusInternalServerError
}

// refusal answers 422 for a contract the gate refused, or that has no
// schema objects; it reports whether it answered.
func refusal(w http.ResponseWriter, file string, rep scaffold.Report) bool {
	if len(rep.Contracts) != 1 {
		return false
	}
	c := rep.Contracts[0]
	var msg string
	switch c.Verdict {
	case scaffold.RefusedInvalid:
		msg = file + " fails the ODCS schema; fix the errors before scaffolding"
	case scaffold.RefusedStrict:
		msg = file + " has governance errors and [scaffold] strict = true; fix them, set strict = false, or " + scaffold.RuleOffHint(c.Rules)
	case scaffold.NoSchema:
		msg = "scaffold " + file + ": " + scaffold.ErrNoSchema.Error()
	default:
		return false
	}
	writeJSON(w, http.StatusUnprocessableEntity, map[string]any{"error": msg, "findings": noNilFindings(c.Findings)})
	return true
}

func noNilFindings(fs []contract.Finding) []contract.Finding {
	if fs == nil {
		return []contract.Finding{}
	}
	return fs
}

// scaffoldOut is the dbt directory, confined to the project root.
func (s *Server) scaffoldOut() (string, error) {
	rel := s.opts.Scaffold.Out
	if rel == "" || rel == "." {
		return s.root, nil
	}
	if filepath.IsAbs(rel) {
		return "", errors.New("[scaffold] out must be relative to the project root")
	}
	if err := scaffold.SafeRelPath(filepath.ToSlash(rel)); err != nil {
		return "", err
	}
	out := filepath.Join(s.root, rel)
	if err := atomicfile.CheckNoSymlink(s.root, out); err != nil {
		return "", fmt.Errorf("[scaffold] out: %w", err)
	}
	return out, nil
}
