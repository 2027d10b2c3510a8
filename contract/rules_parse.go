package contract

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// DefaultRules returns the embedded default governance.
func DefaultRules() Rules {
	n, err := ParseNaming("naming.json", DefaultNamingJSON)
	if err != nil {
		panic("embedded naming.json: " + err.Error()) // a build defect, caught by tests
	}
	p, err := ParsePolicy("policy.json", DefaultPolicyJSON)
	if err != nil {
		panic("embedded policy.json: " + err.Error())
	}
	return Rules{Naming: n, Policy: p}
}

// ParseNaming decodes a naming.json strictly: unknown keys and bad JSON are
// errors naming the file and line.
func ParseNaming(file string, data []byte) (Naming, error) {
	var n Naming
	return n, decodeStrict(file, data, &n)
}

// ParsePolicy decodes a policy.json strictly and checks rule severities.
func ParsePolicy(file string, data []byte) (Policy, error) {
	var p Policy
	if err := decodeStrict(file, data, &p); err != nil {
		return p, err
	}
	for id, sev := range p.Rules {
		switch {
		case sev == SeverityError || sev == SeverityWarning || sev == SeverityOff:
		case sev == SeverityInfo && strings.HasPrefix(id, "diff-"):
		default:
			line := lineOf(data, bytes.Index(data, []byte(`"`+id+`"`)))
			return p, fmt.Errorf("%s:%d: rule %q: severity %q is not one of off, warning, error", file, line, id, sev)
		}
	}
	return p, nil
}

// Severity returns the configured severity of rule id, or def.
func (p Policy) Severity(id string, def Severity) Severity {
	if s, ok := p.Rules[id]; ok {
		return s
	}
	return def
}

func decodeStrict(file string, data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return jsonError(file, data, dec, err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return fmt.Errorf("%s:%d: unexpected data after the JSON value", file, lineOf(data, int(dec.InputOffset())))
	}
	return nil
}

func jsonError(file string, data []byte, dec *json.Decoder, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return fmt.Errorf("%s:%d: invalid JSON: %v", file, lineOf(data, int(syn.Offset)), err)
	case errors.As(err, &typ):
		return fmt.Errorf("%s:%d: %s must be %s, not JSON %s", file, lineOf(data, int(typ.Offset)), typ.Field, typ.Type, typ.Value)
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return fmt.Errorf("%s:%d: unexpected end of JSON", file, lineOf(data, len(data)))
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		key := strings.TrimPrefix(err.Error(), "json: unknown field ")
		off := bytes.LastIndex(data[:min(int(dec.InputOffset()), len(data))], []byte(key))
		return fmt.Errorf("%s:%d: unknown key %s", file, lineOf(data, off), key)
	default:
		return fmt.Errorf("%s:%d: %v", file, lineOf(data, int(dec.InputOffset())), err)
	}
}

// lineOf returns the 1-based line of byte offset off in data.
func lineOf(data []byte, off int) int {
	if off < 0 {
		return 1
	}
	if off > len(data) {
		off = len(data)
	}
	return bytes.Count(data[:off], []byte("\n")) + 1
}
