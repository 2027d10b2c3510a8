package scaffold

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"

	"github.com/dataeng-os/dataeng-os/contract"
	"github.com/dataeng-os/dataeng-os/internal/atomicfile"
)

// LineageFile is the lineage record, relative to the project root.
const LineageFile = ".dataeng-os/lineage.json"

// LineageRecord is what scaffold remembers: which contract and schema
// object produced which dbt models.
type LineageRecord struct {
	Version   int               `json:"version"`
	Contracts []LineageContract `json:"contracts"`
}

// LineageContract is one scaffolded contract.
type LineageContract struct {
	File    string          `json:"file"` // contract path, relative to the project root
	ID      string          `json:"id"`
	Name    string          `json:"name,omitempty"`
	Version string          `json:"version"`
	Source  string          `json:"source"`
	Dialect string          `json:"dialect"`
	Objects []LineageObject `json:"objects"`
}

// LineageObject ties a schema object to its models.
type LineageObject struct {
	Name    string         `json:"name"`
	Staging LineageModel   `json:"staging"`
	Marts   []LineageModel `json:"marts,omitempty"`
}

// LineageModel is a generated dbt model and its SQL file (relative to the
// project root).
type LineageModel struct {
	Name string `json:"name"`
	Path string `json:"path"`
}

// LineageOf returns the record entry for what Render generates. outRel is
// the output directory relative to the project root ("" or "." for the
// root itself).
func LineageOf(c *contract.Contract, rules contract.Rules, opts Options, outRel string) (LineageContract, error) {
	p, err := buildPlan(c, rules, opts)
	if err != nil {
		return LineageContract{}, err
	}
	join := func(elem ...string) string { return path.Join(append([]string{filepath.ToSlash(outRel)}, elem...)...) }
	lc := LineageContract{File: opts.ContractFile, ID: c.ID, Name: c.Name, Version: c.Version,
		Source: p.source, Dialect: p.d.name, Objects: []LineageObject{}}
	for _, o := range p.objects {
		lo := LineageObject{Name: o.obj.Name, Staging: LineageModel{Name: o.staging, Path: join(p.stagingDir, o.staging+".sql")}}
		if o.mart != nil {
			lo.Marts = append(lo.Marts, LineageModel{Name: o.mart.name, Path: join(o.mart.dir, o.mart.name+".sql")})
		}
		lc.Objects = append(lc.Objects, lo)
	}
	return lc, nil
}

// ReadLineage reads the project's record; a missing record is empty.
func ReadLineage(root string) (LineageRecord, error) {
	rec := LineageRecord{Version: 1}
	file := filepath.Join(root, filepath.FromSlash(LineageFile))
	data, err := os.ReadFile(file)
	if errors.Is(err, fs.ErrNotExist) {
		return rec, nil
	}
	if err != nil {
		return rec, fmt.Errorf("read lineage: %w", err)
	}
	if err := json.Unmarshal(data, &rec); err != nil {
		return rec, fmt.Errorf("%s: invalid lineage record: %w (delete it and re-run scaffold)", file, err)
	}
	return rec, nil
}

// MarshalLineage encodes a record deterministically (sorted, indented).
func MarshalLineage(rec LineageRecord) ([]byte, error) {
	sort.Slice(rec.Contracts, func(i, j int) bool {
		a, b := rec.Contracts[i], rec.Contracts[j]
		if a.File != b.File {
			return a.File < b.File
		}
		return a.ID < b.ID
	})
	b, err := json.MarshalIndent(rec, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// MergeLineage replaces the entries of the same contract file (or, without
// a file, the same id) and adds new ones.
func MergeLineage(rec LineageRecord, entries ...LineageContract) LineageRecord {
	key := func(c LineageContract) string {
		if c.File != "" {
			return "file:" + c.File
		}
		return "id:" + c.ID
	}
	byKey := map[string]int{}
	for i, c := range rec.Contracts {
		byKey[key(c)] = i
	}
	for _, e := range entries {
		if i, ok := byKey[key(e)]; ok {
			rec.Contracts[i] = e
			continue
		}
		byKey[key(e)] = len(rec.Contracts)
		rec.Contracts = append(rec.Contracts, e)
	}
	rec.Version = 1
	return rec
}

// UpdateLineage merges entries into the project's record and writes it
// atomically.
func UpdateLineage(root string, entries ...LineageContract) error {
	rec, err := ReadLineage(root)
	if err != nil {
		return err
	}
	data, err := MarshalLineage(MergeLineage(rec, entries...))
	if err != nil {
		return fmt.Errorf("encode lineage: %w", err)
	}
	if err := CheckLineagePath(root); err != nil {
		return err
	}
	return atomicWrite(filepath.Join(root, filepath.FromSlash(LineageFile)), data)
}

// CheckLineagePath refuses to record lineage through a symbolic link
// (a linked .dataeng-os/ or lineage.json could lead outside root).
func CheckLineagePath(root string) error {
	if err := atomicfile.CheckNoSymlink(root, filepath.Join(root, filepath.FromSlash(LineageFile))); err != nil {
		return fmt.Errorf("record lineage: %w", err)
	}
	return nil
}

// CheckIDs refuses entries whose contract id is also the id of another
// contract file: generated files and stale-file pruning are keyed by id, so
// two contracts with one id would overwrite each other's marts and delete
// each other's staging models. It compares the entries with each other and
// with the lineage record under root; a recorded file that no longer exists
// (the contract was renamed or moved) is not a collision.
func CheckIDs(root string, entries ...LineageContract) error {
	seen := map[string]string{} // id -> contract file
	for _, e := range entries {
		if e.ID == "" {
			continue
		}
		if f, ok := seen[e.ID]; ok && f != e.File {
			return idClash(e.ID, f, e.File)
		}
		seen[e.ID] = e.File
	}
	rec, err := ReadLineage(root)
	if err != nil {
		return err
	}
	for _, old := range rec.Contracts {
		f, ok := seen[old.ID]
		if !ok || old.File == "" || f == "" || old.File == f {
			continue
		}
		file := filepath.FromSlash(old.File)
		if !filepath.IsAbs(file) {
			file = filepath.Join(root, file)
		}
		if _, err := os.Stat(file); err != nil {
			continue // gone: renamed or deleted, its id is free
		}
		return idClash(old.ID, old.File, f)
	}
	return nil
}

func idClash(id, a, b string) error {
	return fmt.Errorf("contracts %s and %s both have id %q; give one of them a different id (scaffold output is keyed by contract id, so they would overwrite each other's models)", a, b, id)
}
