package spec

// Mart is the dbt mart a table asks for.
type Mart string

// Mart kinds the scaffolder accepts (custom property dbtMart).
const (
	MartNone      Mart = ""
	MartFact      Mart = "fact"
	MartDimension Mart = "dimension"
)

// PIIKind says what personal data a column holds ("" when none).
type PIIKind string

// PII kinds the extractor recognises.
const (
	PIINone     PIIKind = ""
	PIIEmail    PIIKind = "email"
	PIIPhone    PIIKind = "phone"
	PIIDocument PIIKind = "document" // cpf, cnpj, rg, ssn, passport
	PIIName     PIIKind = "name"
	PIIBirth    PIIKind = "birthdate"
	PIIAddress  PIIKind = "address"
	PIIFinance  PIIKind = "salary"
	PIIOther    PIIKind = "other" // gender and other personal attributes
)

// Draft is everything known about one data product. Empty fields are
// unknown: the assembler never fills them with guesses.
type Draft struct {
	Name          string // snake_case id and file stem
	BusinessName  string // as the people wrote it
	Purpose       string
	Consumers     string
	Domain        string
	Owner         string // a person's handle or e-mail
	Team          string
	Source        string   // the system the data comes from
	SourceText    string   // the sentence that named it
	SourceChoices []string // systems named when no single one is the source
	SLA           SLA
	Tables        []Table
	Quality       []string // quality expectations, as written
	OpenQuestions []string
}

// SLA is how fresh the data must be.
type SLA struct {
	Text   string // as written ("SLA: atualização diária até 9h")
	Value  int64  // freshness amount; 0 when the text gives none
	Unit   string // "min", "h" or "d"
	Column string // the column that tells freshness ("" = none chosen)
}

// Table is one schema object.
type Table struct {
	Name         string
	BusinessName string
	Description  string
	Columns      []Column
	Mart         Mart
	Provisional  bool // named after the note, not by it: to be confirmed
}

// Column is one property of a table.
type Column struct {
	Name           string
	BusinessName   string // the words the notes used, when not the name
	LogicalType    string // string, integer, number, boolean, date, timestamp, time
	PhysicalType   string
	Description    string
	PrimaryKey     bool
	Required       bool
	Unique         bool
	AllowedValues  []string
	Min, Max       string // inclusive bounds, as written
	MinLength      string
	MaxLength      string
	PII            PIIKind
	Classification string // pii, sensitive, ... when the notes say it
	Masking        string // hash, mask, anonymize, ... when the notes say it
	Critical       bool   // a critical data element
	NullUntilEvent bool   // documented as empty until something happens
	// Inferred lists the facts read from the column's name rather than
	// stated (InferredType, InferredKey, InferredPII): the canvas and the
	// contract mark them for a person to confirm.
	Inferred []string
}

// What a column's Inferred list names.
const (
	InferredType = "logicalType"
	InferredKey  = "primaryKey"
	InferredPII  = "pii"
)

// InferredProperty is the custom property that marks, on a contract
// property, the facts that were inferred rather than stated.
const InferredProperty = "inferred"

// Infer records that what (InferredType, ...) was inferred, once.
func (c *Column) Infer(what string) {
	for _, w := range c.Inferred {
		if w == what {
			return
		}
	}
	c.Inferred = append(c.Inferred, what)
}

// Sensitive reports whether the column holds personal or sensitive data:
// a PII kind, or a classification of the default policy's sensitive set.
func (c Column) Sensitive() bool {
	switch c.Classification {
	case "pii", "sensitive", "confidential", "restricted":
		return true
	}
	return c.PII != PIINone
}

// PrimaryKeys lists the table's key columns.
func (t Table) PrimaryKeys() []string {
	var out []string
	for _, c := range t.Columns {
		if c.PrimaryKey {
			out = append(out, c.Name)
		}
	}
	return out
}
