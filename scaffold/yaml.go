package scaffold

// The structs below mirror dbt's property files (dbt >= 1.10.8): field
// order is output order, so the YAML is deterministic.

type propsFile struct {
	Version int          `yaml:"version"`
	Sources []sourceYAML `yaml:"sources,omitempty"`
	Models  []modelYAML  `yaml:"models,omitempty"`
}

type sourceYAML struct {
	Name        string      `yaml:"name"`
	Description string      `yaml:"description,omitempty"`
	Schema      string      `yaml:"schema,omitempty"`
	Config      *metaConfig `yaml:"config,omitempty"`
	Tables      []tableYAML `yaml:"tables"`
}

type tableYAML struct {
	Name        string       `yaml:"name"`
	Identifier  string       `yaml:"identifier,omitempty"`
	Description string       `yaml:"description,omitempty"`
	Config      *tableConfig `yaml:"config,omitempty"`
	Columns     []columnYAML `yaml:"columns,omitempty"`
}

type tableConfig struct {
	LoadedAtField string         `yaml:"loaded_at_field,omitempty"`
	Freshness     *freshnessYAML `yaml:"freshness,omitempty"`
	Meta          map[string]any `yaml:"meta,omitempty"`
	Tags          []string       `yaml:"tags,omitempty"`
}

type freshnessYAML struct {
	ErrorAfter freshnessRule `yaml:"error_after"`
}

type freshnessRule struct {
	Count  int    `yaml:"count"`
	Period string `yaml:"period"`
}

type metaConfig struct {
	Meta map[string]any `yaml:"meta,omitempty"`
	Tags []string       `yaml:"tags,omitempty"`
}

type modelYAML struct {
	Name        string            `yaml:"name"`
	Description string            `yaml:"description,omitempty"`
	Config      *modelConfig      `yaml:"config,omitempty"`
	Constraints []modelConstraint `yaml:"constraints,omitempty"`
	DataTests   []any             `yaml:"data_tests,omitempty"`
	Columns     []columnYAML      `yaml:"columns,omitempty"`
}

type modelConfig struct {
	Materialized   string         `yaml:"materialized,omitempty"`
	UniqueKey      any            `yaml:"unique_key,omitempty"`
	OnSchemaChange string         `yaml:"on_schema_change,omitempty"`
	Contract       *contractYAML  `yaml:"contract,omitempty"`
	Meta           map[string]any `yaml:"meta,omitempty"`
	Tags           []string       `yaml:"tags,omitempty"`
}

type contractYAML struct {
	Enforced bool `yaml:"enforced"`
}

type modelConstraint struct {
	Type           string   `yaml:"type"`
	Columns        []string `yaml:"columns,omitempty"`
	WarnUnenforced *bool    `yaml:"warn_unenforced,omitempty"`
}

type constraintYAML struct {
	Type           string `yaml:"type"`
	WarnUnenforced *bool  `yaml:"warn_unenforced,omitempty"`
}

type columnYAML struct {
	Name        string           `yaml:"name"`
	Description string           `yaml:"description,omitempty"`
	DataType    string           `yaml:"data_type,omitempty"`
	Quote       *bool            `yaml:"quote,omitempty"`
	Constraints []constraintYAML `yaml:"constraints,omitempty"`
	DataTests   []any            `yaml:"data_tests,omitempty"`
	Config      *metaConfig      `yaml:"config,omitempty"`
}

func boolPtr(b bool) *bool { return &b }
