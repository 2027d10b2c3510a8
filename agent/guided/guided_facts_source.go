package guided

import (
	"strings"

	"github.com/dataeng-os/dataeng-os/agent/spec"
	"github.com/dataeng-os/dataeng-os/internal/lazyre"
)

// knownSystems are products whose name is the system, written in any case:
// "export from hubspot", "Stripe".
var knownSystems = set("hubspot", "stripe", "salesforce", "zendesk", "shopify", "workday", "sap", "netsuite",
	"intercom", "mailchimp", "braintree", "adyen", "paypal", "pagarme", "vtex", "rdstation", "totvs", "freshdesk",
	"jira", "pipedrive", "marketo", "segment", "mixpanel", "amplitude", "quickbooks", "xero", "twilio", "sendgrid")

// databaseWords are database technologies: the source's name when nothing
// else names the system ("Postgres", "MySQL").
var databaseWords = set("postgres", "postgresql", "mysql", "mariadb", "oracle", "sqlserver", "mssql", "mongo",
	"mongodb", "dynamodb", "cassandra", "redis")

// databaseNouns follow a system's name ("the billing database") or come
// before it ("banco da loja", "MySQL da loja").
var databaseNouns = set("database", "db", "banco", "base", "replica", "schema")

var (
	storagePathRE = lazyre.New(`\b(?:s3a?|gs|gcs|abfss?|wasbs?|hdfs)://([\w.-]+)`)
	storageFullRE = lazyre.New(`\b(?:s3a?|gs|gcs|abfss?|wasbs?|hdfs)://\S*`)
)

// systemSource names the dbt source from a Data sources answer or a note
// line: sourceName's reading ("the checkout service", "export from
// HubSpot"), else a known product in any case ("stripe"), the system a
// database is of ("Postgres billing database", "MySQL da loja"), the lone
// database named ("Postgres"), or a storage path's bucket
// ("s3://acme-raw/orders" → acme_raw). Several systems give "" and the candidates.
func systemSource(answer string) (name string, candidates []string) {
	rest := storageFullRE.ReplaceAllString(answer, " ") // a path's words name no system
	if name, candidates = sourceName(rest); name != "" || len(candidates) > 1 {
		return name, candidates
	}
	words := sourceTokenRE.FindAllString(strings.ToLower(spec.FoldAccents(rest)), -1)
	var known []string
	for _, w := range words {
		if knownSystems[w] {
			known = append(known, w)
		}
	}
	if c := dedupe(known); len(c) > 0 {
		return pick(c)
	}
	if c := dedupe(databaseOf(words)); len(c) > 0 {
		return pick(c)
	}
	if m := storagePathRE.FindStringSubmatch(answer); m != nil {
		return spec.SanitizeName(m[1]), []string{spec.SanitizeName(m[1])}
	}
	return "", nil
}

func pick(c []string) (string, []string) {
	if len(c) == 1 {
		return c[0], c
	}
	return "", c
}

// databaseOf finds the system a database word is of: "postgres billing
// database", "billing db", "mysql da loja", "banco do erp"; else the
// database technology itself when it is the only one named.
func databaseOf(words []string) []string {
	var named, techs []string
	for i, w := range words {
		tech := databaseWords[w]
		if tech {
			techs = append(techs, w)
		}
		if !tech && !databaseNouns[w] {
			continue
		}
		if i+1 < len(words) && nameWord(words[i+1]) && databaseNouns[after(words, i+1)] {
			named = append(named, words[i+1]) // postgres billing database
			continue
		}
		if databaseNouns[w] && i > 0 && nameWord(words[i-1]) {
			named = append(named, words[i-1]) // billing database
			continue
		}
		j := i + 1
		for j < len(words) && (words[j] == "de" || words[j] == "do" || words[j] == "da" || words[j] == "of" ||
			words[j] == "the" || words[j] == "dados") {
			j++
		}
		if j > i+1 && j < len(words) && nameWord(words[j]) {
			named = append(named, words[j]) // mysql da loja, banco de dados do erp
		}
	}
	if len(named) == 0 && len(dedupe(techs)) == 1 {
		return techs[:1]
	}
	return named
}

func after(words []string, i int) string {
	if i+1 < len(words) {
		return words[i+1]
	}
	return ""
}
