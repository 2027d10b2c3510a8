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
}

// scaffoldFile is one generated file in the /api/scaffold response.
type scaffoldFile struct {
	Path    string `json:"path"`
	Status  string `json:"status"`
	Detail  string `json:"detail,omitempty"`
	Diff    string `json:"diff,omitempty"`
	Content string `json:"content,omitempty"` // dry run only
}

// apiScaffold renders the dbt files for a contract. With ?dry_run=1 it
// writes nothing and says what would change (with diffs and contents);
// otherwise it writes them like `dataeng-os scaffold`, never over a
// hand-edited file unless ?force=1.
func (s *Server) apiScaffold(w http.ResponseWriter, r *http.Request) {
	var req struct {
		File string `json:"file"`
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
	doc, res := s.check(req.File, data)
	blocking, _ := scaffold.Gate(res.Findings, s.opts.Scaffold.Strict)
	if doc == nil || doc.Contract == nil || len(blocking) > 0 {
		msg := req.File + " fails the ODCS schema; fix the errors before scaffolding"
		if scaffold.OnlyGovernance(blocking) {
			gov := scaffold.GovernanceRules(blocking, contract.SeverityError)
			msg = req.File + " has governance errors and [scaffold] strict = true; fix them, set strict = false, or " + scaffold.RuleOffHint(gov)
		}
		writeJSON(w, http.StatusUnprocessableEntity, map[string]any{"error": msg, "findings": res.Findings})
		return
	}
	sopts := scaffold.Options{Dialect: s.opts.Scaffold.Dialect, ContractFile: req.File}
	files, err := scaffold.Render(doc.Contract, s.opts.Rules, sopts)
	if err != nil {
		// Render fails only on what the contract says (no schema, a name
		// that gives no identifier): the client can fix it.
		writeError(w, http.StatusUnprocessableEntity, "scaffold %s: %v", req.File, err)
		return
	}
	out, err := s.scaffoldOut()
	if err != nil {
		writeError(w, http.StatusBadRequest, "%v", err)
		return
	}
	lc, err := s.lineageOf(doc.Contract, sopts)
	if err != nil {
		writeError(w, http.StatusUnprocessableEntity, "scaffold %s: %v", req.File, err)
		return
	}
	if err := scaffold.CheckIDs(s.root, lc); err != nil {
		writeError(w, http.StatusConflict, "%v", err)
		return
	}
	if !dry {
		if err := scaffold.CheckLineagePath(s.root); err != nil {
			writeError(w, http.StatusBadRequest, "%v", err)
			return
		}
	}
	rep, err := scaffold.Write(out, files, scaffold.WriteOptions{Check: dry, Force: force, Prune: true})
	if errors.Is(err, atomicfile.ErrSymlink) {
		writeError(w, http.StatusBadRequest, "write %s: %v", req.File, err)
		return
	}
	if err != nil {
		writeError(w, http.StatusInternalServerError, "write %s: %v", req.File, err)
		return
	}
	if !dry {
		if err := scaffold.UpdateLineage(s.root, lc); err != nil {
			writeError(w, http.StatusInternalServerError, "record lineage of %s: %v", req.File, err)
			return
		}
	}
	list := make([]scaffoldFile, 0, len(rep.Files))
	for _, f := range rep.Files {
		sf := scaffoldFile{Path: f.Path, Status: string(f.Status), Detail: f.Detail, Diff: f.Diff}
		if dry {
			sf.Content = string(files[f.Path])
		}
		list = append(list, sf)
	}
	writeJSON(w, http.StatusOK, map[string]any{"file": req.File, "dryRun": dry, "files": list,
		"skipped": len(rep.Skipped())})
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

// lineageOf is the .dataeng-os/lineage.json entry for what is generated,
// as `dataeng-os scaffold` records it.
func (s *Server) lineageOf(c *contract.Contract, opts scaffold.Options) (scaffold.LineageContract, error) {
	outRel := s.opts.Scaffold.Out
	if outRel == "" {
		outRel = "."
	}
	return scaffold.LineageOf(c, s.opts.Rules, opts, filepath.ToSlash(outRel))
}
