package web

import (
	"bytes"
	"embed"
	"html/template"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
	"sync"

	"github.com/dataeng-os/dataeng-os/internal/msg"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed assets
var assetFS embed.FS

// pages parses the page templates on first use, not at process start:
// every CLI command links this package, and only serve draws pages.
var pages = sync.OnceValue(func() map[string]*template.Template {
	funcs := template.FuncMap{"kinds": func() []string { return kindOrder }}
	for k, f := range langFuncs {
		funcs[k] = f
	}
	out := map[string]*template.Template{}
	for _, name := range []string{"catalog", "editor", "lineage", "chat"} {
		out[name] = template.Must(template.New("layout.html").Funcs(funcs).ParseFS(templateFS,
			"templates/layout.html", "templates/"+name+".html"))
	}
	return out
})

// pageData is what every page template gets.
type pageData struct {
	Title    string
	Project  string
	Active   string
	CSRF     string
	Query    string
	Entries  []Entry
	Total    int
	File     string
	Graph    *Lineage
	SVG      template.HTML
	Focus    string
	Chat     bool
	Session  string // the editor's conversation (?session=ID)
	Chats    []ChatInfo
	Error    string
	Lang     string // the catalog language of the labels (pageLang)
	Messages string // the scripts' labels in Lang, as JSON
}

func (s *Server) renderPage(w http.ResponseWriter, r *http.Request, name string, d pageData) {
	d.Project, d.Active, d.CSRF, d.Chat = s.opts.Title, name, s.csrf, s.chats.available()
	d.Lang = pageLang(r)
	d.Messages = jsMessages(d.Lang)
	d.Title = msg.Get(d.Lang, msg.Key(titleKeys[name]))
	var buf bytes.Buffer
	if err := pages()[name].Execute(&buf, d); err != nil {
		writeError(w, http.StatusInternalServerError, "render %s: %v", name, err)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write(buf.Bytes())
}

func (s *Server) pageCatalog(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query().Get("q")
	all, err := s.catalogCtx(r.Context())
	if gone(r) {
		return
	}
	d := pageData{Title: "Catalog", Query: q, Entries: Search(all, q), Total: len(all)}
	if err != nil {
		d.Error = err.Error()
	}
	s.renderPage(w, r, "catalog", d)
}

func (s *Server) pageEditor(w http.ResponseWriter, r *http.Request) {
	file := r.URL.Query().Get("file")
	d := pageData{Title: "Editor", File: file}
	if id := r.URL.Query().Get("session"); chatIDRE.MatchString(id) {
		d.Session = id
	}
	if file != "" {
		if _, err := s.contractPath(file); err != nil {
			d.Error, d.File = err.Error(), ""
		}
	}
	s.renderPage(w, r, "editor", d)
}

// pageChat lists the project's conversations; opening one goes to the
// editor with its chat panel. Visiting it starts nothing.
func (s *Server) pageChat(w http.ResponseWriter, r *http.Request) {
	d := pageData{Title: "Conversations"}
	if !s.chats.available() {
		d.Error = chatUnavailable
	} else if list, err := s.chats.backend.List(); err != nil {
		d.Error = err.Error()
	} else {
		d.Chats = list
	}
	s.renderPage(w, r, "chat", d)
}

func (s *Server) pageLineage(w http.ResponseWriter, r *http.Request) {
	g, err := s.buildLineage(r.Context())
	if gone(r) {
		return
	}
	d := pageData{Title: "Lineage", Focus: r.URL.Query().Get("focus")}
	if err != nil {
		d.Error = err.Error()
	} else {
		d.Graph, d.SVG = g, g.SVG(d.Focus)
	}
	s.renderPage(w, r, "lineage", d)
}

// static serves the embedded assets (and nothing from the project).
func (s *Server) static(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	if strings.ContainsAny(name, "/\\") || strings.HasPrefix(name, ".") {
		http.NotFound(w, r)
		return
	}
	data, err := fs.ReadFile(assetFS, "assets/"+name)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	ct := mime.TypeByExtension(path.Ext(name))
	if ct == "" {
		ct = "application/octet-stream"
	}
	w.Header().Set("Content-Type", ct)
	w.Header().Set("Cache-Control", "no-cache")
	_, _ = w.Write(data)
}
