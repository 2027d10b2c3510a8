package agent

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/dataeng-os/dataeng-os/contract"
	"github.com/dataeng-os/dataeng-os/internal/atomicfile"
	"github.com/dataeng-os/dataeng-os/scaffold"
)

// SaveOptions steer SaveDrafts.
type SaveOptions struct {
	// Force overwrites a file a person edited (default: the new draft goes
	// beside it as <name>.new.odcs.yaml / <name>.new.md).
	Force bool
	// Owned reports whether a project-relative slash path belongs to
	// another note (per the batch manifest). Such a file is never
	// overwritten, not even with Force: the new draft goes beside it and
	// SavedPaths.Owned names it.
	Owned func(rel string) bool
}

// FindingsFile is the JSON written beside a draft that did not pass.
type FindingsFile struct {
	Name          string             `json:"name"`
	StopReason    string             `json:"stopReason"`
	Attempts      int                `json:"attempts"`
	Left          string             `json:"left"`
	Findings      []contract.Finding `json:"findings"`
	OpenQuestions []string           `json:"openQuestions,omitempty"`
}

// SaveDrafts writes a drafting result under projectRoot: the canvas to
// canvases/<name>.md and the contract to contracts/<name>.odcs.yaml when
// each passes, else to <name>.draft.md / <name>.draft.odcs.yaml plus
// contracts/<name>.findings.json. Writes are atomic (temp file + rename)
// and never follow a symlink out of the project. Every written file carries
// a marker with its content hash; a file whose marker no longer matches was
// edited by a person and is never overwritten unless opts.Force: the new
// draft goes beside it and Kept names it. The name is sanitised again, so
// no result can choose a path.
func SaveDrafts(projectRoot string, res *Result, opts SaveOptions) (SavedPaths, error) {
	var sp SavedPaths
	if res == nil {
		return sp, errors.New("save drafts: no result")
	}
	name := SanitizeName(res.Name)
	canvasBad, contractBad := false, false
	for _, f := range res.Findings {
		if f.Severity == contract.SeverityError {
			if docOf(f) == DocCanvas {
				canvasBad = true
			} else {
				contractBad = true
			}
		}
	}
	if strings.TrimSpace(res.Contract) == "" {
		contractBad = true
	}
	w := writer{root: projectRoot, force: opts.Force, owned: opts.Owned, sp: &sp}
	if strings.TrimSpace(res.Canvas) != "" {
		rel := scaffold.CanvasesDir + "/" + name + ".md"
		if canvasBad {
			rel = scaffold.CanvasesDir + "/" + name + ".draft.md"
		}
		p, err := w.put(rel, markdownMarker, res.Canvas)
		if err != nil {
			return sp, err
		}
		sp.Canvas = p
		if !canvasBad {
			w.dropStale(scaffold.CanvasesDir + "/" + name + ".draft.md")
		}
	}
	if strings.TrimSpace(res.Contract) != "" {
		if err := w.saveContract(name, res, contractBad); err != nil {
			return sp, err
		}
	}
	sp.Draft = canvasBad || contractBad
	if sp.Draft {
		if err := w.saveFindings(name, res); err != nil {
			return sp, err
		}
	} else {
		w.dropStale(scaffold.ContractsDir + "/" + name + ".findings.json")
	}
	return sp, nil
}

func (w *writer) saveContract(name string, res *Result, bad bool) error {
	rel := scaffold.ContractsDir + "/" + name + ".odcs.yaml"
	body := res.Contract
	if bad {
		rel = scaffold.ContractsDir + "/" + name + ".draft.odcs.yaml"
		body = fmt.Sprintf("# DRAFT: %s open; see %s.findings.json. Fix them, then run: dataeng-os validate %s\n",
			plural(len(res.Findings), "finding"), name, rel) + body
	}
	p, err := w.put(rel, yamlMarker, body)
	if err != nil {
		return err
	}
	w.sp.Contract = p
	if !bad {
		w.dropStale(scaffold.ContractsDir + "/" + name + ".draft.odcs.yaml")
	}
	return nil
}

func (w *writer) saveFindings(name string, res *Result) error {
	_, vf := draftPaths(name)
	shift := 1 // the marker line
	draftRel := scaffold.ContractsDir + "/" + name + ".draft.odcs.yaml"
	ff := FindingsFile{Name: name, StopReason: res.StopReason, Attempts: res.Attempts, Left: res.Left(), OpenQuestions: res.OpenQuestions}
	for _, f := range res.Findings {
		if f.File == vf && strings.HasPrefix(w.sp.Contract, filepath.Join(w.root, draftRel)) {
			f.File, f.Line = draftRel, f.Line+shift+1 // and the DRAFT line
		}
		ff.Findings = append(ff.Findings, f)
	}
	data, err := json.MarshalIndent(ff, "", "  ")
	if err != nil {
		return err
	}
	rel := scaffold.ContractsDir + "/" + name + ".findings.json"
	if w.ownedElsewhere(rel) {
		w.sp.Owned = append(w.sp.Owned, rel)
		rel = besideName(rel)
	}
	abs, err := w.safePath(rel)
	if err != nil {
		return err
	}
	if err := atomicWrite(abs, append(data, '\n'), true); err != nil {
		return err
	}
	w.sp.Findings = filepath.Join(w.root, rel)
	return nil
}

type writer struct {
	root  string
	force bool
	owned func(rel string) bool
	sp    *SavedPaths
}

// ownedElsewhere reports whether rel belongs to another note.
func (w *writer) ownedElsewhere(rel string) bool { return w.owned != nil && w.owned(rel) }

// put writes body with its marker at rel, or beside rel when rel was
// edited by a person. It returns the path written.
func (w *writer) put(rel string, mark func(string) string, body string) (string, error) {
	abs, err := w.safePath(rel)
	if err != nil {
		return "", err
	}
	data := []byte(mark(hashOf(body)) + "\n" + body)
	old, err := os.ReadFile(abs)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return filepath.Join(w.root, rel), atomicWrite(abs, data, false)
	case err != nil:
		return "", fmt.Errorf("read %s: %w", rel, err)
	case w.ownedElsewhere(rel):
		w.sp.Owned = append(w.sp.Owned, rel)
	case string(old) == string(data):
		return filepath.Join(w.root, rel), nil
	case w.force || unedited(old):
		return filepath.Join(w.root, rel), atomicWrite(abs, data, true)
	default:
		w.sp.Kept = append(w.sp.Kept, filepath.Join(w.root, rel))
	}
	beside := besideName(rel)
	babs, err := w.safePath(beside)
	if err != nil {
		return "", err
	}
	if bold, err := os.ReadFile(babs); err == nil && !unedited(bold) {
		return "", fmt.Errorf("save %s: both %s and %s were edited by a person; move one away or use --force", rel, rel, beside)
	}
	return filepath.Join(w.root, beside), atomicWrite(babs, data, true)
}

// dropStale removes a tool-written, unedited file that a newer result
// supersedes (an old draft once the contract passes).
func (w *writer) dropStale(rel string) {
	if w.ownedElsewhere(rel) {
		return // another note's file
	}
	abs, err := w.safePath(rel)
	if err != nil {
		return
	}
	if old, err := os.ReadFile(abs); err == nil && (strings.HasSuffix(rel, ".json") || unedited(old)) {
		_ = os.Remove(abs)
	}
}

// safePath resolves rel under the root, creating its folder, and refuses
// anything that would land outside the root (.., symlinked folders) or
// write through a symlink.
func (w *writer) safePath(rel string) (string, error) {
	root, err := filepath.Abs(w.root)
	if err != nil {
		return "", err
	}
	abs := filepath.Join(root, filepath.FromSlash(rel))
	if !within(root, abs) {
		return "", fmt.Errorf("save %s: outside the project", rel)
	}
	if err := atomicfile.CheckNoSymlink(root, abs); err != nil {
		return "", fmt.Errorf("save %s: %w", rel, err)
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil {
		return "", fmt.Errorf("save %s: %w", rel, err)
	}
	return abs, nil
}

func within(root, p string) bool {
	r, err := filepath.Rel(root, p)
	return err == nil && r != ".." && !strings.HasPrefix(r, ".."+string(filepath.Separator)) && !filepath.IsAbs(r)
}
