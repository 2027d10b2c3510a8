package contract

import (
	"slices"
	"strconv"
)

// v2 → v3 key renames, per level of a contract, as Upgrade applies them.
// V2Path reads them so that `upgrade` can carry each comment and the key
// order of a v2.2.x file to the key that holds the same fact in v3.1.0.
var (
	v2TopKeys = map[string][]string{
		"uuid": {"id"}, "datasetName": {"name"}, "datasetDomain": {"domain"}, "quantumName": {"dataProduct"},
		"dataset": {"schema"}, "stakeholders": {"team", "members"}, "slaDefaultColumn": {"slaDefaultElement"},
		"productDl": {"support"}, "productSlackChannel": {"support"}, "productFeedbackUrl": {"support"},
	}
	v2DatasetKeys = map[string]string{"table": "name", "columns": "properties", "dataGranularity": "dataGranularityDescription"}
	v2ColumnKeys  = map[string]string{
		"column": "name", "isPrimaryKey": "primaryKey", "isPrimary": "primaryKey", "isNullable": "required",
		"isUnique": "unique", "partitionStatus": "partitioned", "criticalDataElementStatus": "criticalDataElement",
		"transformSourceTables": "transformSourceObjects", "sampleValues": "examples",
	}
	v2QualityKeys = map[string]string{
		"code": "name", "toolName": "engine", "toolRuleName": "implementation", "templateName": "customProperties",
		"type": "customProperties", "scheduleCronExpression": "schedule",
	}
	v2MemberKeys = map[string]string{"comment": "description"}
	v2SLAKeys    = map[string]string{"column": "element"}
)

// v2Kept lists, per level, the keys Upgrade carries under their own name;
// any other key of that level lands in the level's customProperties.
var (
	v2TopKept = []string{"apiVersion", "kind", "version", "status", "tenant", "tags", "contractCreatedTs",
		"description", "slaProperties", "price", "roles", "customProperties"}
	v2DatasetKept = []string{"physicalName", "description", "authoritativeDefinitions", "tags", "quality", "customProperties"}
	v2ColumnKept  = []string{"businessName", "logicalType", "physicalType", "description", "primaryKeyPosition",
		"partitionKeyPosition", "tags", "classification", "transformLogic", "transformDescription",
		"authoritativeDefinitions", "quality", "customProperties"}
	v2QualityKept = []string{"description", "dimension", "severity", "businessImpact", "customProperties"}
)

// V2Path maps the path of a key in an ODCS v2.2.x document (keys and
// sequence indexes, e.g. dataset 0 columns 2 isNullable) to the path of the
// key that holds the same fact after Upgrade (schema 0 properties 2
// required). ok is false for what Upgrade drops (credentials). Below the
// levels Upgrade rewrites, paths keep their keys. A field Upgrade keeps as
// a custom property maps to the customProperties item of that name,
// written as the segment "property=NAME".
func V2Path(p []string) (out []string, ok bool) {
	if len(p) == 0 {
		return nil, true
	}
	switch k := p[0]; {
	case k == "username" || k == "password":
		return nil, false
	case k == "dataset":
		return v2Sub([]string{"schema"}, p[1:], v2Dataset), true
	case k == "stakeholders":
		return v2Sub([]string{"team", "members"}, p[1:], v2Level(v2MemberKeys, nil)), true
	case k == "slaProperties":
		return v2Sub([]string{"slaProperties"}, p[1:], v2Level(v2SLAKeys, nil)), true
	case v2TopKeys[k] != nil:
		return append(append([]string(nil), v2TopKeys[k]...), p[1:]...), true
	case !slices.Contains(v2TopKept, k):
		return []string{"customProperties", "property=" + k}, true
	}
	return append([]string(nil), p...), true
}

// v2Sub maps "INDEX rest..." of a v2 list under prefix with level.
func v2Sub(prefix, p []string, level func([]string) []string) []string {
	if len(p) == 0 {
		return prefix
	}
	if _, err := strconv.Atoi(p[0]); err != nil {
		return append(prefix, p...)
	}
	return append(append(prefix, p[0]), level(p[1:])...)
}

// v2Level maps one key of a list item, keeping keys listed in kept (all
// keys when kept is nil) and sending the others to customProperties.
func v2Level(renames map[string]string, kept []string) func([]string) []string {
	return func(p []string) []string {
		if len(p) == 0 {
			return nil
		}
		if to, ok := renames[p[0]]; ok {
			if to == "customProperties" {
				return []string{to, "property=v2" + p[0]}
			}
			return append([]string{to}, p[1:]...)
		}
		if kept != nil && !slices.Contains(kept, p[0]) {
			return []string{"customProperties", "property=" + p[0]}
		}
		return p
	}
}

func v2Dataset(p []string) []string {
	if len(p) > 0 && p[0] == "columns" {
		return v2Sub([]string{"properties"}, p[1:], v2Column)
	}
	if len(p) > 0 && p[0] == "quality" {
		return v2Sub([]string{"quality"}, p[1:], v2Level(v2QualityKeys, v2QualityKept))
	}
	return v2Level(v2DatasetKeys, v2DatasetKept)(p)
}

func v2Column(p []string) []string {
	if len(p) > 0 && p[0] == "quality" {
		return v2Sub([]string{"quality"}, p[1:], v2Level(v2QualityKeys, v2QualityKept))
	}
	return v2Level(v2ColumnKeys, v2ColumnKept)(p)
}
