package contract

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/dataeng-os/dataeng-os/internal/lazyre"
	"github.com/dataeng-os/dataeng-os/third_party/jsonschema"
	"github.com/dataeng-os/dataeng-os/third_party/jsonschema/kind"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

// The official ODCS JSON Schemas (Apache-2.0, see schema/NOTICE.md).
//
//go:embed schema/*.json schema/NOTICE.md
var schemaFS embed.FS

// SchemaVersion names an embedded schema.
type SchemaVersion string

// The embedded schemas.
const (
	SchemaV320 SchemaVersion = "v3.2.0"
	SchemaV310 SchemaVersion = "v3.1.0"
	SchemaV302 SchemaVersion = "v3.0.2" // only to tell a v3.0.x file it no longer matches its own version
	SchemaV222 SchemaVersion = "v2.2.2"
)

// compiled holds a version's two checkers, each built on first use: the
// quick checker (a few ms to build) proves most contracts valid, so a
// process that sees only valid contracts never pays for compiling the full
// schema (tens of ms), which is needed only to explain errors.
type compiled struct {
	quickOnce sync.Once
	quick     *quickSchema // nil when the quick checker does not cover v
	once      sync.Once
	sch       *jsonschema.Schema
	err       error
}

var schemas = map[SchemaVersion]*compiled{SchemaV320: {}, SchemaV310: {}, SchemaV302: {}, SchemaV222: {}}

// SchemaJSON returns the embedded official schema for v.
func SchemaJSON(v SchemaVersion) ([]byte, error) {
	return schemaFS.ReadFile("schema/odcs-json-schema-" + string(v) + ".json")
}

// compiledSchema compiles the schema for v once per process.
func compiledSchema(v SchemaVersion) (*jsonschema.Schema, error) {
	c, ok := schemas[v]
	if !ok {
		return nil, fmt.Errorf("no embedded schema for %s", v)
	}
	c.once.Do(func() { c.sch, c.err = compileSchema(v, true) })
	return c.sch, c.err
}

// quickSchemaFor returns the quick checker for v (nil when none), built
// once per process.
//
//go:generate go test -run TestQuickGenerated -update .
func quickSchemaFor(v SchemaVersion) *quickSchema {
	c, ok := schemas[v]
	build := quickBuilders[v]
	if !ok || build == nil {
		return nil
	}
	// Generated from the embedded schema by TestQuickGenerated: no JSON
	// decode or compilation at run time.
	c.quickOnce.Do(func() { c.quick = indexQuick(build()) })
	return c.quick
}

// quickBuilders are the generated quick checkers, one per embedded schema.
var quickBuilders = map[SchemaVersion]func() *quickSchema{
	SchemaV310: quickV310, SchemaV320: quickV320, SchemaV302: quickV302, SchemaV222: quickV222,
}

// schemaDoc decodes the embedded schema for v, optionally with the
// equivalent faster rewrite of optimizeSchema.
func schemaDoc(v SchemaVersion, optimize bool) (any, error) {
	data, err := SchemaJSON(v)
	if err != nil {
		return nil, err
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("embedded schema %s: %w", v, err)
	}
	if optimize {
		optimizeSchema(doc)
	}
	return doc, nil
}

// compileSchema compiles the embedded schema for v, optionally with the
// equivalent faster rewrite of optimizeSchema.
func compileSchema(v SchemaVersion, optimize bool) (*jsonschema.Schema, error) {
	doc, err := schemaDoc(v, optimize)
	if err != nil {
		return nil, err
	}
	url := "https://dataeng-os.invalid/odcs-json-schema-" + string(v) + ".json"
	comp := jsonschema.NewCompiler()
	if err := comp.AddResource(url, doc); err != nil {
		return nil, fmt.Errorf("embedded schema %s: %w", v, err)
	}
	return comp.Compile(url)
}

var (
	v3RE  = lazyre.New(`^v3\.(0\.\d+|1\.0)$`)
	v32RE = lazyre.New(`^v3\.2\.0$`)
	v2RE  = lazyre.New(`^v2\.2\.\d+$`)
)

// schemaFor picks the schema that validates apiVersion.
func schemaFor(apiVersion string) (SchemaVersion, bool) {
	switch {
	case v3RE.MatchString(apiVersion):
		return SchemaV310, true
	case v32RE.MatchString(apiVersion):
		return SchemaV320, true
	case v2RE.MatchString(apiVersion):
		return SchemaV222, true
	}
	return "", false
}

var printer = message.NewPrinter(language.English)

// schemaFindings validates value against v and maps every error leaf back
// to a line of the document.
func (d *Document) schemaFindings(v SchemaVersion, value any) []Finding {
	return d.schemaFindingsPruned(v, value, true)
}

// schemaFindingsPruned is schemaFindings, where prune says whether the
// full validator gets the pruned copy (see pruneValid).
func (d *Document) schemaFindingsPruned(v SchemaVersion, value any, prune bool) []Finding {
	var back *remap
	if q := quickSchemaFor(v); q != nil {
		if ok, sure := quickValid(q, value); ok && sure {
			return nil // proven valid: no error tree to build
		}
		if prune {
			value, back = pruneValid(q, value)
		}
	}
	sch, err := compiledSchema(v)
	if err != nil {
		return []Finding{{File: d.File, Line: 1, Column: 1, Rule: RuleInternal, Severity: SeverityError, Message: err.Error()}}
	}
	err = sch.Validate(value)
	if err == nil {
		return nil
	}
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return []Finding{{File: d.File, Line: 1, Column: 1, Rule: RuleSchema, Severity: SeverityError, Message: err.Error()}}
	}
	back.restore(ve)
	var leaves []*jsonschema.ValidationError
	collectLeaves(ve, &leaves)
	leaves = dropCascade(v, leaves)
	out := make([]Finding, 0, len(leaves))
	seen := map[string]bool{}
	alts := missingAlternatives(leaves)
	for _, l := range leaves {
		var f Finding
		if keys, ok := alts[strings.Join(l.InstanceLocation, "/")]; ok {
			if len(keys) == 0 {
				continue // already reported as one finding
			}
			f = d.at(RuleSchema, SeverityError, fmt.Sprintf("ODCS %s schema: missing one of %s", v, strings.Join(keys, ", ")),
				"add one of them", l.InstanceLocation...)
			alts[strings.Join(l.InstanceLocation, "/")] = nil
		} else {
			f = d.schemaFinding(v, l)
		}
		key := f.Path + "\x00" + f.Message
		if !seen[key] {
			seen[key] = true
			out = append(out, f)
		}
	}
	return out
}

// collectLeaves walks the error tree. In oneOf/anyOf, branches that failed
// only because the value has another type are dropped when another branch
// got further, so the user sees the errors of the branch they meant.
func collectLeaves(e *jsonschema.ValidationError, out *[]*jsonschema.ValidationError) {
	if len(e.Causes) == 0 {
		*out = append(*out, e)
		return
	}
	switch e.ErrorKind.(type) {
	case *kind.OneOf, *kind.AnyOf:
		var kept []*jsonschema.ValidationError
		for _, c := range e.Causes {
			if !typeMismatchOnly(c, len(e.InstanceLocation)) {
				kept = append(kept, c)
			}
		}
		if len(kept) == 0 {
			*out = append(*out, e)
			return
		}
		for _, c := range kept {
			collectLeaves(c, out)
		}
		return
	}
	for _, c := range e.Causes {
		collectLeaves(c, out)
	}
}

// typeMismatchOnly reports a branch whose only failures are type, const or
// pattern mismatches of the value itself (depth = its instance location).
func typeMismatchOnly(e *jsonschema.ValidationError, depth int) bool {
	if len(e.Causes) == 0 {
		if len(e.InstanceLocation) != depth {
			return false
		}
		switch e.ErrorKind.(type) {
		case *kind.Type, *kind.Const, *kind.Enum, *kind.Pattern, *kind.FalseSchema:
			return true
		}
		return false
	}
	for _, c := range e.Causes {
		if !typeMismatchOnly(c, depth) {
			return false
		}
	}
	return true
}

func (d *Document) schemaFinding(v SchemaVersion, e *jsonschema.ValidationError) Finding {
	loc := e.InstanceLocation
	msg := kindMessage(e.ErrorKind)
	hint := ""
	switch k := e.ErrorKind.(type) {
	case *kind.AdditionalProperties:
		loc = d.firstKey(loc, k.Properties)
		hint = "remove or rename the key (ODCS " + string(v) + " does not define it); put vendor fields under customProperties"
		if h := keyHint(v, loc[len(loc)-1], e.SchemaURL); h != "" {
			hint = h
		}
	case *kind.Required:
		hint = "add " + strings.Join(k.Missing, ", ")
	case *kind.Type:
		hint = "change the value to type " + strings.Join(k.Want, " or ")
		if key := lastKey(loc); key != "" {
			want := make([]string, len(k.Want))
			for i, w := range k.Want {
				want[i] = article(w)
			}
			msg = fmt.Sprintf("%s: must be %s, not %s", key, strings.Join(want, " or "), article(k.Got))
		}
	case *kind.Enum:
		hint = "use one of the allowed values"
		if key := lastKey(loc); key != "" {
			msg = fmt.Sprintf("%s: %s is not one of %s", key, quoteValue(k.Got), joinValues(k.Want))
		}
	case *kind.OneOf, *kind.AnyOf:
		msg, hint = alternatives(e, v)
	case *kind.FalseSchema:
		msg = "this key is not allowed here"
		hint = "remove or rename the key; put vendor fields under customProperties"
		if len(loc) > 0 {
			key := loc[len(loc)-1]
			msg = fmt.Sprintf("key %q is not allowed here", key)
			if h := keyHint(v, key, parentURL(e.SchemaURL)); h != "" {
				hint = h
			}
		}
	}
	return d.at(RuleSchema, SeverityError, "ODCS "+string(v)+" schema: "+msg, hint, loc...)
}

// kindMessage is the error's message with property lists sorted, so that
// output does not depend on map order.
func kindMessage(k jsonschema.ErrorKind) string {
	if ap, ok := k.(*kind.AdditionalProperties); ok {
		props := slices.Clone(ap.Properties)
		slices.Sort(props)
		return (&kind.AdditionalProperties{Properties: props}).LocalizedString(printer)
	}
	return k.LocalizedString(printer)
}

// firstKey returns loc extended with whichever of keys comes first in the
// file.
func (d *Document) firstKey(loc, keys []string) []string {
	best, bestLine, found := "", 0, false // (the empty string is a key too)
	for _, k := range keys {
		n, _ := locate(d.tree(), append(slices.Clip(loc), k))
		if n != nil && (!found || n.Line < bestLine || (n.Line == bestLine && k < best)) {
			best, bestLine, found = k, n.Line, true
		}
	}
	if !found {
		best = slices.Min(keys)
	}
	return append(slices.Clip(loc), best)
}

// parentURL is the schema object whose keys a false schema stands for: it
// drops the false schema's own segment (unevaluatedProperties,
// additionalProperties) and, under properties/KEY or dependentSchemas/KEY,
// that keyword too.
func parentURL(u string) string {
	drop := func() string {
		i := strings.LastIndexByte(u, '/')
		if i <= strings.IndexByte(u, '#') {
			return ""
		}
		seg := u[i+1:]
		u = u[:i]
		return seg
	}
	if seg := drop(); seg != "unevaluatedProperties" && seg != "additionalProperties" {
		if kw := drop(); kw != "properties" && kw != "dependentSchemas" {
			return u + "/" + kw
		}
	}
	return u
}

// lastKey is the mapping key a location ends with ("" for a list item or
// the root).
func lastKey(loc []string) string {
	if len(loc) == 0 {
		return ""
	}
	k := loc[len(loc)-1]
	if _, err := strconv.Atoi(k); err == nil {
		if len(loc) > 1 {
			return loc[len(loc)-2] + "[" + k + "]"
		}
		return ""
	}
	return k
}

func article(typ string) string {
	switch typ {
	case "array", "integer", "object":
		return "an " + typ
	}
	return "a " + typ
}

func quoteValue(v any) string {
	if s, ok := v.(string); ok {
		return strconv.Quote(s)
	}
	return fmt.Sprint(v)
}

func joinValues(vs []any) string {
	parts := make([]string, 0, len(vs))
	for _, v := range vs {
		parts = append(parts, fmt.Sprint(v))
	}
	return strings.Join(parts, ", ")
}

// missingAlternatives finds the places where several alternatives each miss
// one property (a oneOf over mustBe, mustBeBetween, ...): they are reported
// as one "missing one of" finding. The map is keyed by instance location.
func missingAlternatives(leaves []*jsonschema.ValidationError) map[string][]string {
	by := map[string][]string{}
	for _, l := range leaves {
		alt := strings.Contains(l.SchemaURL, "/oneOf/") || strings.Contains(l.SchemaURL, "/anyOf/")
		if r, ok := l.ErrorKind.(*kind.Required); ok && len(r.Missing) == 1 && alt {
			k := strings.Join(l.InstanceLocation, "/")
			by[k] = append(by[k], r.Missing[0])
		}
	}
	for k, keys := range by {
		if len(keys) < 2 {
			delete(by, k)
			continue
		}
		slices.Sort(keys)
		by[k] = slices.Compact(keys)
	}
	return by
}
