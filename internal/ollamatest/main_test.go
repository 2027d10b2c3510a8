package ollamatest

import (
	"fmt"
	"os"
	"testing"
)

// fx is the package's shared real Ollama server (see Fixture).
var fx *Fixture

func TestMain(m *testing.M) {
	var err error
	if fx, err = NewFixture(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	code := m.Run()
	fx.Close()
	os.Exit(code)
}

func needTiny(t *testing.T) (*Server, string) { return fx.Tiny(t) }
func needSmol(t *testing.T) (*Server, string) { return fx.Smol(t) }
func dumpLogOnFailure(t *testing.T, srv *Server) {
	DumpLogOnFailure(t, srv)
}
func countLines(log string, subs ...string) int { return CountLines(log, subs...) }
