//go:build linux

package pcap

import (
	"encoding/binary"
	"errors"
	"os"
	"syscall"

	"golang.org/x/sys/unix"

	"github.com/purepcap/pcap/bpf"
	"github.com/purepcap/pcap/compile"
	"github.com/purepcap/pcap/linktype"
)

// arphrdNone is the hardware type of devices with no link-layer header
// (tun, for one).
const arphrdNone = 0xfffe

// permissionMsg is libpcap's wording for EPERM and EACCES, with what to do.
const permissionMsg = "you don't have permission to capture on that device; " +
	"live capture needs CAP_NET_RAW (run as root, or grant the program cap_net_raw with setcap)"

// activate opens p's device into h: resolve the device, choose the link
// type, open the socket, map the ring, attach the filter and bind, in that
// order, so no unfiltered packet is ever queued.
func activate(h *Handle, p *InactiveHandle) (err error) {
	l := &liveHandle{dev: deviceInfo{name: p.device}, sock: packetSocket{fd: -1}}
	l.rd.timeout = p.timeout
	l.dir.Store(int32(p.direction))
	if err := l.resolveDevice(); err != nil {
		return err
	}
	l.chooseLinkType(p.linkType)
	if p.linkType != 0 && p.linkType != l.dev.linkType {
		return l.opErr("open", "link type "+p.linkType.String()+" is not supported by the device", nil)
	}
	if err := l.openSocket(); err != nil {
		return err
	}
	defer func() {
		if err != nil {
			l.abandon()
		}
	}()
	if err := l.setupRing(p); err != nil {
		return err
	}
	l.cfg.Store(l.newConfig(nil, false, l.dev.linkType))
	if err := l.attachAtOpen(h, p); err != nil {
		return err
	}
	if err := l.bind(p); err != nil {
		return err
	}
	l.counts.ifdrop0 = readIfDropped(l.dev.name)
	if err := l.wrapSocket(); err != nil {
		return err
	}
	h.live = l
	h.linkType = l.dev.linkType
	return nil
}

// resolveDevice finds the device's index and hardware type, and the
// loopback device's index. An ioctl socket resolves names in the caller's
// network namespace, as the packet socket will.
func (l *liveHandle) resolveDevice() error {
	ctl, err := unix.Socket(unix.AF_INET, unix.SOCK_DGRAM|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		return l.opErr("open", "", os.NewSyscallError("socket", err))
	}
	defer unix.Close(ctl)
	if l.dev.name != "any" {
		ifr, err := unix.NewIfreq(l.dev.name)
		if err != nil {
			return l.opErr("open", "", err)
		}
		if err := unix.IoctlIfreq(ctl, unix.SIOCGIFINDEX, ifr); err != nil {
			msg := ""
			if err == unix.ENODEV {
				msg = "no such device exists"
			}
			return l.opErr("open", msg, os.NewSyscallError("SIOCGIFINDEX", err))
		}
		l.dev.ifindex = int(ifr.Uint32())
		if err := unix.IoctlIfreq(ctl, unix.SIOCGIFHWADDR, ifr); err != nil {
			return l.opErr("open", "", os.NewSyscallError("SIOCGIFHWADDR", err))
		}
		l.dev.arphrd = ifr.Uint16()
	}
	if ifr, err := unix.NewIfreq("lo"); err == nil {
		if unix.IoctlIfreq(ctl, unix.SIOCGIFINDEX, ifr) == nil {
			l.dev.loIndex = int(ifr.Uint32())
		}
	}
	return nil
}

// chooseLinkType picks the link type for the device's hardware type, as
// libpcap maps ARPHRD_* values, and whether the socket must be cooked.
func (l *liveHandle) chooseLinkType(want linktype.Type) {
	d := &l.dev
	switch {
	case d.name == "any":
		d.cooked = true
		d.dlts = []linktype.Type{linktype.LinuxSLL, linktype.LinuxSLL2}
	case d.arphrd == unix.ARPHRD_ETHER || d.arphrd == unix.ARPHRD_LOOPBACK:
		d.dlts = []linktype.Type{linktype.Ethernet}
	case d.arphrd == arphrdNone:
		d.dlts = []linktype.Type{linktype.Raw}
	default:
		d.cooked = true
		d.dlts = []linktype.Type{linktype.LinuxSLL, linktype.LinuxSLL2}
	}
	d.linkType = d.dlts[0]
	for _, t := range d.dlts {
		if t == want {
			d.linkType = t
		}
	}
}

// openSocket opens the packet socket, raw or cooked, non-blocking.
func (l *liveHandle) openSocket() error {
	sotype := unix.SOCK_RAW
	if l.dev.cooked {
		sotype = unix.SOCK_DGRAM
	}
	fd, err := unix.Socket(unix.AF_PACKET, sotype|unix.SOCK_NONBLOCK|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		return l.openErr("", os.NewSyscallError("socket", err))
	}
	l.sock.fd = fd
	return nil
}

// openErr is an activation error, in libpcap's words when the cause is a
// lack of privileges.
func (l *liveHandle) openErr(msg string, err error) error {
	if msg == "" && errors.Is(err, os.ErrPermission) {
		msg = permissionMsg
	}
	return l.opErr("open", msg, err)
}

// abandon releases what a failed activation had set up.
func (l *liveHandle) abandon() {
	if m := l.ring.mapping; m != nil {
		m.release()
	}
	if l.sock.f != nil {
		l.sock.f.Close()
	} else {
		unix.Close(l.sock.fd)
	}
}

// attachAtOpen compiles the InactiveHandle's filter, if any, and attaches
// it before bind, so nothing unfiltered is queued.
func (l *liveHandle) attachAtOpen(h *Handle, p *InactiveHandle) error {
	prog := p.filterProg
	if p.filterExpr != nil {
		var err error
		prog, err = compile.Compile(*p.filterExpr, l.dev.linkType, compile.Options{
			Snaplen: p.snaplen, Optimize: p.optimize, LiveLinux: true,
		})
		if err != nil {
			return l.opErr("open", "", err)
		}
	}
	if len(prog) == 0 {
		return nil
	}
	vm, err := bpf.NewVM(prog)
	if err != nil {
		return l.opErr("set filter", "", err)
	}
	h.filter = prog
	ok := l.attachKernel(l.sock.fd, prog, l.dev.linkType)
	l.cfg.Store(l.newConfig(vm, !ok, l.dev.linkType))
	return nil
}

// bind joins the promiscuous group if asked, sets the direction hint and
// binds the socket to the device (every device for "any").
func (l *liveHandle) bind(p *InactiveHandle) error {
	fd := l.sock.fd
	if p.promisc && l.dev.ifindex != 0 {
		mreq := unix.PacketMreq{Ifindex: int32(l.dev.ifindex), Type: unix.PACKET_MR_PROMISC}
		if err := unix.SetsockoptPacketMreq(fd, unix.SOL_PACKET, unix.PACKET_ADD_MEMBERSHIP, &mreq); err != nil {
			return l.opErr("open", "can't enter promiscuous mode", os.NewSyscallError("setsockopt PACKET_ADD_MEMBERSHIP", err))
		}
	}
	if p.direction == DirectionIn {
		_ = unix.SetsockoptInt(fd, unix.SOL_PACKET, unix.PACKET_IGNORE_OUTGOING, 1)
	}
	sa := &unix.SockaddrLinklayer{Protocol: htons(unix.ETH_P_ALL), Ifindex: l.dev.ifindex}
	err := unix.Bind(fd, sa)
	if err == nil {
		// Binding to a device that is down succeeds, leaving ENETDOWN
		// as the socket's pending error.
		if e, _ := unix.GetsockoptInt(fd, unix.SOL_SOCKET, unix.SO_ERROR); e != 0 {
			err = syscall.Errno(e)
		}
	}
	if err != nil {
		msg := ""
		if err == unix.ENETDOWN {
			msg = "that device is not up"
		}
		return l.openErr(msg, os.NewSyscallError("bind", err))
	}
	return nil
}

// wrapSocket hands the descriptor to the runtime poller.
func (l *liveHandle) wrapSocket() error {
	l.sock.f = os.NewFile(uintptr(l.sock.fd), "packet:"+l.dev.name)
	if l.sock.f == nil {
		return l.opErr("open", "can't wrap the socket", nil)
	}
	rc, err := l.sock.f.SyscallConn()
	if err != nil {
		return l.opErr("open", "", err)
	}
	l.sock.rc = rc
	l.rd.readyFn = l.pollReady
	return nil
}

// htons converts between host and network byte order (it is its own
// inverse): the kernel wants sll_protocol and gives sockaddr_ll's protocol
// in network order, stored in a host-order uint16.
func htons(v uint16) uint16 {
	var b [2]byte
	binary.BigEndian.PutUint16(b[:], v)
	return binary.NativeEndian.Uint16(b[:])
}
