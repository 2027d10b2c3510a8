package cli

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
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
"last") continues a session. Ctrl-C cancels the current generation, not the
session. Type /help for the slash commands.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runChat(cmd.Context(), f, opts)
		},
	}
	cmd.Flags().StringVar(&opts.Provider, "provider", "", "provider profile or type: "+strings.Join(providers.Types, ", "))
	cmd.Flags().StringVar(&opts.Model, "model", "", "model name for the provider")
	cmd.Flags().StringVar(&opts.Resume, "resume", "", "continue session ID, or \"last\"")
	cmd.Flags().BoolVar(&opts.Force, "force", false, "let /save overwrite files a person edited")
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
	r := newChatRenderer(f, proj.Root)
	so := agent.SessionOptions{ID: id, Root: proj.Root, Journal: j, Sink: r.render, Force: opts.Force, Lang: langHint(f.Getenv)}
	c := &chat{f: f, r: r, id: id}
	if events != nil {
		if c.s, err = agent.ResumeSession(a, events, so); err != nil {
			return fmt.Errorf("resume %s: %w", id, err)
		}
		fmt.Fprintf(f.IO.ErrOut, "resuming session %s (%d events)\n", id, len(events))
		c.turn(ctx, c.s.Resume)
	} else {
		c.s = a.NewSession(so)
		fmt.Fprintf(f.IO.ErrOut, "session %s (%s)\n", id, modeLabel(a, opts.Provider))
		c.s.Start()
	}
	return c.loop(ctx)
}

// chat is one running terminal conversation.
type chat struct {
	f  *Factory
	r  *chatRenderer
	s  *agent.Session
	id string
}

func (c *chat) loop(ctx context.Context) error {
	in := bufio.NewReader(c.f.IO.In)
	for {
		if c.f.IO.IsStdinTTY() {
			fmt.Fprint(c.f.IO.ErrOut, c.f.IO.Bold("you> "))
		}
		line, err := in.ReadString('\n')
		text := strings.TrimRight(line, "\r\n")
		if !c.f.IO.IsStdinTTY() && (text != "" || err == nil) {
			fmt.Fprintln(c.f.IO.Out, "you> "+text) // echo piped input so the transcript reads
		}
		if text != "" || err == nil {
			if quit := c.handle(ctx, text); quit {
				break
			}
		}
		if err != nil {
			if !errors.Is(err, io.EOF) {
				return fmt.Errorf("read input: %w", err)
			}
			break
		}
	}
	c.goodbye()
	return nil
}

// handle runs one line: a slash command or a message. It reports whether
// the person asked to quit.
func (c *chat) handle(ctx context.Context, text string) bool {
	if strings.HasPrefix(strings.TrimSpace(text), "/") {
		return c.command(ctx, strings.TrimSpace(text))
	}
	c.turn(ctx, func(tctx context.Context) error { return c.s.Send(tctx, text) })
	return false
}

// turn runs fn with a context that Ctrl-C cancels: the generation stops,
// the session goes on.
func (c *chat) turn(parent context.Context, fn func(context.Context) error) {
	ctx, stop := signal.NotifyContext(parent, os.Interrupt)
	defer stop()
	err := fn(ctx)
	c.r.endLine()
	switch {
	case err == nil:
	case ctx.Err() != nil:
		fmt.Fprintln(c.f.IO.ErrOut, "(cancelled: your message is kept; /retry asks again, or just go on)")
	default:
		// the session already reported it as an error event
	}
}

func (c *chat) goodbye() {
	io := c.f.IO
	if c.s.Done() {
		fmt.Fprintf(io.ErrOut, "session %s saved; resume anytime with: dataeng-os chat --resume %s\n", c.id, c.id)
		return
	}
	fmt.Fprintf(io.ErrOut, "session %s kept; resume with: dataeng-os chat --resume %s\n", c.id, c.id)
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
