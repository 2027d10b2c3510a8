package web

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"

	"github.com/dataeng-os/dataeng-os/contract"
	"github.com/dataeng-os/dataeng-os/contract/diff"
	"github.com/dataeng-os/dataeng-os/scaffold"
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

// gone reports a request whose client has gone (cancelled, closed or timed
// out): the validator takes no context, so the handlers check between steps
// and stop rather than work for nobody.
func gone(r *http.Request) bool { return r.Context().Err() != nil }

func hashOf(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// apiSession gives the UI (and scripts) the CSRF token and project facts.
func (s *Server) apiSession(w http.ResponseWriter, r *http.Request) {
	pol := s.opts.Rules.Policy
	writeJSON(w, http.StatusOK, map[string]any{
		"csrfToken": s.csrf, "project": s.opts.Title, "contractsDir": scaffold.ContractsDir,
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
	if gone(r) {
		return
	}
	_, res := s.check(label, data)
	writeJSON(w, http.StatusOK, localized(res, r))
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
	// Changes since the file's saved version (dataeng-os diff's rules),
	// breaking ones marked by their level; Saved is false for a new file.
	Changes []diff.Change `json:"changes"`
	Saved   bool          `json:"saved"`
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
	if gone(r) { // the editor already sent a newer edit, or the tab closed
		return
	}
	_, res := s.check(req.File, out)
	if gone(r) {
		return
	}
	changes, saved := s.changesSinceSaved(req.File, out)
	writeJSON(w, http.StatusOK, previewResponse{YAML: string(out), checkResult: forPeople(res, r), Changes: changes, Saved: saved})
}

// changesSinceSaved compares the form's YAML with the saved file, as
// `dataeng-os diff` would: what a save would change for consumers.
func (s *Server) changesSinceSaved(file string, out []byte) ([]diff.Change, bool) {
	abs, err := s.contractPath(file)
	if err != nil {
		return []diff.Change{}, false
	}
	data, err := readLimited(abs, s.readLimit())
	if err != nil {
		return []diff.Change{}, false
	}
	oldDoc, _ := contract.Parse(file, data)
	newDoc, _ := contract.Parse(file, out)
	if oldDoc == nil || newDoc == nil {
		return []diff.Change{}, true
	}
	changes := diff.Compare(oldDoc, newDoc, diff.FromRules(s.opts.Rules.Policy))
	if changes == nil {
		changes = []diff.Change{}
	}
	return changes, true
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
	if gone(r) {
		return
	}
	doc, res := s.check(req.File, []byte(req.YAML))
	res = forPeople(res, r)
	var form *Form
	if doc != nil && doc.Contract != nil {
		f := FormFromContract(doc.Contract, s.maskingProp())
		form = &f
	}
	writeJSON(w, http.StatusOK, map[string]any{"form": form, "yaml": req.YAML,
		"findings": res.Findings, "errors": res.Errors, "warnings": res.Warnings, "valid": res.Valid})
}
