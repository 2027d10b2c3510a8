package lazyre

import (
	"fmt"
	"reflect"
	"regexp"
	"strings"
	"sync"
	"testing"
)

func TestMethodsMatchRegexp(t *testing.T) {
	t.Parallel()
	const text = "order_id 12, total_cents 3400; status=paid"
	tests := []struct {
		name    string
		pattern string
		call    func(any) any
	}{
		{"MatchString", `\d+`, func(r any) any { return call(r, "MatchString", text) }},
		{"FindString", `[a-z]+_[a-z]+`, func(r any) any { return call(r, "FindString", text) }},
		{"FindStringIndex", `\d+`, func(r any) any { return call(r, "FindStringIndex", text) }},
		{"FindStringSubmatch", `(\w+)=(\w+)`, func(r any) any { return call(r, "FindStringSubmatch", text) }},
		{"FindStringSubmatchIndex", `(\w+)=(\w+)`, func(r any) any { return call(r, "FindStringSubmatchIndex", text) }},
		{"FindAllString", `\d+`, func(r any) any { return call(r, "FindAllString", text, -1) }},
		{"FindAllStringIndex", `\d+`, func(r any) any { return call(r, "FindAllStringIndex", text, 1) }},
		{"FindAllStringSubmatch", `(\w)_(\w)`, func(r any) any { return call(r, "FindAllStringSubmatch", text, -1) }},
		{"FindAllStringSubmatchIndex", `(\w)_(\w)`, func(r any) any { return call(r, "FindAllStringSubmatchIndex", text, -1) }},
		{"ReplaceAllString", `(\d+)`, func(r any) any { return call(r, "ReplaceAllString", text, "<$1>") }},
		{"ReplaceAllStringFunc", `[a-z]+`, func(r any) any { return call(r, "ReplaceAllStringFunc", text, strings.ToUpper) }},
		{"Split", `[,;]\s*`, func(r any) any { return call(r, "Split", text, -1) }},
		{"SubexpNames", `(?P<key>\w+)=(?P<val>\w+)`, func(r any) any { return call(r, "SubexpNames") }},
		{"String", `a|b`, func(r any) any { return call(r, "String") }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			want := tt.call(regexp.MustCompile(tt.pattern))
			got := tt.call(newRegexp(tt.pattern))
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s: got %v, want %v", tt.name, got, want)
			}
		})
	}
}

// call invokes the named method on r (a *regexp.Regexp or a *Regexp) and
// returns its single result.
func call(r any, name string, args ...any) any {
	m := reflect.ValueOf(r).MethodByName(name)
	if !m.IsValid() {
		return fmt.Sprintf("no method %s on %T", name, r)
	}
	in := make([]reflect.Value, len(args))
	for i, a := range args {
		in[i] = reflect.ValueOf(a)
	}
	return m.Call(in)[0].Interface()
}

func TestCompiledOnceConcurrently(t *testing.T) {
	t.Parallel()
	r := newRegexp(`[\pL\pN_]+`)
	const n = 16
	got := make([]*regexp.Regexp, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() { got[i] = r.Re() })
	}
	wg.Wait()
	for i := range got {
		if got[i] == nil || got[i] != got[0] {
			t.Fatalf("goroutine %d got %p, goroutine 0 got %p: compiled more than once", i, got[i], got[0])
		}
	}
}

func TestBadPatternPanicsOnFirstUse(t *testing.T) {
	t.Parallel()
	r := newRegexp(`(`) // not registered, so CompileAll stays clean
	defer func() {
		if recover() == nil {
			t.Error("first use of a bad pattern did not panic")
		}
	}()
	r.MatchString("x")
}

func TestCompileEachReportsBadPatterns(t *testing.T) {
	t.Parallel()
	errs := compileEach([]*Regexp{newRegexp(`ok`), newRegexp(`a(`), newRegexp(`[z-a]`)})
	if len(errs) != 2 {
		t.Fatalf("got %d errors (%v), want 2", len(errs), errs)
	}
	for _, err := range errs {
		if !strings.HasPrefix(err.Error(), "lazyre: ") {
			t.Errorf("error %q lacks the package prefix", err)
		}
	}
}
