package kernel

import (
	"errors"
	"fmt"
	"strings"

	"github.com/BurntSushi/toml"
)

// mergeTOML decodes one config file over c. Provider profiles are merged
// field by field, so a file that sets only `model` keeps the default key
// variable and timeout. Unknown keys are errors naming the file and line.
func mergeTOML(c *Config, file string, data []byte) error {
	base := c.Providers
	c.Providers = nil
	md, err := toml.Decode(string(data), c)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return fmt.Errorf("%s:%d: invalid TOML: %s", file, pe.Position.Line, pe.Message)
		}
		return fmt.Errorf("%s: %w", file, err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		key := und[0].String()
		return fmt.Errorf("%s:%d: unknown key %q", file, keyLine(data, und[0]), key)
	}
	decoded := c.Providers
	c.Providers = make(map[string]ProviderProfile, len(base)+len(decoded))
	for k, v := range base {
		c.Providers[k] = v
	}
	for name, v := range decoded {
		c.Providers[name] = mergeProfile(c.Providers[name], v, md, name)
	}
	return nil
}

func mergeProfile(base, file ProviderProfile, md toml.MetaData, name string) ProviderProfile {
	set := func(key string) bool { return md.IsDefined("providers", name, key) }
	if set("type") {
		base.Type = file.Type
	}
	if set("model") {
		base.Model = file.Model
	}
	if set("base_url") {
		base.BaseURL = file.BaseURL
	}
	if set("api_key_env") {
		base.APIKeyEnv = file.APIKeyEnv
	}
	if set("timeout") {
		base.Timeout = file.Timeout
	}
	if set("num_ctx") {
		base.NumCtx = file.NumCtx
	}
	if set("keep_alive") {
		base.KeepAlive = file.KeepAlive
	}
	if set("script") {
		base.Script = file.Script
	}
	if set("stream") {
		base.Stream = file.Stream
	}
	if set("assist") {
		base.Assist = file.Assist
	}
	if base.Type == "" {
		base.Type = name
	}
	return base
}

// keyLine finds the line where the last part of key is assigned.
func keyLine(data []byte, key toml.Key) int {
	last := key[len(key)-1]
	for i, line := range strings.Split(string(data), "\n") {
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, last+" ") || strings.HasPrefix(t, last+"=") || strings.HasPrefix(t, `"`+last+`"`) ||
			strings.Contains(t, "."+last+"]") || strings.HasPrefix(t, "["+last+"]") {
			return i + 1
		}
	}
	return 1
}
