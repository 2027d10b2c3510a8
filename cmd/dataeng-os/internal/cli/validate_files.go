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
// into a sorted, de-duplicated list of files to check, and counts the
// YAML/JSON files a folder walk skipped as not contracts. A folder named on
// the command line that holds no contract is an error.
func collectFiles(dir string, args []string, p *kernel.Project) ([]string, int, error) {
	var files []string
	skipped, err := walkFiles(dir, args, p, func(f string) { files = append(files, f) })
	if err != nil {
		return nil, 0, err
	}
	slices.Sort(files)
	return slices.Compact(files), skipped, nil
}

// walkFiles is collectFiles calling emit with each file as the walk finds
// it (in walk order, a file named twice twice), so that checking can start
// before the walk ends.
func walkFiles(dir string, args []string, p *kernel.Project, emit func(string)) (skipped int, err error) {
	explicit := len(args) > 0
	if !explicit {
		for _, d := range []string{scaffold.ContractsDir, scaffold.CanvasesDir} {
			abs := p.Path(d)
			if st, err := os.Stat(abs); err == nil && st.IsDir() {
				args = append(args, displayPath(dir, abs))
			}
		}
	}
	for _, a := range args {
		found := 0
		n, err := expandArg(dir, a, func(f string) { found++; emit(f) })
		if err != nil {
			return 0, err
		}
		if explicit && found == 0 {
			return 0, fmt.Errorf("%s holds no ODCS contract or canvas (%d other YAML/JSON files skipped): a contract's root has `apiVersion` and `kind: DataContract`", a, n)
		}
		skipped += n
	}
	return skipped, nil
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

// expandArg emits the files an argument names and returns how many
// YAML/JSON files its folder walk skipped.
func expandArg(dir, arg string, emit func(string)) (int, error) {
	if arg == stdinArg {
		emit(arg)
		return 0, nil
	}
	if strings.ContainsAny(arg, "*?[") {
		matches, err := filepath.Glob(resolve(dir, arg))
		if err != nil {
			return 0, UsageErrorf("bad glob %q: %v", arg, err)
		}
		if len(matches) == 0 {
			return 0, fmt.Errorf("%s: no files match", arg)
		}
		skipped := 0
		for _, m := range matches {
			n, err := expandArg(dir, displayPath(dir, m), emit)
			if err != nil {
				return 0, err
			}
			skipped += n
		}
		return skipped, nil
	}
	st, err := os.Stat(resolve(dir, arg))
	if err != nil {
		return 0, fmt.Errorf("%s: %w", arg, errors.Unwrap(err))
	}
	if !st.IsDir() {
		emit(arg)
		return 0, nil
	}
	return walkDir(dir, arg, emit)
}

// walkDir finds contracts and canvases below a directory, skipping hidden
// folders and node_modules. A YAML or JSON file is a contract by its
// content (contract.Sniff), whatever its name; the others are counted.
func walkDir(dir, arg string, emit func(string)) (int, error) {
	skipped := 0
	root := resolve(dir, arg)
	base := filepath.Base(root)
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
		rel := relPath(root, path)
		switch wanted(filepath.ToSlash(base+string(filepath.Separator)+rel), name, path) {
		case pick:
			emit(filepath.Join(arg, rel))
		case skip:
			skipped++
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("read %s: %w", arg, err)
	}
	return skipped, nil
}

// relPath is filepath.Rel(root, path) for a path WalkDir found below root
// (root + separator + rest: no cleaning needed).
func relPath(root, path string) string {
	if len(path) > len(root) && path[:len(root)] == root && os.IsPathSeparator(path[len(root)]) {
		return path[len(root)+1:]
	}
	if strings.HasSuffix(root, string(filepath.Separator)) && strings.HasPrefix(path, root) {
		return path[len(root):]
	}
	rel, _ := filepath.Rel(root, path)
	return rel
}

// A walked file is picked, skipped (a YAML/JSON file that is no contract,
// counted) or ignored (any other file).
const (
	ignore = iota
	pick
	skip
)

// wanted says whether a file found in a directory walk is checked:
// *.odcs.yaml always, other YAML under contracts/ always (so a broken
// contract there is reported), other YAML/JSON when its content is a
// contract (or a Data Contract Specification file, reported as not ODCS),
// and Markdown under canvases/.
func wanted(slashPath, name, path string) int {
	if wantedByName(slashPath, name) {
		return pick
	}
	dirs := strings.Split(filepath.Dir(slashPath), "/")
	switch ext := strings.ToLower(filepath.Ext(name)); {
	case ext == ".md":
		if slices.Contains(dirs, scaffold.CanvasesDir) {
			return pick
		}
	case ext == ".yaml" || ext == ".yml" || ext == ".json":
		data, err := readLimited(path, sniffLimit)
		if err == nil && contract.Sniff(data) != contract.KindOther {
			return pick
		}
		return skip
	}
	return ignore
}

// wantedByName says whether a file's name alone makes it a contract to
// check: *.odcs.yaml, or YAML under a contracts/ folder.
func wantedByName(slashPath, name string) bool {
	lower := strings.ToLower(name)
	if strings.HasSuffix(lower, ".odcs.yaml") || strings.HasSuffix(lower, ".odcs.yml") || strings.HasSuffix(lower, ".odcs.json") {
		return true
	}
	dirs := strings.Split(filepath.Dir(slashPath), "/")
	return (strings.HasSuffix(lower, ".yaml") || strings.HasSuffix(lower, ".yml")) && slices.Contains(dirs, scaffold.ContractsDir)
}

// sniffLimit bounds what a folder walk reads of a file to judge it.
const sniffLimit = 10 << 20

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
	return readLimitedInto(path, maxBytes, nil)
}

// readLimitedInto is readLimited reading a regular file into buf when it
// fits (the caller must be done with buf's previous contents).
func readLimitedInto(path string, maxBytes int64, buf []byte) ([]byte, error) {
	if maxBytes <= 0 {
		maxBytes = contract.DefaultMaxBytes
	}
	if data, ok, err := readRegularInto(path, maxBytes, buf); ok {
		return data, err
	}
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
	// A file under the limit is read in one call of its stated size (no
	// second read just to see EOF: 10,000 small files spend a quarter of
	// their time in system calls); at the limit one byte more tells that
	// it is over.
	size := st.Size()
	if size >= maxBytes {
		size = maxBytes + 1
	}
	buf = make([]byte, size)
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
