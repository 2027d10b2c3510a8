package web

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"

	"github.com/dataeng-os/dataeng-os/contract"
)

// checkResult is the validation part of several responses.
type checkResult struct {
	Findings []contract.Finding `json:"findings"`
	Errors   int                `json:"errors"`
	Warnings int                `json:"warnings"`
	Valid    bool               `json:"valid"` // no error findings
}

func (s *Server) check(file string, data []byte) (*contract.Document, checkResult) {
	doc, fs := contract.Check(file, data, s.opts.Rules)
	return doc, summarize(fs)
}

func summarize(fs []contract.Finding) checkResult {
	r := checkResult{Findings: fs}
	if r.Findings == nil {
		r.Findings = []contract.Finding{}
	}
	for _, f := range fs {
		switch f.Severity {
		case contract.SeverityError:
			r.Errors++
		case contract.SeverityWarning:
			r.Warnings++
		}
	}
	r.Valid = r.Errors == 0
	return r
}

// logicalTypes are ODCS v3.1.0's property logical types.
var logicalTypes = []string{"string", "date", "timestamp", "time", "number", "integer", "boolean", "object", "array"}

func hashOf(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// apiSession gives the UI (and scripts) the CSRF token and project facts.
func (s *Server) apiSession(w http.ResponseWriter, r *http.Request) {
	pol := s.opts.Rules.Policy
	writeJSON(w, http.StatusOK, map[string]any{
		"csrfToken": s.csrf, "project": s.opts.Title, "contractsDir": contractsDir,
		"chat": s.chats.available(), "statuses": nonNil(pol.Contract.Statuses),
		"classifications": nonNil(pol.PII.AllowedClassifications),
		"maskingValues":   nonNil(pol.PII.MaskingValues), "logicalTypes": logicalTypes,
	})
}

// apiValidate: YAML body in, findings out. ?file= only labels the findings.
func (s *Server) apiValidate(w http.ResponseWriter, r *http.Request) {
	data, ok := s.readBody(w, r)
	if !ok {
		return
	}
	label := r.URL.Query().Get("file")
	if label == "" {
		label = "<request>"
	}
	_, res := s.check(label, data)
	writeJSON(w, http.StatusOK, res)
}

// previewRequest is the body of /api/preview and the save route.
type previewRequest struct {
	Form Form   `json:"form"`
	Base string `json:"base,omitempty"` // YAML the form was loaded from; its hidden fields are kept
	File string `json:"file,omitempty"` // label for findings
	Hash string `json:"hash,omitempty"` // save only: hash of the file when it was opened ("" = new file)
}

type previewResponse struct {
	YAML string `json:"yaml"`
	checkResult
}

// render merges the form into its base and marshals the result.
func (s *Server) render(req previewRequest) ([]byte, *checkResult, error) {
	var base *contract.Contract
	if req.Base != "" {
		doc, fs := contract.Parse(req.File, []byte(req.Base))
		if doc == nil || doc.Contract == nil {
			res := summarize(fs)
			return nil, &res, errors.New("the base YAML does not parse; fix it before editing it in the form")
		}
		base = doc.Contract
	}
	c := ApplyForm(base, req.Form, s.maskingProp())
	out, err := contract.Marshal(c)
	if err != nil {
		return nil, nil, fmt.Errorf("render YAML: %w", err)
	}
	return out, nil, nil
}

// apiPreview: form JSON in, YAML (and its findings) out.
func (s *Server) apiPreview(w http.ResponseWriter, r *http.Request) {
	var req previewRequest
	if !s.readJSON(w, r, &req) {
		return
	}
	if req.File == "" {
		req.File = "<editor>"
	}
	out, bad, err := s.render(req)
	if err != nil {
		writeJSON(w, http.StatusUnprocessableEntity, map[string]any{"error": err.Error(), "findings": findingsOf(bad)})
		return
	}
	_, res := s.check(req.File, out)
	writeJSON(w, http.StatusOK, previewResponse{YAML: string(out), checkResult: res})
}

func findingsOf(r *checkResult) []contract.Finding {
	if r == nil {
		return []contract.Finding{}
	}
	return r.Findings
}

// apiParse: YAML in, form JSON (and findings) out; used to load an
// Architect draft or pasted YAML into the editor.
func (s *Server) apiParse(w http.ResponseWriter, r *http.Request) {
	var req struct {
		YAML string `json:"yaml"`
		File string `json:"file,omitempty"`
	}
	if !s.readJSON(w, r, &req) {
		return
	}
	if req.File == "" {
		req.File = "<draft>"
	}
	doc, res := s.check(req.File, []byte(req.YAML))
	var form *Form
	if doc != nil && doc.Contract != nil {
		f := FormFromContract(doc.Contract, s.maskingProp())
		form = &f
	}
	writeJSON(w, http.StatusOK, map[string]any{"form": form, "yaml": req.YAML,
		"findings": res.Findings, "errors": res.Errors, "warnings": res.Warnings, "valid": res.Valid})
}

// contractResponse is what GET and PUT /api/contract return.
type contractResponse struct {
	File string `json:"file"`
	YAML string `json:"yaml"`
	Hash string `json:"hash"`
	Form *Form  `json:"form"` // nil when the file does not parse
	checkResult
}

// apiGetContract opens a contract for editing, with the hash the save must
// send back.
func (s *Server) apiGetContract(w http.ResponseWriter, r *http.Request) {
	rel := r.URL.Query().Get("file")
	abs, err := s.contractPath(rel)
	if err != nil {
		writeError(w, http.StatusBadRequest, "%v", err)
		return
	}
	data, err := readLimited(abs, s.readLimit())
	if err != nil {
		code := http.StatusInternalServerError
		if errors.Is(err, os.ErrNotExist) {
			code = http.StatusNotFound
		}
		writeError(w, code, "open %s: %v", rel, err)
		return
	}
	writeJSON(w, http.StatusOK, s.contractResponse(rel, data))
}

func (s *Server) contractResponse(rel string, data []byte) contractResponse {
	doc, res := s.check(rel, data)
	resp := contractResponse{File: rel, YAML: string(data), Hash: hashOf(data), checkResult: res}
	if doc != nil && doc.Contract != nil {
		f := FormFromContract(doc.Contract, s.maskingProp())
		resp.Form = &f
	}
	return resp
}

func (s *Server) readLimit() int64 {
	if s.opts.Rules.MaxBytes > 0 {
		return s.opts.Rules.MaxBytes
	}
	return 10 << 20
}

// readLimited reads a file, refusing one larger than limit bytes.
func readLimited(path string, limit int64) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("stat: %w", err)
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("not a regular file: %w", errPath)
	}
	if fi.Size() > limit {
		return nil, fmt.Errorf("file is %d bytes, over the %d-byte limit: %w", fi.Size(), limit, errPath)
	}
	return os.ReadFile(path)
}

// apiPutContract saves the form (merged into its base) atomically. The save
// is refused with 409 when the file changed on disk since it was opened, or
// when a new file would replace an existing one.
func (s *Server) apiPutContract(w http.ResponseWriter, r *http.Request) {
	rel := r.URL.Query().Get("file")
	abs, err := s.contractPath(rel)
	if err != nil {
		writeError(w, http.StatusBadRequest, "%v", err)
		return
	}
	var req previewRequest
	if !s.readJSON(w, r, &req) {
		return
	}
	req.File = rel
	out, bad, err := s.render(req)
	if err != nil {
		writeJSON(w, http.StatusUnprocessableEntity, map[string]any{"error": err.Error(), "findings": findingsOf(bad)})
		return
	}
	s.saveMu.Lock()
	defer s.saveMu.Unlock()
	created, cur, err := s.checkUnchanged(abs, req.Hash)
	if err != nil {
		writeJSON(w, http.StatusConflict, map[string]any{"error": fmt.Sprintf("%s: %v", rel, err), "currentHash": cur})
		return
	}
	if err := writeAtomic(abs, out); err != nil {
		writeError(w, http.StatusInternalServerError, "save %s: %v", rel, err)
		return
	}
	code := http.StatusOK
	if created {
		code = http.StatusCreated
	}
	writeJSON(w, code, s.contractResponse(rel, out))
}

// checkUnchanged compares the file on disk with the hash the editor opened.
// It reports whether the save creates the file, and the current hash.
func (s *Server) checkUnchanged(abs, want string) (bool, string, error) {
	data, err := os.ReadFile(abs)
	switch {
	case errors.Is(err, os.ErrNotExist):
		if want != "" {
			return false, "", errors.New("the file was deleted since you opened it; save refused (reload to save it as new)")
		}
		return true, "", nil
	case err != nil:
		return false, "", err
	}
	cur := hashOf(data)
	if want == "" {
		return false, cur, errors.New("a file with this name already exists; open it or choose another name")
	}
	if cur != want {
		return false, cur, errors.New("the file changed on disk since you opened it; save refused, nothing was overwritten (reload to see the new version)")
	}
	return false, cur, nil
}

// writeAtomic writes data to a temp file beside path, syncs it and renames
// it over path, so that a crash never leaves a half-written contract.
func writeAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	name := tmp.Name()
	defer os.Remove(name) // no-op after a successful rename
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(name, 0o644); err != nil {
		return err
	}
	return os.Rename(name, path)
}
