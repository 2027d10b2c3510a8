package guided

import (
	"sync"

	"github.com/dataeng-os/dataeng-os/internal/msg"
)

// strs are the fixed sentences of the Architect, per language.
type strs struct {
	greeting    string
	qName       string
	qTable      string
	qFields     string
	qDomain     string
	qOwner      string
	qPK         string
	qPurpose    string
	qClassify   string // %s = property
	qMasking    string // %s = property, %v = values
	qPIIDesc    string // %s = property
	qRename     string // %s = name, %v = suggestion
	qGeneric    string // %s = message
	fieldHelp   string
	noFields    string
	badField    string
	allSet      string
	drafting    string
	skipWord    string
	doneWord    string
	savedHint   string
	leftHint    string
	resumeHint  string
	interviewed string
	oneOf       string // %s = answer, %s = allowed values
	qSource     string
	qSourceOf   string // %s = the systems named
	noteMart    string // %s = mart, %s = entity
	noteFresh   string
}

// strsEN and strsPT are the catalog's sentences (internal/msg, keys
// "guided.*"), read on first use.
var (
	strsEN = sync.OnceValue(func() strs { return catalogStrs(msg.EN) })
	strsPT = sync.OnceValue(func() strs { return catalogStrs(msg.PT) })
)

func catalogStrs(lang string) strs {
	g := func(k string) string { return msg.Get(lang, msg.Key("guided."+k)) }
	return strs{
		greeting: g("greeting"), qName: g("qName"), qTable: g("qTable"), qFields: g("qFields"),
		qDomain: g("qDomain"), qOwner: g("qOwner"), qPK: g("qPK"), qPurpose: g("qPurpose"),
		qClassify: g("qClassify"), qMasking: g("qMasking"), qPIIDesc: g("qPIIDesc"), qRename: g("qRename"),
		qGeneric: g("qGeneric"), fieldHelp: g("fieldHelp"), noFields: g("noFields"), badField: g("badField"),
		allSet: g("allSet"), drafting: g("drafting"), skipWord: g("skipWord"), doneWord: g("doneWord"),
		savedHint: g("savedHint"), leftHint: g("leftHint"), resumeHint: g("resumeHint"),
		interviewed: g("interviewed"), oneOf: g("oneOf"), qSource: g("qSource"), qSourceOf: g("qSourceOf"),
		noteMart: g("noteMart"), noteFresh: g("noteFresh"),
	}
}

// texts returns the sentences of lang ("pt" or English).
func texts(lang string) strs {
	if msg.Normalize(lang) == msg.PT {
		return strsPT()
	}
	return strsEN()
}

// say renders a catalog key in lang.
func say(lang, key string, args ...any) string {
	return msg.Get(lang, msg.Key(key), args...)
}
