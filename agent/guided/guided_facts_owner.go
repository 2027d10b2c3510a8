package guided

import (
	"strings"

	"github.com/dataeng-os/dataeng-os/agent/spec"
	"github.com/dataeng-os/dataeng-os/internal/lazyre"
)

var (
	// handleRE finds a person's handle: "bruno.souza", "ana_lima", "@leo.k".
	handleRE = lazyre.New(`(?:^|[\s,;(:])@?([a-z][a-z0-9-]*[._][a-z0-9](?:[\w.-]*[a-z0-9])?)\b`)
	// personBeforeRE finds "Maria Chen owns it", "Ana Souza (ana@x.io) é a dona".
	personBeforeRE = lazyre.New(`(\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+){0,2})\s*(?:\([^)]*\)\s*)?(?:owns|is the owner|is accountable|(?:é|e) (?:o |a )?(?:dono|dona|responsável|responsavel))\b`)
	// personAfterRE finds "owner: Maria Chen", "a dona é a Ana Souza".
	personAfterRE = lazyre.New(`(?i:owner|dono|dona|responsável|responsavel|owned by|lead|líder|lider|contact|contato)\s*:?\s*(?:(?i:is|é|e)\s+)?(?:(?:o|a)\s+)?(\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+){0,2})`)
)

// ownerFacts reads who owns the data from a plain answer (English or
// Portuguese): the team ("Squad Growth", "the billing platform team",
// "time de Dados", or the first part of "Marketing Ops, rafael.lima") and
// the owner (an e-mail, a handle after "dono"/"owner", any handle, else a
// person's name next to "owns"/"é a dona").
func ownerFacts(text string) (team, owner string) {
	text = strings.TrimSpace(text)
	owner = ownerHandle(text)
	person := personName(text)
	team = teamPhrase(text)
	if team == "" {
		pt, po := parseOwner(text)
		if (person == "" || !strings.Contains(pt, person)) && (owner == "" || !strings.Contains(pt, owner)) && !strings.Contains(strings.ToLower(spec.FoldAccents(pt)), "dono") {
			team = strings.TrimRight(pt, ". ")
		}
		if owner == "" && po != "" && po != team {
			owner = po
		}
	}
	if owner == "" && person != "" && !strings.Contains(team, person) {
		owner = person
	}
	return team, owner
}

// ownerHandle is the e-mail or handle of the owner: an e-mail, the handle
// after an owner word ("dono joao.silva"), else the first handle.
func ownerHandle(text string) string {
	if e := noteEmailRE.FindString(text); e != "" {
		return e
	}
	if m := ownerWordRE.FindStringSubmatch(text); m != nil && strings.ContainsAny(m[1], "._@") {
		return strings.TrimLeft(strings.TrimRight(m[1], ".,;"), "@")
	}
	if m := handleRE.FindStringSubmatch(strings.ToLower(text)); m != nil && !strings.Contains(m[1], "://") {
		return m[1]
	}
	return ""
}

// personName is a capitalised name said to own the data.
func personName(text string) string {
	for _, re := range []*lazyre.Regexp{personBeforeRE, personAfterRE} {
		if m := re.FindStringSubmatch(text); m != nil {
			return m[1]
		}
	}
	return ""
}
