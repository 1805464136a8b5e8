//go:build !unix

package main

import (
	"fmt"
	"runtime"
)

// dropPrivileges is not available on this system: -Z fails, naming it.
func dropPrivileges(name string) error {
	return fmt.Errorf("-Z %s: dropping privileges is not supported on %s", name, runtime.GOOS)
}
