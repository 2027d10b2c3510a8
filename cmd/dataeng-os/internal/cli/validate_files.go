package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/dataeng-os/dataeng-os/contract"
	"github.com/dataeng-os/dataeng-os/kernel"
	"github.com/dataeng-os/dataeng-os/scaffold"
)

// collectFiles expands the arguments (or the project's default folders)
// into a sorted, de-duplicated list of files to check.
func collectFiles(dir string, args []string, p *kernel.Project) ([]string, error) {
	if len(args) == 0 {
		for _, d := range []string{scaffold.ContractsDir, scaffold.CanvasesDir} {
			abs := p.Path(d)
			if st, err := os.Stat(abs); err == nil && st.IsDir() {
				args = append(args, displayPath(dir, abs))
			}
		}
	}
	var files []string
	for _, a := range args {
		got, err := expandArg(dir, a)
		if err != nil {
			return nil, err
		}
		files = append(files, got...)
	}
	slices.Sort(files)
	return slices.Compact(files), nil
}

// displayPath shows abs relative to the working directory when it is below it.
func displayPath(dir, abs string) string {
	if rel, err := filepath.Rel(dir, abs); err == nil && !strings.HasPrefix(rel, "..") {
		return rel
	}
	return abs
}

func resolve(dir, p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(dir, p)
}

func expandArg(dir, arg string) ([]string, error) {
	if arg == stdinArg {
		return []string{arg}, nil
	}
	if strings.ContainsAny(arg, "*?[") {
		matches, err := filepath.Glob(resolve(dir, arg))
		if err != nil {
			return nil, UsageErrorf("bad glob %q: %v", arg, err)
		}
		if len(matches) == 0 {
			return nil, fmt.Errorf("%s: no files match", arg)
		}
		var out []string
		for _, m := range matches {
			got, err := expandArg(dir, displayPath(dir, m))
			if err != nil {
				return nil, err
			}
			out = append(out, got...)
		}
		return out, nil
	}
	st, err := os.Stat(resolve(dir, arg))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", arg, errors.Unwrap(err))
	}
	if !st.IsDir() {
		return []string{arg}, nil
	}
	return walkDir(dir, arg)
}

// walkDir finds contracts and canvases below a directory, skipping hidden
// folders and node_modules.
func walkDir(dir, arg string) ([]string, error) {
	var out []string
	root := resolve(dir, arg)
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if path != root && (strings.HasPrefix(name, ".") || name == "node_modules") {
				return filepath.SkipDir
			}
			return nil
		}
		rel, _ := filepath.Rel(root, path)
		if wanted(filepath.ToSlash(filepath.Join(filepath.Base(root), rel)), name) {
			out = append(out, filepath.Join(arg, rel))
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", arg, err)
	}
	return out, nil
}

// wanted says whether a file found in a directory walk is checked.
func wanted(slashPath, name string) bool {
	lower := strings.ToLower(name)
	if strings.HasSuffix(lower, ".odcs.yaml") || strings.HasSuffix(lower, ".odcs.yml") {
		return true
	}
	dirs := strings.Split(filepath.Dir(slashPath), "/")
	switch {
	case strings.HasSuffix(lower, ".yaml") || strings.HasSuffix(lower, ".yml"):
		return slices.Contains(dirs, scaffold.ContractsDir)
	case strings.HasSuffix(lower, ".md"):
		return slices.Contains(dirs, scaffold.CanvasesDir)
	}
	return false
}

// stdinArg is the PATH that means standard input; its findings name the
// file stdinName.
const (
	stdinArg  = "-"
	stdinName = "<stdin>"
)

// readLimited reads a file, stopping one byte past the size limit so that a
// huge file is refused without being read whole. Pipes, FIFOs and devices
// such as /dev/stdin (whose size is 0) are read to the same limit.
func readLimited(path string, maxBytes int64) ([]byte, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, errors.Unwrap(err)
	}
	defer fh.Close()
	st, err := fh.Stat()
	if err != nil {
		return nil, err
	}
	if st.IsDir() {
		return nil, errors.New("is a directory")
	}
	if !st.Mode().IsRegular() {
		return readAllLimited(fh, maxBytes)
	}
	if maxBytes <= 0 {
		maxBytes = contract.DefaultMaxBytes
	}
	buf := make([]byte, min(st.Size(), maxBytes)+1)
	n, err := io.ReadFull(fh, buf)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return nil, err
	}
	return buf[:n], nil
}

// readAllLimited reads r to its end, stopping one byte past maxBytes
// (0 = contract.DefaultMaxBytes).
func readAllLimited(r io.Reader, maxBytes int64) ([]byte, error) {
	if maxBytes <= 0 {
		maxBytes = contract.DefaultMaxBytes
	}
	data, err := io.ReadAll(io.LimitReader(r, maxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	return data, nil
}
