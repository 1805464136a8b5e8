package printer

import (
	"net"
	"sync"
)

var ifNames sync.Map // uint32 -> string, "%-5s " of the name or "?"

// ifName returns the name of interface index i on this host, padded as
// tcpdump prints it before a LINUX_SLL2 packet ("?" when unknown).
func ifName(i uint32) string {
	if v, ok := ifNames.Load(i); ok {
		return v.(string)
	}
	name := "?"
	if i != 0 && i <= 1<<31-1 {
		if ifi, err := net.InterfaceByIndex(int(i)); err == nil && ifi.Name != "" {
			name = ifi.Name
		}
	}
	for len(name) < 5 {
		name += " "
	}
	name += " "
	ifNames.Store(i, name)
	return name
}
