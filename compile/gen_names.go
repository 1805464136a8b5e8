package compile

import (
	"strconv"
	"strings"
)

// hostName handles a name with qualifiers (gen_scode).
func (g *gen) hostName(name string, q qual) cond {
	proto, dir := q.proto, q.dir
	switch q.addr {
	case qNet:
		addr, ok := g.res.LookupNetwork(name)
		if !ok || addr == 0 {
			g.errorf("unknown network '" + name + "'")
		}
		mask := uint32(0xffffffff)
		for addr != 0 && addr&0xff000000 == 0 {
			addr <<= 8
			mask <<= 8
		}
		return g.host(addr, mask, proto, dir, q.addr)
	case qDefault, qHost:
		if proto == pLink {
			switch g.linktype {
			case dltEN10MB, dltIEEE80211, dltRadiotap:
			default:
				g.errorf("only ethernet/FDDI/token ring/802.11/ATM LANE/Fibre Channel supports link-level host name")
			}
			mac, ok := g.res.LookupEthers(name)
			if !ok {
				if g.linktype == dltEN10MB {
					g.errorf("unknown ether host '" + name + "'")
				}
				g.errorf("unknown 802.11 host '" + name + "'")
			}
			return g.linkHost(mac[:], dir)
		}
		if proto == pDECnet {
			g.errorf("decnet name support not included, '" + name + "' cannot be translated")
		}
		addrs, err := g.res.LookupHost(name)
		if err != nil || len(addrs) == 0 {
			g.errorf("unknown host '" + name + "'")
		}
		tproto, tproto6 := proto, proto
		if g.offLinkType.c == offsetNotSet && proto == qDefault {
			tproto, tproto6 = pIP, pIPv6
		}
		var b cond
		for _, a := range addrs {
			var c cond
			if a.Is4() || a.Is4In6() {
				if tproto == pIPv6 {
					continue
				}
				v4 := a.Unmap().As4()
				c = g.host(uint32(v4[0])<<24|uint32(v4[1])<<16|uint32(v4[2])<<8|uint32(v4[3]), 0xffffffff, tproto, dir, q.addr)
			} else {
				if tproto6 == pIP {
					continue
				}
				var ones [16]byte
				for i := range ones {
					ones[i] = 0xff
				}
				c = g.host6(a.As16(), ones, tproto6, dir, q.addr)
			}
			if b == nil {
				b = c
			} else {
				b = or(b, c)
			}
		}
		if b == nil {
			if proto == qDefault {
				g.errorf("unknown host '" + name + "'")
			}
			g.errorf("unknown host '" + name + "' for specified address family")
		}
		return b
	case qPort:
		if proto != qDefault && proto != pUDP && proto != pTCP && proto != pSCTP {
			g.errorf("illegal qualifier of 'port'")
		}
		port, real, ok := g.lookupPort(name)
		if !ok {
			g.errorf("unknown port '" + name + "'")
		}
		real = g.checkPortProto(proto, real, "port '"+name+"'")
		if port > 65535 {
			g.errorf("illegal port number " + itoa(port) + " > 65535")
		}
		return g.portBoth(uint32(port), real, dir)
	case qPortrange:
		if proto != qDefault && proto != pUDP && proto != pTCP && proto != pSCTP {
			g.errorf("illegal qualifier of 'portrange'")
		}
		p1, p2, real, ok := g.lookupPortrange(name)
		if !ok {
			g.errorf("unknown port in range '" + name + "'")
		}
		real = g.checkPortProto(proto, real, "port in range '"+name+"'")
		for _, p := range []int{p1, p2} {
			if p < 0 {
				g.errorf("illegal port number " + itoa(p) + " < 0")
			}
			if p > 65535 {
				g.errorf("illegal port number " + itoa(p) + " > 65535")
			}
		}
		return g.portrangeBoth(uint32(p1), uint32(p2), real, dir)
	case qGateway:
		g.errorf("'gateway' not supported in this configuration")
	case qProto:
		v := g.lookupProto(name, proto)
		if v < 0 {
			g.errorf("unknown protocol: " + name)
		}
		return g.proto(uint32(v), proto, dir)
	case qProtochain:
		v := g.lookupProto(name, proto)
		if v < 0 {
			g.errorf("unknown protocol: " + name)
		}
		return g.protochain(uint32(v), proto)
	}
	g.errorf(syntaxGenMsg)
	return nil
}

// checkPortProto reconciles a port's protocol from the services database
// with the qualifier.
func (g *gen) checkPortProto(proto uint8, real int, what string) int {
	name := map[int]string{ipprotoTCP: "tcp", ipprotoUDP: "udp", ipprotoSCTP: "sctp"}
	want := map[uint8]int{pUDP: ipprotoUDP, pTCP: ipprotoTCP, pSCTP: ipprotoSCTP}[proto]
	if want == 0 {
		return real
	}
	if real != protoUndef && real != want {
		g.errorf(what + " is " + name[real])
	}
	return want
}

// lookupPort resolves a service name as libpcap does: the TCP port if
// there is one, the UDP port otherwise; the protocol is undefined when
// both exist with the same number.
func (g *gen) lookupPort(name string) (port, proto int, ok bool) {
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

func (g *gen) lookupProto(name string, proto uint8) int {
	switch proto {
	case qDefault, pIP, pIPv6:
		v, ok := g.res.LookupProtocol(name)
		if !ok {
			g.errorf("unknown ip proto '" + name + "'")
		}
		return v
	case pLink:
		v, ok := etherProtoNames[name]
		if !ok {
			g.errorf("unknown ether proto '" + name + "'")
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
		g.errorf("unknown osi proto '" + name + "'")
	}
	return -1
}
