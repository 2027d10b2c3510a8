package cli

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/dataeng-os/dataeng-os/cmd/dataeng-os/internal/iostreams"
)

// benchProject writes n notes, each with its own script: calls answers per
// note (an invalid draft first when calls is 2), each after delay.
func benchProject(b *testing.B, n, calls int, delay time.Duration) string {
	b.Helper()
	dir := b.TempDir()
	write := func(p, data string) {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, p)), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, p), []byte(data), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	write("dataeng-os.toml", "provider = \"scripted\"\n[providers.scripted]\ntype = \"scripted\"\nscript = \"scripts\"\n")
	write("answers/valid.answer", draftAnswer(draftTestCanvas, draftTestValid))
	write("answers/invalid.answer", draftAnswer(draftTestCanvas, draftTestInvalid))
	script := fmt.Sprintf("turns:\n  - {file: ../answers/valid.answer, chunk_size: -1, delay: %s}\n", delay)
	if calls == 2 {
		script = fmt.Sprintf("turns:\n  - {file: ../answers/invalid.answer, chunk_size: -1, delay: %s}\n", delay) + script[len("turns:\n"):]
	}
	for i := range n {
		name := fmt.Sprintf("note_%04d", i)
		write("notes/"+name+".md", fmt.Sprintf("# meeting %d\nOrders from the checkout service, owner checkout squad.\n", i))
		write("scripts/"+name+".yaml", script)
	}
	return dir
}

// BenchmarkDraft200 is the benchmark: 200 notes, scripted provider
// at 200 ms per call, -j 8. It reports wall time against the ideal
// ⌈200/8⌉ × calls × 200 ms.
func BenchmarkDraft200(b *testing.B) {
	for _, calls := range []int{1, 2} {
		b.Run(fmt.Sprintf("calls=%d", calls), func(b *testing.B) {
			const notes, jobs, delay = 200, 8, 200 * time.Millisecond
			ideal := time.Duration(math.Ceil(float64(notes)/jobs)) * time.Duration(calls) * delay
			var worst float64
			for range b.N {
				b.StopTimer()
				dir := benchProject(b, notes, calls, delay)
				b.StartTimer()
				start := time.Now()
				if code, out, errOut := runDraftBench(dir, "notes", "-j", fmt.Sprint(jobs)); code != ExitOK {
					b.Fatalf("exit %d\n%s\n%s", code, out, errOut)
				}
				worst = max(worst, float64(time.Since(start))/float64(ideal))
			}
			b.ReportMetric(worst, "x-ideal")
			b.ReportMetric(float64(ideal.Milliseconds()), "ideal-ms")
		})
	}
}

// BenchmarkDraftMemory drafts n notes with a zero-latency provider and
// samples the live heap: the peak should not grow with n beyond the small
// per-note report row.
func BenchmarkDraftMemory(b *testing.B) {
	for _, n := range []int{100, 400, 1600} {
		b.Run(fmt.Sprintf("notes=%d", n), func(b *testing.B) {
			var peak uint64
			for range b.N {
				b.StopTimer()
				dir := benchProject(b, n, 1, 0)
				runtime.GC()
				b.StartTimer()
				stop := sampleLiveHeap(&peak)
				code, out, errOut := runDraftBench(dir, "notes", "-j", "8")
				stop()
				if code != ExitOK {
					b.Fatalf("exit %d\n%s\n%s", code, out, errOut)
				}
			}
			b.ReportMetric(float64(peak)/(1<<20), "peak-live-MB")
			b.ReportMetric(float64(peak)/float64(n), "peak-live-B/note")
		})
	}
}

// sampleLiveHeap records the largest live heap (as of each GC) until stop.
func sampleLiveHeap(peak *uint64) (stop func()) {
	var done atomic.Bool
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		for !done.Load() {
			metrics.Read(s)
			if v := s[0].Value.Uint64(); v > *peak {
				*peak = v
			}
			time.Sleep(2 * time.Millisecond)
		}
	}()
	return func() { done.Store(true); wg.Wait() }
}

func runDraftBench(dir string, args ...string) (int, string, string) {
	ios, _, out, errOut := iostreams.Test()
	f := &Factory{IO: ios, Dir: dir, Getenv: func(string) string { return "" }}
	code := RunWith(f, append([]string{"draft"}, args...))
	return code, out.String(), errOut.String()
}
