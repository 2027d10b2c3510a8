// Package prompts holds the Architect's embedded prompt templates
// (templates/*.md.tmpl) and renders them: the system prompt (the project's
// system_kernel.md, a compact summary of the project's governance and a
// compact ODCS field guide — never the 86 KB JSON Schema), the interview
// turn, the drafting request (from an interview transcript or from notes)
// and the reask message that carries the validator's findings.
//
// Stakeholder text (notes, answers, transcripts) is always wrapped in
// delimiters and introduced as data, never as instructions.
package prompts
