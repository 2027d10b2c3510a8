package contract

import (
	_ "embed"
	"slices"
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
	// AllowDoubleUnderscore accepts dbt's `__` separator in snake_case
	// names (`stg_shop__orders`): each part must be snake_case. Missing
	// means true.
	AllowDoubleUnderscore *bool `json:"allowDoubleUnderscore,omitempty"`
	// AllowedPrefixes are loader-owned name prefixes (`_dlt_`, `_airbyte_`,
	// Mongo's `_id`): names that start with one skip the case, timestamp
	// and boolean rules. Missing means DefaultAllowedPrefixes; [] means none.
	AllowedPrefixes []string `json:"allowedPrefixes"`
}

// DefaultAllowedPrefixes are the loader prefixes accepted when naming.json
// does not list allowedPrefixes.
var DefaultAllowedPrefixes = []string{"_dlt_", "_airbyte_", "_fivetran_", "_sdc_", "_id"}

// DoubleUnderscore reports whether `__` is accepted in snake_case names.
func (n Naming) DoubleUnderscore() bool {
	return n.AllowDoubleUnderscore == nil || *n.AllowDoubleUnderscore
}

// Prefixes returns the loader prefixes in force.
func (n Naming) Prefixes() []string {
	if n.AllowedPrefixes == nil {
		return DefaultAllowedPrefixes
	}
	return n.AllowedPrefixes
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
	// TimestampSuffixesPt and BooleanPrefixesPt are the Portuguese forms
	// (`criado_em`, `eh_ativo`, `tem_desconto`), accepted as well; a rename
	// of a Portuguese name uses them. Missing means the defaults; [] none.
	TimestampSuffixesPt []string `json:"timestampSuffixesPt,omitempty"`
	BooleanPrefixesPt   []string `json:"booleanPrefixesPt,omitempty"`
}

// Defaults of the Portuguese naming forms an older naming.json does not name.
var (
	DefaultTimestampSuffixesPt = []string{"_em"}
	DefaultBooleanPrefixesPt   = []string{"eh_", "tem_"}
)

// TimestampSuffixes returns every accepted timestamp suffix, the main one
// first ("" main suffix: none, the rule is off).
func (np NamingProperty) TimestampSuffixes() []string {
	if np.TimestampSuffix == "" {
		return nil
	}
	return appendNew([]string{np.TimestampSuffix}, orDefault(np.TimestampSuffixesPt, DefaultTimestampSuffixesPt))
}

// AllBooleanPrefixes returns every accepted boolean prefix, the main ones
// first (no main prefixes: none, the rule is off).
func (np NamingProperty) AllBooleanPrefixes() []string {
	if len(np.BooleanPrefixes) == 0 {
		return nil
	}
	return appendNew(slices.Clone(np.BooleanPrefixes), orDefault(np.BooleanPrefixesPt, DefaultBooleanPrefixesPt))
}

func appendNew(list, more []string) []string {
	for _, m := range more {
		if m != "" && !slices.Contains(list, m) {
			list = append(list, m)
		}
	}
	return list
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
	MaskingProperty            string   `json:"maskingProperty"` // custom property naming the masking ("" = no masking check)
	MaskingValues              []string `json:"maskingValues"`
	AllowInMarts               bool     `json:"allowInMarts"`
	// MaskingProperties are further keys (custom property or property key)
	// that say how a property is masked. Missing means DefaultMaskingProperties.
	MaskingProperties []string `json:"maskingProperties"`
	// MaskingTags are tags that say a property is masked. Missing means
	// DefaultMaskingTags.
	MaskingTags []string `json:"maskingTags"`
	// PersonNameWords are name patterns (`name`, `nome`) that are PII only
	// next to a person qualifier (`customer_name`, `nome_completo`) or, as
	// the whole name, on an object or parent named after people
	// (`customers.name`). Missing means DefaultPersonNameWords.
	PersonNameWords []string `json:"personNameWords"`
	// PersonQualifiers are the words that make a person-name word PII.
	// Missing means DefaultPersonQualifiers.
	PersonQualifiers []string `json:"personQualifiers"`
}

// Defaults of the PII lists that an older policy.json does not name.
var (
	DefaultMaskingProperties = []string{"masking", "maskingStrategy", "anonymizationStrategy", "anonymisationStrategy"}
	DefaultMaskingTags       = []string{"masked", "hashed", "pseudonymized", "pseudonymised", "anonymized", "anonymised", "encrypted", "tokenized", "redacted"}
	DefaultPersonNameWords   = []string{"name", "nome", "nombre"}
	DefaultPersonQualifiers  = []string{
		"person", "people", "pessoa", "persona", "customer", "client", "cliente", "consumer", "consumidor",
		"user", "usuario", "usuário", "member", "membro", "recipient", "destinatario", "destinatário",
		"sender", "remetente", "contact", "contato", "contacto", "employee", "empregado", "funcionario",
		"funcionário", "colaborador", "staff", "patient", "paciente", "student", "aluno", "estudante",
		"driver", "motorista", "passenger", "passageiro", "guest", "hospede", "hóspede", "buyer", "comprador",
		"subscriber", "assinante", "holder", "cardholder", "titular", "beneficiary", "beneficiario",
		"beneficiário", "requester", "solicitante", "applicant", "candidate", "candidato", "author", "autor",
		"owner", "mother", "mae", "mãe", "father", "pai", "spouse", "conjuge", "cônjuge", "responsavel",
		"responsável", "first", "last", "middle", "given", "family", "full", "legal", "maiden", "nick",
		"completo", "primeiro", "ultimo", "último", "social",
	}
)

func orDefault(list, def []string) []string {
	if list == nil {
		return def
	}
	return list
}

// MaskingKeys returns maskingProperty followed by the further masking keys.
func (p PIIPolicy) MaskingKeys() []string {
	keys := []string{p.MaskingProperty}
	for _, k := range orDefault(p.MaskingProperties, DefaultMaskingProperties) {
		if !containsFold(keys, k) {
			keys = append(keys, k)
		}
	}
	return keys
}

// MaskingTagList returns the tags that mark a property as masked.
func (p PIIPolicy) MaskingTagList() []string { return orDefault(p.MaskingTags, DefaultMaskingTags) }

// PersonWords returns the person-name words in force.
func (p PIIPolicy) PersonWords() []string {
	return orDefault(p.PersonNameWords, DefaultPersonNameWords)
}

// Qualifiers returns the person qualifiers in force.
func (p PIIPolicy) Qualifiers() []string {
	return orDefault(p.PersonQualifiers, DefaultPersonQualifiers)
}
