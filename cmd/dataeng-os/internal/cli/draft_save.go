package cli

import (
	"path/filepath"
	"strings"

	"github.com/dataeng-os/dataeng-os/agent"
	"github.com/dataeng-os/dataeng-os/agent/batch"
)

// saveDraftResult saves a note's drafts with the Architect's own writer
// (inside --out, atomic, sanitised names, never over a file a person
// edited) and records every written file in the note's manifest entry.
func saveDraftResult(job batch.Job, res *agent.Result, force bool) (batch.Status, error) {
	res.Name = job.Note.Name // derived from the note's file name, never from the model
	owned := func(rel string) bool { return job.Files.Owner(rel) != "" }
	sp, err := agent.SaveDrafts(job.Files.Out, res, agent.SaveOptions{Force: force, Owned: owned})
	for _, k := range sp.Kept {
		job.Files.Kept(draftRel(job.Files.Out, k))
	}
	for _, rel := range sp.Owned {
		job.Files.Owned(rel) // another note's file: reported, never overwritten
	}
	if err != nil {
		return batch.StatusFailed, err
	}
	for _, o := range []struct{ kind, path string }{{"canvas", sp.Canvas}, {"contract", sp.Contract}, {"findings", sp.Findings}} {
		if o.path == "" {
			continue
		}
		kind := o.kind
		if sp.Draft && kind != "findings" && isDraftFile(o.path) {
			kind += "-draft"
		}
		if err := job.Files.Record(draftRel(job.Files.Out, o.path), kind); err != nil {
			return batch.StatusFailed, err
		}
	}
	if sp.Draft || !res.Valid {
		return batch.StatusDraft, nil
	}
	return batch.StatusPassed, nil
}

func isDraftFile(p string) bool { return strings.Contains(filepath.Base(p), ".draft.") }
