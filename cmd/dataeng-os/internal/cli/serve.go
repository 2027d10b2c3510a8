package cli

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os/exec"
	"os/signal"
	"runtime"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/dataeng-os/dataeng-os/kernel"
	"github.com/dataeng-os/dataeng-os/web"
)

type serveOptions struct {
	Addr        string
	Open        bool
	AllowRemote bool
	Token       string
}

func newServeCmd(f *Factory) *cobra.Command {
	opts := &serveOptions{}
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Run the cockpit: contract editor, catalog, lineage and Architect chat in the browser",
		Long: `Serve the DataEngOS cockpit, a local web UI over the project's contracts:
a form-based contract editor with live YAML preview and validation, catalog
search, the lineage graph and the Architect chat. It listens on loopback
(127.0.0.1:8080) unless told otherwise; a non-loopback address needs
--allow-remote and an access token (--token or DATAENG_SERVE_TOKEN).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runServe(cmd.Context(), f, opts) },
	}
	cmd.Flags().StringVar(&opts.Addr, "addr", "", "listen address (default $DATAENG_ADDR, [serve] addr, or 127.0.0.1:8080)")
	cmd.Flags().BoolVar(&opts.Open, "open", false, "open the cockpit in the default browser")
	cmd.Flags().BoolVar(&opts.AllowRemote, "allow-remote", false, "allow a non-loopback address (requires a token)")
	cmd.Flags().StringVar(&opts.Token, "token", "", "access token (default $DATAENG_SERVE_TOKEN); required with --allow-remote")
	return cmd
}

// resolveAddr picks the address and checks the remote-access rules.
func resolveAddr(f *Factory, opts *serveOptions, cfg kernel.Config) (addr, token string, err error) {
	addr = firstNonEmpty(opts.Addr, f.Getenv("DATAENG_ADDR"), cfg.Serve.Addr, "127.0.0.1:8080")
	token = firstNonEmpty(opts.Token, f.Getenv("DATAENG_SERVE_TOKEN"))
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return "", "", UsageErrorf("--addr %q: %v (want host:port, e.g. 127.0.0.1:8080)", addr, err)
	}
	if !isLoopbackHost(host) && !opts.AllowRemote {
		return "", "", UsageErrorf("--addr %s is not a loopback address: pass --allow-remote (and a token) to expose the cockpit", addr)
	}
	if opts.AllowRemote && len(token) < web.MinTokenLen {
		return "", "", UsageErrorf("--allow-remote needs an access token of at least %d characters (on any address): set DATAENG_SERVE_TOKEN or --token", web.MinTokenLen)
	}
	return addr, token, nil
}

func isLoopbackHost(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func firstNonEmpty(vals ...string) string {
	for _, v := range vals {
		if v != "" {
			return v
		}
	}
	return ""
}

func runServe(ctx context.Context, f *Factory, opts *serveOptions) error {
	p, err := f.Project()
	if err != nil {
		return err
	}
	addr, token, err := resolveAddr(f, opts, p.Config)
	if err != nil {
		return err
	}
	if p.Root == "" {
		return errors.New("no DataEngOS project found here (dataeng-os.toml); run `dataeng-os init` or pass --project")
	}
	srv, err := web.New(web.Options{Root: p.Root, Rules: p.Rules, Token: token,
		AllowRemote: opts.AllowRemote, Secrets: secretValues(f, p.Config),
		Scaffold: web.ScaffoldOptions{Dialect: p.Config.Scaffold.Dialect, Out: p.Config.Scaffold.Out, Strict: p.Config.Scaffold.Strict,
			StagingMaterialized: p.Config.Scaffold.StagingMaterialized},
		Chat: &chatBackend{f: f, p: p}})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w (is another cockpit running? try --addr 127.0.0.1:0)", addr, err)
	}
	link := "http://" + ln.Addr().String() + "/"
	if token != "" {
		link += "?token=" + url.QueryEscape(token)
	}
	fmt.Fprintf(f.IO.ErrOut, "cockpit: serving %s on %s\n", p.Root, link)
	fmt.Fprintln(f.IO.ErrOut, "press Ctrl+C to stop")
	if opts.Open {
		if err := openBrowser(link); err != nil {
			fmt.Fprintf(f.IO.ErrOut, "warning: could not open a browser: %v\n", err)
		}
	}
	return serveUntilDone(ctx, ln, srv.Handler(), srv.Close)
}

func serveUntilDone(ctx context.Context, ln net.Listener, h http.Handler, onShutdown func()) error {
	ctx, stop := signal.NotifyContext(ctx, syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	hs := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 120 * time.Second}
	hs.RegisterOnShutdown(onShutdown)
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = hs.Shutdown(sctx)
	return nil
}

func openBrowser(url string) error {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "darwin":
		cmd = exec.Command("open", url)
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	default:
		cmd = exec.Command("xdg-open", url)
	}
	return cmd.Start()
}
