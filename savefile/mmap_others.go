//go:build !(linux || darwin || freebsd)

package savefile

import "os"

// mapFile is not supported on this platform: Open reads the file.
func mapFile(f *os.File) *source { return nil }

func adviseWindow(cur, ahead []byte) {}

func releaseMapped(b []byte) {}
