package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"

	"github.com/dataeng-os/dataeng-os/agent"
	"github.com/dataeng-os/dataeng-os/kernel"
)

// chat is one running terminal conversation.
type chat struct {
	f  *Factory
	r  *chatRenderer
	s  *agent.Session
	a  *agent.Architect
	id string

	proj       *kernel.Project
	sigs       chan os.Signal // SIGINT for the chat's lifetime: no silent exit 130
	interrupts int            // Ctrl-C in a row at an empty prompt
}

func newChat(f *Factory, proj *kernel.Project, a *agent.Architect, id string) *chat {
	c := &chat{f: f, a: a, id: id, proj: proj, sigs: make(chan os.Signal, 1)}
	c.r = newChatRenderer(f, proj.Root)
	c.r.lang = c.lang
	signal.Notify(c.sigs, os.Interrupt)
	return c
}

// lang is the session's language for the CLI's own words.
func (c *chat) lang() string {
	if c.s != nil {
		if l := c.s.Result().Lang; l != "" {
			return l
		}
	}
	return langHint(c.f.Getenv)
}

// reader picks how answers are read: the line editor on a terminal, else
// lines or (--stdin-as-one) the whole input.
func (c *chat) reader(whole bool) answerReader {
	io := c.f.IO
	switch {
	case io.IsStdinTTY() && !whole:
		hist := openChatHistory(c.proj.Path(kernel.StateDir, "history"))
		if hist.err != nil {
			fmt.Fprintln(io.ErrOut, "note: "+hist.err.Error())
		}
		status := func() string { return io.Color("2", c.status()) }
		return newTTYReader(io.Bold("you> "), hist, status)
	case whole:
		return &wholeReader{in: io.In}
	default:
		return newPipeReader(io.In, c.sigs)
	}
}

func (c *chat) loop(ctx context.Context, whole bool) error {
	defer signal.Stop(c.sigs)
	in := c.reader(whole)
	defer in.Close()
	for {
		text, err := in.Read()
		if errors.Is(err, errPromptInterrupt) {
			if c.interrupted() {
				break
			}
			continue
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return err
		}
		if text != "" || err == nil {
			c.interrupts = 0
			if !c.f.IO.IsStdinTTY() {
				fmt.Fprintln(c.f.IO.Out, "you> "+text) // echo piped input so the transcript reads
			}
			if quit := c.handle(ctx, text); quit {
				break
			}
		}
		if err != nil {
			break
		}
	}
	c.goodbye()
	return nil
}

// interrupted handles Ctrl-C at an empty prompt: the first says how to
// leave, the second leaves. It reports whether to leave.
func (c *chat) interrupted() bool {
	c.interrupts++
	if c.interrupts >= 2 {
		return true
	}
	fmt.Fprintf(c.f.IO.ErrOut, "press Ctrl-C again or /quit to leave; the session is kept (resume: dataeng-os chat --resume %s)\n", c.id)
	return false
}

// handle runs one answer: a slash command or a message. It reports
// whether the person asked to quit.
func (c *chat) handle(ctx context.Context, text string) bool {
	t := strings.TrimSpace(text)
	if !strings.HasPrefix(t, "/") {
		c.turn(ctx, func(tctx context.Context) error { return c.s.Send(tctx, text) })
		return false
	}
	seen := c.r.asked
	if quit := c.command(ctx, t); quit {
		return true
	}
	if c.r.asked == seen && !c.s.Done() {
		c.r.repeatQuestion()
	}
	return false
}

// turn runs fn with a context that Ctrl-C cancels: the generation stops,
// the session goes on.
func (c *chat) turn(parent context.Context, fn func(context.Context) error) {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	for len(c.sigs) > 0 { // a Ctrl-C from before the turn does not cancel it
		<-c.sigs
	}
	done := make(chan struct{})
	go func() {
		select {
		case <-c.sigs:
			cancel()
		case <-done:
		}
	}()
	err := fn(ctx)
	close(done)
	c.r.endLine()
	if err != nil && ctx.Err() != nil && parent.Err() == nil {
		fmt.Fprintln(c.f.IO.ErrOut, "(cancelled: the partial answer stays above and in the session journal, not in the conversation the model sees; your message is kept; /retry asks again, or just go on)")
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
