package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/dataeng-os/dataeng-os/agent"
)

func runSessionsShow(f *Factory, ref string) error {
	root, id, evs, err := readSession(f, ref)
	if err != nil {
		return err
	}
	s := agent.SummarizeSession(evs)
	io := f.IO
	r := newChatRenderer(f, root)
	fmt.Fprintf(io.Out, "session %s · %s · %d turns · %d attempts · %d tokens · %s\n\n", id, dash(s.Mode), s.Turns, s.Attempts, s.Usage.Total(), s.Status)
	for _, ev := range evs {
		switch ev.Type {
		case agent.EventUser:
			fmt.Fprintln(io.Out, "you> "+ev.Text)
		case agent.EventQuestion:
			fmt.Fprintln(io.Out, "architect> "+ev.Text)
		case agent.EventAssistant:
			if ev.Phase == agent.PhaseInterview {
				fmt.Fprintln(io.Out, "architect> "+strings.TrimSpace(ev.Text))
			}
		case agent.EventAttempt:
			fmt.Fprintf(io.Out, "  [attempt %d/%d]\n", ev.Attempt, ev.MaxAttempts)
		case agent.EventFindings:
			fmt.Fprintf(io.Out, "  [validator: %d findings]\n", len(ev.Findings))
		case agent.EventCancelled:
			if p := strings.TrimSpace(ev.Text); p != "" {
				fmt.Fprintln(io.Out, "architect> "+p+" …")
			}
			fmt.Fprintln(io.Out, "  [cancelled: the answer above was cut off]")
		case agent.EventSaved:
			if ev.Paths != nil {
				fmt.Fprintf(io.Out, "  [saved %s]\n", strings.Join(nonEmpty(r.rel(ev.Paths.Canvas), r.rel(ev.Paths.Contract), r.rel(ev.Paths.Findings)), ", "))
			}
		case agent.EventError:
			fmt.Fprintln(io.Out, "  [error: "+ev.Text+"]")
		}
	}
	return nil
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" && s != "." {
			out = append(out, s)
		}
	}
	return out
}

func runSessionsExport(f *Factory, ref, format, out string) error {
	_, id, evs, err := readSession(f, ref)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	switch format {
	case "jsonl":
		enc := json.NewEncoder(&b)
		for _, ev := range evs {
			if err := enc.Encode(ev); err != nil {
				return err
			}
		}
	case "json":
		data, err := json.MarshalIndent(evs, "", "  ")
		if err != nil {
			return err
		}
		b.Write(append(data, '\n'))
	case "md", "markdown":
		exportMarkdown(&b, id, evs)
	default:
		return UsageErrorf("unknown --format %q: use md, json or jsonl", format)
	}
	if out == "" {
		_, err := f.IO.Out.Write(b.Bytes())
		return err
	}
	path := resolvePath(f.Dir, out)
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, b.Bytes(), 0o644); err != nil {
		return fmt.Errorf("export %s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("export %s: %w", path, err)
	}
	fmt.Fprintf(f.IO.ErrOut, "exported session %s to %s\n", id, path)
	return nil
}

func exportMarkdown(b *bytes.Buffer, id string, evs []agent.Event) {
	s := agent.SummarizeSession(evs)
	fmt.Fprintf(b, "# Architect session %s\n\n", id)
	fmt.Fprintf(b, "- mode: %s\n- provider: %s\n- model: %s\n- turns: %d\n- drafting attempts: %d\n- tokens: %d\n- status: %s\n\n## Transcript\n\n",
		dash(s.Mode), dash(s.Provider), dash(s.Model), s.Turns, s.Attempts, s.Usage.Total(), s.Status)
	var canvas, yml string
	for _, ev := range evs {
		switch ev.Type {
		case agent.EventUser:
			fmt.Fprintf(b, "**You:** %s\n\n", ev.Text)
		case agent.EventQuestion:
			fmt.Fprintf(b, "**Architect:** %s\n\n", ev.Text)
		case agent.EventAssistant:
			if ev.Phase == agent.PhaseInterview {
				fmt.Fprintf(b, "**Architect:** %s\n\n", strings.TrimSpace(ev.Text))
			}
		case agent.EventDraft:
			if ev.Doc == agent.DocCanvas {
				canvas = ev.Content
			} else {
				yml = ev.Content
			}
		}
	}
	if canvas != "" {
		fmt.Fprintf(b, "## Canvas (latest draft)\n\n````markdown\n%s````\n\n", ensureNL(canvas))
	}
	if yml != "" {
		fmt.Fprintf(b, "## Contract (latest draft)\n\n```yaml\n%s```\n", ensureNL(yml))
	}
}

func ensureNL(s string) string {
	if strings.HasSuffix(s, "\n") {
		return s
	}
	return s + "\n"
}
