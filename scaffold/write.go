package scaffold

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync/atomic"

	"github.com/dataeng-os/dataeng-os/internal/atomicfile"
)

// WriteOptions steer Write.
type WriteOptions struct {
	// Force overwrites files edited by hand or generated from another
	// contract.
	Force bool
	// Check writes nothing; it reports which files differ and how.
	Check bool
	// Prune finds stale files: files under models/ whose header names a
	// contract being written but that the contract no longer generates
	// (a removed schema object or mart, a renamed property file). Check
	// reports them; otherwise unedited ones are removed and hand-edited
	// ones kept and reported (removed with Force).
	Prune bool
}

// Status says what Write did, or in check mode would do, with one file.
type Status string

// File statuses.
const (
	StatusCreated   Status = "created"
	StatusUpdated   Status = "updated"
	StatusUnchanged Status = "unchanged"
	StatusForced    Status = "forced"   // overwrote a hand edit (--force)
	StatusEdited    Status = "edited"   // skipped: edited by hand
	StatusConflict  Status = "conflict" // skipped: generated from another contract
	StatusMissing   Status = "missing"  // check: the file does not exist
	StatusDrift     Status = "drift"    // check: the file differs
	StatusStale     Status = "stale"    // no longer generated: check, or kept (edited)
	StatusRemoved   Status = "removed"  // no longer generated: deleted
)

// FileResult is the outcome for one file.
type FileResult struct {
	Path   string // as given (slash-separated, relative to out)
	Status Status
	Detail string // why a file was skipped
	Diff   string // check mode: unified diff from disk to generated
}

// Report lists every file's outcome, sorted by path. Run also fills in
// each contract's outcome, what was rendered and where the lineage went.
type Report struct {
	Files     []FileResult
	Contracts []ContractResult
	// Rendered is every generated file, by path (Run).
	Rendered map[string][]byte
	// Lineage is the lineage record written ("" when none was).
	Lineage string
}

// Drift reports whether check mode found any file out of date.
func (r Report) Drift() bool {
	for _, f := range r.Files {
		if f.Status != StatusUnchanged {
			return true
		}
	}
	return false
}

// Skipped lists the files left alone because of hand edits, conflicts, or
// hand edits to a stale file.
func (r Report) Skipped() []FileResult {
	var out []FileResult
	for _, f := range r.Files {
		if f.Status == StatusEdited || f.Status == StatusConflict || f.Status == StatusStale {
			out = append(out, f)
		}
	}
	return out
}

// Count returns how many files have status s.
func (r Report) Count(s Status) int {
	n := 0
	for _, f := range r.Files {
		if f.Status == s {
			n++
		}
	}
	return n
}

// Write puts rendered files under out: atomically (temp file + rename),
// never over a hand-edited file or another contract's file without Force.
// In Check mode it writes nothing and fills in diffs instead.
func Write(out string, files map[string][]byte, opts WriteOptions) (Report, error) {
	names := make([]string, 0, len(files))
	for name := range files {
		if err := SafeRelPath(name); err != nil {
			return Report{}, err
		}
		// Refuse symlinked folders before writing anything, so a refused
		// run leaves no partial output.
		if err := atomicfile.CheckNoSymlink(out, filepath.Join(out, filepath.FromSlash(name))); err != nil {
			return Report{}, fmt.Errorf("scaffold %s: %w", name, err)
		}
		names = append(names, name)
	}
	sort.Strings(names)
	var rep Report
	w := writer{out: out, opts: opts, dirs: map[string]bool{}}
	for _, name := range names {
		res, err := w.writeOne(name, files[name])
		if err != nil {
			return rep, err
		}
		rep.Files = append(rep.Files, res)
	}
	if opts.Prune {
		stale, err := prune(out, files, opts)
		rep.Files = append(rep.Files, stale...)
		sort.Slice(rep.Files, func(i, j int) bool { return rep.Files[i].Path < rep.Files[j].Path })
		if err != nil {
			return rep, err
		}
	}
	return rep, nil
}

// SafeRelPath refuses a path that is absolute, not clean, or leaves its
// base directory.
func SafeRelPath(name string) error {
	switch {
	case name == "" || strings.ContainsAny(name, "\\\x00") || strings.HasPrefix(name, "/") || filepath.IsAbs(name) || filepath.VolumeName(name) != "":
		return fmt.Errorf("refusing output path %q: not a relative slash-separated path", name)
	case path.Clean(name) != name:
		return fmt.Errorf("refusing output path %q: not a clean path", name)
	}
	for _, seg := range strings.Split(name, "/") {
		if seg == ".." || seg == "." {
			return fmt.Errorf("refusing output path %q: it would leave the output directory", name)
		}
	}
	return nil
}

// writer remembers the directories it already created.
type writer struct {
	out  string
	opts WriteOptions
	dirs map[string]bool
}

func (w *writer) writeOne(name string, data []byte) (FileResult, error) {
	opts := w.opts
	res := FileResult{Path: name}
	target := filepath.Join(w.out, filepath.FromSlash(name))
	if err := atomicfile.CheckNoSymlink(w.out, target); err != nil {
		return res, fmt.Errorf("scaffold %s: %w", name, err)
	}
	old, err := os.ReadFile(target)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if opts.Check {
			res.Status, res.Diff = StatusMissing, UnifiedDiff("/dev/null", name, nil, data)
			return res, nil
		}
		res.Status = StatusCreated
		if dir := filepath.Dir(target); !w.dirs[dir] {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return res, fmt.Errorf("create %s: %w", dir, err)
			}
			w.dirs[dir] = true
		}
		return res, writeTemp(target, data)
	case err != nil:
		return res, fmt.Errorf("read %s: %w", target, err)
	case bytes.Equal(old, data):
		res.Status = StatusUnchanged
		return res, nil
	}
	blocked, why := guard(old, data)
	if opts.Check {
		res.Status, res.Detail = StatusDrift, why
		res.Diff = UnifiedDiff(name, name+" (generated)", old, data)
		return res, nil
	}
	switch {
	case blocked != "" && !opts.Force:
		res.Status, res.Detail = blocked, why
		return res, nil
	case blocked != "":
		res.Status, res.Detail = StatusForced, why
	default:
		res.Status = StatusUpdated
	}
	return res, writeTemp(target, data)
}

// guard says whether an existing file must not be replaced silently: it
// was edited by hand (no header, or a body that no longer matches its
// hash), or it was generated from a different contract.
func guard(old, data []byte) (Status, string) {
	h, ok := ParseHeader(old)
	switch {
	case !ok:
		return StatusEdited, "no dataeng-os header: not generated, or edited by hand"
	case h.Edited:
		return StatusEdited, "edited by hand since it was generated (hash mismatch)"
	}
	nh, _ := ParseHeader(data)
	if a, b := LabelContractID(h.Label), LabelContractID(nh.Label); a != "" && b != "" && a != b {
		return StatusConflict, fmt.Sprintf("generated from contract %s, not %s", a, b)
	}
	return "", ""
}

// atomicWrite writes data to a temp file beside target and renames it
// into place, so that readers never see a half-written file. It does not
// fsync: generated files can always be regenerated from their contract, and
// a sync per file would make scaffolding a large project I/O-bound.
func atomicWrite(target string, data []byte) error {
	dir := filepath.Dir(target)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("create %s: %w", dir, err)
	}
	return writeTemp(target, data)
}

// writeTemp is atomicWrite in an existing directory.
func writeTemp(target string, data []byte) error {
	var tmp *os.File
	var name string
	var err error
	for try := 0; try < 100; try++ {
		name = fmt.Sprintf("%s.tmp-%d-%d", filepath.Join(filepath.Dir(target), "."+filepath.Base(target)), os.Getpid(), tmpSeq.Add(1))
		tmp, err = os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if !errors.Is(err, fs.ErrExist) {
			break
		}
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", target, err)
	}
	_, werr := tmp.Write(data)
	if cerr := tmp.Close(); werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Rename(name, target)
	}
	if werr != nil {
		_ = os.Remove(name)
		return fmt.Errorf("write %s: %w", target, werr)
	}
	return nil
}

// tmpSeq numbers temp files within the process.
var tmpSeq atomic.Uint64
