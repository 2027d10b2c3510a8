package web

import (
	"context"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/dataeng-os/dataeng-os/contract"
	"github.com/dataeng-os/dataeng-os/internal/lazyre"
	"github.com/dataeng-os/dataeng-os/scaffold"
)

// Entry is one contract in the catalog.
type Entry struct {
	File     string   `json:"file"` // relative to the project root, slash-separated
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Version  string   `json:"version"`
	Status   string   `json:"status"`
	Domain   string   `json:"domain"`
	Owner    string   `json:"owner"`
	Tags     []string `json:"tags"`    // contract, object and property tags
	Objects  []string `json:"objects"` // schema object names
	Columns  []string `json:"columns"` // property names
	PII      []string `json:"pii"`     // object.property of PII columns
	HasPII   bool     `json:"hasPII"`
	Errors   int      `json:"errors"`
	Warnings int      `json:"warnings"`
	Valid    bool     `json:"valid"`
	Parsed   bool     `json:"parsed"` // false when the YAML could not be read
	Message  string   `json:"message,omitempty"`
}

type cacheKey struct {
	mod  time.Time
	size int64
}

type cached struct {
	key   cacheKey
	entry Entry
}

// catalogCache keeps each file's entry until its mtime or size changes.
type catalogCache struct {
	mu      sync.Mutex
	entries map[string]cached
}

func newCatalogCache() *catalogCache { return &catalogCache{entries: map[string]cached{}} }

// Catalog scans contracts/ and returns every contract, sorted by file.
func (s *Server) Catalog() ([]Entry, error) { return s.catalogCtx(context.Background()) }

// catalogCtx is Catalog for a request: it stops between files once ctx is
// done (the client went away) and returns ctx's error.
func (s *Server) catalogCtx(ctx context.Context) ([]Entry, error) {
	dir := filepath.Join(s.root, scaffold.ContractsDir)
	var out []Entry
	seen := map[string]bool{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if cerr := ctx.Err(); cerr != nil {
			return cerr
		}
		if err != nil {
			if os.IsNotExist(err) && p == dir {
				return filepath.SkipDir
			}
			return err
		}
		if d.IsDir() || !isYAML(p) || strings.HasPrefix(d.Name(), ".") || d.Type()&fs.ModeSymlink != 0 {
			return nil
		}
		rel, _ := filepath.Rel(s.root, p)
		rel = filepath.ToSlash(rel)
		seen[rel] = true
		e, err := s.catalogEntry(rel, p)
		if err == nil {
			out = append(out, e)
		}
		return nil
	})
	s.catalog.prune(seen)
	sort.Slice(out, func(i, j int) bool { return out[i].File < out[j].File })
	return out, err
}

func isYAML(p string) bool {
	ext := strings.ToLower(filepath.Ext(p))
	return ext == ".yaml" || ext == ".yml"
}

func (c *catalogCache) prune(seen map[string]bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for k := range c.entries {
		if !seen[k] {
			delete(c.entries, k)
		}
	}
}

func (s *Server) catalogEntry(rel, abs string) (Entry, error) {
	fi, err := os.Stat(abs)
	if err != nil {
		return Entry{}, err
	}
	key := cacheKey{fi.ModTime(), fi.Size()}
	s.catalog.mu.Lock()
	c, ok := s.catalog.entries[rel]
	s.catalog.mu.Unlock()
	if ok && c.key == key {
		return c.entry, nil
	}
	e := Entry{File: rel, Name: filepath.Base(rel)}
	data, err := readLimited(abs, s.readLimit())
	if err != nil {
		e.Message = err.Error()
		e.Errors = 1
	} else {
		doc, res := s.check(rel, data)
		e.Errors, e.Warnings, e.Valid = res.Errors, res.Warnings, res.Valid
		if doc != nil && doc.Contract != nil {
			fillEntry(&e, doc.Contract, s.opts.Rules.Policy.PII)
			addFlaggedPII(&e, doc.Contract, res.Findings)
		} else if len(res.Findings) > 0 {
			e.Message = res.Findings[0].Message
		}
	}
	s.catalog.mu.Lock()
	s.catalog.entries[rel] = cached{key, e}
	s.catalog.mu.Unlock()
	return e, nil
}

func fillEntry(e *Entry, c *contract.Contract, pii contract.PIIPolicy) {
	e.Parsed = true
	e.ID, e.Version, e.Status, e.Domain = c.ID, c.Version, c.Status, c.Domain
	if c.Name != "" {
		e.Name = c.Name
	}
	if c.Team != nil {
		e.Owner = c.Team.Name
		if e.Owner == "" && len(c.Team.Members) > 0 {
			e.Owner = c.Team.Members[0].Username
		}
	}
	tags := append([]string{}, c.Tags...)
	for _, o := range c.Schema {
		e.Objects = append(e.Objects, o.Name)
		tags = append(tags, o.Tags...)
		walkProps(o.Properties, func(p contract.Property) {
			e.Columns = append(e.Columns, p.Name)
			tags = append(tags, p.Tags...)
			if isPII(p, pii) {
				e.PII = append(e.PII, o.Name+"."+p.Name)
			}
		})
	}
	slices.Sort(tags)
	e.Tags = slices.Compact(tags)
	e.HasPII = len(e.PII) > 0
}

func walkProps(ps []contract.Property, fn func(contract.Property)) {
	for _, p := range ps {
		fn(p)
		walkProps(p.Properties, fn)
		if p.Items != nil {
			walkProps([]contract.Property{*p.Items}, fn)
		}
	}
}

// isPII says whether a property is marked as PII: a PII classification,
// the PII tag, or a `pii: true` custom property (as the validator reads it).
func isPII(p contract.Property, pii contract.PIIPolicy) bool {
	cls := strings.ToLower(p.Classification)
	if cls != "" && slices.Contains(pii.Classifications, cls) {
		return true
	}
	tag := pii.Tag
	if tag == "" {
		tag = "pii"
	}
	for _, t := range p.Tags {
		if strings.EqualFold(t, tag) {
			return true
		}
	}
	for _, cp := range p.CustomProperties { // customProperties: [{property: pii, value: true}]
		if strings.EqualFold(cp.Property, "pii") && fmt.Sprint(cp.Value) == "true" {
			return true
		}
	}
	return false
}

// apiContracts lists (and with ?q= searches) the catalog.
func (s *Server) apiContracts(w http.ResponseWriter, r *http.Request) {
	all, err := s.catalogCtx(r.Context())
	if gone(r) {
		return
	}
	if err != nil {
		writeError(w, http.StatusInternalServerError, "scan %s: %v", scaffold.ContractsDir, err)
		return
	}
	q := r.URL.Query().Get("q")
	hits := Search(all, q)
	if hits == nil {
		hits = []Entry{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"query": q, "total": len(all), "contracts": hits})
}

// piiPathRE finds the property a finding is about.
var piiPathRE = lazyre.New(`^schema\[(\d+)\]\.properties\[(\d+)\]`)

// addFlaggedPII adds the columns the validator calls PII (a gov-pii-*
// finding, such as an e-mail column left unclassified), so that the
// catalog's PII facet agrees with the validator.
func addFlaggedPII(e *Entry, c *contract.Contract, fs []contract.Finding) {
	for _, f := range fs {
		if !strings.HasPrefix(f.Rule, "gov-pii") {
			continue
		}
		m := piiPathRE.FindStringSubmatch(f.Path)
		if m == nil {
			continue
		}
		oi, _ := strconv.Atoi(m[1])
		pi, _ := strconv.Atoi(m[2])
		if oi >= len(c.Schema) || pi >= len(c.Schema[oi].Properties) {
			continue
		}
		name := c.Schema[oi].Name + "." + c.Schema[oi].Properties[pi].Name
		if !slices.Contains(e.PII, name) {
			e.PII = append(e.PII, name)
		}
	}
	e.HasPII = len(e.PII) > 0
}
