package contract

import (
	"bytes"
	"encoding/json"
	"strings"

	"github.com/dataeng-os/dataeng-os/internal/lazyre"
)

// FileKind is what a YAML or JSON file holds, judged by its root keys.
type FileKind int

// File kinds.
const (
	KindOther FileKind = iota // not a contract (a dbt file, a CI file...)
	KindODCS                  // an ODCS contract (kind: DataContract, or an ODCS apiVersion)
	KindDCS                   // a Data Contract Specification file (dataContractSpecification:)
)

var odcsVersionRE = lazyre.New(`^v?[23]\.\d+(\.\d+)?$`)

// Sniff tells whether data is an ODCS contract, a Data Contract
// Specification file, or something else, from its root keys alone, so that
// a folder walk finds contracts whatever their file names. It never fails:
// what it cannot read is KindOther.
func Sniff(data []byte) FileKind {
	keys := rootKeys(data)
	switch {
	case keys["kind"] == "DataContract" || odcsVersionRE.MatchString(keys["apiVersion"]) && keys["kind"] == "":
		return KindODCS
	case hasKey(keys, "dataContractSpecification"):
		return KindDCS
	}
	return KindOther
}

func hasKey(keys map[string]string, k string) bool { _, ok := keys[k]; return ok }

// rootKeys reads the root mapping's scalar values (a JSON object, or the
// unindented `key: value` lines of block YAML).
func rootKeys(data []byte) map[string]string {
	keys := map[string]string{}
	if t := bytes.TrimSpace(data); len(t) > 0 && t[0] == '{' {
		var m map[string]json.RawMessage
		if json.Unmarshal(t, &m) == nil {
			for k, v := range m {
				var s string
				_ = json.Unmarshal(v, &s)
				keys[k] = s
			}
		}
		return keys
	}
	for rest := data; len(rest) > 0; {
		var line []byte
		line, rest, _ = bytes.Cut(rest, []byte{'\n'})
		if len(line) == 0 || line[0] == ' ' || line[0] == '\t' || line[0] == '#' || line[0] == '-' {
			continue // only the root's own lines, each read once: no copy of the file
		}
		k, v, ok := bytes.Cut(line, []byte{':'})
		if !ok {
			continue
		}
		if i := bytes.Index(v, []byte(" #")); i >= 0 {
			v = v[:i]
		}
		keys[strings.Trim(strings.TrimSpace(string(k)), `"'`)] = strings.Trim(strings.TrimSpace(string(v)), `"'`)
	}
	return keys
}

// NotODCS is the finding for a Data Contract Specification file given to
// the ODCS validator.
func NotODCS(file string, data []byte) Finding {
	line := 1
	for i, l := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(l, "dataContractSpecification") || strings.Contains(l, `"dataContractSpecification"`) {
			line = i + 1
			break
		}
	}
	return Finding{File: file, Line: line, Column: 1, Rule: RuleInputNotODCS, Severity: SeverityError,
		Message: "this is a Data Contract Specification file, not an ODCS contract",
		Hint:    "convert it to ODCS v3 (e.g. `datacontract export --format odcs`), then validate the result"}
}
