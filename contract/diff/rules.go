package diff

import (
	"sort"
	"strconv"
)

// Stable rule ids, documented in contract/BREAKING.md. policy.json's `rules`
// map refers to them to change a level.
const (
	// Breaking: a promise consumers rely on is gone or narrower.
	RuleContractRemoved     = "diff-contract-removed"
	RuleContractIDChanged   = "diff-contract-id-changed"
	RuleObjectRemoved       = "diff-object-removed"
	RuleObjectRenamed       = "diff-object-renamed"
	RulePropertyRemoved     = "diff-property-removed"
	RulePropertyRenamed     = "diff-property-renamed"
	RulePhysicalNameChanged = "diff-physical-name-changed"
	RuleLogicalTypeChanged  = "diff-logical-type-changed"
	RulePhysicalTypeChanged = "diff-physical-type-changed"
	RulePhysicalTypeNarrow  = "diff-physical-type-narrowed"
	RuleRequiredAdded       = "diff-required-added"
	RuleUniqueAdded         = "diff-unique-added"
	RulePrimaryKeyChanged   = "diff-primary-key-changed"
	RuleValidValuesNarrowed = "diff-valid-values-narrowed"
	RuleRangeTightened      = "diff-range-tightened"
	RuleMaxLengthReduced    = "diff-max-length-reduced"
	RuleClassification      = "diff-classification-stricter"
	RuleMaskingAdded        = "diff-masking-added"
	RuleRelationshipChanged = "diff-relationship-changed"
	RuleSLATightened        = "diff-sla-tightened"
	RuleServerRemoved       = "diff-server-removed"
	RuleServerChanged       = "diff-server-changed"

	// Warning: worth a look in review.
	RuleQualityAdded       = "diff-quality-added"
	RuleQualityTightened   = "diff-quality-tightened"
	RuleDescriptionRemoved = "diff-description-removed"
	RuleDeprecated         = "diff-deprecated"

	// Info: additive or relaxing changes.
	RuleContractAdded     = "diff-contract-added"
	RuleObjectAdded       = "diff-object-added"
	RulePropertyAdded     = "diff-property-added"
	RuleServerAdded       = "diff-server-added"
	RuleRelationshipAdded = "diff-relationship-added"
	RuleConstraintRelaxed = "diff-constraint-relaxed"

	// Semver gate.
	RuleSemverMajor     = "diff-semver-major-required"
	RuleSemverMinor     = "diff-semver-minor-required"
	RuleVersionInvalid  = "diff-version-invalid"
	RuleVersionBackward = "diff-version-decreased"
	RuleStatusBackward  = "diff-status-regressed"
)

var defaultLevels = map[string]Level{
	RuleContractRemoved:     LevelBreaking,
	RuleContractIDChanged:   LevelBreaking,
	RuleObjectRemoved:       LevelBreaking,
	RuleObjectRenamed:       LevelBreaking,
	RulePropertyRemoved:     LevelBreaking,
	RulePropertyRenamed:     LevelBreaking,
	RulePhysicalNameChanged: LevelBreaking,
	RuleLogicalTypeChanged:  LevelBreaking,
	RulePhysicalTypeChanged: LevelBreaking,
	RulePhysicalTypeNarrow:  LevelBreaking,
	RuleRequiredAdded:       LevelBreaking,
	RuleUniqueAdded:         LevelBreaking,
	RulePrimaryKeyChanged:   LevelBreaking,
	RuleValidValuesNarrowed: LevelBreaking,
	RuleRangeTightened:      LevelBreaking,
	RuleMaxLengthReduced:    LevelBreaking,
	RuleClassification:      LevelBreaking,
	RuleMaskingAdded:        LevelBreaking,
	RuleRelationshipChanged: LevelBreaking,
	RuleSLATightened:        LevelBreaking,
	RuleServerRemoved:       LevelBreaking,
	RuleServerChanged:       LevelBreaking,

	RuleQualityAdded:       LevelWarning,
	RuleQualityTightened:   LevelWarning,
	RuleDescriptionRemoved: LevelWarning,
	RuleDeprecated:         LevelWarning,

	RuleContractAdded:     LevelInfo,
	RuleObjectAdded:       LevelInfo,
	RulePropertyAdded:     LevelInfo,
	RuleServerAdded:       LevelInfo,
	RuleRelationshipAdded: LevelInfo,
	RuleConstraintRelaxed: LevelInfo,

	RuleSemverMajor:     LevelError,
	RuleSemverMinor:     LevelWarning,
	RuleVersionInvalid:  LevelWarning,
	RuleVersionBackward: LevelError,
	RuleStatusBackward:  LevelError,
}

// gateRules are computed from the other changes, not from the contracts'
// fields, and never count as changes themselves.
var gateRules = map[string]bool{RuleSemverMajor: true, RuleSemverMinor: true, RuleVersionInvalid: true}

// RuleIDs lists every rule id, sorted.
func RuleIDs() []string {
	ids := make([]string, 0, len(defaultLevels))
	for id := range defaultLevels {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// DefaultLevel is the level of rule id without overrides ("" if unknown).
func DefaultLevel(id string) Level { return defaultLevels[id] }

func itoa(n int) string { return strconv.Itoa(n) }

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return itoa(n) + " " + word + "s"
}
