package ollama

import (
	"context"
	"strconv"
	"strings"

	"github.com/ollama/ollama/api"
)

// ParameterCount asks /api/show how many parameters the model has (its
// details.parameter_size, "270.36M" or "7.6B"); model "" is the client's.
// It returns 0 with no error when the server does not say.
func (c *Client) ParameterCount(ctx context.Context, model string) (float64, error) {
	if model == "" {
		model = c.model
	}
	resp, err := c.api.Show(ctx, &api.ShowRequest{Model: model})
	if err != nil {
		return 0, c.mapErr(err, model)
	}
	return ParseParameterSize(resp.Details.ParameterSize), nil
}

// ParseParameterSize reads Ollama's parameter_size ("270.36M", "7.6B",
// "1.5b", "500K"); 0 when it is not a size.
func ParseParameterSize(s string) float64 {
	s = strings.ToUpper(strings.TrimSpace(s))
	mult := map[byte]float64{'K': 1e3, 'M': 1e6, 'B': 1e9, 'T': 1e12}
	if s == "" {
		return 0
	}
	m, ok := mult[s[len(s)-1]]
	if !ok {
		m = 1
	} else {
		s = s[:len(s)-1]
	}
	n, err := strconv.ParseFloat(s, 64)
	if err != nil || n < 0 {
		return 0
	}
	return n * m
}
