package cli

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/dataeng-os/dataeng-os/contract"
)

func writeFindings(f *Factory, format string, results []checked) error {
	switch format {
	case "json":
		all := []contract.Finding{}
		for _, r := range results {
			all = append(all, r.findings...)
		}
		enc := json.NewEncoder(f.IO.Out)
		enc.SetIndent("", "  ")
		return enc.Encode(all)
	case "sarif":
		return writeSARIF(f.IO.Out, results)
	case "github":
		for _, r := range results {
			for _, x := range r.findings {
				fmt.Fprintln(f.IO.Out, githubAnnotation(x))
			}
		}
		fmt.Fprintln(f.IO.ErrOut, summary(results))
		return nil
	}
	writeText(f, results)
	return nil
}

func writeText(f *Factory, results []checked) {
	out := f.IO
	first := true
	for _, r := range results {
		if len(r.findings) == 0 {
			continue
		}
		if !first {
			fmt.Fprintln(out.Out)
		}
		first = false
		for _, x := range r.findings {
			sev := string(x.Severity)
			if x.Severity == contract.SeverityError {
				sev = out.Red(sev)
			} else {
				sev = out.Yellow(sev)
			}
			line := fmt.Sprintf("%s: %s %s: %s", out.Bold(fmt.Sprintf("%s:%d:%d", x.File, x.Line, x.Column)), sev, x.Rule, x.Message)
			if x.Hint != "" {
				line += " (" + x.Hint + ")"
			}
			fmt.Fprintln(out.Out, line)
		}
	}
	s := summary(results)
	if strings.HasPrefix(s, "ok:") {
		s = out.Green(s)
	}
	fmt.Fprintln(out.Out, s)
}

// summary counts errors and warnings over the files.
func summary(results []checked) string {
	errs, warns, bad := 0, 0, 0
	for _, r := range results {
		e := 0
		for _, x := range r.findings {
			if x.Severity == contract.SeverityError {
				e++
			} else {
				warns++
			}
		}
		errs += e
		if e > 0 {
			bad++
		}
	}
	if errs == 0 {
		return fmt.Sprintf("ok: %s checked, %s", plural(len(results), "file"), plural(warns, "warning"))
	}
	return fmt.Sprintf("%s, %s in %d of %s", plural(errs, "error"), plural(warns, "warning"), bad, plural(len(results), "file"))
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// githubAnnotation renders a finding as a GitHub Actions workflow command.
func githubAnnotation(x contract.Finding) string {
	level := "error"
	if x.Severity != contract.SeverityError {
		level = "warning"
	}
	msg := x.Message
	if x.Hint != "" {
		msg += " (" + x.Hint + ")"
	}
	return fmt.Sprintf("::%s file=%s,line=%d,col=%d,title=%s::%s", level,
		ghProperty(x.File), x.Line, x.Column, ghProperty(x.Rule), ghData(msg))
}

func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func ghProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
