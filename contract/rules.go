package contract

import (
	_ "embed"
)

// Embedded default governance files. kernel writes them on `init` and layers
// user and project copies over them.
var (
	//go:embed defaults/naming.json
	DefaultNamingJSON []byte
	//go:embed defaults/policy.json
	DefaultPolicyJSON []byte
)

// Rules is the governance a contract is validated against: the project's
// naming conventions and policy, plus per-rule severity overrides.
type Rules struct {
	Naming Naming
	Policy Policy
	// SchemaOnly limits validation to YAML shape and the JSON Schema
	// (`validate --rules schema`).
	SchemaOnly bool
	// MaxBytes refuses larger inputs (0 = default of 10 MiB).
	MaxBytes int64
}

// Naming is specs/governance/naming.json.
type Naming struct {
	Version       int            `json:"version"`
	Case          string         `json:"case"` // snake_case
	Layers        NamingLayers   `json:"layers"`
	Properties    NamingProperty `json:"properties"`
	ReservedWords []string       `json:"reservedWords"`
}

// NamingLayers holds the dbt layer conventions.
type NamingLayers struct {
	Staging      StagingNaming      `json:"staging"`
	Intermediate IntermediateNaming `json:"intermediate"`
	Marts        MartsNaming        `json:"marts"`
}

// StagingNaming: stg_<source>__<entity>, entity plural by default.
type StagingNaming struct {
	Pattern      string `json:"pattern"`
	PluralEntity bool   `json:"pluralEntity"`
}

// IntermediateNaming: int_<entity>_<verb>.
type IntermediateNaming struct {
	Pattern string `json:"pattern"`
}

// MartsNaming holds the configurable mart prefixes (fct_/dim_ by default;
// empty strings give dbt's bare entity names).
type MartsNaming struct {
	FactPrefix      string `json:"factPrefix"`
	DimensionPrefix string `json:"dimensionPrefix"`
}

// NamingProperty holds property-level conventions.
type NamingProperty struct {
	TimestampSuffix string   `json:"timestampSuffix"`
	BooleanPrefixes []string `json:"booleanPrefixes"`
}

// Policy is specs/governance/policy.json.
type Policy struct {
	Version  int                 `json:"version"`
	Contract ContractPolicy      `json:"contract"`
	Schema   SchemaPolicy        `json:"schema"`
	PII      PIIPolicy           `json:"pii"`
	Rules    map[string]Severity `json:"rules"` // rule ID → off|warning|error
}

// ContractPolicy lists the contract-level mandatory fields.
type ContractPolicy struct {
	RequireOwner   bool     `json:"requireOwner"`
	RequireDomain  bool     `json:"requireDomain"`
	RequirePurpose bool     `json:"requirePurpose"`
	Statuses       []string `json:"statuses"`
	SemverVersion  bool     `json:"semverVersion"`
}

// SchemaPolicy lists the per-object requirements.
type SchemaPolicy struct {
	RequirePrimaryKey        bool `json:"requirePrimaryKey"`
	RequireLogicalType       bool `json:"requireLogicalType"`
	RequireObjectDescription bool `json:"requireObjectDescription"`
}

// PIIPolicy says what counts as PII and what a PII property must carry.
type PIIPolicy struct {
	Classifications            []string `json:"classifications"`        // classifications that mean PII/sensitive
	AllowedClassifications     []string `json:"allowedClassifications"` // the allowed set
	Tag                        string   `json:"tag"`                    // a tag that marks PII
	NamePatterns               []string `json:"namePatterns"`           // substrings of names that look like PII
	RequireDescription         bool     `json:"requireDescription"`
	RequireCriticalDataElement bool     `json:"requireCriticalDataElement"`
	MaskingProperty            string   `json:"maskingProperty"` // custom property naming the masking
	MaskingValues              []string `json:"maskingValues"`
	AllowInMarts               bool     `json:"allowInMarts"`
}
