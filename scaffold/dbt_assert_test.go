package scaffold

import (
	"crypto/sha256"
	"encoding/hex"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// breakLoja breaks the loja contract's relationships: an order of a
// customer that does not exist (object-level relationship) and a delivery
// of an order item that does not exist (composite relationship).
func breakLoja(t *testing.T, seeds map[string]*seedTable) {
	t.Helper()
	pedidos, entregas := seeds["loja__pedidos"], seeds["loja__entregas"]
	if pedidos == nil || entregas == nil {
		t.Fatal("loja seeds missing")
	}
	pedidos.rows[1][pedidos.column("cliente_id")] = "999"
	entregas.rows[2][entregas.column("numero_item")] = "99"
}

// nestedPIIValues are raw values of the loja seeds that are PII nested in
// object and array columns (see nestedSeed): none may reach dim_clientes.
var nestedPIIValues = []string{"dados_pessoais.cpf_", "dados_pessoais.nome_completo_", "dados_pessoais.email_",
	"2001-02-0", "contatos[0].numero_", "contatos[1].numero_", "outros_contatos[0]_", "outros_contatos[1]_", "documentos.rg_"}

// dumpPy prints every row of a relation, one repr per line.
const dumpPy = `import duckdb, sys
con = duckdb.connect(sys.argv[1], read_only=True)
for row in con.execute("select * from " + sys.argv[2]).fetchall():
    print(repr(row))
`

// assertNoNestedPII reads the built DuckDB file: the staging model holds
// the raw nested PII, the mart none of it, and the mart's nested cpf is
// the SHA-256 of the raw one.
func assertNoNestedPII(t *testing.T, dbt, dir string) {
	t.Helper()
	staging := dumpRelation(t, dbt, dir, "main.stg_loja__clientes")
	mart := dumpRelation(t, dbt, dir, "main.dim_clientes")
	for _, v := range nestedPIIValues {
		if !strings.Contains(staging, v) {
			t.Errorf("staging has no raw %q: the seeds are not what the check expects\n%s", v, staging)
		}
		if strings.Contains(mart, v) {
			t.Errorf("dim_clientes holds raw nested PII %q:\n%s", v, mart)
		}
	}
	sum := sha256.Sum256([]byte("dados_pessoais.cpf_1"))
	if h := hex.EncodeToString(sum[:]); !strings.Contains(mart, h) {
		t.Errorf("dim_clientes has no hashed cpf %s:\n%s", h, mart)
	}
	if !strings.Contains(mart, "dados_pessoais.cidade_1") || strings.Contains(mart, "orgao_emissor") {
		t.Errorf("dim_clientes should keep the non-PII nested cidade and leave documentos out:\n%s", mart)
	}
}

func dumpRelation(t *testing.T, dbt, dir, relation string) string {
	t.Helper()
	script := filepath.Join(dir, "raw", "dump.py")
	mustWrite(t, script, dumpPy)
	py := filepath.Join(filepath.Dir(dbt), "python")
	out, err := exec.Command(py, script, filepath.Join(dir, "it.duckdb"), relation).CombinedOutput()
	if err != nil {
		t.Fatalf("read %s: %v\n%s", relation, err, out)
	}
	return string(out)
}

// assertFailed checks that exactly the tests with these id prefixes failed,
// and that nothing errored.
func assertFailed(t *testing.T, res map[string]string, prefixes ...string) {
	t.Helper()
	matched := map[string]bool{}
	var ids []string
	for id := range res {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		st := res[id]
		want := ""
		for _, p := range prefixes {
			if strings.HasPrefix(id, p) {
				want = p
			}
		}
		switch {
		case want != "" && st == "fail":
			matched[want] = true
		case want != "":
			t.Errorf("%s: status %s, want fail", id, st)
		case st == "fail" || st == "error":
			t.Errorf("%s: unexpected %s", id, st)
		}
	}
	for _, p := range prefixes {
		if !matched[p] {
			t.Errorf("no failing test %s*", p)
		}
	}
}

// contradictoryTests are warn-severity tests that no seed row can pass: the
// official column-validity example makes air_quality_status a primary key
// whose only valid values are "", null and "n/a".
var contradictoryTests = []string{"accepted_values_stg_ex_column_validity__air_quality_air_quality_status"}

// assertNoWarnings fails on any dbt warning on good rows (every
// "[WARNING]" line), except a contradictory example's warn-severity test and
// the result count dbt prints under it.
func assertNoWarnings(t *testing.T, out string) {
	t.Helper()
	for _, w := range []string{"Constraint types are not supported", "unused configuration paths"} {
		if strings.Contains(out, w) {
			t.Errorf("dbt build on good rows warns (%q):\n%s", w, tail(out, 40))
		}
	}
	tolerated := false
	for _, line := range strings.Split(out, "\n") {
		if !strings.Contains(line, "[WARNING]") {
			continue
		}
		if tolerated && strings.Contains(line, "[WARNING]: Got ") {
			tolerated = false
			continue
		}
		tolerated = false
		for _, name := range contradictoryTests {
			tolerated = tolerated || strings.Contains(line, "[WARNING]: in test "+name)
		}
		if !tolerated {
			t.Errorf("dbt build on good rows warns: %s\n%s", line, tail(out, 40))
		}
	}
}
