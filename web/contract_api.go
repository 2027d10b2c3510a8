package web

import (
	"errors"
	"fmt"
	"net/http"
	"os"

	"github.com/dataeng-os/dataeng-os/contract"
	"github.com/dataeng-os/dataeng-os/internal/atomicfile"
)

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
	writeJSON(w, http.StatusOK, s.contractResponse(r, rel, data))
}

func (s *Server) contractResponse(r *http.Request, rel string, data []byte) contractResponse {
	doc, res := s.check(rel, data)
	resp := contractResponse{File: rel, YAML: string(data), Hash: hashOf(data), checkResult: forPeople(res, r)}
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
	if err == nil {
		err = atomicfile.CheckNoSymlink(s.root, abs) // read through a link, never write
	}
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
	if oldID, newID, bad := idChanged(abs, out); bad {
		writeJSON(w, http.StatusConflict, map[string]any{"idMismatch": true, "error": fmt.Sprintf(
			"not saved: %s holds the contract %q, and this form is %q; save it as a new file (choose another file name)", rel, oldID, newID)})
		return
	}
	created, cur, err := s.checkUnchanged(abs, req.Hash)
	if err != nil {
		writeJSON(w, http.StatusConflict, map[string]any{"error": fmt.Sprintf("%s: %v", rel, err), "currentHash": cur})
		return
	}
	if err := atomicfile.WriteFile(abs, out, 0o644); err != nil {
		writeError(w, http.StatusInternalServerError, "save %s: %v", rel, err)
		return
	}
	code := http.StatusOK
	if created {
		code = http.StatusCreated
	}
	writeJSON(w, code, s.contractResponse(r, rel, out))
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

// idChanged reports whether saving out over the file at abs would replace
// one contract with another (a different id): an Architect draft or a
// pasted form must never land on another product's file.
func idChanged(abs string, out []byte) (oldID, newID string, changed bool) {
	cur, err := os.ReadFile(abs)
	if err != nil {
		return "", "", false // a new file
	}
	oldDoc, _ := contract.Parse(abs, cur)
	newDoc, _ := contract.Parse(abs, out)
	if oldDoc == nil || oldDoc.Contract == nil || newDoc == nil || newDoc.Contract == nil {
		return "", "", false
	}
	oldID, newID = oldDoc.Contract.ID, newDoc.Contract.ID
	return oldID, newID, oldID != "" && oldID != newID
}
