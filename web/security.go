package web

import (
	"crypto/subtle"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/dataeng-os/dataeng-os/scaffold"
)

// tokenCookie carries the access token after a visit to /?token=….
const tokenCookie = "dataeng_token"

// csrfHeader carries the per-server CSRF token for writes without Origin.
const csrfHeader = "X-CSRF-Token"

// guard wraps the router with the checks every request goes through: the
// Host header (against DNS rebinding), the access token when one is set,
// and Origin/CSRF on every method that is not GET or HEAD.
func (s *Server) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("X-Frame-Options", "DENY")
		w.Header().Set("Referrer-Policy", "no-referrer")
		w.Header().Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'self'")
		if !s.hostAllowed(r.Host) {
			writeError(w, http.StatusMisdirectedRequest, "host %q is not allowed; use 127.0.0.1 or localhost (or --allow-remote)", r.Host)
			return
		}
		if s.opts.Token != "" && !s.authorized(w, r) {
			return
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead && r.Method != http.MethodOptions {
			if err := s.checkOrigin(r); err != nil {
				writeError(w, http.StatusForbidden, "%v", err)
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

// hostAllowed accepts loopback names on a loopback server and any host when
// remote access was allowed (the token protects it then).
func (s *Server) hostAllowed(hostport string) bool {
	if s.opts.AllowRemote {
		return true
	}
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.Trim(host, "[]")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// authorized checks the access token from the Authorization header, the
// cookie, or ?token= (which also sets the cookie and redirects to a clean
// URL). It writes the 401 itself.
func (s *Server) authorized(w http.ResponseWriter, r *http.Request) bool {
	if q := r.URL.Query().Get("token"); q != "" && r.Method == http.MethodGet && s.tokenOK(q) {
		http.SetCookie(w, &http.Cookie{Name: tokenCookie, Value: q, Path: "/", HttpOnly: true,
			SameSite: http.SameSiteStrictMode, Secure: r.TLS != nil})
		u := *r.URL
		qs := u.Query()
		qs.Del("token")
		u.RawQuery = qs.Encode()
		http.Redirect(w, r, u.RequestURI(), http.StatusSeeOther)
		return false
	}
	if a := r.Header.Get("Authorization"); strings.HasPrefix(a, "Bearer ") && s.tokenOK(strings.TrimPrefix(a, "Bearer ")) {
		return true
	}
	if c, err := r.Cookie(tokenCookie); err == nil && s.tokenOK(c.Value) {
		return true
	}
	writeError(w, http.StatusUnauthorized, "access token required: open the URL printed by `dataeng-os serve` or send Authorization: Bearer <token>")
	return false
}

func (s *Server) tokenOK(got string) bool {
	return subtle.ConstantTimeCompare([]byte(got), []byte(s.opts.Token)) == 1
}

// checkOrigin accepts a write whose Origin is this server's own origin, or
// one without Origin that carries the CSRF token (scripts, curl). Browsers
// always send Origin on cross-site POST/PUT, so a foreign page is refused.
func (s *Server) checkOrigin(r *http.Request) error {
	origin := r.Header.Get("Origin")
	if origin == "" {
		if site := r.Header.Get("Sec-Fetch-Site"); site != "" && site != "same-origin" && site != "none" {
			return fmt.Errorf("cross-site request refused (Sec-Fetch-Site: %s)", site)
		}
		tok := r.Header.Get(csrfHeader)
		if tok != "" && subtle.ConstantTimeCompare([]byte(tok), []byte(s.csrf)) == 1 {
			return nil
		}
		return errors.New("write refused: no Origin header and no valid " + csrfHeader + " (GET /api/session gives the token)")
	}
	u, err := url.Parse(origin)
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	if err != nil || u.Host == "" || !strings.EqualFold(u.Host, r.Host) || !strings.EqualFold(u.Scheme, scheme) {
		return fmt.Errorf("cross-origin write refused: Origin %q is not this server (%s://%s)", origin, scheme, r.Host)
	}
	return nil
}

// errPath marks a path the server refuses to touch.
var errPath = errors.New("path refused")

// contractPath resolves rel (a slash path such as contracts/orders.yaml)
// to an absolute path inside the project's contracts directory. It refuses
// absolute paths, `..`, backslashes, other extensions, and symlinks that
// lead outside the contracts directory.
func (s *Server) contractPath(rel string) (string, error) {
	if rel == "" || strings.ContainsAny(rel, "\\\x00") || strings.HasPrefix(rel, "/") || filepath.IsAbs(rel) {
		return "", fmt.Errorf("%w: %q must be a relative path under contracts/", errPath, rel)
	}
	for _, part := range strings.Split(rel, "/") {
		if part == ".." || part == "." || part == "" {
			return "", fmt.Errorf("%w: %q must not contain '..', '.' or empty segments", errPath, rel)
		}
	}
	if !strings.HasPrefix(rel, scaffold.ContractsDir+"/") {
		return "", fmt.Errorf("%w: %q is not under %s/", errPath, rel, scaffold.ContractsDir)
	}
	if ext := strings.ToLower(filepath.Ext(rel)); ext != ".yaml" && ext != ".yml" {
		return "", fmt.Errorf("%w: %q is not a .yaml or .yml file", errPath, rel)
	}
	base, err := filepath.EvalSymlinks(filepath.Join(s.root, scaffold.ContractsDir))
	if err != nil {
		return "", fmt.Errorf("contracts directory: %w", err)
	}
	abs := filepath.Join(s.root, filepath.FromSlash(rel))
	if fi, err := os.Lstat(abs); err == nil && fi.Mode()&os.ModeSymlink != 0 {
		if _, err := filepath.EvalSymlinks(abs); err != nil {
			return "", fmt.Errorf("%w: %q is a dangling symlink", errPath, rel)
		}
	}
	if err := confined(base, abs); err != nil {
		return "", fmt.Errorf("%w: %q resolves outside %s/ (symlink)", errPath, rel, scaffold.ContractsDir)
	}
	return abs, nil
}

// confined checks that abs, with every symlink resolved (the file itself or,
// when it does not exist yet, its nearest existing parent), lies in base.
func confined(base, abs string) error {
	p, rest := abs, ""
	for {
		real, err := filepath.EvalSymlinks(p)
		if err == nil {
			real = filepath.Join(real, rest)
			if r, err := filepath.Rel(base, real); err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) || r == "." {
				return fmt.Errorf("%w: %s resolves outside %s", errPath, abs, base)
			}
			return nil
		}
		if !errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("%w: %v", errPath, err)
		}
		parent := filepath.Dir(p)
		if parent == p {
			return fmt.Errorf("%w: %s", errPath, abs)
		}
		rest = filepath.Join(filepath.Base(p), rest)
		p = parent
	}
}
