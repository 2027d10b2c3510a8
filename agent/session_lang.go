package agent

import (
	"strings"

	"github.com/dataeng-os/dataeng-os/internal/msg"
)

// The session's language is fixed: by Options.Language (config) or
// SessionOptions.Language (`chat --lang`), else by the first substantive
// message whose language DetectLanguage can tell, and then changed only by
// SetLang (`/lang`). SessionOptions.Lang (the locale) is only the guess
// the greeting uses before that.

// initLang sets the session's first language and whether it is fixed.
func (s *Session) initLang() {
	switch {
	case s.a.opts.Language != "":
		s.lang, s.langFixed = s.a.opts.Language, true
	case s.o.Language != "":
		s.lang, s.langFixed = msg.Normalize(s.o.Language), true
	case s.o.Lang == "pt" || s.o.Lang == "en":
		s.lang = s.o.Lang
	}
}

// learnLang fixes the language from the person's message, once; the
// caller holds s.mu.
func (s *Session) learnLang(text string) {
	if s.langFixed || !msg.Substantive(text) {
		return
	}
	if l := DetectLanguage(text); l != "" {
		s.lang, s.langFixed = l, true
		s.iv.SetLang(l)
	}
}

// Lang is the session's language ("en" or "pt"; "" before it is known).
func (s *Session) Lang() string { return s.langOr("") }

// SetLang changes the session's language (the /lang command): "en" or
// "pt" (any pt-* tag); it says so and, in guided mode, asks the current
// question again in the new language. It reports false for a language the
// catalog does not have.
func (s *Session) SetLang(lang string) bool {
	l := msg.Normalize(lang)
	if l == "" || (l == msg.EN && !strings.HasPrefix(strings.ToLower(strings.TrimSpace(lang)), "en")) {
		return false
	}
	s.turn.Lock()
	defer s.turn.Unlock()
	defer s.sync()
	s.emit(Event{Type: EventInfo, Text: say(l, "guided.langSet"), Lang: l})
	s.emitAll(s.iv.Again())
	return true
}

// applyLang folds a language change (an info event with Lang) into the
// state; the caller holds s.mu.
func (s *Session) applyLang(ev Event) {
	if ev.Lang == "" {
		return
	}
	s.lang, s.langFixed = ev.Lang, true
}
