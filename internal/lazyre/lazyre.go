// Package lazyre holds regular expressions that are compiled on first use
// instead of at package initialisation.
//
// Every package-level regexp.MustCompile runs before main, in every
// process, whatever the command; a `dataeng-os validate` started by a
// pre-commit hook paid for the interviewer's ~80 patterns (issue 20). A
// *Regexp from New has the methods of *regexp.Regexp that the code base
// uses and compiles its pattern once, safely from many goroutines. Patterns
// are registered so that a test can compile them all (CompileAll): a bad
// pattern fails in the tests, as it did at init, not in a user's session.
package lazyre

import (
	"fmt"
	"regexp"
	"sync"
)

// Regexp is a regular expression compiled on first use.
type Regexp struct {
	pattern string
	compile func() *regexp.Regexp
}

var (
	registryMu sync.Mutex
	registry   []*Regexp
)

// New returns a Regexp for pattern. Like regexp.MustCompile it panics on a
// bad pattern, but only when the expression is first used.
func New(pattern string) *Regexp {
	r := newRegexp(pattern)
	registryMu.Lock()
	registry = append(registry, r)
	registryMu.Unlock()
	return r
}

func newRegexp(pattern string) *Regexp {
	return &Regexp{pattern: pattern, compile: sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(pattern)
	})}
}

// CompileAll compiles every pattern registered so far and reports the ones
// that do not compile. Meant for tests.
func CompileAll() []error {
	registryMu.Lock()
	all := append([]*Regexp(nil), registry...)
	registryMu.Unlock()
	return compileEach(all)
}

// Registered reports how many patterns New has registered.
func Registered() int {
	registryMu.Lock()
	defer registryMu.Unlock()
	return len(registry)
}

func compileEach(all []*Regexp) []error {
	var errs []error
	for _, r := range all {
		if _, err := regexp.Compile(r.pattern); err != nil {
			errs = append(errs, fmt.Errorf("lazyre: %w", err))
			continue
		}
		r.Re()
	}
	return errs
}

// Re returns the compiled expression.
func (r *Regexp) Re() *regexp.Regexp { return r.compile() }

// String returns the source text, without compiling it.
func (r *Regexp) String() string { return r.pattern }

// MatchString is regexp.Regexp.MatchString.
func (r *Regexp) MatchString(s string) bool { return r.Re().MatchString(s) }

// FindString is regexp.Regexp.FindString.
func (r *Regexp) FindString(s string) string { return r.Re().FindString(s) }

// FindStringIndex is regexp.Regexp.FindStringIndex.
func (r *Regexp) FindStringIndex(s string) []int { return r.Re().FindStringIndex(s) }

// FindStringSubmatch is regexp.Regexp.FindStringSubmatch.
func (r *Regexp) FindStringSubmatch(s string) []string { return r.Re().FindStringSubmatch(s) }

// FindStringSubmatchIndex is regexp.Regexp.FindStringSubmatchIndex.
func (r *Regexp) FindStringSubmatchIndex(s string) []int {
	return r.Re().FindStringSubmatchIndex(s)
}

// FindAllString is regexp.Regexp.FindAllString.
func (r *Regexp) FindAllString(s string, n int) []string { return r.Re().FindAllString(s, n) }

// FindAllStringIndex is regexp.Regexp.FindAllStringIndex.
func (r *Regexp) FindAllStringIndex(s string, n int) [][]int {
	return r.Re().FindAllStringIndex(s, n)
}

// FindAllStringSubmatch is regexp.Regexp.FindAllStringSubmatch.
func (r *Regexp) FindAllStringSubmatch(s string, n int) [][]string {
	return r.Re().FindAllStringSubmatch(s, n)
}

// FindAllStringSubmatchIndex is regexp.Regexp.FindAllStringSubmatchIndex.
func (r *Regexp) FindAllStringSubmatchIndex(s string, n int) [][]int {
	return r.Re().FindAllStringSubmatchIndex(s, n)
}

// ReplaceAllString is regexp.Regexp.ReplaceAllString.
func (r *Regexp) ReplaceAllString(src, repl string) string {
	return r.Re().ReplaceAllString(src, repl)
}

// ReplaceAllStringFunc is regexp.Regexp.ReplaceAllStringFunc.
func (r *Regexp) ReplaceAllStringFunc(src string, repl func(string) string) string {
	return r.Re().ReplaceAllStringFunc(src, repl)
}

// Split is regexp.Regexp.Split.
func (r *Regexp) Split(s string, n int) []string { return r.Re().Split(s, n) }

// SubexpNames is regexp.Regexp.SubexpNames.
func (r *Regexp) SubexpNames() []string { return r.Re().SubexpNames() }
