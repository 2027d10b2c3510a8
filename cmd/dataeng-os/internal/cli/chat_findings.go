package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/dataeng-os/dataeng-os/contract"
	"github.com/dataeng-os/dataeng-os/internal/msg"
)

// findingsView lays out validator findings for the chat: a one-line
// total, then one entry per finding, wrapped to width (0 = no wrapping),
// the rule id dimmed, files named only when they exist.
type findingsView struct {
	width  int
	lang   string
	root   string
	dim    func(string) string
	red    func(string) string
	green  func(string) string
	exists func(path string) bool
}

// labelWidth is the column the finding text starts at: "  + warning  ".
const labelWidth = 13

type findingKey struct{ rule, path, msg string }

func keyOf(f contract.Finding) findingKey { return findingKey{f.Rule, f.Path, f.Message} }

// diffFindings returns the findings in cur and not in prev (new), and
// those in prev and not in cur (fixed).
func diffFindings(prev, cur []contract.Finding) (added, fixed []contract.Finding) {
	was, is := map[findingKey]bool{}, map[findingKey]bool{}
	for _, f := range prev {
		was[keyOf(f)] = true
	}
	for _, f := range cur {
		is[keyOf(f)] = true
		if !was[keyOf(f)] {
			added = append(added, f)
		}
	}
	for _, f := range prev {
		if !is[keyOf(f)] {
			fixed = append(fixed, f)
		}
	}
	return added, fixed
}

// changes renders what changed since prev, under a one-line total.
func (v findingsView) changes(prev, cur []contract.Finding) []string {
	added, fixed := diffFindings(prev, cur)
	out := []string{v.total(cur, len(added), len(fixed))}
	for _, f := range added {
		out = append(out, v.entry("+", f)...)
	}
	for _, f := range fixed {
		out = append(out, v.fixedEntry(f)...)
	}
	return out
}

// all renders every current finding (the /findings command).
func (v findingsView) all(cur []contract.Finding) []string {
	out := []string{v.total(cur, -1, -1)}
	for _, f := range cur {
		out = append(out, v.entry("•", f)...)
	}
	return out
}

// total is the one-line count; added < 0 leaves out what changed.
func (v findingsView) total(cur []contract.Finding, added, fixed int) string {
	errs := len(errorFindings(cur))
	warns := v.count(len(cur)-errs, "warn")
	var s string
	if errs == 0 {
		s = v.green(v.t("pass"))
		if len(cur) > 0 {
			s += " (" + warns + ")"
		}
	} else {
		s = v.t("validator") + v.count(errs, "error") + ", " + warns
	}
	var changed []string
	if added > 0 {
		changed = append(changed, v.count(added, "new"))
	}
	if fixed > 0 {
		changed = append(changed, v.count(fixed, "fixed"))
	}
	if len(changed) > 0 {
		s += "; " + strings.Join(changed, ", ")
	}
	return s
}

// entry is one finding: label, wrapped message and hint, then a dimmed
// line with the rule id and where it is.
func (v findingsView) entry(mark string, f contract.Finding) []string {
	label := v.t("warning")
	if f.Severity == contract.SeverityError {
		label = v.t("error")
	}
	f = v.localize(f)
	text := f.Message
	if f.Hint != "" {
		text += " (" + f.Hint + ")"
	}
	lines := v.labelled(mark, label, text)
	if f.Severity == contract.SeverityError {
		lines[0] = strings.Replace(lines[0], label, v.red(label), 1)
	}
	for _, l := range wrapText(f.Rule+" · "+v.where(f), v.width, labelWidth) {
		lines = append(lines, strings.Repeat(" ", labelWidth)+v.dim(l))
	}
	return lines
}

func (v findingsView) fixedEntry(f contract.Finding) []string {
	label := v.t("fixed")
	lines := v.labelled("✓", label, v.localize(f).Message)
	last := len(lines) - 1
	if v.width == 0 || utf8.RuneCountInString(lines[last])+1+utf8.RuneCountInString(f.Rule) <= v.width {
		lines[last] += " " + v.dim(f.Rule)
	} else {
		lines = append(lines, strings.Repeat(" ", labelWidth)+v.dim(f.Rule))
	}
	lines[0] = strings.Replace(lines[0], label, v.green(label), 1)
	return lines
}

// labelled lays out "  M label  text", the text wrapped under itself.
func (v findingsView) labelled(mark, label, text string) []string {
	head := fmt.Sprintf("  %s %s", mark, label)
	head += strings.Repeat(" ", max(1, labelWidth-utf8.RuneCountInString(head)))
	var out []string
	for i, l := range wrapText(text, v.width, labelWidth) {
		if i == 0 {
			out = append(out, head+l)
			continue
		}
		out = append(out, strings.Repeat(" ", labelWidth)+l)
	}
	return out
}

// where names the finding's file when it exists, else says it is not
// saved yet.
func (v findingsView) where(f contract.Finding) string {
	if f.File == "" || f.File == "-" {
		return f.Path
	}
	p := f.File
	if !filepath.IsAbs(p) && v.root != "" {
		p = filepath.Join(v.root, p)
	}
	if v.exists == nil || !v.exists(p) {
		return v.t("notSaved")
	}
	loc := f.File
	if f.Line > 0 {
		loc += fmt.Sprintf(":%d", f.Line)
	}
	return loc
}

// t is the chat's catalog text key (internal/msg "chat.*") in the
// session's language.
func (v findingsView) t(key string, args ...any) string {
	return msg.Get(v.lang, msg.Key("chat."+key), args...)
}

// count writes n with the singular or plural of noun ("error", "warn",
// "new", "fixed", "att", "reask") in the session's language.
func (v findingsView) count(n int, noun string) string {
	form := ".many"
	if n == 1 {
		form = ".one"
	}
	return fmt.Sprintf("%d %s", n, v.t("n."+noun+form))
}

func errorFindings(fs []contract.Finding) []contract.Finding {
	var out []contract.Finding
	for _, f := range fs {
		if f.Severity == contract.SeverityError {
			out = append(out, f)
		}
	}
	return out
}

func fileExists(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.Mode().IsRegular()
}

// localize puts a finding's message and hint in the session's language
// (the shared catalog; unknown text stays English).
func (v findingsView) localize(f contract.Finding) contract.Finding {
	if v.lang == "" || v.lang == "en" {
		return f
	}
	return contract.Localize([]contract.Finding{f}, v.lang)[0]
}
