package lazyre_test

import (
	"testing"

	// Every package that declares lazyre patterns, so that a bad pattern
	// fails here as it failed at init before the patterns became lazy.
	_ "github.com/dataeng-os/dataeng-os/agent/guided"
	"github.com/dataeng-os/dataeng-os/internal/lazyre"
)

func TestRegisteredPatternsCompile(t *testing.T) {
	if n := lazyre.Registered(); n < 40 {
		t.Fatalf("%d patterns registered, want the agent/guided ones (≥ 40)", n)
	}
	for _, err := range lazyre.CompileAll() {
		t.Error(err)
	}
}
