package cli

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/dataeng-os/dataeng-os/agent"
	"github.com/dataeng-os/dataeng-os/contract"
	"github.com/dataeng-os/dataeng-os/kernel"
	"github.com/dataeng-os/dataeng-os/providers/resilient"
	"github.com/dataeng-os/dataeng-os/scaffold"
)

// DemoOptions are the flags of `dataeng-os demo`.
type DemoOptions struct {
	Dir      string
	Provider string
	Model    string
}

func newDemoCmd(f *Factory) *cobra.Command {
	opts := &DemoOptions{}
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Run the Architect end to end on a bundled sample interview (no model, no key)",
		Long: `Create a demo project, let the Architect interview a bundled stakeholder
(checkout orders), draft and validate the canvas and the contract, scaffold
the dbt models, and print where everything is.

With no model it runs in guided mode: the bundled answers reply to the
Architect's questions, including the follow-ups the validator asks for. When
OLLAMA_HOST answers and the configured Ollama model is pulled, the same
command drafts from the bundled notes with the local model instead.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runDemo(cmd.Context(), f, opts) },
	}
	cmd.Flags().StringVar(&opts.Dir, "dir", "dataeng-os-demo", "where to create the demo project")
	cmd.Flags().StringVar(&opts.Provider, "provider", "", "use this provider instead of guided mode (e.g. ollama, openai)")
	cmd.Flags().StringVar(&opts.Model, "model", "", "model for --provider")
	return cmd
}

func runDemo(ctx context.Context, f *Factory, opts *DemoOptions) error {
	io := f.IO
	dir := resolvePath(f.Dir, opts.Dir)
	ir, err := kernel.InitProject(dir, kernel.InitOptions{})
	if err != nil {
		return err
	}
	fmt.Fprintf(io.Out, "%s project %s: %d files created, %d kept\n", io.Bold("1/4"), dir, len(ir.Created), len(ir.Skipped))
	proj, err := kernel.Load(kernel.LoadOptions{Dir: dir, Getenv: f.Getenv})
	if err != nil {
		return err
	}
	if proj.Root == "" {
		proj.Root = dir
	}
	provider := demoProvider(ctx, f, proj, opts)
	a, err := newArchitect(f, proj, provider, opts.Model)
	if err != nil {
		return err
	}
	r := newChatRenderer(f, proj.Root)
	var sp *agent.SavedPaths
	var session string
	if a.Guided() {
		fmt.Fprintf(io.Out, "%s the Architect interviews the bundled stakeholder (guided mode, no model):\n\n", io.Bold("2/4"))
		sp, session, err = demoGuided(ctx, f, proj, a, r)
	} else {
		fmt.Fprintf(io.Out, "%s the Architect drafts from the bundled notes with %s:\n\n", io.Bold("2/4"), provider)
		sp, err = demoModel(ctx, a, proj.Root, r)
	}
	if err != nil {
		return err
	}
	return demoFinish(ctx, f, proj, sp, session)
}

// demoProvider picks guided mode unless --provider is given or a local
// Ollama answers with the configured model pulled.
func demoProvider(ctx context.Context, f *Factory, proj *kernel.Project, opts *DemoOptions) string {
	if opts.Provider != "" {
		return opts.Provider
	}
	if f.Getenv("OLLAMA_HOST") == "" {
		return "guided"
	}
	prof, name, _ := proj.Config.Profile("ollama", opts.Model)
	p, err := openProvider(f, proj, name, prof)
	if err != nil {
		return "guided"
	}
	cctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	if rp, ok := p.(*resilient.Provider); ok {
		p = rp.Unwrap() // a reachability check must not retry
	}
	models, err := p.Models(cctx)
	if err != nil {
		fmt.Fprintf(f.IO.ErrOut, "note: OLLAMA_HOST does not answer (%v); using guided mode\n", err)
		return "guided"
	}
	for _, m := range models {
		if m.ID == prof.Model || m.ID == prof.Model+":latest" {
			return name
		}
	}
	fmt.Fprintf(f.IO.ErrOut, "note: Ollama answers but %s is not pulled (run: ollama pull %s); using guided mode\n", prof.Model, prof.Model)
	return "guided"
}

func demoGuided(ctx context.Context, f *Factory, proj *kernel.Project, a *agent.Architect, r *chatRenderer) (*agent.SavedPaths, string, error) {
	id := "demo-" + newSessionID()
	j, err := agent.OpenJournal(filepath.Join(sessionsDir(proj), id+".jsonl"))
	if err != nil {
		return nil, "", err
	}
	defer j.Close()
	var last *agent.Question
	sink := func(ev agent.Event) {
		if ev.Type == agent.EventQuestion {
			last = ev.Question
		}
		r.render(ev)
	}
	s := a.NewSession(agent.SessionOptions{ID: id, Root: proj.Root, Journal: j, Sink: sink})
	s.Start()
	ans := demoPerson()
	for turn := 0; turn < 80 && !s.Done() && last != nil; turn++ {
		q := *last
		last = nil
		text := ans.Answer(q)
		fmt.Fprintln(f.IO.Out, "you> "+text)
		if err := s.Send(ctx, text); err != nil {
			return nil, id, err
		}
	}
	if !s.Done() {
		if _, err := s.Save(); err != nil {
			return nil, id, err
		}
	}
	return s.Saved(), id, nil
}

func demoModel(ctx context.Context, a *agent.Architect, root string, r *chatRenderer) (*agent.SavedPaths, error) {
	res, err := a.DraftFromNotes(ctx, "checkout_orders", demoNotes, r.render)
	if err != nil {
		return nil, err
	}
	sp, err := agent.SaveDrafts(root, res, agent.SaveOptions{})
	if err != nil {
		return nil, err
	}
	r.render(agent.Event{Type: agent.EventSaved, Paths: &sp})
	return &sp, nil
}

func demoFinish(ctx context.Context, f *Factory, proj *kernel.Project, sp *agent.SavedPaths, session string) error {
	io := f.IO
	if sp == nil || sp.Contract == "" {
		return fmt.Errorf("demo: the Architect produced no contract")
	}
	rel := func(p string) string { r, _ := filepath.Rel(proj.Root, p); return filepath.ToSlash(r) }
	data, err := os.ReadFile(sp.Contract)
	if err != nil {
		return err
	}
	doc, fs := contract.Check(rel(sp.Contract), data, proj.Rules)
	errs := len(fs) - countWarnings(fs)
	fmt.Fprintf(io.Out, "\n%s validate %s: %d errors, %d warnings\n", io.Bold("3/4"), rel(sp.Contract), errs, countWarnings(fs))
	for _, x := range fs {
		fmt.Fprintln(io.Out, "  "+x.String())
	}
	rep, err := demoScaffold(ctx, proj, rel(sp.Contract), doc, fs)
	if err != nil {
		return err
	}
	refused := len(rep.Refused()) > 0
	models, list := "not scaffolded (the contract fails the ODCS schema, or governance under [scaffold] strict)", ""
	if !refused {
		models = fmt.Sprintf("models/ (%d files: %d created, %d unchanged)", len(rep.Files), rep.Count(scaffold.StatusCreated), rep.Count(scaffold.StatusUnchanged))
		list = modelList(rep.Rendered)
	}
	fmt.Fprintf(io.Out, "%s scaffold: %s\n\nEverything is in %s:\n", io.Bold("4/4"), models, proj.Root)
	fmt.Fprintf(io.Out, "  canvas     %s\n  contract   %s\n  dbt        %s\n", rel(sp.Canvas), rel(sp.Contract), models)
	if list != "" {
		fmt.Fprintf(io.Out, "  models     %s\n", list)
	}
	if session != "" {
		fmt.Fprintf(io.Out, "  session    %s\n", filepath.ToSlash(filepath.Join(kernel.StateDir, "sessions", session+".jsonl")))
	}
	fmt.Fprint(io.Out, nextSteps(proj.Root, onPath("dataeng-os")))
	if refused {
		return ErrFindings
	}
	return nil
}

// demoScaffold scaffolds the demo's contract with the project's [scaffold]
// settings, as `dataeng-os scaffold` does.
func demoScaffold(ctx context.Context, proj *kernel.Project, rel string, doc *contract.Document, fs []contract.Finding) (scaffold.Report, error) {
	cfg := proj.Config.Scaffold
	return scaffold.Run(ctx, scaffold.Request{
		Contracts: []scaffold.ContractInput{{Name: rel, Rel: rel, Doc: doc, Findings: fs}},
		Rules:     proj.Rules, Dialect: cfg.Dialect, StagingMaterialized: cfg.StagingMaterialized,
		Root: proj.Root, Out: scaffold.OutDir(proj.Root, cfg.Out), Strict: cfg.Strict,
	})
}

// modelList names the scaffolded dbt models by layer, e.g.
// "staging stg_checkout__orders; mart fct_orders".
func modelList(files map[string][]byte) string {
	layers := map[string][]string{}
	for p := range files {
		if !strings.HasSuffix(p, ".sql") || !strings.HasPrefix(p, "models/") {
			continue
		}
		parts := strings.Split(p, "/")
		layers[parts[1]] = append(layers[parts[1]], strings.TrimSuffix(parts[len(parts)-1], ".sql"))
	}
	var out []string
	for _, l := range []struct{ dir, name string }{{"staging", "staging"}, {"intermediate", "intermediate"}, {"marts", "mart"}} {
		if ms := layers[l.dir]; len(ms) > 0 {
			sort.Strings(ms)
			out = append(out, l.name+" "+strings.Join(ms, ", "))
		}
	}
	return strings.Join(out, "; ")
}

func countWarnings(fs []contract.Finding) int {
	n := 0
	for _, f := range fs {
		if f.Severity != contract.SeverityError {
			n++
		}
	}
	return n
}

// nextSteps is the demo's closing "Next:" block. When dataeng-os is not on
// PATH (the README's `go run ./cmd/dataeng-os demo`), it starts with the
// install step, so every line after it works as printed.
func nextSteps(root string, installed bool) string {
	var b strings.Builder
	b.WriteString("\nNext:\n")
	if !installed {
		b.WriteString("  go install ./cmd/dataeng-os      # from this checkout; puts dataeng-os in $(go env GOPATH)/bin\n")
		b.WriteString("  export PATH=\"$(go env GOPATH)/bin:$PATH\"\n")
	}
	fmt.Fprintf(&b, "  cd %s\n", root)
	b.WriteString("  dataeng-os chat                  # your own dataset (guided, or --provider ollama|openai|gemini)\n")
	b.WriteString("  dataeng-os validate contracts/\n")
	b.WriteString("  dataeng-os serve                 # the cockpit\n")
	return b.String()
}

// onPath reports whether name resolves on PATH.
func onPath(name string) bool {
	_, err := exec.LookPath(name)
	return err == nil
}
