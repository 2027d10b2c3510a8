package msg

// en and pt are the whole catalogs, merged from each area's table.
var (
	en = merge(enChat, enGuided, enPlain, enContract, enWeb, enWebHelp, enFacts)
	pt = merge(ptChat, ptGuided, ptPlain, ptContract, ptWeb, ptWebHelp, ptFacts)
)

func merge(parts ...map[Key]string) map[Key]string {
	out := map[Key]string{}
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
