package contract

import (
	"strconv"
	"strings"
)

// ptNameWords are words that make a column name Portuguese, beyond the
// participle endings of ptNameEndings.
var ptNameWords = map[string]bool{
	"data": true, "hora": true, "dia": true, "ativo": true, "ativa": true, "pago": true, "paga": true,
	"entregue": true, "valido": true, "valida": true, "cliente": true, "pedido": true, "usuario": true,
	"ultimo": true, "ultima": true, "primeiro": true, "novo": true, "nova": true, "aberto": true,
	"aberta": true, "visivel": true, "publico": true, "excluido": true, "em": true, "de": true, "do": true,
	"da": true, "desconto": true, "frete": true, "nota": true, "fiscal": true, "compra": true, "venda": true,
	"inicio": true, "fim": true, "envio": true, "entrega": true, "pagamento": true, "cadastro": true,
}

var ptNameEndings = []string{"ado", "ada", "ido", "ida", "cao", "ção", "coes", "ções", "mento"}

// looksPortuguese reports whether a column name reads as Portuguese
// (`criado`, `data_entrega`, `ativo`), so that a rename uses the
// Portuguese suffix or prefix.
func looksPortuguese(name string) bool {
	for _, t := range tokens(name) {
		if ptNameWords[t] {
			return true
		}
		for _, e := range ptNameEndings {
			if len(t) > len(e)+2 && strings.HasSuffix(t, e) {
				return true
			}
		}
	}
	return false
}

// hasAnySuffix reports whether s ends with one of the suffixes.
func hasAnySuffix(s string, suffixes []string) bool {
	for _, x := range suffixes {
		if x != "" && strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}

// timestampRename returns name with a timestamp suffix of np: the
// Portuguese one for a Portuguese name (`criado` → `criado_em`), else the
// main one (`created_ts` → `created_at`). A name that already ends with an
// accepted suffix is kept, and a suffix of the other language is replaced:
// `criado_em` never becomes `criado_em_at`.
func timestampRename(name string, np NamingProperty) string {
	all := np.TimestampSuffixes()
	if len(all) == 0 || hasAnySuffix(name, all) {
		return name
	}
	sfx := all[0]
	if pt := orDefault(np.TimestampSuffixesPt, DefaultTimestampSuffixesPt); len(pt) > 0 && looksPortuguese(name) {
		sfx = pt[0]
	}
	for _, old := range []string{"_timestamp", "_datetime", "_time", "_ts", "_em", "_at"} {
		if s, ok := strings.CutSuffix(name, old); ok && s != "" {
			if hasAnySuffix(s, all) { // updated_at_ts → updated_at
				return s
			}
			return s + sfx
		}
	}
	return name + sfx
}

// booleanRename returns name with a boolean prefix of np: `ativo` →
// `eh_ativo`, `active` → `is_active`; a name with an accepted prefix is
// kept.
func booleanRename(name string, np NamingProperty) string {
	all := np.AllBooleanPrefixes()
	if len(all) == 0 || hasAnyPrefix(name, all) {
		return name
	}
	if pt := orDefault(np.BooleanPrefixesPt, DefaultBooleanPrefixesPt); len(pt) > 0 && looksPortuguese(name) {
		return pt[0] + name
	}
	return all[0] + name
}

// quotedOr renders `"_at" or "_em"`.
func quotedOr(list []string) string {
	q := make([]string, len(list))
	for i, s := range list {
		q[i] = strconv.Quote(s)
	}
	return strings.Join(q, " or ")
}
