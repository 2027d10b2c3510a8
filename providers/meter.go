package providers

import (
	"context"
	"sort"
	"strings"
	"sync"
)

// Price is a model's price in USD per million tokens.
type Price struct {
	InputPerMTok  float64 `json:"inputPerMTok"`
	OutputPerMTok float64 `json:"outputPerMTok"`
}

// PriceTable maps a model name to its price.
type PriceTable map[string]Price

// Lookup finds model's price: an exact entry, else the longest entry that
// prefixes it (vendors answer with dated names: gpt-4o-mini-2024-07-18).
func (t PriceTable) Lookup(model string) (Price, bool) {
	if p, ok := t[model]; ok {
		return p, true
	}
	best, found := "", false
	for k := range t {
		if k != "" && strings.HasPrefix(model, k) && len(k) > len(best) {
			best, found = k, true
		}
	}
	return t[best], found
}

// Cost estimates the USD cost of u on model; ok is false when the model has
// no price.
func (t PriceTable) Cost(model string, u Usage) (usd float64, ok bool) {
	p, ok := t.Lookup(model)
	if !ok {
		return 0, false
	}
	return (float64(u.InputTokens)*p.InputPerMTok + float64(u.OutputTokens)*p.OutputPerMTok) / 1e6, true
}

// Meter accumulates usage per call and per model. It is safe for concurrent
// use; the zero value is ready.
type Meter struct {
	mu      sync.Mutex
	calls   int
	total   Usage
	byModel map[string]Usage
	last    Usage
}

// Record adds one call's usage.
func (m *Meter) Record(model string, u Usage) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.byModel == nil {
		m.byModel = map[string]Usage{}
	}
	m.calls++
	m.total = m.total.Add(u)
	m.byModel[model] = m.byModel[model].Add(u)
	m.last = u
}

// Snapshot is a consistent copy of a Meter.
type Snapshot struct {
	Calls   int              `json:"calls"`
	Total   Usage            `json:"total"`
	Last    Usage            `json:"last"`
	ByModel map[string]Usage `json:"byModel,omitempty"`
}

// Snapshot returns the counts so far.
func (m *Meter) Snapshot() Snapshot {
	m.mu.Lock()
	defer m.mu.Unlock()
	s := Snapshot{Calls: m.calls, Total: m.total, Last: m.last, ByModel: make(map[string]Usage, len(m.byModel))}
	for k, v := range m.byModel {
		s.ByModel[k] = v
	}
	return s
}

// Total is the cumulative usage.
func (m *Meter) Total() Usage { return m.Snapshot().Total }

// Cost estimates the cumulative cost with prices; unpriced lists the models
// that had usage but no price (sorted).
func (m *Meter) Cost(prices PriceTable) (usd float64, unpriced []string) {
	for model, u := range m.Snapshot().ByModel {
		c, ok := prices.Cost(model, u)
		if !ok {
			unpriced = append(unpriced, model)
		}
		usd += c
	}
	sort.Strings(unpriced)
	return usd, unpriced
}

// Metered wraps p so every successful or interrupted call's usage is
// recorded in m under the response's model (or the request's).
func Metered(p Provider, m *Meter) Provider { return &metered{Provider: p, m: m} }

type metered struct {
	Provider
	m *Meter
}

func (p *metered) Stream(ctx context.Context, req Request, onPart func(Part)) (Response, error) {
	resp, err := p.Provider.Stream(ctx, req, onPart)
	if resp.Usage.Total() > 0 {
		model := resp.Model
		if model == "" {
			model = req.Model
		}
		p.m.Record(model, resp.Usage)
	}
	return resp, err
}
