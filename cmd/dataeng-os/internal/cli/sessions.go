package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/dataeng-os/dataeng-os/agent"
	"github.com/dataeng-os/dataeng-os/internal/lazyre"
	"github.com/dataeng-os/dataeng-os/kernel"
)

func newSessionsCmd(f *Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "sessions",
		Short: "List, show and export Architect chat sessions",
		Long: `Chat sessions live in .dataeng-os/sessions/<id>.jsonl, one event per line.
Use an ID or "last" for the most recent one.`,
	}
	var asJSON bool
	list := &cobra.Command{
		Use: "list", Short: "List sessions, newest first", Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error { return runSessionsList(f, asJSON) },
	}
	list.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	show := &cobra.Command{
		Use: "show ID|last", Short: "Print a session's transcript", Args: cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error { return runSessionsShow(f, args[0]) },
	}
	var format, out string
	export := &cobra.Command{
		Use: "export ID|last", Short: "Export a session as Markdown, JSON or JSONL", Args: cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error { return runSessionsExport(f, args[0], format, out) },
	}
	export.Flags().StringVar(&format, "format", "md", "md, json or jsonl")
	export.Flags().StringVarP(&out, "output", "o", "", "write to FILE instead of stdout")
	cmd.AddCommand(list, show, export)
	return cmd
}

func sessionProject(f *Factory) (*kernel.Project, string, error) {
	proj, err := f.Project()
	if err != nil {
		return nil, "", err
	}
	if proj.Root == "" {
		return nil, "", errors.New("no DataEngOS project here (no dataeng-os.toml): run `dataeng-os init` first")
	}
	return proj, sessionsDir(proj), nil
}

func runSessionsList(f *Factory, asJSON bool) error {
	_, dir, err := sessionProject(f)
	if err != nil {
		return err
	}
	ids, err := listSessions(dir)
	if err != nil {
		return err
	}
	var sums []agent.SessionSummary
	for _, id := range ids {
		evs, err := readJournal(f, filepath.Join(dir, id+".jsonl"))
		if err != nil {
			fmt.Fprintln(f.IO.ErrOut, "warning: "+err.Error())
			continue
		}
		s := agent.SummarizeSession(evs)
		s.ID = id
		sums = append(sums, s)
	}
	if asJSON {
		b, _ := json.MarshalIndent(sums, "", "  ")
		fmt.Fprintln(f.IO.Out, string(b))
		return nil
	}
	if len(sums) == 0 {
		fmt.Fprintln(f.IO.ErrOut, "no sessions yet: start one with `dataeng-os chat`")
		return nil
	}
	tw := tabwriter.NewWriter(f.IO.Out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tUPDATED\tMODE\tNAME\tTURNS\tATTEMPTS\tTOKENS\tSTATUS")
	for _, s := range sums {
		mode := s.Mode
		if s.Provider != "" && s.Mode != "guided" {
			mode = s.Provider
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%d\t%d\t%s\n", s.ID, s.Updated.Local().Format("2006-01-02 15:04"), mode,
			dash(s.Name), s.Turns, s.Attempts, s.Usage.Total(), s.Status)
	}
	return tw.Flush()
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

var sessionIDRE = lazyre.New(`^[A-Za-z0-9_-]{1,80}$`)

// listSessions returns session IDs, most recently modified first.
func listSessions(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("list sessions: %w", err)
	}
	type item struct {
		id  string
		mod int64
	}
	var items []item
	for _, e := range entries {
		id, ok := strings.CutSuffix(e.Name(), ".jsonl")
		if !ok || e.IsDir() || !sessionIDRE.MatchString(id) {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		items = append(items, item{id, info.ModTime().UnixNano()})
	}
	sort.Slice(items, func(i, j int) bool {
		if items[i].mod != items[j].mod {
			return items[i].mod > items[j].mod
		}
		return items[i].id > items[j].id
	})
	ids := make([]string, len(items))
	for i, it := range items {
		ids[i] = it.id
	}
	return ids, nil
}

// resolveSession turns ID or "last" into an existing session ID.
func resolveSession(dir, ref string) (string, error) {
	if ref == "last" {
		ids, err := listSessions(dir)
		if err != nil {
			return "", err
		}
		if len(ids) == 0 {
			return "", errors.New("no session to resume: start one with `dataeng-os chat`")
		}
		return ids[0], nil
	}
	ref = strings.TrimSuffix(ref, ".jsonl")
	if !sessionIDRE.MatchString(ref) {
		return "", UsageErrorf("bad session ID %q", ref)
	}
	if _, err := os.Stat(filepath.Join(dir, ref+".jsonl")); err != nil {
		return "", fmt.Errorf("no session %s in %s (see `dataeng-os sessions list`)", ref, dir)
	}
	return ref, nil
}

// readSession loads session ref; it returns the project root, the ID and
// the events.
func readSession(f *Factory, ref string) (string, string, []agent.Event, error) {
	proj, dir, err := sessionProject(f)
	if err != nil {
		return "", "", nil, err
	}
	id, err := resolveSession(dir, ref)
	if err != nil {
		return "", "", nil, err
	}
	evs, err := readJournal(f, filepath.Join(dir, id+".jsonl"))
	secrets := secretValues(f, proj.Config)
	for i := range evs {
		evs[i] = agent.RedactEvent(evs[i], secrets...)
	}
	return proj.Root, id, evs, err
}

// readJournal reads a session file, repairing a torn last line (a crash
// mid-write) and saying so on stderr.
func readJournal(f *Factory, path string) ([]agent.Event, error) {
	evs, fix, err := agent.RecoverJournal(path)
	if fix != nil {
		fmt.Fprintln(f.IO.ErrOut, "warning: "+fix.String())
	}
	return evs, err
}
