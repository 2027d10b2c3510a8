package cli

import (
	"strings"
	"testing"
)

// TestValidateLang: --lang pt renders messages and hints in Portuguese,
// keeping rule ids; the default stays English; a bad value is a usage
// error.
func TestValidateLang(t *testing.T) {
	t.Parallel()
	files := map[string]string{"contracts/a.odcs.yaml": badContract}
	code, out, _ := validateCLI(t, false, files, "--lang", "pt", "contracts")
	if code != ExitFindings || !strings.Contains(out, `a tabela "Orders" não tem chave primária`) ||
		!strings.Contains(out, "gov-primary-key") {
		t.Errorf("--lang pt: exit %d\n%s", code, out)
	}
	_, out, _ = validateCLI(t, false, files, "contracts")
	if !strings.Contains(out, `table "Orders" has no primary key`) {
		t.Errorf("default: want English\n%s", out)
	}
	_, out, _ = validateCLI(t, false, files, "--format", "json", "--lang", "pt-BR", "contracts")
	if !strings.Contains(out, `"message": "o contrato não tem domínio"`) {
		t.Errorf("--format json --lang pt-BR\n%s", out)
	}
	if code, _, _ := validateCLI(t, false, files, "--lang", "fr", "contracts"); code != ExitUsage {
		t.Errorf("--lang fr: exit %d, want %d", code, ExitUsage)
	}
}
