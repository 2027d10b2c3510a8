package cli

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/dataeng-os/dataeng-os/agent"
	"github.com/dataeng-os/dataeng-os/kernel"
	"github.com/dataeng-os/dataeng-os/providers"
)

// ChatOptions are the flags of `dataeng-os chat`.
type ChatOptions struct {
	Provider string
	Model    string
	Resume   string
	Force    bool
	// StdinAsOne reads a piped stdin as one answer instead of one per line.
	StdinAsOne bool
	// Lang fixes the session's language (en or pt); "" detects it.
	Lang string
}

func newChatCmd(f *Factory) *cobra.Command {
	opts := &ChatOptions{}
	cmd := &cobra.Command{
		Use:   "chat",
		Short: "Talk with the Architect: interview, draft, validate and save a canvas and a contract",
		Long: `Talk with the Architect. It interviews you, drafts a Product Canvas and an
ODCS v3.1.0 contract, validates both and fixes what the validator finds, then
saves canvases/<name>.md and contracts/<name>.odcs.yaml.

With no model configured (the default provider "guided"), a deterministic
interviewer asks the canvas questions one by one and turns each validator
finding into a follow-up question; nothing leaves your machine.

Every event is appended to .dataeng-os/sessions/<id>.jsonl; --resume ID (or
"last") continues a session.

On a terminal the prompt is a line editor: arrows and history (kept in
.dataeng-os/history), Ctrl-A/E, Alt-B/F, Tab completes slash commands, a
pasted block is one answer, and a trailing \ or Alt-Enter adds a line.
Ctrl-C cancels a generation, not the session; at an empty prompt it says how
to leave, and a second Ctrl-C leaves with the session kept. Piped input is
one answer per line, or all of it as one answer with --stdin-as-one.
Type /help for the slash commands.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runChat(cmd.Context(), f, opts)
		},
	}
	cmd.Flags().StringVar(&opts.Provider, "provider", "", "provider profile or type: "+strings.Join(providers.Types, ", "))
	cmd.Flags().StringVar(&opts.Model, "model", "", "model name for the provider")
	cmd.Flags().StringVar(&opts.Resume, "resume", "", "continue session ID, or \"last\"")
	cmd.Flags().BoolVar(&opts.Force, "force", false, "let /save overwrite files a person edited")
	cmd.Flags().BoolVar(&opts.StdinAsOne, "stdin-as-one", false, "read a piped stdin as one answer (default: one answer per line)")
	cmd.Flags().StringVar(&opts.Lang, "lang", "", "the session's language: en or pt (default: from the first message; /lang changes it)")
	return cmd
}

func runChat(ctx context.Context, f *Factory, opts *ChatOptions) error {
	proj, err := f.Project()
	if err != nil {
		return err
	}
	if proj.Root == "" {
		return errors.New("no DataEngOS project here (no dataeng-os.toml): run `dataeng-os init` first, or `dataeng-os demo`")
	}
	dir := sessionsDir(proj)
	var events []agent.Event
	id := newSessionID()
	if opts.Resume != "" {
		if id, err = resolveSession(dir, opts.Resume); err != nil {
			return err
		}
		if events, err = readJournal(f, filepath.Join(dir, id+".jsonl")); err != nil {
			return err
		}
		if len(events) > 0 && opts.Provider == "" {
			opts.Provider = resumeProvider(events[0])
		}
	}
	a, err := newArchitect(f, proj, opts.Provider, opts.Model)
	if err != nil {
		return err
	}
	j, err := agent.OpenJournal(filepath.Join(dir, id+".jsonl"))
	if err != nil {
		return err
	}
	defer j.Close()
	c := newChat(f, proj, a, id)
	so := agent.SessionOptions{ID: id, Root: proj.Root, Journal: j, Sink: c.r.render, Force: opts.Force, Lang: langHint(f.Getenv), Language: opts.Lang}
	if err := c.begin(ctx, events, so, opts.Provider); err != nil {
		return err
	}
	return c.loop(ctx, opts.StdinAsOne)
}

// begin starts the session, or resumes it from its events and re-asks
// where it stopped.
func (c *chat) begin(ctx context.Context, events []agent.Event, so agent.SessionOptions, provider string) error {
	errOut := c.f.IO.ErrOut
	if events == nil {
		c.s = c.a.NewSession(so)
		fmt.Fprintf(errOut, "session %s (%s)\n", c.id, modeLabel(c.a, provider))
		c.s.Start()
		return nil
	}
	s, err := agent.ResumeSession(c.a, events, so)
	if err != nil {
		return fmt.Errorf("resume %s: %w", c.id, err)
	}
	c.s = s
	c.r.resumed(events, c.s.Findings())
	fmt.Fprintf(errOut, "resuming session %s (%d events)\n", c.id, len(events))
	c.turn(ctx, c.s.Resume)
	return nil
}

// newArchitect builds the Architect for a provider choice; guided mode has
// no provider.
func newArchitect(f *Factory, proj *kernel.Project, provider, model string) (*agent.Architect, error) {
	prof, name, ok := proj.Config.Profile(provider, model)
	if !ok {
		return nil, UsageErrorf("unknown provider %q: use %s or a [providers.NAME] profile", name, strings.Join(providers.Types, ", "))
	}
	opts := agent.Options{Project: proj, ProviderName: name, Model: prof.Model, Secrets: secretValues(f, proj.Config)}
	if prof.Type != providers.TypeGuided {
		p, err := openProvider(f, proj, name, prof)
		if err != nil {
			return nil, err
		}
		opts.Provider = p
	}
	return agent.New(opts)
}

func modeLabel(a *agent.Architect, provider string) string {
	if a.Guided() {
		return "guided mode, no model"
	}
	if provider == "" {
		return "configured provider"
	}
	return "provider " + provider
}

func resumeProvider(header agent.Event) string {
	if header.Mode == "guided" {
		return "guided"
	}
	return header.Provider
}

func sessionsDir(proj *kernel.Project) string {
	return proj.Path(kernel.StateDir, "sessions")
}

func newSessionID() string {
	b := make([]byte, 3)
	_, _ = rand.Read(b)
	return time.Now().UTC().Format("20060102-150405") + "-" + hex.EncodeToString(b)
}

// langHint guesses the person's language from the locale ($LC_ALL, $LANG).
func langHint(getenv func(string) string) string {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := strings.ToLower(getenv(k))
		switch {
		case strings.HasPrefix(v, "pt"):
			return "pt"
		case v != "" && v != "c" && v != "posix" && !strings.HasPrefix(v, "c."):
			return "en"
		}
	}
	return ""
}
