package guided

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/dataeng-os/dataeng-os/agent/event"
	"github.com/dataeng-os/dataeng-os/agent/spec"
	"github.com/dataeng-os/dataeng-os/internal/lazyre"
)

// sourceWords are technology and filler words: never a system's name.
var sourceWords = set("postgres", "postgresql", "mysql", "mariadb", "oracle", "sqlserver", "mssql", "sql", "server",
	"mongo", "mongodb", "dynamodb", "cassandra", "redis", "kafka", "kinesis", "pubsub", "s3", "gcs", "adls", "blob",
	"bucket", "csv", "json", "parquet", "avro", "file", "files", "arquivo", "arquivos", "database", "databases", "db",
	"banco", "bancos", "dados", "data", "table", "tables", "tabela", "tabelas", "schema", "api", "apis", "rest", "graphql",
	"service", "services", "servico", "servicos", "system", "systems", "sistema", "sistemas", "app", "apps",
	"application", "aplicacao", "aplicativo", "platform", "plataforma", "backend", "microservice", "microsservico",
	"the", "a", "an", "of", "our", "their", "its", "from", "new", "old", "legacy", "main", "production", "prod",
	"replica", "read", "export", "exports", "exportacao", "dump", "daily", "diaria", "diario", "do", "da", "de", "dos",
	"das", "o", "os", "as", "para", "no", "na", "nos", "nas", "via", "and", "e", "s", "bigquery", "snowflake",
	"redshift", "duckdb", "databricks", "sftp", "ftp", "events", "event", "eventos", "evento", "stream", "streams",
	"topic", "topics", "topico", "webhook", "webhooks", "spreadsheet", "spreadsheets", "planilha", "planilhas", "excel",
	"google", "sheets", "cdc", "debezium", "fivetran", "airbyte", "internal", "interno", "interna", "in", "on", "at",
	"with", "into", "to", "by", "em", "com", "pelo", "pela", "raw", "landing", "warehouse", "lake", "datalake", "crm", "erp",
	"public", "dbo", "default", "we", "it", "is", "team", "time", "equipe", "squad", "area",
	"skip", "pular", "unknown", "desconhecido", "desconhecida", "tbd", "todo", "na", "n", "none", "nenhum", "nenhuma",
	"nao", "sei", "idk", "later", "depois", "same", "mesmo", "as", "above", "acima", "notes", "notas", "kickoff", "comes", "come", "vem", "sao", "um", "uma")

// systemNouns follow (English) or precede (Portuguese) a system's name:
// "the checkout service", "serviço de checkout".
var systemNouns = set("service", "services", "servico", "app", "application", "aplicacao", "aplicativo", "system",
	"sistema", "api", "platform", "plataforma", "backend", "microservice", "microsservico")

var sourceTokenRE = lazyre.New(`[\pL\pN_]+`)

// sourceName derives the dbt source (system) name from a Data sources
// answer: the word naming a service or system ("the checkout service's
// Postgres", "serviço de pagamentos"), else a product written with a
// capital ("export from HubSpot"), else the schema ("Postgres, schema
// checkout"), else a one-word answer. It returns "" and the candidates it
// saw when the answer names no system or several.
func sourceName(answer string) (name string, candidates []string) {
	locs := sourceTokenRE.FindAllStringIndex(answer, -1)
	words, raw := make([]string, len(locs)), make([]string, len(locs))
	for i, l := range locs {
		raw[i] = answer[l[0]:l[1]]
		words[i] = strings.ToLower(spec.FoldAccents(raw[i]))
		if sentenceStart(answer[:l[0]]) {
			raw[i] = strings.ToLower(raw[i]) // a capital there says nothing
		}
	}
	for _, rule := range []func([]string, []string) []string{serviceNames, properNames, schemaNames, loneName} {
		if c := dedupe(rule(words, raw)); len(c) > 0 {
			if len(c) == 1 {
				return c[0], c
			}
			return "", c
		}
	}
	return "", nil
}

// sentenceStart reports whether a word after prefix starts a sentence.
func sentenceStart(prefix string) bool {
	p := strings.TrimRightFunc(prefix, unicode.IsSpace)
	return p == "" || strings.ContainsAny(p[len(p)-1:], ".!?:;\n")
}

func nameWord(w string) bool {
	return w != "" && !sourceWords[w] && unicode.IsLetter([]rune(w)[0])
}

func serviceNames(words, _ []string) []string {
	var out []string
	for i, w := range words {
		if !systemNouns[w] {
			continue
		}
		if i > 0 && nameWord(words[i-1]) {
			out = append(out, words[i-1]) // the checkout service
			continue
		}
		j := i + 1
		for j < len(words) && (words[j] == "de" || words[j] == "do" || words[j] == "da" || words[j] == "of" || words[j] == "the") {
			j++
		}
		if j < len(words) && nameWord(words[j]) {
			out = append(out, words[j]) // serviço de checkout
		}
	}
	return out
}

func properNames(words, raw []string) []string {
	var out []string
	for i := range raw {
		if r := []rune(raw[i]); unicode.IsUpper(r[0]) && nameWord(words[i]) && len(r) > 1 {
			out = append(out, words[i])
		}
	}
	return out
}

func schemaNames(words, _ []string) []string {
	var out []string
	for i := 0; i+1 < len(words); i++ {
		if words[i] == "schema" && nameWord(words[i+1]) {
			out = append(out, words[i+1])
		}
	}
	return out
}

func loneName(words, _ []string) []string {
	var names []string
	for _, w := range words {
		if nameWord(w) {
			names = append(names, w)
		}
	}
	if len(names) == 1 && len(words) <= 3 {
		return names
	}
	return nil
}

func dedupe(in []string) []string {
	var out []string
	for _, s := range in {
		s = spec.SanitizeName(s)
		if s != "dataset" && !containsFold(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// dbtSource is the contract's source name: the person's explicit answer to
// the follow-up, else the name derived from the Data sources answer.
func (g *Interviewer) dbtSource() string {
	if g.source != "" {
		return g.source
	}
	name, _ := systemSource(g.answerFor(roleSources))
	return name
}

// needsSource reports whether the Data sources answer names no single
// system, so that the source name must be asked.
func (g *Interviewer) needsSource() bool {
	return g.source == "" && strings.TrimSpace(g.answerFor(roleSources)) != "" && g.dbtSource() == "" &&
		!g.skipped[sourcePath] && g.hasSourcesSection()
}

func (g *Interviewer) hasSourcesSection() bool {
	for _, s := range g.cfg.Sections {
		if sectionRole(s.Title) == roleSources {
			return true
		}
	}
	return false
}

// sourcePath is the follow-up key of the source-name question.
const sourcePath = "guided-source|customProperties.dbtSource"

// sourceQuestion asks which system names the dbt source, offering the
// systems the Data sources answer named when it named several.
func (g *Interviewer) sourceQuestion() event.Question {
	t := texts(g.lang)
	_, cands := systemSource(g.answerFor(roleSources))
	q := event.Question{Kind: QFinding, Key: KeySource, Path: sourcePath, Text: t.qSource}
	if len(cands) > 1 {
		q.Text = fmt.Sprintf(t.qSourceOf, strings.Join(cands, ", "))
	}
	return q
}

// setSource takes the answer to the source-name question: one word is the
// name; a sentence must name one system.
func (g *Interviewer) setSource(text string, q event.Question) string {
	if text == "" {
		text = q.Default
	}
	name := ""
	if len(strings.Fields(text)) == 1 {
		name = spec.SanitizeName(text)
	} else {
		name, _ = systemSource(text)
	}
	if name == "" || name == "dataset" {
		return q.Text
	}
	g.source = name
	return ""
}
