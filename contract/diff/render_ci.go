package diff

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// WriteMarkdown renders reports as a Markdown table per contract, to paste
// (or post) as a pull-request comment.
func WriteMarkdown(w io.Writer, rs []Report) error {
	ew := &errWriter{w: w}
	n := Total(rs)
	if n == (Counts{}) {
		ew.printf("### Contract changes\n\nNo changes in %s.\n", plural(len(rs), "contract"))
		return ew.err
	}
	verdict := "no breaking changes"
	if n.Error+n.Breaking > 0 {
		verdict = "**consumers break**"
	}
	ew.printf("### Contract changes: %s\n\n%s.\n", verdict, n)
	for _, r := range rs {
		if len(r.Changes) == 0 {
			continue
		}
		ew.printf("\n#### %s\n\n", mdHeading(r))
		ew.printf("| Level | Rule | Where | Line | Change | Old → New |\n|---|---|---|---|---|---|\n")
		for _, c := range r.Changes {
			lvl := string(c.Level)
			if c.Level.Fails() {
				lvl = "**" + lvl + "**"
			}
			where := c.Where()
			if where == "" {
				where = "contract"
			}
			ew.printf("| %s | %s | %s | %d | %s | %s |\n", lvl, mdCell(c.RuleID, true), mdCell(where, true),
				c.NewLine, mdCell(c.Message, false), mdValues(c))
		}
	}
	return ew.err
}

func mdHeading(r Report) string {
	switch {
	case r.Old == "":
		return mdCell(r.Path, true) + " (new)"
	case r.New == "":
		return mdCell(r.Path, true) + " (removed)"
	}
	return mdCell(r.Path, true) + " (was " + mdCell(r.Old, true) + ")"
}

func mdValues(c Change) string {
	if c.Field == "" || (c.Old == "" && c.New == "") {
		return ""
	}
	return mdCell(orNone(c.Old), true) + " → " + mdCell(orNone(c.New), true)
}

// mdCell makes s safe in a table cell, as a code span when code is set.
func mdCell(s string, code bool) string {
	s = strings.Join(strings.Fields(s), " ")
	s = strings.ReplaceAll(s, "|", `\|`)
	if code {
		return "`" + strings.ReplaceAll(s, "`", "'") + "`"
	}
	return s
}

// WriteGitHub renders each change as a GitHub Actions workflow command on
// the new file's line: ::error for breaking changes and gate errors,
// ::warning and ::notice for the rest.
func WriteGitHub(w io.Writer, rs []Report) error {
	ew := &errWriter{w: w}
	for _, r := range rs {
		for _, c := range r.Changes {
			ew.printf("%s\n", annotation(r.Path, c))
		}
	}
	return ew.err
}

func annotation(file string, c Change) string {
	kind := "notice"
	switch {
	case c.Level.Fails():
		kind = "error"
	case c.Level == LevelWarning:
		kind = "warning"
	}
	msg := c.Message
	if c.Property != "" && !strings.Contains(msg, c.Property) {
		msg = c.Property + ": " + msg
	}
	if v := values(c); v != "" {
		msg += " (" + v + ")"
	}
	at := ""
	if c.NewLine > 0 {
		at = fmt.Sprintf(",line=%d,col=%d", c.NewLine, c.NewColumn)
	}
	return fmt.Sprintf("::%s file=%s%s,title=%s::%s", kind, ghProperty(file), at, ghProperty(c.RuleID), ghData(msg))
}

func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func ghProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// jsonOut is the JSON document WriteJSON writes.
type jsonOut struct {
	Summary   Counts   `json:"summary"`
	Fails     bool     `json:"fails"`
	Contracts []Report `json:"contracts"`
}

// WriteJSON renders the reports with a summary, indented.
func WriteJSON(w io.Writer, rs []Report) error {
	out := jsonOut{Summary: Total(rs), Contracts: make([]Report, len(rs))}
	for i, r := range rs {
		if r.Changes == nil {
			r.Changes = []Change{}
		}
		out.Contracts[i] = r
		out.Fails = out.Fails || Fails(r.Changes)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
