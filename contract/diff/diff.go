package diff

import (
	"fmt"
	"strings"

	"github.com/dataeng-os/dataeng-os/contract"
)

// differ accumulates the changes of one comparison.
type differ struct {
	pol      Policy
	old, new *contract.Document
	out      []Change
}

// Compare reports the semantic changes from old to new, in a stable order
// (contract fields, servers, SLAs, then objects in the new file's order,
// then the semver gate). A nil old means the contract is new (every change
// is additive); a nil new means it was removed. Documents whose Contract is
// nil compare as empty contracts. Compare never panics on parsed input and
// Compare(a, a) is empty.
func Compare(old, new *contract.Document, pol Policy) []Change {
	d := &differ{pol: pol, old: old, new: new}
	switch {
	case old == nil && new == nil:
		return nil
	case old == nil:
		d.added(contractOf(new))
		return d.out
	case new == nil:
		oc := contractOf(old)
		d.removal(RuleContractRemoved, Change{Old: oc.ID, Message: fmt.Sprintf("contract %q was removed", oc.ID)}, path{"id"}, nil)
		return d.out
	}
	oc, nc := contractOf(old), contractOf(new)
	d.contractFields(oc, nc)
	d.servers(oc, nc)
	d.slas(oc, nc)
	d.objects(oc, nc)
	d.gate(oc, nc)
	return d.out
}

func contractOf(doc *contract.Document) *contract.Contract {
	if doc == nil || doc.Contract == nil {
		return &contract.Contract{}
	}
	return doc.Contract
}

func fileOf(doc *contract.Document) string {
	if doc == nil {
		return ""
	}
	return doc.File
}

// emit records a change found at newAt in the new file.
func (d *differ) emit(rule string, c Change, newAt path) {
	lvl := d.pol.level(rule)
	if lvl == LevelOff || lvl == "" {
		return
	}
	c.RuleID, c.Level = rule, lvl
	c.File = fileOf(d.new)
	c.Line, c.Column = position(d.new, newAt)
	c.NewLine, c.NewColumn = c.Line, c.Column
	d.out = append(d.out, c)
}

// removal records a change located at oldAt in the old file; anchor is the
// nearest surviving parent in the new file (nil: the new file's root).
func (d *differ) removal(rule string, c Change, oldAt, anchor path) {
	lvl := d.pol.level(rule)
	if lvl == LevelOff || lvl == "" {
		return
	}
	c.RuleID, c.Level = rule, lvl
	c.File = fileOf(d.old)
	c.Line, c.Column = position(d.old, oldAt)
	if d.new != nil {
		c.NewLine, c.NewColumn = position(d.new, anchor)
	}
	d.out = append(d.out, c)
}

// added reports a contract that did not exist before: all additive.
func (d *differ) added(nc *contract.Contract) {
	d.emit(RuleContractAdded, Change{New: nc.ID, Message: fmt.Sprintf("contract %q is new", nc.ID)}, path{"id"})
	for j, o := range nc.Schema {
		d.emit(RuleObjectAdded, Change{Object: o.Name, New: o.Name, Message: fmt.Sprintf("object %q added", o.Name)}, path{}.idx("schema", j))
	}
}

func (d *differ) contractFields(oc, nc *contract.Contract) {
	if oc.ID != "" && nc.ID != "" && oc.ID != nc.ID {
		d.emit(RuleContractIDChanged, Change{Field: "id", Old: oc.ID, New: nc.ID,
			Message: "the contract id changed: consumers and lineage find it by id"}, path{"id"})
	}
	if oc.Description != nil {
		op := oc.Description.Purpose
		np := ""
		if nc.Description != nil {
			np = nc.Description.Purpose
		}
		if strings.TrimSpace(op) != "" && strings.TrimSpace(np) == "" {
			d.emit(RuleDescriptionRemoved, Change{Field: "description.purpose", Old: clip(op),
				Message: "the contract's purpose was removed"}, path{"description"})
		}
	}
	ost, nst := strings.ToLower(oc.Status), strings.ToLower(nc.Status)
	if ost != nst {
		if !retiring(ost) && retiring(nst) {
			d.emit(RuleDeprecated, Change{Field: "status", Old: oc.Status, New: nc.Status,
				Message: fmt.Sprintf("the contract is now %s: tell its consumers", nc.Status)}, path{"status"})
		}
		if ro, rn := statusRank(ost), statusRank(nst); ro >= 0 && rn >= 0 && rn < ro {
			d.emit(RuleStatusBackward, Change{Field: "status", Old: oc.Status, New: nc.Status,
				Message: fmt.Sprintf("status went back from %s to %s", oc.Status, nc.Status)}, path{"status"})
		}
	}
}

func retiring(status string) bool { return status == "deprecated" || status == "retired" }

// statusRank orders the ODCS lifecycle; -1 for a status outside it.
func statusRank(s string) int {
	switch s {
	case "proposed":
		return 0
	case "draft":
		return 1
	case "active":
		return 2
	case "deprecated":
		return 3
	case "retired":
		return 4
	}
	return -1
}

// gate is the semver check: a breaking change needs a major bump, an
// additive one at least a minor bump, and the version may not go back.
func (d *differ) gate(oc, nc *contract.Contract) {
	breaking, additive := 0, 0
	for _, c := range d.out {
		switch {
		case c.Level == LevelBreaking:
			breaking++
		case c.Level == LevelInfo:
			additive++
		}
	}
	ov, okOld := parseSemver(oc.Version)
	nv, okNew := parseSemver(nc.Version)
	vc := Change{Field: "version", Old: oc.Version, New: nc.Version}
	if !okOld || !okNew {
		if breaking+additive > 0 {
			vc.Message = fmt.Sprintf("cannot check the version bump: %q → %q is not semantic versioning", oc.Version, nc.Version)
			d.emit(RuleVersionInvalid, vc, path{"version"})
		}
		return
	}
	switch {
	case nv.less(ov):
		vc.Message = fmt.Sprintf("the version went back from %s to %s", oc.Version, nc.Version)
		d.emit(RuleVersionBackward, vc, path{"version"})
	case breaking > 0 && !nv.majorOver(ov):
		vc.Message = fmt.Sprintf("%s without a major version bump (%s → %s)", plural(breaking, "breaking change"), oc.Version, nc.Version)
		d.emit(RuleSemverMajor, vc, path{"version"})
	case additive > 0 && !nv.minorOver(ov):
		vc.Message = fmt.Sprintf("%s without a minor version bump (%s → %s)", plural(additive, "additive change"), oc.Version, nc.Version)
		d.emit(RuleSemverMinor, vc, path{"version"})
	}
}

// clip shortens a value for display.
func clip(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 60 {
		return string(r[:57]) + "..."
	}
	return s
}
