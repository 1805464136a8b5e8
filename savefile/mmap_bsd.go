//go:build darwin || freebsd

package savefile

import "syscall"

const mmapFlags = syscall.MAP_SHARED
