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
	links, err := syscall.NetlinkRIB(syscall.RTM_GETLINK, syscall.AF_UNSPEC)
	if err != nil {
		return nil, os.NewSyscallError("netlink RTM_GETLINK", err)
	}
	msgs, err := syscall.ParseNetlinkMessage(links)
	if err != nil {
		return nil, os.NewSyscallError("netlink parse", err)
	}
	var devs []Interface
	byIndex := map[int32]int{} // interface index -> position in devs
	var p2p []bool             // per device: IFF_POINTOPOINT
	var arphrd []uint16        // per device: ARPHRD_* type
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
			switch a.Attr.Type {
			case syscall.IFLA_IFNAME:
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
		p2p = append(p2p, ifi.Flags&syscall.IFF_POINTOPOINT != 0)
		arphrd = append(arphrd, ifi.Type)
		byIndex[ifi.Index] = len(devs)
		devs = append(devs, d)
	}

	addrs, err := syscall.NetlinkRIB(syscall.RTM_GETADDR, syscall.AF_UNSPEC)
	if err != nil {
		return nil, os.NewSyscallError("netlink RTM_GETADDR", err)
	}
	if msgs, err = syscall.ParseNetlinkMessage(addrs); err != nil {
		return nil, os.NewSyscallError("netlink parse", err)
	}
	for _, m := range msgs {
		if m.Header.Type != syscall.RTM_NEWADDR || len(m.Data) < syscall.SizeofIfAddrmsg {
			continue
		}
		ifa := (*syscall.IfAddrmsg)(unsafe.Pointer(&m.Data[0]))
		i, ok := byIndex[int32(ifa.Index)]
		if !ok {
			continue
		}
		attrs, err := syscall.ParseNetlinkRouteAttr(&m)
		if err != nil {
			continue
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
			continue
		}
		var ia InterfaceAddress
		switch {
		case local != nil:
			ia.IP = local
			if address != nil && !address.Equal(local) && p2p[i] {
				ia.P2P = address
			}
		case address != nil:
			ia.IP = address
		default:
			continue
		}
		if len(ia.IP) != bits/8 {
			continue
		}
		ia.Netmask = net.CIDRMask(int(ifa.Prefixlen), bits)
		ia.Broadaddr = bcast
		devs[i].Addresses = append(devs[i].Addresses, ia)
	}

	for i := range devs {
		devs[i].Flags |= linkFlags(devs[i].Name, devs[i].Flags, arphrd[i])
	}
	devs = append(devs, Interface{
		Name:        "any",
		Description: anyDescription,
		Flags:       FlagUp | FlagRunning | ConnectionNotApplicable,
	})
	sortDevs(devs)
	return devs, nil
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
