package web

import (
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/dataeng-os/dataeng-os/agent"
)

// TestEventsJSMirrorsAgent: events.js lists exactly the agent's event
// types and the JSON fields of agent.Event.
func TestEventsJSMirrorsAgent(t *testing.T) {
	t.Parallel()
	data, err := assetFS.ReadFile("assets/events.js")
	if err != nil {
		t.Fatal(err)
	}
	js := string(data)
	typesBlock := js[strings.Index(js, "types:"):strings.Index(js, "fields:")]
	var jsTypes []string
	for _, m := range regexp.MustCompile(`\w+: "([a-z_]+)"`).FindAllStringSubmatch(typesBlock, -1) {
		jsTypes = append(jsTypes, m[1])
	}
	var goTypes []string
	for _, ty := range agent.EventTypes {
		goTypes = append(goTypes, string(ty))
	}
	slices.Sort(jsTypes)
	slices.Sort(goTypes)
	if !slices.Equal(jsTypes, goTypes) {
		t.Errorf("event types differ:\n js %v\n go %v", jsTypes, goTypes)
	}
	var jsFields []string
	for _, m := range regexp.MustCompile(`"(\w+)"`).FindAllStringSubmatch(js[strings.Index(js, "fields:"):], -1) {
		jsFields = append(jsFields, m[1])
	}
	var goFields []string
	rt := reflect.TypeOf(agent.Event{})
	for i := range rt.NumField() {
		goFields = append(goFields, strings.Split(rt.Field(i).Tag.Get("json"), ",")[0])
	}
	slices.Sort(jsFields)
	slices.Sort(goFields)
	if !slices.Equal(jsFields, goFields) {
		t.Errorf("event fields differ:\n js %v\n go %v", jsFields, goFields)
	}
}
