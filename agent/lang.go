package agent

import "github.com/dataeng-os/dataeng-os/internal/msg"

// DetectLanguage returns "pt" or "en" for a person's text, or "" when it
// cannot tell (msg.Detect).
func DetectLanguage(text string) string { return msg.Detect(text) }
