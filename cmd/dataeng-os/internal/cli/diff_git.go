package cli

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/dataeng-os/dataeng-os/contract"
	"github.com/dataeng-os/dataeng-os/scaffold"
)

// gitRepo runs git in a repository's top-level directory.
type gitRepo struct {
	top string // absolute, symlinks resolved
}

func (g gitRepo) run(args ...string) ([]byte, error) {
	cmd := exec.Command("git", append([]string{"-C", g.top}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		return nil, fmt.Errorf("git %s: %s", args[0], strings.ToLower(firstLine(msg)))
	}
	return out, nil
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// openRepo finds the repository that holds dir.
func openRepo(dir string) (gitRepo, error) {
	if _, err := exec.LookPath("git"); err != nil {
		return gitRepo{}, errors.New("--base needs git on PATH")
	}
	out, err := gitRepo{top: dir}.run("rev-parse", "--show-toplevel")
	if err != nil {
		return gitRepo{}, fmt.Errorf("%s is not in a git repository: %w", dir, err)
	}
	top, err := filepath.EvalSymlinks(strings.TrimSpace(string(out)))
	if err != nil {
		return gitRepo{}, fmt.Errorf("resolve the repository root: %w", err)
	}
	return gitRepo{top: top}, nil
}

// rel returns p (relative to dir) as a slash path relative to the top.
func (g gitRepo) rel(dir, p string) (string, error) {
	abs, err := filepath.Abs(resolve(dir, p))
	if err != nil {
		return "", err
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	} else if real, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
		abs = filepath.Join(real, filepath.Base(abs))
	}
	r, err := filepath.Rel(g.top, abs)
	if err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return "", fmt.Errorf("%s is outside the repository %s", p, g.top)
	}
	return filepath.ToSlash(r), nil
}

// listAt lists the contract files at rev under the repo-relative specs.
func (g gitRepo) listAt(rev string, specs []string) ([]string, error) {
	out, err := g.run(append([]string{"ls-tree", "-r", "-z", "--name-only", rev, "--"}, specs...)...)
	if err != nil {
		return nil, err
	}
	var files []string
	for _, name := range strings.Split(string(out), "\x00") {
		if name != "" && isContractFile(name, slices.Contains(specs, name)) {
			files = append(files, name)
		}
	}
	return files, nil
}

// isContractFile applies the directory-walk rules of validate; a file
// named explicitly only needs to be YAML.
func isContractFile(slashPath string, explicit bool) bool {
	lower := strings.ToLower(slashPath)
	if !strings.HasSuffix(lower, ".yaml") && !strings.HasSuffix(lower, ".yml") {
		return false
	}
	return explicit || wantedByName(slashPath, path.Base(slashPath))
}

// show reads a file at rev.
func (g gitRepo) show(rev, file string) ([]byte, error) {
	return g.run("show", rev+":"+file)
}

// basePairs pairs the working tree's contracts under args with the same
// paths at rev, following moved contracts by id.
func basePairs(f *Factory, rev string, args []string) ([]diffPair, error) {
	g, err := openRepo(f.Dir)
	if err != nil {
		return nil, err
	}
	if _, err := g.run("rev-parse", "--verify", "--quiet", rev+"^{commit}"); err != nil {
		return nil, UsageErrorf("--base %s is not a known revision", rev)
	}
	if len(args) == 0 {
		p, err := f.Project()
		if err != nil {
			return nil, fmt.Errorf("load project: %w", err)
		}
		if st, err := os.Stat(p.Path(scaffold.ContractsDir)); err == nil && st.IsDir() {
			args = []string{displayPath(f.Dir, p.Path(scaffold.ContractsDir))}
		}
	}
	work, specs, missing, err := workFiles(f.Dir, g, args)
	if err != nil || len(specs) == 0 {
		return nil, err
	}
	base, err := g.listAt(rev, specs)
	if err != nil {
		return nil, err
	}
	for arg, spec := range missing {
		if !slices.ContainsFunc(base, func(b string) bool { return b == spec || strings.HasPrefix(b, spec+"/") }) {
			return nil, fmt.Errorf("%s: no such file in the working tree or at %s", arg, rev)
		}
	}
	return pairUp(f.Dir, g, rev, work, base)
}

// workFiles expands the arguments into contract files (working-tree path →
// repo-relative path) and the repo-relative pathspecs for git. An argument
// gone from the working tree is kept as a spec (a removed contract) and
// returned in missing.
func workFiles(dir string, g gitRepo, args []string) (work map[string]string, specs []string, missing map[string]string, err error) {
	work, missing = map[string]string{}, map[string]string{}
	for _, a := range args {
		spec, err := g.rel(dir, a)
		if err != nil {
			return nil, nil, nil, err
		}
		specs = append(specs, spec)
		if _, err := os.Lstat(resolve(dir, a)); errors.Is(err, os.ErrNotExist) {
			missing[a] = spec
			continue
		}
		var files []string
		_, err = expandArg(dir, a, func(f string) { files = append(files, f) })
		if err != nil {
			return nil, nil, nil, err
		}
		for _, file := range files {
			r, err := g.rel(dir, file)
			if err != nil {
				return nil, nil, nil, err
			}
			if isContractFile(r, file == a) {
				work[file] = r
			}
		}
	}
	return work, specs, missing, nil
}

// pairUp builds the pairs: same path, then a new path whose contract id
// matches a path gone from the working tree (a move), then new and removed
// contracts. Pairs are sorted by working-tree path.
func pairUp(dir string, g gitRepo, rev string, work map[string]string, base []string) ([]diffPair, error) {
	atBase := map[string]bool{}
	for _, b := range base {
		atBase[b] = true
	}
	inWork := map[string]bool{}
	var pairs []diffPair
	for _, file := range sortedKeys(work) {
		r := work[file]
		inWork[r] = true
		data, err := readLimited(resolve(dir, file), 0)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", file, err)
		}
		pr := diffPair{path: file, new: revFile{name: file, data: data}}
		if atBase[r] {
			if pr.old, err = g.version(rev, r); err != nil {
				return nil, err
			}
		}
		pairs = append(pairs, pr)
	}
	gone, err := removedVersions(g, rev, base, inWork)
	if err != nil {
		return nil, err
	}
	for _, v := range followMoves(pairs, gone) {
		name := strings.TrimPrefix(v.name, rev+":")
		pairs = append(pairs, diffPair{path: displayPath(dir, filepath.Join(g.top, filepath.FromSlash(name))), old: v})
	}
	slices.SortStableFunc(pairs, func(a, b diffPair) int { return strings.Compare(a.path, b.path) })
	return pairs, nil
}

// followMoves gives each pair with no old version the gone version with
// the same contract id, and returns the gone versions left over.
func followMoves(pairs []diffPair, gone []revFile) []revFile {
	ids := make([]string, len(gone))
	for j, v := range gone {
		ids[j] = contractIDOf(v.data)
	}
	moved := make([]bool, len(gone))
	for i := range pairs {
		if pairs[i].old.data != nil {
			continue
		}
		id := contractIDOf(pairs[i].new.data)
		for j := range gone {
			if id != "" && !moved[j] && ids[j] == id {
				pairs[i].old, moved[j] = gone[j], true
				break
			}
		}
	}
	var left []revFile
	for j, v := range gone {
		if !moved[j] {
			left = append(left, v)
		}
	}
	return left
}

func (g gitRepo) version(rev, file string) (revFile, error) {
	data, err := g.show(rev, file)
	if err != nil {
		return revFile{}, fmt.Errorf("read %s at %s: %w", file, rev, err)
	}
	return revFile{name: rev + ":" + file, data: data}, nil
}

// removedVersions reads the base files that are no longer in the working
// tree (a file the directory walk skipped, such as one in a hidden folder,
// but that is still on disk, is not removed).
func removedVersions(g gitRepo, rev string, base []string, inWork map[string]bool) ([]revFile, error) {
	var out []revFile
	for _, b := range base {
		if inWork[b] {
			continue
		}
		if _, err := os.Lstat(filepath.Join(g.top, filepath.FromSlash(b))); err == nil {
			continue
		}
		v, err := g.version(rev, b)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// contractIDOf is the id a contract declares, "" when it has none.
func contractIDOf(data []byte) string {
	doc, _ := contract.Parse("contract", data)
	if doc == nil || doc.Contract == nil {
		return ""
	}
	return doc.Contract.ID
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
