package diff

import (
	"fmt"
	"io"
	"strings"
)

// Report is the comparison of one contract's two versions, as rendered.
type Report struct {
	// Path is the contract's file in the working tree, where annotations go.
	Path string `json:"path"`
	// Old and New name the compared versions ("" when the contract is new
	// or removed), e.g. "origin/main:contracts/orders.odcs.yaml".
	Old     string   `json:"old,omitempty"`
	New     string   `json:"new,omitempty"`
	Changes []Change `json:"changes"`
}

// Total tallies the changes of all reports.
func Total(rs []Report) Counts {
	var all []Change
	for _, r := range rs {
		all = append(all, r.Changes...)
	}
	return Count(all)
}

// Summary is the one-line verdict over the reports, e.g. "2 breaking, 1
// info (1 of 3 contracts changed)" or "ok: no breaking changes in 3 contracts".
func Summary(rs []Report) string {
	n, changed := Total(rs), 0
	for _, r := range rs {
		if len(r.Changes) > 0 {
			changed++
		}
	}
	if n.Error+n.Breaking == 0 {
		return fmt.Sprintf("ok: no breaking changes in %s (%s, %s)", plural(len(rs), "contract"),
			plural(n.Warning, "warning"), itoa(n.Info)+" info")
	}
	return fmt.Sprintf("%s (%d of %s changed)", n, changed, plural(len(rs), "contract"))
}

// group is the changes about one object ("" for the contract itself).
type group struct {
	object  string
	changes []Change
}

// byObject groups changes by object, contract-level changes first, objects
// in the order they first appear.
func byObject(cs []Change) []group {
	gs := []group{{}}
	at := map[string]int{"": 0}
	for _, c := range cs {
		i, ok := at[c.Object]
		if !ok {
			i = len(gs)
			at[c.Object] = i
			gs = append(gs, group{object: c.Object})
		}
		gs[i].changes = append(gs[i].changes, c)
	}
	if len(gs[0].changes) == 0 {
		gs = gs[1:]
	}
	return gs
}

// values renders "old → new" for a change of a field, "" for an addition
// or removal, or when the message already says it.
func values(c Change) string {
	if c.Field == "" || (c.Old == "" && c.New == "") || strings.Contains(c.Message, "→") {
		return ""
	}
	return orNone(c.Old) + " → " + orNone(c.New)
}

// WriteText renders reports grouped by contract and object, one change a
// line with its position, level, rule and old → new values, then Summary.
func WriteText(w io.Writer, rs []Report) error {
	ew := &errWriter{w: w}
	for _, r := range rs {
		if len(r.Changes) == 0 {
			continue
		}
		ew.printf("%s\n", heading(r))
		for _, g := range byObject(r.Changes) {
			name := g.object
			if name == "" {
				name = "(contract)"
			}
			ew.printf("  %s\n", name)
			for _, c := range g.changes {
				ew.printf("    %s\n", textLine(r, c))
			}
		}
		ew.printf("\n")
	}
	ew.printf("%s\n", Summary(rs))
	return ew.err
}

func heading(r Report) string {
	switch {
	case r.Old == "":
		return r.Path + " (new)"
	case r.New == "":
		return r.Path + " (removed)"
	}
	return fmt.Sprintf("%s (was %s)", r.Path, r.Old)
}

func textLine(r Report, c Change) string {
	pos := fmt.Sprintf("%d:%d", c.Line, c.Column)
	if c.File != "" && c.File == r.Old && r.Old != r.New {
		pos = "was " + pos
	}
	line := fmt.Sprintf("%-9s %-8s %s: ", pos, c.Level, c.RuleID)
	if c.Property != "" && !strings.Contains(c.Message, c.Property) {
		line += c.Property + ": "
	}
	line += c.Message
	if v := values(c); v != "" {
		line += " (" + v + ")"
	}
	return line
}

// errWriter keeps the first write error.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}
