package cli

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/reeflective/readline"
	"github.com/reeflective/readline/inputrc"
)

// chatCommands are the slash commands, for tab completion (the chat.help catalog text
// describes them).
var chatCommands = []string{"/help", "/canvas", "/contract", "/findings", "/validate", "/draft",
	"/save", "/attempts", "/usage", "/retry", "/lang", "/fields", "/undo", "/edit", "/quit"}

// ttyReader is the line editor on a terminal (github.com/reeflective/readline,
// Emacs keys): history in .dataeng-os/history, arrows, Ctrl-A/E, Alt-B/F and
// Ctrl-arrows for words, bracketed paste (a pasted block is one answer), a
// trailing `\` for another line, Tab completing slash commands.
type ttyReader struct {
	rl   *readline.Shell
	hist *chatHistory
}

// newTTYReader makes the line editor; status, when set, is the status
// line shown on the right of the prompt and redrawn with it.
func newTTYReader(prompt string, hist *chatHistory, status func() string) *ttyReader {
	rl := readline.NewShell(inputrc.WithApp("dataeng-os"))
	rl.Prompt.Primary(func() string { return prompt })
	if status != nil {
		rl.Prompt.Right(status)
	}
	rl.Prompt.Secondary(func() string { return "   … " })
	_ = rl.Config.Set("enable-bracketed-paste", true)
	rl.History.Delete()
	rl.History.Add("project", hist)
	rl.AcceptMultiline = func(line []rune) bool { return !continues(string(line)) }
	rl.Completer = completeSlash
	return &ttyReader{rl: rl, hist: hist}
}

// Read edits one answer. Ctrl-C on an empty line is errPromptInterrupt;
// Ctrl-C with text discards the text and edits a new line.
func (t *ttyReader) Read() (string, error) {
	for {
		line, err := t.rl.Readline()
		switch {
		case errors.Is(err, readline.ErrInterrupt):
			if strings.TrimSpace(line) == "" {
				return "", errPromptInterrupt
			}
			continue
		case errors.Is(err, io.EOF):
			return "", io.EOF
		case err != nil:
			return "", fmt.Errorf("read input: %w", err)
		}
		return joinContinued(line), nil
	}
}

func (t *ttyReader) Close() error { return nil }

// completeSlash completes a slash command at the start of the line.
func completeSlash(line []rune, cursor int) readline.Completions {
	if cursor > len(line) {
		cursor = len(line)
	}
	word := string(line[:cursor])
	if !strings.HasPrefix(word, "/") || strings.ContainsAny(word, " \n") {
		return readline.Completions{}
	}
	var vals []string
	for _, c := range chatCommands {
		if strings.HasPrefix(c, word) {
			vals = append(vals, c)
		}
	}
	return readline.CompleteValues(vals...)
}
