// Package iostreams carries the CLI's standard streams and terminal facts, as
// in the GitHub CLI's pkg/iostreams: data goes to Out, chatter to ErrOut.
package iostreams

import (
	"bytes"
	"io"
	"os"
	"strings"

	"golang.org/x/term"
)

// IOStreams bundles the process streams with what is known about them.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer

	stdinTTY  bool
	stdoutTTY bool
	stderrTTY bool
	color     bool
}

// System wraps real streams, detecting terminals on *os.File values.
// NO_COLOR disables colour; colour is only ever on for a terminal.
func System(in io.Reader, out, errOut io.Writer) *IOStreams {
	s := &IOStreams{In: in, Out: out, ErrOut: errOut}
	s.stdinTTY = isTerminal(in)
	s.stdoutTTY = isTerminal(out)
	s.stderrTTY = isTerminal(errOut)
	s.color = s.stdoutTTY && os.Getenv("NO_COLOR") == "" && !strings.EqualFold(os.Getenv("TERM"), "dumb")
	return s
}

// Test returns streams backed by buffers: stdin, stdout, stderr.
func Test() (*IOStreams, *bytes.Buffer, *bytes.Buffer, *bytes.Buffer) {
	in, out, errOut := &bytes.Buffer{}, &bytes.Buffer{}, &bytes.Buffer{}
	return &IOStreams{In: in, Out: out, ErrOut: errOut}, in, out, errOut
}

func isTerminal(v any) bool {
	f, ok := v.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// IsStdinTTY reports whether standard input is a terminal.
func (s *IOStreams) IsStdinTTY() bool { return s.stdinTTY }

// IsStderrTTY reports whether standard error is a terminal.
func (s *IOStreams) IsStderrTTY() bool { return s.stderrTTY }

// SetTTY forces the terminal flags (tests).
func (s *IOStreams) SetTTY(in, out, errOut bool) {
	s.stdinTTY, s.stdoutTTY, s.stderrTTY = in, out, errOut
}

// ColorEnabled reports whether ANSI colour may be written to Out.
func (s *IOStreams) ColorEnabled() bool { return s.color }

// SetColorEnabled forces colour on or off (tests, --no-color).
func (s *IOStreams) SetColorEnabled(on bool) { s.color = on }

// Color wraps text in an ANSI SGR code when colour is enabled.
func (s *IOStreams) Color(code, text string) string {
	if !s.color {
		return text
	}
	return "\x1b[" + code + "m" + text + "\x1b[0m"
}

// Red, Yellow, Green and Bold are the palette.
func (s *IOStreams) Red(t string) string    { return s.Color("31", t) }
func (s *IOStreams) Yellow(t string) string { return s.Color("33", t) }
func (s *IOStreams) Green(t string) string  { return s.Color("32", t) }
func (s *IOStreams) Bold(t string) string   { return s.Color("1", t) }
