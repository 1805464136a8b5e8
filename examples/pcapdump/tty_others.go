//go:build !linux

package main

import "os"

// isTerminal says whether f is a character device, which is the nearest
// portable sign of a terminal.
func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
