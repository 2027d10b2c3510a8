package web

import (
	"net/http"
	"strings"
	"testing"
)

func TestHostHeaderChecked(t *testing.T) {
	t.Parallel()
	ts := newTS(t, nil)
	for host, want := range map[string]int{
		"evil.example:8080": http.StatusMisdirectedRequest, // DNS rebinding
		"10.0.0.1":          http.StatusMisdirectedRequest,
		"localhost:1234":    200,
		"127.0.0.1":         200,
		"[::1]:80":          200,
	} {
		r, _ := http.NewRequest("GET", ts.URL+"/api/session", nil)
		r.Host = host
		res, err := ts.Client().Do(r)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != want {
			t.Errorf("Host %s: %d, want %d", host, res.StatusCode, want)
		}
	}
	remote := newTS(t, func(o *Options) { o.AllowRemote = true; o.Token = "0123456789abcdef0123" })
	r, _ := http.NewRequest("GET", remote.URL+"/api/session", nil)
	r.Host = "cockpit.internal:8080"
	r.Header.Set("Authorization", "Bearer 0123456789abcdef0123")
	res, err := remote.Client().Do(r)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 200 {
		t.Errorf("remote host with token: %d", res.StatusCode)
	}
}

func TestToken(t *testing.T) {
	t.Parallel()
	const tok = "s3cret-token-0123456789"
	ts := newTS(t, func(o *Options) { o.Token = tok })
	noRedirect := *ts.Client()
	noRedirect.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	get := func(path string, hdr map[string]string) *http.Response {
		r, _ := http.NewRequest("GET", ts.URL+path, nil)
		for k, v := range hdr {
			r.Header.Set(k, v)
		}
		res, err := noRedirect.Do(r)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		return res
	}
	for _, c := range []struct {
		path string
		hdr  map[string]string
		want int
	}{
		{"/api/contracts", nil, 401},
		{"/", nil, 401},
		{"/static/style.css", nil, 401},
		{"/api/contracts", map[string]string{"Authorization": "Bearer wrong"}, 401},
		{"/api/contracts", map[string]string{"Authorization": "Bearer " + tok}, 200},
		{"/api/contracts", map[string]string{"Cookie": tokenCookie + "=" + tok}, 200},
		{"/catalog?token=wrong", nil, 401},
	} {
		if res := get(c.path, c.hdr); res.StatusCode != c.want {
			t.Errorf("GET %s %v = %d, want %d", c.path, c.hdr, res.StatusCode, c.want)
		}
	}
	res := get("/catalog?token="+tok+"&q=x", nil)
	if res.StatusCode != http.StatusSeeOther || strings.Contains(res.Header.Get("Location"), tok) {
		t.Fatalf("?token= visit: %d Location=%q", res.StatusCode, res.Header.Get("Location"))
	}
	var cookie *http.Cookie
	for _, c := range res.Cookies() {
		if c.Name == tokenCookie {
			cookie = c
		}
	}
	if cookie == nil || !cookie.HttpOnly || cookie.SameSite != http.SameSiteStrictMode {
		t.Fatalf("cookie = %+v", cookie)
	}
}

func TestNothingFromProjectServed(t *testing.T) {
	t.Parallel()
	ts := newTS(t, nil)
	mustWrite(t, ts.root+"/dataeng-os.toml", []byte("secret = 'do-not-serve'\n"))
	for _, p := range []string{"/contracts/orders.yaml", "/dataeng-os.toml", "/static/../dataeng-os.toml",
		"/static/..%2fdataeng-os.toml", "/static/%2e%2e/%2e%2e/go.mod", "/static/.hidden", "/canvases/orders.md", "/static/nope.js"} {
		code, body, _ := ts.req(t, "GET", p, nil, nil)
		if code == 200 || strings.Contains(string(body), "do-not-serve") || strings.Contains(string(body), "purpose:") {
			t.Errorf("GET %s = %d %.80s", p, code, body)
		}
	}
	for _, p := range []string{"/static/style.css", "/static/editor.js", "/static/common.js"} {
		if code, _, hdr := ts.req(t, "GET", p, nil, nil); code != 200 || hdr.Get("Content-Type") == "" {
			t.Errorf("GET %s = %d %q", p, code, hdr.Get("Content-Type"))
		}
	}
}

func TestPagesRender(t *testing.T) {
	t.Parallel()
	ts := newTS(t, nil)
	for path, want := range map[string][]string{
		"/":                                   {"Contracts", "contracts/orders.yaml", "Orders", "badge ok", "csrf-token"},
		"/catalog?q=domain:nope":              {"No contracts match"},
		"/editor":                             {"New contract", "yaml-preview", "tpl-prop"},
		"/editor?file=contracts/orders.yaml":  {"Edit contract", `data-file="contracts/orders.yaml"`},
		"/editor?file=../../etc/passwd":       {"path refused"},
		"/lineage":                            {"<svg", `data-id="contract:contracts/orders.yaml"`, `data-from="canvas:canvases/orders.md"`},
		"/lineage?focus=contract:contracts/x": {"Lineage"},
	} {
		code, body, hdr := ts.req(t, "GET", path, nil, nil)
		if code != 200 {
			t.Errorf("GET %s = %d", path, code)
		}
		if csp := hdr.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") {
			t.Errorf("GET %s: CSP %q", path, csp)
		}
		for _, w := range want {
			if !strings.Contains(string(body), w) {
				t.Errorf("GET %s lacks %q", path, w)
			}
		}
		if strings.Contains(string(body), "http://") && !strings.Contains(string(body), "http://www.w3.org/2000/svg") {
			t.Errorf("GET %s references an external URL", path)
		}
	}
}

func TestPageEscapesContractText(t *testing.T) {
	t.Parallel()
	ts := newTS(t, nil)
	mustWrite(t, ts.root+"/contracts/xss.yaml", []byte("apiVersion: v3.1.0\nkind: DataContract\nid: x\nname: \"<script>alert(1)</script>\"\nversion: 1.0.0\nstatus: draft\n"))
	for _, p := range []string{"/catalog", "/lineage"} {
		_, body, _ := ts.req(t, "GET", p, nil, nil)
		if strings.Contains(string(body), "<script>alert(1)") {
			t.Errorf("%s does not escape contract text", p)
		}
	}
}

func TestSessionGivesWorkingCSRFToken(t *testing.T) {
	t.Parallel()
	ts := newTS(t, nil)
	code, body, _ := ts.req(t, "GET", "/api/session", nil, nil)
	if code != 200 {
		t.Fatalf("session: %d", code)
	}
	sess := decode[struct {
		CSRFToken       string   `json:"csrfToken"`
		Classifications []string `json:"classifications"`
	}](t, body)
	if len(sess.CSRFToken) != 64 || len(sess.Classifications) == 0 {
		t.Fatalf("session = %s", body)
	}
	code, _, _ = ts.req(t, "POST", "/api/validate", "id: x\n", map[string]string{"Origin": "", csrfHeader: sess.CSRFToken})
	if code != 200 {
		t.Fatalf("write with the session's CSRF token: %d", code)
	}
}

// TestRemoteNeedsTokenAndRebindingFails: remote access without a long
// token is refused at New; with one, a DNS-rebinding page (foreign Host, no
// token) reads nothing and writes nothing; an Origin of another scheme is
// refused.
func TestRemoteNeedsTokenAndRebindingFails(t *testing.T) {
	t.Parallel()
	for _, tok := range []string{"", "short-token"} {
		if _, err := New(Options{Root: t.TempDir(), AllowRemote: true, Token: tok}); err == nil {
			t.Errorf("New with AllowRemote and token %q: no error", tok)
		}
	}
	const tok = "a-long-enough-token-0123"
	ts := newTS(t, func(o *Options) { o.AllowRemote = true; o.Token = tok })
	for _, c := range []struct{ method, path string }{{"GET", "/api/session"}, {"PUT", "/api/contract?file=contracts/orders.yaml"}} {
		code, _, _ := ts.req(t, c.method, c.path, map[string]string{}, map[string]string{"Host": "rebind.evil.example"})
		if code != 401 {
			t.Errorf("rebinding %s %s = %d, want 401", c.method, c.path, code)
		}
	}
	ts2 := newTS(t, nil)
	code, body, _ := ts2.req(t, "POST", "/api/validate", map[string]string{"yaml": "x"},
		map[string]string{"Origin": strings.Replace(ts2.URL, "http://", "https://", 1)})
	if code != 403 || !strings.Contains(string(body), "cross-origin") {
		t.Errorf("other-scheme Origin = %d %s, want 403", code, body)
	}
}
