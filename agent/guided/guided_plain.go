package guided

import (
	"strings"

	"github.com/dataeng-os/dataeng-os/agent/spec"
	"github.com/dataeng-os/dataeng-os/contract"
	"github.com/dataeng-os/dataeng-os/internal/lazyre"
	"github.com/dataeng-os/dataeng-os/internal/msg"
)

// How a plain-language field got its type.
const (
	typeGiven   = iota // the person wrote it
	typeGuessed        // from the words of the name (date, _at, cents, valor, is_…)
	typeDefault        // nothing said: text
)

// plainField is one field read from the fields step, and how its type was
// found (the echo tells the person when it was guessed).
type plainField struct {
	f     FieldSpec
	typed int
}

// plainFields is what one answer of the fields step says: the fields read,
// and the items that could not be read, each with why (in the session's
// language).
type plainFields struct {
	fields []plainField
	bad    []string
}

var (
	plainBulletRE = lazyre.New(`^(?:[-*•+]|\d+[.)])\s+`)
	// leadInRE is the opening of a field list said as a sentence: "we need",
	// "the fields are", "precisamos de", "os campos são", "campos:".
	leadInRE = lazyre.New(`(?i)^(?:(?:and|also|e|tamb[eé]m)\s+)?(?:` +
		`(?:we|i)(?:'ll| will)?\s+(?:also\s+)?(?:need|want|have|track|keep)(?:\s+(?:the|these|to have))?(?:\s+(?:fields|columns))?|` +
		`(?:the\s+)?(?:fields|columns)(?:\s+(?:are|will be|include))?|(?:the\s+|this\s+)?table\s+has|it\s+has|` +
		`(?:n[oó]s\s+)?precisamos(?:\s+d[eoa]s?)?|preciso(?:\s+d[eoa]s?)?|queremos|quero|` +
		`(?:os\s+)?campos(?:\s+(?:s[aã]o|ser[aã]o|incluem))?|(?:as\s+)?colunas(?:\s+(?:s[aã]o|ser[aã]o))?|a\s+tabela\s+tem` +
		`)(?:\s*:\s*|\s+)`)
	identLikeRE = lazyre.New(`^[A-Za-z_][A-Za-z0-9_]*$`)
	fillerRE    = lazyre.New(`(?i)^(?:etc\.?|…|\.\.\.|and so on|e assim por diante)$`)
)

// parsePlainFields reads an answer of the fields step the way people write
// it: the strict line format (`order_id: string, required`), `name: type,
// options` with a name in words (`churn date: date`), sentences (`we need
// subscription id, customer email and churn date`, `precisamos de id do
// pedido e valor total`) and bullet lists (`- order id (pk)`). A
// multi-line answer is one list. Items are read by the notes extractor's
// parseItem, so both understand the same phrases.
func parsePlainFields(text, lang string, pol contract.PIIPolicy) plainFields {
	p := &plainParser{x: &extraction{lang: lang, pol: pol}, lang: lang}
	for _, l := range strings.FieldsFunc(strings.ReplaceAll(text, "\r", ""), func(r rune) bool { return r == '\n' || r == ';' }) {
		p.line(l)
	}
	return p.out
}

type plainParser struct {
	x    *extraction
	lang string
	out  plainFields
}

func (p *plainParser) line(l string) {
	l = strings.Trim(strings.TrimSpace(plainBulletRE.ReplaceAllString(strings.TrimSpace(l), "")), "`")
	if l == "" || isDone(l) {
		return
	}
	if i := strings.Index(l, ":"); i > 0 && !strings.ContainsAny(l[:i], "(,") {
		// the strict format, as it always was (not "x: timestamp required")
		if f, err := ParseField(l); err == nil && !strings.Contains(f.PhysicalType, " ") {
			p.add(plainField{f: f, typed: typeGiven})
			return
		}
	}
	l = strings.TrimRight(leadInRE.ReplaceAllString(l, ""), ". ")
	if head, rest, ok := headOptions(l); ok {
		p.strict(head, rest)
		return
	}
	items := attachOptions(plainItems(l))
	if prose(items) { // a sentence, not a list: one message for it
		p.fail(l, msg.Get(p.lang, "plain.prose"))
		return
	}
	named := false
	for _, it := range items {
		switch {
		case !optionOnly(it):
			p.item(it)
			named = true
		case !named: // options with no field before them
			p.fail(it, msg.Get(p.lang, "plain.noName"))
		}
	}
}

// headOptions splits `churn date: date, required` into the name and its
// options; a head of more than five words is a sentence, not a name.
func headOptions(l string) (head, rest string, ok bool) {
	i := strings.Index(l, ":")
	if i <= 0 || strings.ContainsAny(l[:i], "(,") || len(strings.Fields(l[:i])) > 5 {
		return "", "", false
	}
	return strings.TrimSpace(l[:i]), strings.TrimSpace(l[i+1:]), true
}

// strict reads `name: options` where the name may be words and the options
// may be Portuguese or leave the type out (it is guessed then).
func (p *plainParser) strict(head, rest string) {
	name, business := head, ""
	if !identLikeRE.MatchString(head) { // TotalCents stays, for the rename follow-up
		name, business = plainName(head)
	}
	if name == "" {
		p.fail(head, msg.Get(p.lang, "plain.noName"))
		return
	}
	opts, given := translateOptions(rest)
	typed := typeGiven
	if first, _, _ := strings.Cut(opts, ","); !given && (first == "" || optionOnly(first) || strings.Contains(first, "=")) { // else the first word is a type it does not know
		t, evidence := plainType(name, rest)
		opts, typed = strings.TrimSuffix(t+", "+opts, ", "), guessKind(evidence)
	}
	f, err := ParseField(name + ": " + opts)
	if err != nil {
		p.fail(head, msg.Translate(err.Error(), p.lang, "fields."))
		return
	}
	f.BusinessName = business
	if f.Description == "" {
		f.Description = business // the person's words, as the notes extractor keeps them
	}
	if k := spec.PIIKindOf(f.Name, p.x.pol.NamePatterns); k != spec.PIINone {
		f.PII, f.PIIKind = true, k
	}
	p.add(plainField{f: f, typed: typed})
}

// item reads one item of a list: "subscription id", "plan (text)",
// "status (active, paused, cancelled)", "order id pk".
func (p *plainParser) item(it string) {
	it = articleRE.ReplaceAllString(strings.Trim(strings.TrimSpace(it), "`*.;:"), "")
	if it == "" || fillerRE.MatchString(it) {
		return
	}
	nameText, inside, _ := strings.Cut(it, "(")
	inside, after, _ := strings.Cut(inside, ")")
	nameText, peeled := peelOptions(strings.TrimSpace(nameText))
	parts, given := translateParts(append(peeled, itemSplitRE.Split(strings.TrimSpace(inside), -1)...))
	if strings.TrimSpace(nameText) == "" {
		p.fail(it, msg.Get(p.lang, "plain.noName"))
		return
	}
	c, ok := p.x.parseItem(nameText + " (" + strings.Join(parts, ", ") + ")" + after)
	if !ok {
		p.fail(it, msg.Get(p.lang, "plain.noName"))
		return
	}
	name, business := plainName(nameText)
	c.Name, c.BusinessName = name, business
	typed := typeGiven
	if !given {
		t, evidence := plainType(name, inside+" "+after)
		if c.LogicalType == "string" { // bounds ("1 a 5") may have made it a number
			c.LogicalType = t
		}
		typed = guessKind(evidence || c.LogicalType != "string" || c.PII != spec.PIINone)
	}
	if c.PII == spec.PIINone {
		if c.PII = spec.PIIKindOf(name, p.x.pol.NamePatterns); c.PII != spec.PIINone {
			c.Infer(spec.InferredPII)
		}
	}
	p.add(plainField{f: fieldOf(c), typed: typed})
}

// prose reports a list with an item too long to be a field name.
func prose(items []string) bool {
	for _, it := range items {
		if name, _, _ := strings.Cut(it, "("); len(strings.Fields(name)) > 5 {
			return true
		}
	}
	return false
}

func guessKind(evidence bool) int {
	if evidence {
		return typeGuessed
	}
	return typeDefault
}

func (p *plainParser) add(f plainField) { p.out.fields = append(p.out.fields, f) }

func (p *plainParser) fail(item, why string) {
	p.out.bad = append(p.out.bad, msg.Get(p.lang, "plain.bad", strings.TrimSpace(item), why))
}

// plainItems splits a list at commas and "and"/"e"/"&" outside
// parentheses: "MRR and churn date (date)" is two items.
func plainItems(l string) []string {
	var b strings.Builder
	depth, seg := 0, 0
	flush := func(end int) {
		b.WriteString(andSplitRE.ReplaceAllString(l[seg:end], ","))
		seg = end
	}
	for i, r := range l {
		switch {
		case r == '(' && depth == 0:
			flush(i)
			depth++
		case r == '(':
			depth++
		case r == ')' && depth > 0:
			if depth--; depth == 0 {
				b.WriteString(l[seg : i+1])
				seg = i + 1
			}
		}
	}
	if depth == 0 {
		flush(len(l))
	} else {
		b.WriteString(l[seg:])
	}
	return splitOptions(b.String())
}

// fieldOf is a column of the typed draft as a field of guided mode.
func fieldOf(c spec.Column) FieldSpec {
	return FieldSpec{Name: c.Name, BusinessName: c.BusinessName, LogicalType: c.LogicalType, PhysicalType: c.PhysicalType,
		Description: c.Description, Classification: c.Classification, Masking: c.Masking, Required: c.Required,
		Unique: c.Unique, PrimaryKey: c.PrimaryKey, PII: c.PII != spec.PIINone, PIIKind: c.PII, Critical: c.Critical,
		Values: c.AllowedValues, Min: c.Min, Max: c.Max, MinLength: c.MinLength, MaxLength: c.MaxLength, Inferred: c.Inferred}
}
