package contract

import ("testing"; "fmt"; "path/filepath")

func diffv(path string, a, b any) {
	switch x := a.(type) {
	case map[string]any:
		y, _ := b.(map[string]any)
		for k, v := range x {
			if l, ok := v.([]any); ok && len(l) == 0 { continue }
			if v == nil { continue }
			w, ok := y[k]
			if !ok { fmt.Println("LOST", path+"."+k); continue }
			diffv(path+"."+k, v, w)
		}
	case []any:
		y, _ := b.([]any)
		if len(y) != len(x) { fmt.Println("LEN", path); return }
		for i := range x { diffv(fmt.Sprintf("%s[%d]", path, i), x[i], y[i]) }
	default:
		if fmt.Sprint(a) != fmt.Sprint(b) { fmt.Println("CHANGED", path, a, b) }
	}
}

func TestZZ(t *testing.T) {
	for _, f := range sharedExamples(t) {
		doc, _ := Parse(filepath.Base(f), readFile(t, f))
		out, _ := Marshal(doc.Contract)
		again, _ := Parse("x", out)
		diffv(filepath.Base(f), doc.value, again.value)
	}
}
