package batch

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"

	"github.com/dataeng-os/dataeng-os/internal/atomicfile"
)

// Files writes one note's outputs under the output root. It refuses any
// path outside the root (also through symbolic links), writes atomically,
// and never overwrites a file a person edited: when the file on disk differs
// from what the tool last wrote there (per the manifest), the new version is
// written beside it as <base>.new<ext> and the kept file is recorded in
// Preserved. Force overwrites edited files too. A file that another note's
// manifest entry owns is never overwritten, not even with Force: the new
// version goes beside it and Conflicts names the owner.
type Files struct {
	Out   string            // absolute output root
	Known map[string]string // path -> hash the tool last wrote there
	Force bool
	// Owners maps paths that notes' manifest entries wrote to the owning
	// note (its manifest key); Note is this note's key, whose own files are
	// not protected from it.
	Owners map[string]string
	Note   string

	mu        sync.Mutex
	outputs   []Output
	preserved []string
	conflicts []string
}

// Owner returns the other note that owns rel, or "".
func (w *Files) Owner(rel string) string {
	if k := w.Owners[path.Clean(strings.ReplaceAll(rel, "\\", "/"))]; k != w.Note {
		return k
	}
	return ""
}

// Owned registers that rel, owned by another note, was left alone.
func (w *Files) Owned(rel string) {
	rel = path.Clean(strings.ReplaceAll(rel, "\\", "/"))
	w.mu.Lock()
	w.conflicts = append(w.conflicts, fmt.Sprintf("%s belongs to note %s; kept it and wrote the new version beside it", rel, w.Owners[rel]))
	w.mu.Unlock()
}

// Conflicts lists the files of other notes that were left alone.
func (w *Files) Conflicts() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]string(nil), w.conflicts...)
}

// ErrOutside is returned for a path that would leave the output root.
var ErrOutside = errors.New("path is outside the output folder")

// Write stores data at rel (a slash path relative to the root) and returns
// the slash path actually written (rel, or the .new file beside it).
func (w *Files) Write(rel, kind string, data []byte) (string, error) {
	rel = path.Clean(strings.ReplaceAll(rel, "\\", "/"))
	if !filepath.IsLocal(filepath.FromSlash(rel)) {
		return "", fmt.Errorf("write %q: %w", rel, ErrOutside)
	}
	if err := w.checkInside(rel); err != nil {
		return "", err
	}
	hash := HashBytes(data)
	target, err := w.choose(rel, hash)
	if err != nil {
		return "", err
	}
	abs := filepath.Join(w.Out, filepath.FromSlash(target))
	if cur, _ := hashFile(abs); cur != hash {
		if err := WriteFileAtomic(abs, data, 0o644); err != nil {
			return "", fmt.Errorf("write %s: %w", abs, unwrapPathErr(err))
		}
	}
	owned := w.Owner(rel) != ""
	if owned && target != rel {
		w.Owned(rel)
	}
	w.mu.Lock()
	w.outputs = append(w.outputs, Output{Kind: kind, Path: target, Hash: hash})
	if target != rel && !owned {
		w.preserved = append(w.preserved, rel)
	}
	w.mu.Unlock()
	return target, nil
}

// choose returns rel when it may be (over)written, else a free .new
// path beside it.
func (w *Files) choose(rel, hash string) (string, error) {
	cand := rel
	for i := 1; i < 100; i++ {
		cur, err := hashFile(filepath.Join(w.Out, filepath.FromSlash(cand)))
		if err != nil {
			return "", err
		}
		if w.Owner(cand) != "" && cur != "" {
			cand = proposedName(rel, i)
			continue
		}
		if cur == "" || cur == hash || w.Force || w.Known[cand] == cur {
			return cand, nil
		}
		cand = proposedName(rel, i)
	}
	return "", fmt.Errorf("write %s: too many edited versions beside it", rel)
}

// proposedName puts ".new" (".new-N") before the file's suffix:
// contracts/x.odcs.yaml -> contracts/x.new.odcs.yaml.
func proposedName(rel string, n int) string {
	dir, file := path.Split(rel)
	stem, ext := file, ""
	if i := strings.IndexByte(file, '.'); i > 0 {
		stem, ext = file[:i], file[i:]
	}
	tag := ".new"
	if n > 1 {
		tag = fmt.Sprintf(".new-%d", n)
	}
	return dir + stem + tag + ext
}

// checkInside refuses rel when it, or a folder on its way, is a symbolic
// link (the shared atomicfile.CheckNoSymlink rule), then creates its
// folders.
func (w *Files) checkInside(rel string) error {
	if _, err := os.Stat(w.Out); err != nil {
		return fmt.Errorf("output folder %s: %w", w.Out, unwrapPathErr(err))
	}
	target := filepath.Join(w.Out, filepath.FromSlash(rel))
	if err := atomicfile.CheckNoSymlink(w.Out, target); err != nil {
		return fmt.Errorf("%w: %w", ErrOutside, err)
	}
	if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
		return fmt.Errorf("write %s: %w", rel, unwrapPathErr(err))
	}
	return nil
}

// Outputs is what Write wrote, in order.
func (w *Files) Outputs() []Output {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]Output(nil), w.outputs...)
}

// Preserved lists the edited files that were kept.
func (w *Files) Preserved() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]string(nil), w.preserved...)
}

// hashFile returns the file's hash, or "" when it does not exist.
func hashFile(p string) (string, error) {
	data, err := os.ReadFile(p)
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("read %s: %w", p, unwrapPathErr(err))
	}
	return HashBytes(data), nil
}

// Record registers a file that another writer put under the root (for
// example agent.SaveDrafts) as one of the note's outputs, with its current
// hash.
func (w *Files) Record(rel, kind string) error {
	rel = path.Clean(strings.ReplaceAll(rel, "\\", "/"))
	if !filepath.IsLocal(filepath.FromSlash(rel)) {
		return fmt.Errorf("record %q: %w", rel, ErrOutside)
	}
	h, err := hashFile(filepath.Join(w.Out, filepath.FromSlash(rel)))
	if err != nil {
		return err
	}
	if h == "" {
		return fmt.Errorf("record %s: the file was not written", rel)
	}
	w.mu.Lock()
	w.outputs = append(w.outputs, Output{Kind: kind, Path: rel, Hash: h})
	w.mu.Unlock()
	return nil
}

// Kept registers an edited file that another writer left alone.
func (w *Files) Kept(rel string) {
	w.mu.Lock()
	w.preserved = append(w.preserved, path.Clean(strings.ReplaceAll(rel, "\\", "/")))
	w.mu.Unlock()
}
