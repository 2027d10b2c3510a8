package batch

import "github.com/dataeng-os/dataeng-os/providers"

// Unwrap returns the limited provider, so callers can reach what it offers
// beyond providers.Provider (Ollama's parameter count).
func (l *limited) Unwrap() providers.Provider { return l.inner }
