package agent

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRecoverJournal: a torn last line is dropped (original kept in a .bak)
// so a resumed session appends cleanly; a bad middle line stays an error.
func TestRecoverJournal(t *testing.T) {
	t.Parallel()
	good := `{"type":"session","session":"s"}` + "\n" + `{"type":"user","text":"hi"}` + "\n"
	tests := []struct {
		name    string
		data    string
		events  int
		repair  bool
		wantErr string
	}{
		{"clean", good, 2, false, ""},
		{"torn last line", good + `{"type":"user","te`, 2, true, ""},
		{"torn last line with newline", good + `{"type":"us` + "\n", 2, true, ""},
		{"nul-filled tail", good + "\x00\x00\x00", 2, false, ""},
		{"bad middle line", `{"type":"session"}` + "\n" + `{"ty` + "\n" + `{"type":"user"}` + "\n", 1, false, "s.jsonl:2: bad session line"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			path := filepath.Join(t.TempDir(), "s.jsonl")
			if err := os.WriteFile(path, []byte(tt.data), 0o600); err != nil {
				t.Fatal(err)
			}
			evs, fix, err := RecoverJournal(path)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil || len(evs) != tt.events || (fix != nil) != tt.repair {
				t.Fatalf("events %d, repair %v, err %v", len(evs), fix, err)
			}
			if !tt.repair {
				return
			}
			if bak, _ := os.ReadFile(fix.Backup); string(bak) != tt.data {
				t.Errorf("backup %q, want the original", bak)
			}
			j, _ := OpenJournal(path)
			_ = j.Append(Event{Type: EventUser, Text: "again"})
			_ = j.Close()
			evs, fix, err = RecoverJournal(path)
			if err != nil || fix != nil || len(evs) != tt.events+1 {
				t.Errorf("after append: %d events, repair %v, err %v", len(evs), fix, err)
			}
		})
	}
}
