package scripted

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/dataeng-os/dataeng-os/providers"
)

// Load reads a script file (YAML or JSON) and returns a client replaying it.
//
// The file is a list of turns, or a mapping with "model" and "turns":
//
//	model: demo-model
//	turns:
//	  - text: "Hello"             # or file: answer.md (relative to the script)
//	    match: orders             # optional: only for prompts containing this
//	    repeat: false
//	    usage: {input: 120, output: 40}
//	    delay: 200ms
//	    chunk_delay: 5ms
//	    chunk_size: 16
//	    finish_reason: stop
//	    error: {kind: rate_limit, status: 429, retry_after: 2s, message: slow down, after_chunks: 0}
func Load(path string) (*Client, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("load script: %w", err)
	}
	model, turns, err := Parse(data, filepath.Dir(path))
	if err != nil {
		return nil, fmt.Errorf("load script %s: %w", path, err)
	}
	return New(turns...).WithModel(model), nil
}

type fileScript struct {
	Model string      `yaml:"model"`
	Turns []yaml.Node `yaml:"turns"`
}

type fileTurn struct {
	Text         string     `yaml:"text"`
	File         string     `yaml:"file"`
	Match        string     `yaml:"match"`
	Repeat       bool       `yaml:"repeat"`
	Usage        *fileUsage `yaml:"usage"`
	Delay        string     `yaml:"delay"`
	ChunkDelay   string     `yaml:"chunk_delay"`
	ChunkSize    int        `yaml:"chunk_size"`
	FinishReason string     `yaml:"finish_reason"`
	Error        *fileFault `yaml:"error"`
}

type fileUsage struct {
	Input  int `yaml:"input"`
	Output int `yaml:"output"`
}

type fileFault struct {
	Kind        string `yaml:"kind"`
	Status      int    `yaml:"status"`
	Message     string `yaml:"message"`
	RetryAfter  string `yaml:"retry_after"`
	AfterChunks int    `yaml:"after_chunks"`
}

// Parse decodes a script; dir resolves "file:" entries. Errors name the line.
func Parse(data []byte, dir string) (model string, turns []Turn, err error) {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return "", nil, err
	}
	if len(root.Content) == 0 {
		return "", nil, fmt.Errorf("empty script")
	}
	doc := root.Content[0]
	var fs fileScript
	switch doc.Kind {
	case yaml.SequenceNode:
		for _, n := range doc.Content {
			fs.Turns = append(fs.Turns, *n)
		}
	case yaml.MappingNode:
		if err := doc.Decode(&fs); err != nil {
			return "", nil, err
		}
	default:
		return "", nil, fmt.Errorf("line %d: want a list of turns or a mapping with turns", doc.Line)
	}
	for i := range fs.Turns {
		n := &fs.Turns[i]
		t, err := parseTurn(n, dir)
		if err != nil {
			line := n.Line
			var fe *fieldError
			if errors.As(err, &fe) {
				line = fieldLine(n, strings.Split(fe.field, ".")...)
			}
			return "", nil, fmt.Errorf("line %d: turn %d: %w", line, i+1, err)
		}
		turns = append(turns, t)
	}
	return fs.Model, turns, nil
}

func parseTurn(n *yaml.Node, dir string) (Turn, error) {
	var ft fileTurn
	if err := n.Decode(&ft); err != nil {
		return Turn{}, err
	}
	t := Turn{Text: ft.Text, Match: ft.Match, Repeat: ft.Repeat, ChunkSize: ft.ChunkSize, FinishReason: ft.FinishReason}
	if ft.File != "" {
		p := ft.File
		if !filepath.IsAbs(p) {
			p = filepath.Join(dir, p)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return Turn{}, &fieldError{"file", err}
		}
		t.Text = string(b)
	}
	if ft.Usage != nil {
		t.Usage = &providers.Usage{InputTokens: ft.Usage.Input, OutputTokens: ft.Usage.Output}
	}
	var err error
	if t.Delay, err = duration("delay", ft.Delay); err != nil {
		return Turn{}, err
	}
	if t.ChunkDelay, err = duration("chunk_delay", ft.ChunkDelay); err != nil {
		return Turn{}, err
	}
	if ft.Error != nil {
		if t.Err, err = parseFault(ft.Error); err != nil {
			return Turn{}, err
		}
	}
	return t, nil
}

func parseFault(f *fileFault) (*Fault, error) {
	kind, err := providers.ParseErrorKind(f.Kind)
	if err != nil {
		return nil, &fieldError{"error.kind", err}
	}
	ra, err := duration("error.retry_after", f.RetryAfter)
	if err != nil {
		return nil, err
	}
	return &Fault{Kind: kind, Status: f.Status, Message: f.Message, RetryAfter: ra, AfterChunks: f.AfterChunks}, nil
}

func duration(field, s string) (time.Duration, error) {
	if s == "" {
		return 0, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil {
		return 0, &fieldError{field, err}
	}
	return d, nil
}

// fieldError is a bad value in a named (dotted) field.
type fieldError struct {
	field string
	err   error
}

func (e *fieldError) Error() string { return e.field + ": " + e.err.Error() }
func (e *fieldError) Unwrap() error { return e.err }

// fieldLine finds the line of the value at path in a mapping node, or the
// node's own line.
func fieldLine(n *yaml.Node, path ...string) int {
	line := n.Line
	for _, key := range path {
		if n.Kind != yaml.MappingNode {
			return line
		}
		found := false
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == key {
				n, line, found = n.Content[i+1], n.Content[i+1].Line, true
				break
			}
		}
		if !found {
			return line
		}
	}
	return line
}
