package contract

// APIVersion is the ODCS version DataEngOS writes.
const APIVersion = "v3.1.0"

// Contract is the typed view of an ODCS v3.1.0 data contract. Fields the
// model does not name are kept in Extra so that load → save keeps them.
type Contract struct {
	APIVersion               string           `yaml:"apiVersion" json:"apiVersion"`
	Kind                     string           `yaml:"kind" json:"kind"`
	ID                       string           `yaml:"id" json:"id"`
	Name                     string           `yaml:"name,omitempty" json:"name,omitempty"`
	Version                  string           `yaml:"version" json:"version"`
	Status                   string           `yaml:"status" json:"status"`
	Tenant                   string           `yaml:"tenant,omitempty" json:"tenant,omitempty"`
	Domain                   string           `yaml:"domain,omitempty" json:"domain,omitempty"`
	DataProduct              string           `yaml:"dataProduct,omitempty" json:"dataProduct,omitempty"`
	Tags                     []string         `yaml:"tags,omitempty" json:"tags,omitempty"`
	Description              *Description     `yaml:"description,omitempty" json:"description,omitempty"`
	Schema                   []SchemaObject   `yaml:"schema,omitempty" json:"schema,omitempty"`
	Team                     *Team            `yaml:"team,omitempty" json:"team,omitempty"`
	SLAProperties            []SLAProperty    `yaml:"slaProperties,omitempty" json:"slaProperties,omitempty"`
	AuthoritativeDefinitions []AuthDefinition `yaml:"authoritativeDefinitions,omitempty" json:"authoritativeDefinitions,omitempty"`
	CustomProperties         []CustomProperty `yaml:"customProperties,omitempty" json:"customProperties,omitempty"`
	ContractCreatedTs        string           `yaml:"contractCreatedTs,omitempty" json:"contractCreatedTs,omitempty"`
	// Extra holds every other top-level key (servers, roles, support, price,
	// slaDefaultElement, vendor keys) unchanged.
	Extra map[string]any `yaml:",inline" json:"-"`
}

// Description is the contract's description block.
type Description struct {
	Purpose                  string           `yaml:"purpose,omitempty" json:"purpose,omitempty"`
	Limitations              string           `yaml:"limitations,omitempty" json:"limitations,omitempty"`
	Usage                    string           `yaml:"usage,omitempty" json:"usage,omitempty"`
	AuthoritativeDefinitions []AuthDefinition `yaml:"authoritativeDefinitions,omitempty" json:"authoritativeDefinitions,omitempty"`
	CustomProperties         []CustomProperty `yaml:"customProperties,omitempty" json:"customProperties,omitempty"`
	Extra                    map[string]any   `yaml:",inline" json:"-"`
}

// Team is the v3.1.0 team object. The deprecated v3.0 array form is read
// into Members (see UnmarshalYAML in team.go).
type Team struct {
	ID          string           `yaml:"id,omitempty" json:"id,omitempty"`
	Name        string           `yaml:"name,omitempty" json:"name,omitempty"`
	Description string           `yaml:"description,omitempty" json:"description,omitempty"`
	Members     []TeamMember     `yaml:"members,omitempty" json:"members,omitempty"`
	Tags        []string         `yaml:"tags,omitempty" json:"tags,omitempty"`
	Custom      []CustomProperty `yaml:"customProperties,omitempty" json:"customProperties,omitempty"`
	// LegacyArray is true when the team was written as the deprecated array.
	LegacyArray bool           `yaml:"-" json:"-"`
	Extra       map[string]any `yaml:",inline" json:"-"`
}

// TeamMember is one member of a team.
type TeamMember struct {
	Username           string         `yaml:"username" json:"username"`
	Name               string         `yaml:"name,omitempty" json:"name,omitempty"`
	Role               string         `yaml:"role,omitempty" json:"role,omitempty"`
	Description        string         `yaml:"description,omitempty" json:"description,omitempty"`
	DateIn             string         `yaml:"dateIn,omitempty" json:"dateIn,omitempty"`
	DateOut            string         `yaml:"dateOut,omitempty" json:"dateOut,omitempty"`
	ReplacedByUsername string         `yaml:"replacedByUsername,omitempty" json:"replacedByUsername,omitempty"`
	Extra              map[string]any `yaml:",inline" json:"-"`
}

// SchemaObject is one table, view, topic or file of the contract.
type SchemaObject struct {
	ID                         string           `yaml:"id,omitempty" json:"id,omitempty"`
	Name                       string           `yaml:"name" json:"name"`
	PhysicalName               string           `yaml:"physicalName,omitempty" json:"physicalName,omitempty"`
	PhysicalType               string           `yaml:"physicalType,omitempty" json:"physicalType,omitempty"`
	LogicalType                string           `yaml:"logicalType,omitempty" json:"logicalType,omitempty"`
	BusinessName               string           `yaml:"businessName,omitempty" json:"businessName,omitempty"`
	Description                string           `yaml:"description,omitempty" json:"description,omitempty"`
	DataGranularityDescription string           `yaml:"dataGranularityDescription,omitempty" json:"dataGranularityDescription,omitempty"`
	Tags                       []string         `yaml:"tags,omitempty" json:"tags,omitempty"`
	Properties                 []Property       `yaml:"properties,omitempty" json:"properties,omitempty"`
	Relationships              []Relationship   `yaml:"relationships,omitempty" json:"relationships,omitempty"`
	Quality                    []Quality        `yaml:"quality,omitempty" json:"quality,omitempty"`
	AuthoritativeDefinitions   []AuthDefinition `yaml:"authoritativeDefinitions,omitempty" json:"authoritativeDefinitions,omitempty"`
	CustomProperties           []CustomProperty `yaml:"customProperties,omitempty" json:"customProperties,omitempty"`
	Extra                      map[string]any   `yaml:",inline" json:"-"`
}

// Property is one column or field of a schema object. Nested objects use
// Properties, arrays use Items.
type Property struct {
	ID                       string           `yaml:"id,omitempty" json:"id,omitempty"`
	Name                     string           `yaml:"name" json:"name"`
	PhysicalName             string           `yaml:"physicalName,omitempty" json:"physicalName,omitempty"`
	PhysicalType             string           `yaml:"physicalType,omitempty" json:"physicalType,omitempty"`
	LogicalType              string           `yaml:"logicalType,omitempty" json:"logicalType,omitempty"`
	LogicalTypeOptions       map[string]any   `yaml:"logicalTypeOptions,omitempty" json:"logicalTypeOptions,omitempty"`
	BusinessName             string           `yaml:"businessName,omitempty" json:"businessName,omitempty"`
	Description              string           `yaml:"description,omitempty" json:"description,omitempty"`
	Required                 bool             `yaml:"required,omitempty" json:"required,omitempty"`
	Unique                   bool             `yaml:"unique,omitempty" json:"unique,omitempty"`
	PrimaryKey               bool             `yaml:"primaryKey,omitempty" json:"primaryKey,omitempty"`
	PrimaryKeyPosition       int              `yaml:"primaryKeyPosition,omitempty" json:"primaryKeyPosition,omitempty"`
	Partitioned              bool             `yaml:"partitioned,omitempty" json:"partitioned,omitempty"`
	PartitionKeyPosition     int              `yaml:"partitionKeyPosition,omitempty" json:"partitionKeyPosition,omitempty"`
	Classification           string           `yaml:"classification,omitempty" json:"classification,omitempty"`
	CriticalDataElement      bool             `yaml:"criticalDataElement,omitempty" json:"criticalDataElement,omitempty"`
	Tags                     []string         `yaml:"tags,omitempty" json:"tags,omitempty"`
	Examples                 []any            `yaml:"examples,omitempty" json:"examples,omitempty"`
	TransformLogic           string           `yaml:"transformLogic,omitempty" json:"transformLogic,omitempty"`
	TransformDescription     string           `yaml:"transformDescription,omitempty" json:"transformDescription,omitempty"`
	TransformSourceObjects   []string         `yaml:"transformSourceObjects,omitempty" json:"transformSourceObjects,omitempty"`
	Quality                  []Quality        `yaml:"quality,omitempty" json:"quality,omitempty"`
	Relationships            []Relationship   `yaml:"relationships,omitempty" json:"relationships,omitempty"`
	AuthoritativeDefinitions []AuthDefinition `yaml:"authoritativeDefinitions,omitempty" json:"authoritativeDefinitions,omitempty"`
	CustomProperties         []CustomProperty `yaml:"customProperties,omitempty" json:"customProperties,omitempty"`
	Items                    *Property        `yaml:"items,omitempty" json:"items,omitempty"`
	Properties               []Property       `yaml:"properties,omitempty" json:"properties,omitempty"`
	Extra                    map[string]any   `yaml:",inline" json:"-"`
}

// Relationship is a foreign-key link. At property level From is empty.
// From and To are a single reference or a list (composite keys); both are
// normalised to lists by the parser.
type Relationship struct {
	Type             string           `yaml:"type,omitempty" json:"type,omitempty"`
	From             RefList          `yaml:"from,omitempty" json:"from,omitempty"`
	To               RefList          `yaml:"to,omitempty" json:"to,omitempty"`
	CustomProperties []CustomProperty `yaml:"customProperties,omitempty" json:"customProperties,omitempty"`
	Extra            map[string]any   `yaml:",inline" json:"-"`
}

// RefList is one or more `object.property` references.
type RefList []string

// Quality is one ODCS data-quality rule (text, library, sql or custom).
type Quality struct {
	ID                     string           `yaml:"id,omitempty" json:"id,omitempty"`
	Name                   string           `yaml:"name,omitempty" json:"name,omitempty"`
	Description            string           `yaml:"description,omitempty" json:"description,omitempty"`
	Type                   string           `yaml:"type,omitempty" json:"type,omitempty"`
	Dimension              string           `yaml:"dimension,omitempty" json:"dimension,omitempty"`
	Metric                 string           `yaml:"metric,omitempty" json:"metric,omitempty"`
	Rule                   string           `yaml:"rule,omitempty" json:"rule,omitempty"`
	Arguments              map[string]any   `yaml:"arguments,omitempty" json:"arguments,omitempty"`
	MustBe                 any              `yaml:"mustBe,omitempty" json:"mustBe,omitempty"`
	MustNotBe              any              `yaml:"mustNotBe,omitempty" json:"mustNotBe,omitempty"`
	MustBeGreaterThan      *float64         `yaml:"mustBeGreaterThan,omitempty" json:"mustBeGreaterThan,omitempty"`
	MustBeGreaterOrEqualTo *float64         `yaml:"mustBeGreaterOrEqualTo,omitempty" json:"mustBeGreaterOrEqualTo,omitempty"`
	MustBeLessThan         *float64         `yaml:"mustBeLessThan,omitempty" json:"mustBeLessThan,omitempty"`
	MustBeLessOrEqualTo    *float64         `yaml:"mustBeLessOrEqualTo,omitempty" json:"mustBeLessOrEqualTo,omitempty"`
	MustBeBetween          []float64        `yaml:"mustBeBetween,omitempty" json:"mustBeBetween,omitempty"`
	MustNotBeBetween       []float64        `yaml:"mustNotBeBetween,omitempty" json:"mustNotBeBetween,omitempty"`
	Unit                   string           `yaml:"unit,omitempty" json:"unit,omitempty"`
	Query                  string           `yaml:"query,omitempty" json:"query,omitempty"`
	Engine                 string           `yaml:"engine,omitempty" json:"engine,omitempty"`
	Severity               string           `yaml:"severity,omitempty" json:"severity,omitempty"`
	BusinessImpact         string           `yaml:"businessImpact,omitempty" json:"businessImpact,omitempty"`
	CustomProperties       []CustomProperty `yaml:"customProperties,omitempty" json:"customProperties,omitempty"`
	Extra                  map[string]any   `yaml:",inline" json:"-"`
}

// SLAProperty is one service-level agreement entry (e.g. freshness).
type SLAProperty struct {
	ID          string         `yaml:"id,omitempty" json:"id,omitempty"`
	Property    string         `yaml:"property" json:"property"`
	Value       any            `yaml:"value" json:"value"`
	ValueExt    any            `yaml:"valueExt,omitempty" json:"valueExt,omitempty"`
	Unit        string         `yaml:"unit,omitempty" json:"unit,omitempty"`
	Element     string         `yaml:"element,omitempty" json:"element,omitempty"`
	Driver      string         `yaml:"driver,omitempty" json:"driver,omitempty"`
	Description string         `yaml:"description,omitempty" json:"description,omitempty"`
	Extra       map[string]any `yaml:",inline" json:"-"`
}

// CustomProperty is an ODCS key/value extension.
type CustomProperty struct {
	ID          string `yaml:"id,omitempty" json:"id,omitempty"`
	Property    string `yaml:"property" json:"property"`
	Value       any    `yaml:"value" json:"value"`
	Description string `yaml:"description,omitempty" json:"description,omitempty"`
}

// AuthDefinition links to an authoritative source.
type AuthDefinition struct {
	ID          string `yaml:"id,omitempty" json:"id,omitempty"`
	URL         string `yaml:"url" json:"url"`
	Type        string `yaml:"type" json:"type"`
	Description string `yaml:"description,omitempty" json:"description,omitempty"`
}
