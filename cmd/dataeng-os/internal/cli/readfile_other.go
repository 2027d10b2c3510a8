//go:build !unix

package cli

// readRegularFast is readLimited's shortcut on unix; elsewhere os.Open
// reads every file.
func readRegularFast(string, int64) ([]byte, bool, error) { return nil, false, nil }

// readRegularInto is readRegularFast with a buffer to reuse.
func readRegularInto(string, int64, []byte) ([]byte, bool, error) { return nil, false, nil }
