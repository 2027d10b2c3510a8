package contract

// Stable rule IDs. They are documented in RULES.md; governance files refer
// to them to switch a rule off or change its severity.
const (
	// Layer 1: input, YAML syntax and shape.
	RuleInputTooLarge    = "input-too-large"
	RuleInputBinary      = "input-binary"
	RuleInputEncoding    = "input-encoding"
	RuleInputNotODCS     = "input-not-odcs"
	RuleYAMLEmpty        = "yaml-empty"
	RuleYAMLSyntax       = "yaml-syntax"
	RuleYAMLDuplicateKey = "yaml-duplicate-key"
	RuleYAMLKey          = "yaml-key"
	RuleYAMLRoot         = "yaml-root"
	RuleYAMLAliases      = "yaml-aliases"
	RuleYAMLDepth        = "yaml-depth"
	RuleYAMLType         = "yaml-type"
	RuleYAMLMultiDoc     = "yaml-multi-document"
	RuleInternal         = "internal-error"

	// Layer 2: ODCS version and the official JSON Schema.
	RuleAPIVersion = "odcs-api-version"
	RuleUpgrade    = "odcs-upgrade"
	RuleSchema     = "odcs-schema"

	// Layer 3: governance.
	RuleNamingCase       = "gov-naming-case"
	RuleNamingReserved   = "gov-naming-reserved"
	RuleNamingTimestamp  = "gov-naming-timestamp"
	RuleNamingBoolean    = "gov-naming-boolean"
	RuleOwner            = "gov-owner"
	RuleDomain           = "gov-domain"
	RulePurpose          = "gov-purpose"
	RuleStatus           = "gov-status"
	RuleVersion          = "gov-version-semver"
	RulePrimaryKey       = "gov-primary-key"
	RuleLogicalType      = "gov-logical-type"
	RuleObjectDesc       = "gov-object-description"
	RuleDuplicateObject  = "gov-duplicate-object"
	RuleDuplicateProp    = "gov-duplicate-property"
	RulePIIUnclassified  = "gov-pii-unclassified"
	RuleClassification   = "gov-pii-classification"
	RulePIIDescription   = "gov-pii-description"
	RulePIICritical      = "gov-pii-critical"
	RulePIIMasking       = "gov-pii-masking"
	RuleRelationship     = "gov-relationship-target"
	RuleQualityBetween   = "gov-quality-between"
	RuleQualityDimension = "gov-quality-dimension"
	RuleQualityNullObj   = "gov-quality-null-object"
	RuleSLAElement       = "gov-sla-element"
	RuleIDEmpty          = "gov-id-empty"
	RuleIDDuplicate      = "gov-id-duplicate"

	// Canvas checks.
	RuleCanvasEmpty    = "canvas-empty"
	RuleCanvasSection  = "canvas-missing-section"
	RuleCanvasBlank    = "canvas-empty-section"
	RuleCanvasTemplate = "canvas-template"
)
