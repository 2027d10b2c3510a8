package scaffold

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dataeng-os/dataeng-os/contract"
)

// runPlays is a contract with a governance error (unmasked PII) and a
// DuckDB file server that names the source.
const runPlays = `apiVersion: v3.1.0
kind: DataContract
id: melodify_plays
version: 1.0.0
status: active
name: Melodify plays
servers:
  - server: local
    type: duckdb
    database: ../duckdb/melodify.duckdb
schema:
  - name: plays
    properties:
      - name: play_id
        logicalType: integer
        primaryKey: true
      - name: listenerEmail
        logicalType: string
        classification: restricted
        tags: [pii]
`

func runReq(out string, contracts ...ContractInput) Request {
	return Request{Contracts: contracts, Rules: contract.DefaultRules(), Out: out}
}

func playsInput(name string, data string) ContractInput {
	return ContractInput{Name: name, Rel: name, Data: []byte(data)}
}

// TestRunNoProject: without a root, the dbt project is named after the
// output and the lineage record lives under it; governance errors are
// warnings and the models are written.
func TestRunNoProject(t *testing.T) {
	out := filepath.Join(t.TempDir(), "dbt_out")
	rep, err := Run(context.Background(), runReq(out, playsInput("../plays.odcs.yaml", runPlays)))
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Refused()) != 0 || len(rep.RulesOf(Accepted)) == 0 {
		t.Fatalf("contracts = %+v, want accepted with governance warnings", rep.Contracts)
	}
	for _, f := range rep.Findings() {
		if f.Severity == contract.SeverityError {
			t.Errorf("finding %s kept error severity", f)
		}
	}
	proj, err := os.ReadFile(filepath.Join(out, ProjectFile))
	if err != nil || !strings.Contains(string(proj), "name: dbt_out\n") {
		t.Fatalf("dbt_project.yml (%v):\n%s", err, proj)
	}
	if rep.Lineage != filepath.Join(out, filepath.FromSlash(LineageFile)) {
		t.Fatalf("lineage in %s", rep.Lineage)
	}
	if len(rep.Paths(StatusCreated)) != len(rep.Rendered) || len(rep.Rendered) < 4 {
		t.Fatalf("created %v of %d rendered", rep.Paths(StatusCreated), len(rep.Rendered))
	}
	again, err := Run(context.Background(), runReq(out, playsInput("../plays.odcs.yaml", runPlays)))
	if err != nil || len(again.Paths(StatusUnchanged)) != len(again.Files) {
		t.Fatalf("second run: %v %+v", err, again.Files)
	}
}

// TestRunRefuses: a schema-invalid contract, or governance errors under
// Strict, refuse the run and nothing is written.
func TestRunRefuses(t *testing.T) {
	invalid := strings.Replace(runPlays, "status: active", "status: 42", 1)
	for _, c := range []struct {
		name, data string
		strict     bool
		want       Verdict
	}{
		{"invalid", invalid, false, RefusedInvalid},
		{"strict", runPlays, true, RefusedStrict},
	} {
		t.Run(c.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "dbt")
			req := runReq(out, playsInput("plays.odcs.yaml", c.data))
			req.Strict = c.strict
			rep, err := Run(context.Background(), req)
			if err != nil {
				t.Fatal(err)
			}
			if r := rep.Refused(); len(r) != 1 || r[0].Verdict != c.want || len(r[0].Findings) == 0 {
				t.Fatalf("refused = %+v, want %s", r, c.want)
			}
			if c.want == RefusedStrict && len(rep.RulesOf(RefusedStrict)) == 0 {
				t.Errorf("strict refusal names no rule")
			}
			if _, err := os.Stat(out); !os.IsNotExist(err) {
				t.Fatalf("a refused run wrote %s", out)
			}
		})
	}
}

// TestRunErrors: id collisions and two contracts writing one file are
// ErrClash; a name that gives no identifier is ErrContract; Check writes
// nothing.
func TestRunErrors(t *testing.T) {
	out := filepath.Join(t.TempDir(), "dbt")
	twin := strings.Replace(runPlays, "name: Melodify plays", "name: Other plays", 1)
	_, err := Run(context.Background(), runReq(out, playsInput("a.odcs.yaml", runPlays), playsInput("b.odcs.yaml", twin)))
	if !errors.Is(err, ErrClash) || !strings.Contains(err.Error(), "both") {
		t.Fatalf("two contracts with one id: %v, want ErrClash", err)
	}
	req := runReq(out, playsInput("a.odcs.yaml", runPlays))
	req.Source = "((("
	if _, err := Run(context.Background(), req); !errors.Is(err, ErrContract) {
		t.Fatalf("bad --source: %v, want ErrContract", err)
	}
	req.Source, req.Check = "", true
	rep, err := Run(context.Background(), req)
	if err != nil || !rep.Drift() || rep.Lineage != "" {
		t.Fatalf("check: %v drift=%v lineage=%q", err, rep.Drift(), rep.Lineage)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Fatalf("check mode wrote %s", out)
	}
	req.Contracts[0] = ContractInput{Name: "missing.odcs.yaml", File: filepath.Join(out, "missing.odcs.yaml")}
	if _, err := Run(context.Background(), req); err == nil || !strings.Contains(err.Error(), "read contract missing.odcs.yaml") {
		t.Fatalf("missing file: %v", err)
	}
}
