package prompts

import _ "embed"

// ContractDraftSchema is the compact JSON Schema used for structured output
// when a provider supports it: the canvas as Markdown, the contract as an
// object (a small ODCS subset, additional keys allowed) and open questions.
// The answer is always validated locally as well.
//
//go:embed templates/draft_schema.json
var ContractDraftSchema []byte

// ContractDraftSchemaName names the schema in provider requests.
const ContractDraftSchemaName = "dataeng_os_draft"
