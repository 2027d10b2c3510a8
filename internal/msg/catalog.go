package msg

import "sync"

// The catalogs are built on first use, one language at a time: a command
// that prints only English never builds the Portuguese one, and one that
// prints nothing (validate on a clean file) builds neither.
var (
	enOnce = sync.OnceValue(func() map[Key]string {
		return merge(enChat(), enGuided(), enPlain(), enContract(), enWeb(), enWebHelp(), enFacts())
	})
	ptOnce = sync.OnceValue(func() map[Key]string {
		return merge(ptChat(), ptGuided(), ptPlain(), ptContract(), ptWeb(), ptWebHelp(), ptFacts())
	})
)

// catalog is lang's whole catalog (lang normalised); nil for none.
func catalog(lang string) map[Key]string {
	switch lang {
	case EN:
		return enOnce()
	case PT:
		return ptOnce()
	}
	return nil
}

func merge(parts ...map[Key]string) map[Key]string {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	out := make(map[Key]string, n)
	for _, p := range parts {
		for k, v := range p {
			if _, dup := out[k]; dup {
				panic("msg: key " + string(k) + " is defined twice")
			}
			out[k] = v
		}
	}
	return out
}
