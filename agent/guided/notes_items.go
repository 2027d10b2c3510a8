package guided

import (
	"slices"
	"strconv"
	"strings"

	"github.com/dataeng-os/dataeng-os/agent/spec"
	"github.com/dataeng-os/dataeng-os/internal/lazyre"
)

var (
	rangeRE     = lazyre.New(`^(-?\d+(?:\.\d+)?)\s*(?:a|to|-|ate|até|–)\s*(-?\d+(?:\.\d+)?)$`)
	boundRE     = lazyre.New(`^(>=|>|≥|<=|<|≤)\s*(-?\d+(?:\.\d+)?)$`)
	nullableRE  = lazyre.New(`\b(pode ser nul[ao]|nullable|optional|opcional|can be null|may be null|null until|null while|empty (until|while)|nul[ao] ate|vazi[ao] ate|vazi[ao] enquanto)\b`)
	pkWordRE    = lazyre.New(`^(pk|(the |a )?(primary )?key|(a )?chave( primaria)?|identifier|identificador)$`)
	tailRangeRE = lazyre.New(`\s+(-?\d+\s*(?:to|a|-|ate|até)\s*-?\d+)$`)
	piiMarkRE   = lazyre.New(`\b(pii|lgpd|gdpr|personal|pessoal|pessoais)\b`)
	sensMarkRE  = lazyre.New(`\b(sensitive|sensivel|sensiveis|confidential|confidencial)\b`)
	openListRE  = lazyre.New(`(…|\.\.\.|\betc\.?$)`)
	itemSplitRE = lazyre.New(`\s*[,/;|]\s*`)
)

// parseItem reads one field of a list: "order id (uuid)", "status
// (created, paid)", "score (0 a 100)", "data de conversão (pode ser nula)".
func (x *extraction) parseItem(item string) (spec.Column, bool) {
	nameText, inside, _ := strings.Cut(item, "(")
	inside, after, _ := strings.Cut(inside, ")")
	nameText = strings.Trim(strings.TrimSpace(strings.ReplaceAll(nameText, "!!", "")), "`~*")
	if m := tailRangeRE.FindStringSubmatch(nameText); m != nil && inside == "" {
		nameText, inside = strings.TrimSuffix(nameText, m[0]), m[1] // "satisfaction score 1 to 5"
	}
	name, business := spec.SnakeName(nameText)
	if name == "" {
		return spec.Column{}, false
	}
	c := spec.Column{Name: name, BusinessName: business, Description: business}
	f := FieldSpec{}
	parts := itemSplitRE.Split(strings.TrimSpace(inside), -1)
	for _, p := range parts {
		if f.setType(p) == nil {
			c.LogicalType, c.PhysicalType = f.LogicalType, f.PhysicalType
		}
	}
	typed := c.LogicalType != ""
	if !typed {
		c.LogicalType, _ = spec.InferType(name)
	}
	x.readMarks(&c, strings.TrimSpace(inside), parts)
	if !typed && len(c.AllowedValues) == 0 { // a list of words says text
		c.Infer(spec.InferredType)
	}
	if a := strings.TrimSpace(after); a != "" {
		c.Description = strings.TrimSpace(c.Description + " " + a)
	}
	if c.PII == spec.PIINone {
		if c.PII = spec.PIIKindOf(name, x.pol.NamePatterns); c.PII != spec.PIINone && c.Classification == "" {
			c.Infer(spec.InferredPII) // the name says it, the notes did not
		}
	}
	return c, true
}

// readMarks reads the options in parentheses: keys, nullability, PII
// marks, bounds and value lists; anything else describes the field.
func (x *extraction) readMarks(c *spec.Column, inside string, parts []string) {
	low := strings.ToLower(spec.FoldAccents(inside))
	if inside == "" {
		return
	}
	var values []string
	for _, p := range parts {
		pl := strings.ToLower(spec.FoldAccents(strings.TrimSpace(p)))
		switch {
		case pl == "" || logicalTypes[strings.Fields(pl + " x")[0]] != [2]string{}:
		case pkWordRE.MatchString(pl) || strings.Contains(pl, "primary key") || strings.Contains(pl, "chave primaria"):
			c.PrimaryKey, c.Required, c.Unique = true, true, true
		case pl == "required" || pl == "not null" || pl == "obrigatorio" || pl == "obrigatoria":
			c.Required = true
		case pl == "unique" || pl == "unico" || pl == "unica":
			c.Unique = true
		case nullableRE.MatchString(pl):
			c.Required, c.NullUntilEvent = false, true
		case piiMarkRE.MatchString(pl) || sensMarkRE.MatchString(pl):
			c.Classification = classificationOf(pl)
		case x.bounds(c, pl):
		case maskingOf(pl) != "":
			c.Masking = maskingOf(pl)
		default:
			values = append(values, strings.TrimSpace(p))
		}
	}
	x.valueList(c, values, inside, openListRE.MatchString(low))
}

func classificationOf(low string) string {
	if sensMarkRE.MatchString(low) {
		return "sensitive"
	}
	return "pii"
}

// scaleWords name a rating on a scale.
var scaleWords = map[string]bool{"score": true, "rating": true, "nota": true, "grade": true, "nps": true, "pontuacao": true}

// bounds reads "0 a 100", ">0", ">= 1" into min/max.
func (x *extraction) bounds(c *spec.Column, p string) bool {
	if m := rangeRE.FindStringSubmatch(p); m != nil {
		c.Min, c.Max = m[1], m[2]
		numericType(c, m[1]+m[2])
		return true
	}
	m := boundRE.FindStringSubmatch(p)
	if m == nil {
		return false
	}
	numericType(c, m[2])
	v := m[2]
	if n, err := strconv.Atoi(v); err == nil && c.LogicalType == "integer" {
		switch m[1] {
		case ">":
			v = strconv.Itoa(n + 1)
		case "<":
			v = strconv.Itoa(n - 1)
		}
	}
	if strings.HasPrefix(m[1], ">") || m[1] == "≥" {
		c.Min = v
	} else {
		c.Max = v
	}
	return true
}

// numericType makes a text column with numeric bounds a number, and a
// score the name made a number an integer when its bounds are whole
// ("score (0 a 100)", "rating 1 to 5").
func numericType(c *spec.Column, digits string) {
	if c.LogicalType == "number" && c.PhysicalType == "" && !strings.Contains(digits, ".") &&
		slices.ContainsFunc(spec.Tokens(c.Name), func(t string) bool { return scaleWords[t] }) {
		c.LogicalType = "integer"
		return
	}
	if c.LogicalType == "string" {
		c.LogicalType = "integer"
		if strings.Contains(digits, ".") {
			c.LogicalType = "number"
		}
	}
}

// valueList takes two or more short words as the accepted values; an open
// list ("correios, jadlog, …") or a single note only describes the field.
func (x *extraction) valueList(c *spec.Column, values []string, inside string, open bool) {
	short := len(values) >= 2
	for _, v := range values {
		short = short && len(strings.Fields(v)) <= 3
	}
	if short && !open && c.LogicalType == "string" {
		c.AllowedValues = values
		return
	}
	switch {
	case len(values) == 0:
	case c.Description == "":
		c.Description = strings.TrimSpace(inside)
	default:
		c.Description += " (" + strings.TrimSpace(inside) + ")"
	}
}
