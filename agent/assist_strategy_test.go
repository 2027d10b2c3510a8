package agent

import (
	"context"
	"testing"

	"github.com/dataeng-os/dataeng-os/kernel"
	"github.com/dataeng-os/dataeng-os/providers"
	"github.com/dataeng-os/dataeng-os/providers/resilient"
	"github.com/dataeng-os/dataeng-os/providers/scripted"
)

// sized is a scripted model that reports its parameter count.
type sized struct {
	*scripted.Client
	params float64
}

func (s sized) ParameterCount(context.Context, string) (float64, error) { return s.params, nil }

func TestStrategyAuto(t *testing.T) {
	t.Parallel()
	small := sized{scripted.New(), 270e6}
	for _, tc := range []struct {
		name string
		p    providers.Provider
		o    Options
		want string
	}{
		{"small model", small, Options{}, kernel.StrategyAssist},
		{"small model behind resilient", resilient.Wrap(small), Options{}, kernel.StrategyAssist},
		{"large model", sized{scripted.New(), 7.6e9}, Options{}, kernel.StrategyFull},
		{"unknown size", scripted.New(), Options{}, kernel.StrategyFull},
		{"profile assist", scripted.New(), Options{Assist: true}, kernel.StrategyAssist},
		{"forced full", small, Options{Strategy: kernel.StrategyFull}, kernel.StrategyFull},
		{"forced assist", scripted.New(), Options{Strategy: kernel.StrategyAssist}, kernel.StrategyAssist},
	} {
		o := tc.o
		a := newArchitect(t, tc.p, func(x *Options) { x.Strategy, x.Assist = o.Strategy, o.Assist })
		if got := a.Strategy(context.Background()); got != tc.want {
			t.Errorf("%s: strategy %s, want %s", tc.name, got, tc.want)
		}
	}
}

// TestStrategyFromConfig: agent.strategy in the project config applies.
func TestStrategyFromConfig(t *testing.T) {
	t.Parallel()
	p := defaultProject()
	p.Config.Agent.Strategy = kernel.StrategyAssist
	a := newArchitect(t, scripted.New(), func(o *Options) { o.Project = p })
	if got := a.Strategy(context.Background()); got != kernel.StrategyAssist {
		t.Fatalf("strategy %s", got)
	}
}
