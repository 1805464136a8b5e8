package compile

import (
	"encoding/binary"
	"math"
	"net/netip"
	"strconv"
	"strings"

	"github.com/purepcap/pcap/linktype"
)

// hostName handles a name with qualifiers (gen_scode).
func (g *gen) hostName(name string, q qual) cond {
	switch q.addr {
	case qNet:
		return g.netName(name, q)
	case qDefault, qHost:
		if q.proto == pLink {
			return g.etherName(name, q.dir)
		}
		if q.proto == pDECnet {
			g.fail("decnet name support not included, '" + name + "' cannot be translated")
		}
		return g.hostByName(name, q)
	case qPort:
		return g.portName(name, q)
	case qPortrange:
		return g.portrangeName(name, q)
	case qGateway:
		g.fail("'gateway' not supported in this configuration")
	case qProto:
		v := g.lookupProto(name, q.proto)
		if v < 0 {
			g.fail("unknown protocol: " + name)
		}
		return g.proto(uint32(v), q.proto, q.dir)
	case qProtochain:
		v := g.lookupProto(name, q.proto)
		if v < 0 {
			g.fail("unknown protocol: " + name)
		}
		return g.protochain(uint32(v), q.proto)
	}
	g.fail(syntaxGenMsg)
	return noCond
}

// netName is "net NAME", a network from /etc/networks.
func (g *gen) netName(name string, q qual) cond {
	addr, ok := g.res.LookupNetwork(name)
	if !ok || addr == 0 {
		g.fail("unknown network '" + name + "'")
	}
	mask := uint32(0xffffffff)
	for addr != 0 && addr&0xff000000 == 0 {
		addr <<= 8
		mask <<= 8
	}
	return g.host(addr, mask, q.proto, q.dir, q.addr)
}

// etherName is "ether host NAME", a MAC address from /etc/ethers.
func (g *gen) etherName(name string, dir dirQual) cond {
	switch g.linktype {
	case linktype.Ethernet, linktype.NetAnalyzer, linktype.NetAnalyzerTransparent, linktype.IEEE80211, linktype.IEEE80211Radio, linktype.IEEE80211Prism, linktype.IEEE80211AVS, linktype.PPI,
		linktype.FDDI, linktype.IEEE8025, linktype.IPOverFC:
	default:
		g.fail("only ethernet/FDDI/token ring/802.11/ATM LANE/Fibre Channel supports link-level host name")
	}
	mac, ok := g.res.LookupEthers(name)
	if !ok {
		if h, ok := llcMACHeaders[g.linktype]; ok {
			g.fail("unknown " + h.noun + " host '" + name + "'")
		}
		if !isWLAN(g.linktype) {
			g.fail("unknown ether host '" + name + "'")
		}
		g.fail("unknown 802.11 host '" + name + "'")
	}
	return g.linkHost(mac[:], dir)
}

// hostByName is "host NAME": every address of the name, in the
// resolver's order, for the address families the qualifier allows.
func (g *gen) hostByName(name string, q qual) cond {
	proto := q.proto
	addrs := g.lookupHost(name)
	tproto, tproto6 := proto, proto
	if g.offLinkType.c == offsetNotSet && proto == qDefault {
		tproto, tproto6 = pIP, pIPv6
	}
	var b cond
	for _, a := range addrs {
		var c cond
		if a.Is4() {
			if tproto == pIPv6 {
				continue
			}
			v4 := a.As4()
			c = g.host(binary.BigEndian.Uint32(v4[:]), 0xffffffff, tproto, q.dir, q.addr)
		} else {
			if tproto6 == pIP {
				continue
			}
			c = g.host6(a.As16(), allOnes16, tproto6, q.dir, q.addr)
		}
		if b == noCond {
			b = c
		} else {
			b = g.or(b, c)
		}
	}
	if b == noCond {
		if proto == qDefault {
			g.fail("unknown host '" + name + "'")
		}
		g.fail("unknown host '" + name + "' for specified address family")
	}
	return b
}

// lookupHost returns the addresses of a host name. A numeric address is
// converted as getaddrinfo(3) converts it, without the resolver; other
// names go to the resolver, bounded by the lookup context.
func (g *gen) lookupHost(name string) []netip.Addr {
	if a, ok := numericHost(name); ok {
		return []netip.Addr{a}
	}
	ctx := g.lookupContext()
	if err := ctx.Err(); err != nil {
		g.failLookup(name, err)
	}
	addrs, err := g.res.LookupHost(ctx, name)
	if err != nil || len(addrs) == 0 {
		if cerr := ctx.Err(); cerr != nil {
			g.failLookup(name, cerr)
		}
		g.fail("unknown host '" + name + "'")
	}
	for i, a := range addrs {
		if a.Is4In6() {
			addrs[i] = a.Unmap()
		}
	}
	return addrs
}

// failLookup fails because the lookup context ended before name was
// resolved; the error wraps the context's error.
func (g *gen) failLookup(name string, err error) {
	panic(bailout{&Error{Offset: g.off, Msg: "unknown host '" + name + "' (lookup stopped: " + err.Error() + ")", Err: err}})
}

// numericHost converts a numeric host address as glibc's getaddrinfo(3)
// does before it looks a name up: an IPv4 address in any form inet_aton(3)
// takes ("10", "10.1", "0x7f.1", "010.0.0.1"), with nothing after it, or
// an IPv6 address.
func numericHost(s string) (netip.Addr, bool) {
	if v, ok := inetAton(s); ok {
		var b [4]byte
		binary.BigEndian.PutUint32(b[:], v)
		return netip.AddrFrom4(b), true
	}
	if strings.IndexByte(s, ':') < 0 || strings.IndexByte(s, '%') >= 0 {
		return netip.Addr{}, false
	}
	a, err := netip.ParseAddr(s)
	return a, err == nil
}

// inetAton parses an IPv4 address as inet_aton(3) does: one to four parts
// separated by dots, each decimal, octal (leading 0) or hex (leading 0x);
// the last part fills the bytes the others leave.
func inetAton(s string) (uint32, bool) {
	var parts [3]uint32
	n := 0
	for {
		val, rest, ok := strtoulC(s)
		if !ok || val > 0xffffffff {
			return 0, false
		}
		if rest == "" {
			limit := [4]uint64{0xffffffff, 0xffffff, 0xffff, 0xff}[n]
			if val > limit {
				return 0, false
			}
			v := uint32(val)
			for i := 0; i < n; i++ {
				v |= parts[i] << (24 - 8*i)
			}
			return v, true
		}
		if rest[0] != '.' || n == 3 || val > 0xff {
			return 0, false
		}
		parts[n] = uint32(val)
		n++
		s = rest[1:]
	}
}

// strtoulC parses the number at the start of s as C's strtoul with base 0
// would, for input that starts with a digit: hex after "0x", octal after
// "0", decimal otherwise. It returns the value (saturated), the rest of s
// and whether s started with a digit.
func strtoulC(s string) (uint64, string, bool) {
	if s == "" || s[0] < '0' || s[0] > '9' {
		return 0, s, false
	}
	base, i := uint64(10), 0
	if s[0] == '0' {
		base, i = 8, 1
		if len(s) > 2 && (s[1] == 'x' || s[1] == 'X') && isHex(s[2]) {
			base, i = 16, 2
		}
	}
	var v uint64
	for ; i < len(s); i++ {
		d := uint64(hexVal(s[i]))
		if !isHex(s[i]) || d >= base {
			break
		}
		if v > (math.MaxUint64-d)/base {
			v = math.MaxUint64
		} else {
			v = v*base + d
		}
	}
	return v, s[i:], true
}

var allOnes16 = [16]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}

// portName is "port NAME", a service name.
func (g *gen) portName(name string, q qual) cond {
	if q.proto != qDefault && q.proto != pUDP && q.proto != pTCP && q.proto != pSCTP {
		g.fail("illegal qualifier of 'port'")
	}
	port, real, ok := g.lookupPort(name)
	if !ok {
		g.fail("unknown port '" + name + "'")
	}
	real = g.checkPortProto(q.proto, real, "port '"+name+"'")
	if port > 65535 {
		g.fail("illegal port number " + strconv.Itoa(port) + " > 65535")
	}
	return g.portBoth(uint32(port), real, q.dir)
}

// portrangeName is "portrange NAME-NAME", where either end may be a number
// or a service name.
func (g *gen) portrangeName(name string, q qual) cond {
	if q.proto != qDefault && q.proto != pUDP && q.proto != pTCP && q.proto != pSCTP {
		g.fail("illegal qualifier of 'portrange'")
	}
	p1, p2, real, ok := g.lookupPortrange(name)
	if !ok {
		g.fail("unknown port in range '" + name + "'")
	}
	real = g.checkPortProto(q.proto, real, "port in range '"+name+"'")
	for _, p := range [2]int{p1, p2} {
		if p < 0 {
			g.fail("illegal port number " + strconv.Itoa(p) + " < 0")
		}
		if p > 65535 {
			g.fail("illegal port number " + strconv.Itoa(p) + " > 65535")
		}
	}
	return g.portrangeBoth(uint32(p1), uint32(p2), real, q.dir)
}

// checkPortProto reconciles a port's protocol from the services database
// with the qualifier.
func (g *gen) checkPortProto(proto protoQual, real int, what string) int {
	name := map[int]string{ipprotoTCP: "tcp", ipprotoUDP: "udp", ipprotoSCTP: "sctp"}
	want := map[protoQual]int{pUDP: ipprotoUDP, pTCP: ipprotoTCP, pSCTP: ipprotoSCTP}[proto]
	if want == 0 {
		return real
	}
	if real != protoUndef && real != want {
		g.fail(what + " is " + name[real])
	}
	return want
}

// lookupPort resolves a service name as libpcap does: the TCP port if
// there is one, the UDP port otherwise; the protocol is undefined when
// both exist with the same number. libpcap asks getaddrinfo(3), which takes
// a number as a service of every protocol, so "25" is port 25 of both.
func (g *gen) lookupPort(name string) (port, proto int, ok bool) {
	if p, ok := numericService(name); ok {
		return p, protoUndef, true
	}
	tcp, tok := g.res.LookupPort(name, "tcp")
	udp, uok := g.res.LookupPort(name, "udp")
	switch {
	case tok:
		if uok && udp == tcp {
			return tcp, protoUndef, true
		}
		return tcp, ipprotoTCP, true
	case uok:
		return udp, ipprotoUDP, true
	}
	return 0, 0, false
}

// numericService reports whether glibc's getaddrinfo(3) takes s as a
// numeric service, and which port it gives: strtoul(s, 10) must consume
// all of s, the value as a C int must not be negative, and the port is its
// low 16 bits ("70000" is port 4464).
func numericService(s string) (int, bool) {
	neg := false
	if s != "" && (s[0] == '+' || s[0] == '-') {
		neg = s[0] == '-'
		s = s[1:]
	}
	if s == "" {
		return 0, false
	}
	var v uint64
	for i := 0; i < len(s); i++ {
		d := uint64(s[i] - '0')
		if d > 9 {
			return 0, false
		}
		if v > (math.MaxUint64-d)/10 {
			v = math.MaxUint64
		} else {
			v = v*10 + d
		}
	}
	if neg && v != math.MaxUint64 {
		v = -v
	}
	if int32(uint32(v)) < 0 {
		return 0, false
	}
	return int(uint16(v)), true
}

func (g *gen) lookupPortrange(name string) (p1, p2, proto int, ok bool) {
	if a, b, ok := scanIntDashInt(name); ok {
		return a, b, protoUndef, true
	}
	first, second, found := strings.Cut(name, "-")
	if !found {
		return 0, 0, 0, false
	}
	p1, proto1, ok1 := g.lookupPort(first)
	if !ok1 {
		return 0, 0, 0, false
	}
	p2, proto2, ok2 := g.lookupPort(second)
	if !ok2 {
		return 0, 0, 0, false
	}
	if proto1 != proto2 {
		proto2 = protoUndef
	}
	return p1, p2, proto2, true
}

// scanIntDashInt mimics sscanf(s, "%d-%d").
func scanIntDashInt(s string) (int, int, bool) {
	num := func(s string) (int, string, bool) {
		i := 0
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		j := i
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if j == i {
			return 0, s, false
		}
		v, err := strconv.ParseInt(s[:j], 10, 64)
		if err != nil {
			v = -1
		}
		return int(int32(v)), s[j:], true
	}
	a, rest, ok := num(s)
	if !ok || rest == "" || rest[0] != '-' {
		return 0, 0, false
	}
	b, _, ok := num(rest[1:])
	if !ok {
		return 0, 0, false
	}
	return a, b, true
}

var etherProtoNames = map[string]uint32{
	"aarp": ethertypeAARP, "arp": ethertypeARP, "atalk": ethertypeATalk,
	"decnet": ethertypeDN, "ip": ethertypeIP, "ip6": ethertypeIPv6,
	"lat": ethertypeLAT, "loopback": ethertypeLoopback, "mopdl": ethertypeMOPDL,
	"moprc": ethertypeMOPRC, "rarp": ethertypeRevARP, "sca": ethertypeSCA,
	// 802.2 SAPs
	"iso": sapISONS, "stp": sap8021D, "ipx": sapIPX, "netbeui": sapNetBEUI,
}

func (g *gen) lookupProto(name string, proto protoQual) int {
	switch proto {
	case qDefault, pIP, pIPv6:
		v, ok := g.res.LookupProtocol(name)
		if !ok {
			g.fail("unknown ip proto '" + name + "'")
		}
		return v
	case pLink:
		v, ok := etherProtoNames[name]
		if !ok {
			g.fail("unknown ether proto '" + name + "'")
		}
		return int(v)
	case pISO:
		switch name {
		case "esis":
			return isoESIS
		case "isis":
			return isoISIS
		case "clnp":
			return isoCLNP
		}
		g.fail("unknown osi proto '" + name + "'")
	}
	return -1
}
