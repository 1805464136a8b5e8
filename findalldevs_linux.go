//go:build linux

package pcap

import (
	"net"
	"os"
	"runtime"
	"strings"
	"syscall"
	"unsafe"

	"golang.org/x/sys/unix"
)

// findAllDevs lists the links and their addresses with two rtnetlink dumps
// (no privileges needed), then adds "any".
func findAllDevs() ([]Interface, error) {
	links, err := dumpLinks()
	if err != nil {
		return nil, err
	}
	if err := links.addAddresses(); err != nil {
		return nil, err
	}
	devs := links.devs
	for i := range devs {
		devs[i].Flags |= linkFlags(devs[i].Name, devs[i].Flags, links.arphrd[i])
	}
	devs = append(devs, Interface{
		Name:        "any",
		Description: anyDescription,
		Flags:       FlagUp | FlagRunning | ConnectionNotApplicable,
	})
	sortDevs(devs)
	return devs, nil
}

// linkList is what the RTM_GETLINK dump said about each device.
type linkList struct {
	devs    []Interface
	byIndex map[int32]int // interface index -> position in devs
	p2p     []bool        // per device: IFF_POINTOPOINT
	arphrd  []uint16      // per device: ARPHRD_* type
}

// dumpLinks lists the devices, with their flags.
func dumpLinks() (*linkList, error) {
	msgs, err := netlinkDump(syscall.RTM_GETLINK, "netlink RTM_GETLINK")
	if err != nil {
		return nil, err
	}
	ll := &linkList{byIndex: map[int32]int{}}
	for _, m := range msgs {
		if m.Header.Type != syscall.RTM_NEWLINK || len(m.Data) < syscall.SizeofIfInfomsg {
			continue
		}
		ifi := (*syscall.IfInfomsg)(unsafe.Pointer(&m.Data[0]))
		attrs, err := syscall.ParseNetlinkRouteAttr(&m)
		if err != nil {
			continue
		}
		var d Interface
		for _, a := range attrs {
			if a.Attr.Type == syscall.IFLA_IFNAME {
				d.Name = strings.TrimRight(string(a.Value), "\x00")
			}
		}
		if d.Name == "" {
			continue
		}
		if ifi.Flags&syscall.IFF_UP != 0 {
			d.Flags |= FlagUp
		}
		if ifi.Flags&syscall.IFF_RUNNING != 0 {
			d.Flags |= FlagRunning
		}
		if ifi.Flags&syscall.IFF_LOOPBACK != 0 {
			d.Flags |= FlagLoopback
		}
		ll.p2p = append(ll.p2p, ifi.Flags&syscall.IFF_POINTOPOINT != 0)
		ll.arphrd = append(ll.arphrd, ifi.Type)
		ll.byIndex[ifi.Index] = len(ll.devs)
		ll.devs = append(ll.devs, d)
	}
	return ll, nil
}

// netlinkDump runs one rtnetlink dump request.
func netlinkDump(req int, name string) ([]syscall.NetlinkMessage, error) {
	b, err := syscall.NetlinkRIB(req, syscall.AF_UNSPEC)
	if err != nil {
		return nil, os.NewSyscallError(name, err)
	}
	msgs, err := syscall.ParseNetlinkMessage(b)
	if err != nil {
		return nil, os.NewSyscallError("netlink parse", err)
	}
	return msgs, nil
}

// addAddresses adds each device's IPv4 and IPv6 addresses.
func (ll *linkList) addAddresses() error {
	msgs, err := netlinkDump(syscall.RTM_GETADDR, "netlink RTM_GETADDR")
	if err != nil {
		return err
	}
	for _, m := range msgs {
		if m.Header.Type != syscall.RTM_NEWADDR || len(m.Data) < syscall.SizeofIfAddrmsg {
			continue
		}
		ifa := (*syscall.IfAddrmsg)(unsafe.Pointer(&m.Data[0]))
		i, ok := ll.byIndex[int32(ifa.Index)]
		if !ok {
			continue
		}
		if ia, ok := parseAddr(&m, ifa, ll.p2p[i]); ok {
			ll.devs[i].Addresses = append(ll.devs[i].Addresses, ia)
		}
	}
	return nil
}

// parseAddr turns one RTM_NEWADDR message into an InterfaceAddress, as
// libpcap does: the local address where there is one (the peer's, on a
// point-to-point link, as P2P), else the address.
func parseAddr(m *syscall.NetlinkMessage, ifa *syscall.IfAddrmsg, p2p bool) (InterfaceAddress, bool) {
	var ia InterfaceAddress
	attrs, err := syscall.ParseNetlinkRouteAttr(m)
	if err != nil {
		return ia, false
	}
	var address, local, bcast net.IP
	for _, a := range attrs {
		ip := net.IP(append([]byte(nil), a.Value...))
		switch a.Attr.Type {
		case syscall.IFA_ADDRESS:
			address = ip
		case syscall.IFA_LOCAL:
			local = ip
		case syscall.IFA_BROADCAST:
			bcast = ip
		}
	}
	bits := 32
	if ifa.Family == syscall.AF_INET6 {
		bits = 128
	} else if ifa.Family != syscall.AF_INET {
		return ia, false
	}
	switch {
	case local != nil:
		ia.IP = local
		if address != nil && !address.Equal(local) && p2p {
			ia.P2P = address
		}
	case address != nil:
		ia.IP = address
	default:
		return ia, false
	}
	if len(ia.IP) != bits/8 {
		return ia, false
	}
	ia.Netmask = net.CIDRMask(int(ifa.Prefixlen), bits)
	ia.Broadaddr = bcast
	return ia, true
}

// linkFlags returns the wireless flag and the connection status of a
// device, found the way libpcap finds them: sysfs for wireless, ethtool's
// link state for the rest.
func linkFlags(name string, flags uint32, hw uint16) uint32 {
	if flags&FlagLoopback != 0 {
		return ConnectionNotApplicable
	}
	var out uint32
	if _, err := os.Stat("/sys/class/net/" + name + "/wireless"); err == nil {
		out |= FlagWireless
	} else {
		switch hw {
		case unix.ARPHRD_LOOPBACK:
			return 0
		case unix.ARPHRD_IRDA, unix.ARPHRD_IEEE80211, unix.ARPHRD_IEEE80211_PRISM,
			unix.ARPHRD_IEEE80211_RADIOTAP, unix.ARPHRD_IEEE802154, unix.ARPHRD_IEEE802154_MONITOR,
			unix.ARPHRD_6LOWPAN:
			out |= FlagWireless
		}
	}
	up, err := ethtoolLink(name)
	switch {
	case err == unix.EOPNOTSUPP || err == unix.EINVAL:
		out |= ConnectionNotApplicable
	case err != nil:
	case up:
		out |= ConnectionConnected
	default:
		out |= ConnectionDisconnected
	}
	return out
}

// ethtoolLink asks ETHTOOL_GLINK whether the device has link.
func ethtoolLink(name string) (bool, error) {
	fd, err := unix.Socket(unix.AF_INET, unix.SOCK_DGRAM|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		return false, err
	}
	defer unix.Close(fd)
	var val struct{ cmd, data uint32 }
	val.cmd = unix.ETHTOOL_GLINK
	// ifr_data is a pointer, not a uintptr, so that the runtime keeps val
	// where the kernel will write it (a uintptr outside the call
	// expression is not kept up to date if the stack moves).
	var ifr struct {
		name [unix.IFNAMSIZ]byte
		data unsafe.Pointer
		_    [24 - unsafe.Sizeof(uintptr(0))]byte
	}
	copy(ifr.name[:unix.IFNAMSIZ-1], name)
	ifr.data = unsafe.Pointer(&val)
	_, _, e := unix.Syscall(unix.SYS_IOCTL, uintptr(fd), unix.SIOCETHTOOL, uintptr(unsafe.Pointer(&ifr)))
	runtime.KeepAlive(&ifr)
	if e != 0 {
		return false, e
	}
	return val.data != 0, nil
}
