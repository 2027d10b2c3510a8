package scaffold

import (
	"fmt"
	"path"
	"regexp"
	"strings"

	"github.com/dataeng-os/dataeng-os/contract"
)

// plan is everything the templates need, derived once from a contract.
type plan struct {
	c            *contract.Contract
	d            *dialect
	rules        contract.Rules
	reserved     map[string]bool
	label        string // "contract <id> v<version>"
	contractFile string
	owner        string
	source       string
	sourceSchema string
	stagingDir   string
	propsPrefix  string // "_<source>" or "_<source>__<contract>" (property files)
	objects      []*objPlan
	usesGeneric  bool
	projectName  string
	stagingMat   string                    // view | table | incremental
	nameREs      map[string]*regexp.Regexp // sql rules' name patterns (nameRE)
}

type objPlan struct {
	obj         *contract.SchemaObject
	table       string // dbt source table name
	identifier  string // physical table name
	entity      string
	staging     string // staging model name
	description string
	columns     []*colPlan
	pk          []string
	enforced    bool
	modelTests  []any
	freshness   *freshness
	mart        *martPlan
	sqlTests    []sqlTest // singular tests from type: sql rules
}

type colPlan struct {
	prop        *contract.Property
	name        string // snake_case alias
	sqlName     string // alias as written in SQL (quoted when reserved)
	srcName     string // physical column name
	canon       string // canonical type, "" when unknown
	dataType    string
	expr        string // select expression before "as"
	reserved    bool
	pii         bool     // the column is, or holds, PII
	nested      *piiNode // PII nested inside an object or array column
	masking     string
	qNotNull    bool // a strict nullValues quality rule
	qUnique     bool // a strict duplicateValues quality rule
	tests       []any
	constraints []constraintYAML
	refs        []*colPlan // columns a relationships test points to
}

type martPlan struct {
	kind    string // fact | dimension
	name    string
	dir     string
	columns []martCol
	notes   []string // why columns were left out (SQL comments)
}

type martCol struct {
	name, sqlName, expr, dataType, description string
	reserved, hashed                           bool
	maskedFields                               []string // nested PII leaves hashed in place
	src                                        *colPlan
}

type freshness struct {
	field  string
	count  int
	period string
}

// buildPlan derives the plan; it fails on names that are unsafe in paths.
func buildPlan(c *contract.Contract, rules contract.Rules, opts Options) (*plan, error) {
	if c == nil {
		return nil, fmt.Errorf("no contract")
	}
	d, err := lookupDialect(opts.Dialect)
	if err != nil {
		return nil, err
	}
	p := &plan{c: c, d: d, rules: rules, contractFile: opts.ContractFile, projectName: opts.ProjectName,
		stagingMat: strings.ToLower(strings.TrimSpace(opts.StagingMaterialized))}
	switch p.stagingMat {
	case "":
		p.stagingMat = "view"
	case "view", "table", "incremental":
	default:
		return nil, fmt.Errorf("staging materialisation %q: use one of %s", opts.StagingMaterialized, strings.Join(StagingMaterializations, ", "))
	}
	p.reserved = map[string]bool{}
	for _, w := range rules.Naming.ReservedWords {
		p.reserved[strings.ToLower(w)] = true
	}
	p.label = fmt.Sprintf("contract %s v%s", oneWord(c.ID), oneWord(c.Version))
	p.owner = ownerOf(c)
	if err := p.resolveSource(opts); err != nil {
		return nil, err
	}
	if err := p.buildObjects(); err != nil {
		return nil, err
	}
	p.resolveFreshness()
	return p, nil
}

// stagingConstrained reports whether staging models are built as relations
// that take constraints (dbt cannot apply them to views).
func (p *plan) stagingConstrained() bool { return p.stagingMat != "view" }

// hasMarts reports whether any object has a mart.
func (p *plan) hasMarts() bool {
	for _, o := range p.objects {
		if o.mart != nil {
			return true
		}
	}
	return false
}

func oneWord(s string) string {
	s = jinjaSafe(strings.Join(strings.Fields(s), "_"))
	if s == "" {
		return "-"
	}
	return s
}

func ownerOf(c *contract.Contract) string {
	if c.Team == nil {
		return ""
	}
	if c.Team.Name != "" {
		return c.Team.Name
	}
	for _, m := range c.Team.Members {
		if strings.EqualFold(m.Role, "owner") && m.DateOut == "" {
			return m.Username
		}
	}
	return c.Team.ID
}

func (p *plan) resolveSource(opts Options) error {
	cands := []struct{ what, v string }{{"--source", opts.Source}}
	cands = append(cands, struct{ what, v string }{"customProperties." + PropSource, customString(p.c.CustomProperties, PropSource)})
	cands = append(cands, struct{ what, v string }{"customProperties.source", customString(p.c.CustomProperties, "source")})
	server := firstServer(p.c)
	cands = append(cands,
		struct{ what, v string }{"servers[0].database", server["database"]},
		struct{ what, v string }{"servers[0].server", server["server"]},
		struct{ what, v string }{"domain", p.c.Domain},
		struct{ what, v string }{"dataProduct", p.c.DataProduct},
		struct{ what, v string }{"name", p.c.Name})
	var tried []string
	for i, cand := range cands {
		if strings.TrimSpace(cand.v) == "" {
			continue
		}
		if id := identFrom(cand.v); id != "" {
			p.source = id
			break
		}
		if i == 0 {
			return fmt.Errorf("--source %q gives no dbt identifier: use letters, digits and '_'", cand.v)
		}
		tried = append(tried, fmt.Sprintf("%s %q", cand.what, cand.v))
	}
	if p.source == "" {
		why := "the contract has no customProperties " + PropSource + ", server database, domain, dataProduct or name"
		if len(tried) > 0 {
			why = "no candidate gives an identifier (" + strings.Join(tried, ", ") + ")"
		}
		return fmt.Errorf("cannot name the dbt source: %s; pass --source NAME (or set customProperties %s)", why, PropSource)
	}
	p.sourceSchema = opts.SourceSchema
	if p.sourceSchema == "" {
		p.sourceSchema = server["schema"]
	}
	p.stagingDir = path.Join(ModelsDir, "staging", p.source)
	p.propsPrefix = "_" + p.source
	if key := contractKey(p.c); key != p.source {
		p.propsPrefix += "__" + key
	}
	return nil
}

// maxKeyLen caps the contract part of a property file name.
const maxKeyLen = 60

// contractKey names a contract inside property file names: its name, else
// the last segment of its id (urn:datacontract:shop:orders → orders),
// snake_cased. Many contracts may share one dbt source, so each contract
// owns its own _<source>__<contract>__{sources,models}.yml.
func contractKey(c *contract.Contract) string {
	raw := strings.TrimSpace(c.Name)
	if raw == "" {
		id := strings.TrimRight(strings.TrimSpace(c.ID), ":/")
		raw = id[strings.LastIndexAny(id, ":/")+1:]
	}
	key := snake(raw)
	if raw != "" && raw[0] >= '0' && raw[0] <= '9' {
		key = strings.TrimPrefix(key, "n_") // a file name may start with a digit
	}
	if len(key) > maxKeyLen {
		key = strings.TrimRight(key[:maxKeyLen], "_")
	}
	if key == "" {
		key = "contract"
	}
	return key
}

// sourcesPath and modelsPath are the contract's property files.
func (p *plan) sourcesPath() string {
	return path.Join(p.stagingDir, p.propsPrefix+"__sources.yml")
}

func (p *plan) modelsPath() string { return path.Join(p.stagingDir, p.propsPrefix+"__models.yml") }

// firstServer returns the string fields of servers[0].
func firstServer(c *contract.Contract) map[string]string {
	out := map[string]string{}
	list, _ := c.Extra["servers"].([]any)
	if len(list) == 0 {
		return out
	}
	m, _ := list[0].(map[string]any)
	for k, v := range m {
		if s, ok := v.(string); ok {
			out[k] = s
		}
	}
	return out
}

func customString(props []contract.CustomProperty, name string) string {
	for _, cp := range props {
		if strings.EqualFold(cp.Property, name) {
			if s, ok := cp.Value.(string); ok {
				return strings.TrimSpace(s)
			}
		}
	}
	return ""
}

func (p *plan) buildObjects() error {
	seen := map[string]string{}
	for i := range p.c.Schema {
		o, err := p.buildObject(&p.c.Schema[i])
		if err != nil {
			return fmt.Errorf("schema[%d] %q: %w", i, p.c.Schema[i].Name, err)
		}
		if prev, dup := seen[o.staging]; dup {
			return fmt.Errorf("schema objects %q and %q both give model %s; set %s on one", prev, o.obj.Name, o.staging, PropEntity)
		}
		seen[o.staging] = o.obj.Name
		p.objects = append(p.objects, o)
	}
	for _, o := range p.objects {
		p.addRelationships(o)
		if err := p.buildMart(o); err != nil {
			return fmt.Errorf("schema object %q: %w", o.obj.Name, err)
		}
	}
	return nil
}

func (p *plan) buildObject(obj *contract.SchemaObject) (*objPlan, error) {
	if err := checkName("schema object", obj.Name); err != nil {
		return nil, err
	}
	o := &objPlan{obj: obj, table: snake(obj.Name), identifier: obj.PhysicalName}
	if o.identifier == "" {
		o.identifier = obj.Name
	}
	if err := checkIdent("physicalName", o.identifier); err != nil {
		return nil, err
	}
	o.entity = entityName(obj, p.rules.Naming.Layers.Staging.PluralEntity)
	if ent := customString(obj.CustomProperties, PropEntity); ent != "" {
		if err := checkName(PropEntity, ent); err != nil {
			return nil, err
		}
	}
	o.staging = stagingName(p.rules.Naming.Layers.Staging.Pattern, p.source, o.entity)
	o.description = firstNonEmpty(obj.Description, obj.BusinessName)
	seen := map[string]bool{}
	for i := range obj.Properties {
		col, err := p.buildColumn(&obj.Properties[i])
		if err != nil {
			return nil, fmt.Errorf("property %q: %w", obj.Properties[i].Name, err)
		}
		if seen[col.name] {
			return nil, fmt.Errorf("two properties give column %s", col.name)
		}
		seen[col.name] = true
		o.columns = append(o.columns, col)
	}
	p.finishKeys(o)
	o.modelTests = append(o.modelTests, p.objectQuality(obj)...)
	p.sqlRuleTests(o)
	return o, nil
}

// checkIdent refuses physical names with characters that have no business
// in an identifier (control characters, quotes, path separators).
func checkIdent(what, s string) error {
	if strings.TrimSpace(s) == "" {
		return fmt.Errorf("%s: empty", what)
	}
	for _, r := range s {
		if r < 0x20 || r == 0x7f || strings.ContainsRune("\"`'\\/;{}", r) {
			return fmt.Errorf("%s %q: character %q is not allowed", what, s, r)
		}
	}
	return nil
}

func entityName(obj *contract.SchemaObject, pluralise bool) string {
	if ent := customString(obj.CustomProperties, PropEntity); ent != "" {
		return snake(ent)
	}
	e := snake(obj.Name)
	if pluralise {
		e = plural(e)
	}
	return e
}

func stagingName(pattern, source, entity string) string {
	if pattern == "" {
		pattern = "stg_{source}__{entity}"
	}
	r := strings.NewReplacer("{source}", source, "{entity}", entity)
	return r.Replace(pattern)
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return strings.TrimSpace(s)
		}
	}
	return ""
}
