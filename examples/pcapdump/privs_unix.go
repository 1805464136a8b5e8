//go:build unix

package main

import (
	"fmt"
	"os"
	"os/user"
	"strconv"
	"syscall"
)

// dropPrivileges switches the process to the named user, with that user's
// groups, as tcpdump's -Z does once the capture (or savefile) is open and
// before any -w file is created. Running as root with -Z root changes
// nothing, as in tcpdump.
func dropPrivileges(name string) error {
	u, err := user.Lookup(name)
	if err != nil {
		return fmt.Errorf("Couldn't find user '%.32s'", name)
	}
	uid, err1 := strconv.Atoi(u.Uid)
	gid, err2 := strconv.Atoi(u.Gid)
	if err1 != nil || err2 != nil {
		return fmt.Errorf("Couldn't find user '%.32s'", name)
	}
	if os.Getuid() == uid && os.Geteuid() == uid && os.Getgid() == gid {
		return nil
	}
	groups := []int{gid}
	if ids, err := u.GroupIds(); err == nil {
		for _, s := range ids {
			if g, err := strconv.Atoi(s); err == nil && g != gid {
				groups = append(groups, g)
			}
		}
	}
	// Go applies these to every thread of the process.
	err = syscall.Setgroups(groups)
	if err == nil {
		err = syscall.Setgid(gid)
	}
	if err == nil {
		err = syscall.Setuid(uid)
	}
	if err != nil {
		return fmt.Errorf("Couldn't change to '%.32s' uid=%d gid=%d: %w", name, uid, gid, err)
	}
	return nil
}
