package guided

// Keys say what a follow-up's answer sets (event.Question.Key): the rule-id
// table (findingAsks) and the other follow-ups write them, applyFinding
// reads them.
const (
	KeyClassification = "classification"
	KeyMasking        = "masking"
	KeyDescription    = "description"
	KeyType           = "type"
	KeyRename         = "rename"
	KeyOwner          = "owner"
	KeyDomain         = "domain"
	KeyPurpose        = "purpose"
	KeyTableDesc      = "tabledesc"
	KeyPK             = "pk"
	KeySource         = "source"
	KeySection        = "section"
	KeyNote           = "note"
)
