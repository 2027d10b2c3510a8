package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/dataeng-os/dataeng-os/agent/batch"
)

// printDraftReport writes the batch report to stdout: a table, or JSON.
func printDraftReport(f *Factory, rep *batch.Report, asJSON bool, d *drafter) error {
	if asJSON {
		enc := json.NewEncoder(f.IO.Out)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			return fmt.Errorf("write report: %w", err)
		}
		return nil
	}
	w := tabwriter.NewWriter(f.IO.Out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "NOTE\tOUTCOME\tATTEMPTS\tTOKENS\tCOST\tTIME\tRESULT")
	for _, r := range rep.Notes {
		fmt.Fprintf(w, "%s\t%s\t%d\t%s\t%s\t%s\t%s\n", draftNotePath(f, rep, r), draftOutcome(r), r.Attempts,
			draftCount(r.Tokens.Total()), draftCost(r.CostUSD, d.priced()),
			(time.Duration(r.DurationMS) * time.Millisecond).Round(10*time.Millisecond), draftResult(r))
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	draftSummary(f.IO.Out, rep, d)
	return nil
}

func draftOutcome(r batch.Row) string {
	s := string(r.Status)
	switch r.Status {
	case batch.StatusDraft:
		s = "draft+findings"
	case "":
		s = "pending"
	}
	if r.Skipped {
		s += " (skipped)"
	}
	return s
}

// draftResult is the report's last column: the file to look at, or why not.
func draftResult(r batch.Row) string {
	var parts []string
	for _, o := range r.Outputs {
		if o.Kind != "canvas" {
			parts = append(parts, o.Path)
		}
	}
	switch {
	case r.Status == batch.StatusDraft:
		parts = append(parts, fmt.Sprintf("(%s, %s)", draftPlural(r.Findings, "finding"), draftPlural(len(r.Questions), "open question")))
	case len(r.Questions) > 0:
		parts = append(parts, fmt.Sprintf("(%s)", draftPlural(len(r.Questions), "open question")))
	}
	if r.Error != "" && !r.Skipped {
		parts = append(parts, "error: "+r.Error)
	}
	if r.Skipped {
		return strings.Join(append(parts, r.Reason), " ")
	}
	for _, p := range r.Preserved {
		parts = append(parts, "kept edited "+p)
	}
	parts = append(parts, r.Conflicts...)
	return strings.Join(parts, " ")
}

func draftSummary(w io.Writer, rep *batch.Report, d *drafter) {
	s := rep.Summary
	fmt.Fprintf(w, "\n%s: %d passed, %d draft with findings, %d failed", draftPlural(s.Notes, "note"), s.Passed, s.Drafts, s.Failed)
	if s.Interrupted > 0 {
		fmt.Fprintf(w, ", %d interrupted", s.Interrupted)
	}
	if s.Pending > 0 {
		fmt.Fprintf(w, ", %d never drafted", s.Pending)
	}
	fmt.Fprintf(w, "; %d drafted now, %d skipped\n", s.Drafted, s.Skipped)
	fmt.Fprintf(w, "%s model calls, %s tokens (%s in, %s out), cost %s, %s\n", fmt.Sprint(s.Calls),
		draftCount(s.Tokens.Total()), draftCount(s.Tokens.InputTokens), draftCount(s.Tokens.OutputTokens),
		draftCost(s.CostUSD, d.priced()), (time.Duration(s.ElapsedMS) * time.Millisecond).Round(10*time.Millisecond))
	if pauses, paused := d.limiter.Stats(); pauses > 0 {
		fmt.Fprintf(w, "rate limited: the pool paused %d times, %s in all\n", pauses, paused.Round(10*time.Millisecond))
	}
	if s.Preserved > 0 {
		fmt.Fprintf(w, "%s edited by a person kept; the new versions are beside them (.new files)\n", draftPlural(s.Preserved, "file"))
	}
	fmt.Fprintf(w, "manifest: %s\n", draftRel(rep.Out, rep.Manifest))
	switch {
	case rep.Interrupted:
		fmt.Fprintln(w, "interrupted: finished notes are kept; run the same command again to resume")
	case s.Failed > 0:
		fmt.Fprintln(w, "some notes failed: fix the cause, then run again with --retry-failed")
	}
	if s.Drafts > 0 {
		fmt.Fprintln(w, "drafts need a person: each .draft.odcs.yaml starts with its open findings and questions")
	}
}

func draftCost(usd float64, priced bool) string {
	if !priced {
		return "-"
	}
	return fmt.Sprintf("$%.4f", usd)
}

func draftRel(base, p string) string {
	if r, err := filepath.Rel(base, p); err == nil && filepath.IsLocal(r) {
		return filepath.ToSlash(r)
	}
	return p
}

// draftNotePath shows a note relative to the working folder (the manifest
// keys notes relative to --out).
func draftNotePath(f *Factory, rep *batch.Report, r batch.Row) string {
	abs := filepath.Join(rep.Out, filepath.FromSlash(r.Note))
	if filepath.IsAbs(filepath.FromSlash(r.Note)) {
		abs = filepath.FromSlash(r.Note)
	}
	if rel, err := filepath.Rel(f.Dir, abs); err == nil && filepath.IsLocal(rel) {
		return filepath.ToSlash(rel)
	}
	return abs
}
