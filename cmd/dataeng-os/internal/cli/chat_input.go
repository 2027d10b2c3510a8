package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/dataeng-os/dataeng-os/internal/lazyre"
)

// continuation is a line-ending backslash (and blanks after it).
var continuation = lazyre.New(`\\[ \t]*\n`)

// errPromptInterrupt is Ctrl-C at the prompt (not during a generation).
var errPromptInterrupt = errors.New("interrupted at the prompt")

// answerReader reads the person's answers: a line editor on a terminal,
// lines (or the whole input) from a pipe.
type answerReader interface {
	// Read returns the next answer; io.EOF ends the input (an answer may
	// come with it), errPromptInterrupt is Ctrl-C at the prompt.
	Read() (string, error)
	Close() error
}

type lineResult struct {
	text string
	err  error
}

// pipeReader reads one answer per line from a non-terminal stdin; a line
// ending with a backslash goes on on the next line, as on a terminal, so
// a multi-line answer is one answer. A SIGINT while it waits counts as
// Ctrl-C at the prompt.
type pipeReader struct {
	lines chan lineResult
	sigs  <-chan os.Signal
}

func newPipeReader(in io.Reader, sigs <-chan os.Signal) *pipeReader {
	p := &pipeReader{lines: make(chan lineResult), sigs: sigs}
	go p.pump(bufio.NewReader(in))
	return p
}

func (p *pipeReader) pump(in *bufio.Reader) {
	var answer string
	for {
		line, err := in.ReadString('\n')
		line = strings.TrimRight(line, "\r\n")
		if err == nil && continues(line) {
			answer += line + "\n"
			continue
		}
		p.lines <- lineResult{joinContinued(answer + line), err}
		answer = ""
		if err != nil {
			return
		}
	}
}

func (p *pipeReader) Read() (string, error) {
	select {
	case r := <-p.lines:
		return r.text, r.err
	case <-p.sigs:
		return "", errPromptInterrupt
	}
}

func (p *pipeReader) Close() error { return nil }

// wholeReader returns the whole of stdin as one answer (--stdin-as-one).
type wholeReader struct {
	in   io.Reader
	done bool
}

func (w *wholeReader) Read() (string, error) {
	if w.done {
		return "", io.EOF
	}
	w.done = true
	b, err := io.ReadAll(w.in)
	if err != nil {
		return "", fmt.Errorf("read input: %w", err)
	}
	return strings.TrimRight(string(b), "\r\n"), io.EOF
}

func (w *wholeReader) Close() error { return nil }

// joinContinued turns a typed multi-line answer into its text: a trailing
// backslash continues the line and is not part of the answer.
func joinContinued(s string) string {
	return continuation.ReplaceAllString(s, "\n")
}

// continues reports whether an edited line asks for another line (it ends
// with a backslash).
func continues(line string) bool {
	return strings.HasSuffix(strings.TrimRight(line, " \t"), `\`)
}
