package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/dataeng-os/dataeng-os/contract"
	"github.com/dataeng-os/dataeng-os/contract/fix"
	"github.com/dataeng-os/dataeng-os/internal/atomicfile"
	"github.com/dataeng-os/dataeng-os/scaffold"
)

// fixOutcome counts what `validate --fix` did over the files.
type fixOutcome struct {
	fixes, files int
	errs         []error
}

// runFix applies contract/fix to the contracts among files before they are
// validated: it writes each fixed file atomically, or with --dry-run
// prints a unified diff and writes nothing. The fixes go to stderr. done
// is true when validation must not follow (--dry-run, stdin); a file that
// could not be fixed is in err, and the others are still fixed.
func runFix(f *Factory, opts *validateOptions, files []string, rules contract.Rules) (done bool, err error) {
	if slices.Contains(files, stdinArg) {
		if len(files) > 1 {
			return true, UsageErrorf("--fix reads - (standard input) only on its own")
		}
		return true, fixStdin(f, opts.DryRun, rules)
	}
	var res fixOutcome
	for _, file := range files {
		if strings.EqualFold(filepath.Ext(file), ".md") {
			continue
		}
		n, err := fixFile(f, file, opts.DryRun, rules)
		if err != nil {
			res.errs = append(res.errs, fmt.Errorf("%s: not fixed: %w", file, err))
		}
		if n > 0 {
			res.fixes, res.files = res.fixes+n, res.files+1
		}
	}
	res.summary(f.IO.ErrOut, opts.DryRun)
	err = errors.Join(res.errs...)
	if err != nil || !opts.DryRun {
		return opts.DryRun, err
	}
	if res.fixes > 0 {
		return true, ErrFindings // like `gofmt -l`: something is left to fix
	}
	return true, nil
}

// summary says how many fixes were (or would be) applied.
func (res fixOutcome) summary(w io.Writer, dryRun bool) {
	if res.fixes == 0 {
		fmt.Fprintln(w, "nothing to fix")
		return
	}
	verb, fixes := "applied", fmt.Sprintf("%d fixes", res.fixes)
	if dryRun {
		verb = "would apply"
	}
	if res.fixes == 1 {
		fixes = "1 fix"
	}
	fmt.Fprintf(w, "%s %s to %s\n", verb, fixes, plural(res.files, "file"))
}

// fixFile fixes one contract and reports how many fixes it made (or would
// make with dryRun).
func fixFile(f *Factory, file string, dryRun bool, rules contract.Rules) (int, error) {
	path := resolve(f.Dir, file)
	data, err := readLimited(path, rules.MaxBytes)
	if err != nil {
		return 0, fmt.Errorf("read: %w", err)
	}
	out, fixes, err := fix.Apply(file, data, rules)
	if err != nil || len(fixes) == 0 {
		return 0, err
	}
	printFixes(f.IO.ErrOut, file, fixes, dryRun)
	if dryRun {
		_, err := io.WriteString(f.IO.Out, scaffold.UnifiedDiff("a/"+file, "b/"+file, data, out))
		return len(fixes), err
	}
	return len(fixes), writeFixed(f.Dir, path, out)
}

// writeFixed replaces path atomically, keeping its mode, and refuses to
// write through a symbolic link (the file itself or a folder on the way
// from the working directory).
func writeFixed(dir, path string, data []byte) error {
	root := filepath.Dir(path)
	if rel, err := filepath.Rel(dir, path); err == nil && filepath.IsLocal(rel) {
		root = dir
	}
	if err := atomicfile.CheckNoSymlink(root, path); err != nil {
		return err
	}
	mode := os.FileMode(0o644)
	if st, err := os.Stat(path); err == nil {
		mode = st.Mode().Perm()
	}
	return atomicfile.WriteFile(path, data, mode)
}

// fixStdin fixes a contract read from standard input and writes the fixed
// YAML (or, with dryRun, the diff) to stdout; the fixes and the findings
// of the result go to stderr, and the exit status is validate's.
func fixStdin(f *Factory, dryRun bool, rules contract.Rules) error {
	in := f.IO.In
	if in == nil {
		in = strings.NewReader("")
	}
	data, err := readAllLimited(in, rules.MaxBytes)
	if err != nil {
		return fmt.Errorf("read %s: %w", stdinName, err)
	}
	out, fixes, err := fix.Apply(stdinName, data, rules)
	if err != nil {
		fmt.Fprintf(f.IO.ErrOut, "%s: not fixed: %v\n", stdinName, err)
	}
	printFixes(f.IO.ErrOut, stdinName, fixes, dryRun)
	if dryRun {
		_, err = io.WriteString(f.IO.Out, scaffold.UnifiedDiff(stdinName, stdinName+" (fixed)", data, out))
	} else {
		_, err = f.IO.Out.Write(out)
	}
	if err != nil {
		return err
	}
	_, fs := contract.Check(stdinName, out, rules)
	for _, x := range fs {
		fmt.Fprintln(f.IO.ErrOut, x.String())
	}
	if contract.HasErrors(fs) {
		return ErrFindings
	}
	return nil
}

// printFixes lists the fixes as `file:line: fixed rule: message` ("would
// fix" with --dry-run); the line is the input's.
func printFixes(w io.Writer, file string, fixes []fix.Fix, dryRun bool) {
	verb := "fixed"
	if dryRun {
		verb = "would fix"
	}
	for _, x := range fixes {
		fmt.Fprintf(w, "%s:%d: %s %s: %s\n", file, x.Line, verb, x.Rule, x.Message)
	}
}
