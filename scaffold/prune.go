package scaffold

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// headerPeek is how much of a file prune reads to find its header.
const headerPeek = 1024

// prune finds the files under out/models whose header names a contract
// that files were rendered from, but that files no longer contains: the
// contract dropped a schema object or a mart, or a file was renamed. Files
// of other contracts, and files without a header, are never touched.
func prune(out string, files map[string][]byte, opts WriteOptions) ([]FileResult, error) {
	ids := map[string]bool{}
	for _, data := range files {
		if id := LabelContractID(headerLabel(data)); id != "" {
			ids[id] = true
		}
	}
	if len(ids) == 0 {
		return nil, nil
	}
	var stale []FileResult
	root := filepath.Join(out, ModelsDir)
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		switch {
		case errors.Is(err, fs.ErrNotExist) && p == root:
			return fs.SkipDir
		case err != nil:
			return err
		case strings.HasPrefix(d.Name(), ".") && p != root:
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		case !d.Type().IsRegular() || !generatedExt(d.Name()):
			return nil
		}
		rel, err := filepath.Rel(out, p)
		if err != nil {
			return err
		}
		name := filepath.ToSlash(rel)
		if _, ok := files[name]; ok {
			return nil
		}
		id, err := peekContractID(p)
		if err != nil || !ids[id] {
			return err
		}
		res, err := pruneOne(p, name, id, opts)
		stale = append(stale, res)
		return err
	})
	if err != nil {
		return stale, fmt.Errorf("look for stale files in %s: %w", root, err)
	}
	return stale, nil
}

func generatedExt(name string) bool {
	switch path.Ext(name) {
	case ".sql", ".yml", ".yaml":
		return true
	}
	return false
}

// peekContractID reads the start of a file and returns the contract id its
// header names ("" for none).
func peekContractID(file string) (string, error) {
	f, err := os.Open(file)
	if err != nil {
		return "", fmt.Errorf("read %s: %w", file, err)
	}
	defer f.Close()
	buf := make([]byte, headerPeek)
	n, err := io.ReadFull(f, buf)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("read %s: %w", file, err)
	}
	return LabelContractID(headerLabel(buf[:n])), nil
}

// headerLabel is the label on a generated file's first line, without
// checking the body's hash ("" when there is no header).
func headerLabel(data []byte) string {
	line, _, _ := bytes.Cut(data, []byte("\n"))
	m := headerRE.FindSubmatch(line)
	if m == nil {
		return ""
	}
	return string(m[1])
}

// pruneOne reports, and outside check mode removes, one stale file.
func pruneOne(file, name, id string, opts WriteOptions) (FileResult, error) {
	res := FileResult{Path: name, Status: StatusStale}
	old, err := os.ReadFile(file)
	if err != nil {
		return res, fmt.Errorf("read %s: %w", file, err)
	}
	h, _ := ParseHeader(old)
	res.Detail = "no longer generated from contract " + id
	if opts.Check {
		res.Diff = UnifiedDiff(name, "/dev/null", old, nil)
		if h.Edited {
			res.Detail += " (edited by hand)"
		}
		return res, nil
	}
	if h.Edited && !opts.Force {
		res.Detail += "; edited by hand, so kept"
		return res, nil
	}
	if h.Edited {
		res.Detail += "; hand edits discarded (--force)"
	}
	res.Status = StatusRemoved
	if err := os.Remove(file); err != nil {
		return res, fmt.Errorf("remove stale %s: %w", file, err)
	}
	return res, nil
}
