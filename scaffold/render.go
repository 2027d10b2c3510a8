package scaffold

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"path"
	"strings"
	"sync"
	"text/template"

	"github.com/dataeng-os/dataeng-os/contract"
)

//go:embed templates/*.tmpl
var templateFS embed.FS

// templates are parsed once, on first use (not at init, in every process);
// [[ ]] delimiters leave dbt's Jinja alone.
var templates = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("scaffold").Delims("[[", "]]").ParseFS(templateFS, "templates/*.tmpl"))
})

// ErrNoSchema is returned for a contract without schema objects: there is
// nothing to scaffold.
var ErrNoSchema = errors.New("the contract has no schema objects to scaffold")

// Render turns a contract into dbt files, keyed by slash-separated paths
// relative to the output directory. It performs no I/O and is
// deterministic: the same inputs give byte-identical files.
func Render(c *contract.Contract, rules contract.Rules, opts Options) (map[string][]byte, error) {
	p, err := buildPlan(c, rules, opts)
	if err != nil {
		return nil, err
	}
	if len(p.objects) == 0 {
		return nil, ErrNoSchema
	}
	r := renderer{p: p, files: map[string][]byte{}}
	r.yaml(p.sourcesPath(), p.sourcesFile())
	r.yaml(p.modelsPath(), p.modelsFile())
	for _, o := range p.objects {
		r.template(path.Join(p.stagingDir, o.staging+".sql"), "staging.sql.tmpl", p.stagingData(o))
		for _, st := range o.sqlTests {
			if r.err == nil {
				r.add(st.path, []byte(st.body))
			}
		}
		if o.mart != nil {
			r.template(path.Join(o.mart.dir, o.mart.name+".sql"), "mart.sql.tmpl", p.martData(o))
			r.yaml(path.Join(o.mart.dir, "_"+o.mart.name+"__models.yml"), p.martFile(o))
		}
	}
	if p.usesGeneric {
		r.label = "dataeng-os generic tests (" + p.d.name + ")"
		r.template(GenericTestsFile, "generic_tests.sql.tmpl", map[string]string{
			"Dialect": p.d.name, "PatternExpr": p.patternExpr(),
		})
	}
	if opts.ProjectName != "" {
		name := snake(opts.ProjectName)
		if name == "" {
			name = "dbt_project"
		}
		r.label = "dataeng-os project skeleton"
		r.template(ProjectFile, "dbt_project.yml.tmpl", map[string]any{"Name": name,
			"Staging": p.stagingMat, "Marts": p.hasMarts()})
	}
	if r.err != nil {
		return nil, r.err
	}
	return r.files, nil
}

type renderer struct {
	p       *plan
	files   map[string][]byte
	label   string
	err     error
	scratch bytes.Buffer // reused for every file's body
}

func (r *renderer) add(name string, body []byte) {
	label := r.label
	if label == "" {
		label = r.p.label
	}
	r.files[name] = withHeader(name, label, body)
}

func (r *renderer) yaml(name string, v any) {
	if r.err != nil {
		return
	}
	r.scratch.Reset()
	if err := encodeYAML(&r.scratch, v); err != nil {
		r.err = fmt.Errorf("%s: %w", name, err)
		return
	}
	r.add(name, r.scratch.Bytes())
}

func (r *renderer) template(name, tmpl string, data any) {
	if r.err != nil {
		return
	}
	r.scratch.Reset()
	if err := templates().ExecuteTemplate(&r.scratch, tmpl, data); err != nil {
		r.err = fmt.Errorf("%s: %w", name, err)
		return
	}
	r.add(name, r.scratch.Bytes())
}

type sqlColumn struct{ Expr, SQLName string }

func (p *plan) stagingData(o *objPlan) map[string]any {
	cols := make([]sqlColumn, len(o.columns))
	for i, c := range o.columns {
		cols[i] = sqlColumn{Expr: c.expr, SQLName: c.sqlName}
	}
	return map[string]any{"Source": p.source, "Table": o.table, "Columns": cols, "Last": len(cols) - 1}
}

func (p *plan) martData(o *objPlan) map[string]any {
	cols := make([]sqlColumn, len(o.mart.columns))
	for i, c := range o.mart.columns {
		cols[i] = sqlColumn{Expr: c.expr, SQLName: c.sqlName}
	}
	return map[string]any{"CTE": p.d.quote(o.entity, p.reserved), "Staging": o.staging,
		"Columns": cols, "Last": len(cols) - 1, "Notes": o.mart.notes}
}

// patternExpr is the dialect's unanchored regex match inside the
// dataeng_os_pattern test (Jinja placeholders for column and pattern).
func (p *plan) patternExpr() string {
	col := fmt.Sprintf("cast({{ column_name }} as %s)", p.d.types["string"])
	lit := `'{{ pattern | replace("'", "''") }}'`
	if p.d.name == "bigquery" {
		lit = `r'{{ pattern | replace("'", "\\'") }}'`
	}
	return fmt.Sprintf(p.d.regexFmt, col, lit)
}

// RenderedLabel returns the header label Render writes for a contract.
func RenderedLabel(c *contract.Contract) string {
	return fmt.Sprintf("contract %s v%s", oneWord(c.ID), oneWord(c.Version))
}

// LabelContractID extracts the contract id from a header label ("" when the
// label is not a contract's).
func LabelContractID(label string) string {
	rest, ok := strings.CutPrefix(label, "contract ")
	if !ok {
		return ""
	}
	id, _, _ := strings.Cut(rest, " v")
	return id
}
