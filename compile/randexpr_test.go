package compile_test

// A generator of random filter expressions from the pcap-filter grammar.

import (
	"fmt"
	"math/rand/v2"
	"net/netip"
	"strconv"
	"strings"

	"github.com/purepcap/pcap/linktype"
)

type diffGen struct {
	r  *rand.Rand
	lt linktype.Type
	tr *diffTraffic
}

func (g *diffGen) intn(n int) int        { return g.r.IntN(n) }
func (g *diffGen) chance(p float64) bool { return g.r.Float64() < p }

func diffPick[T any](g *diffGen, xs []T) T { return xs[g.intn(len(xs))] }

// weighted picks an index by weight.
func (g *diffGen) weighted(ws ...int) int {
	total := 0
	for _, w := range ws {
		total += w
	}
	n := g.intn(total)
	for i, w := range ws {
		if n < w {
			return i
		}
		n -= w
	}
	return len(ws) - 1
}

var (
	diffDefaultMACs = []string{"00:1f:29:da:2d:79", "ff:ff:ff:ff:ff:ff", "00:e0:f9:cc:18:00", "01:00:5e:00:00:05"}
	diffDefaultIP4  = []string{"10.0.0.1", "10.0.0.20", "192.168.1.1", "131.151.32.21"}
	diffDefaultIP6  = []string{"fe80::1", "2001:db8::1", "::1", "ff02::1"}
	diffPortNames   = []string{"ssh", "domain", "http", "https", "bgp", "ntp", "snmp", "bootps", "bootpc", "telnet", "smtp", "ftp", "ftp-data", "www", "syslog", "tftp"}
	diffProtoWords  = []string{
		"ip", "ip6", "arp", "rarp", "tcp", "udp", "icmp", "icmp6", "sctp", "igmp", "igrp", "pim", "vrrp",
		"carp", "ah", "esp", "stp", "ipx", "netbeui", "atalk", "aarp", "decnet", "lat", "sca", "mopdl",
		"moprc", "iso", "esis", "isis", "clnp", "l1", "l2", "iih", "lsp", "snp", "csnp", "psnp",
	}
	diffLLCKinds   = []string{"", "i", "s", "u", "rr", "rnr", "rej", "ui", "ua", "disc", "dm", "sabme", "test", "xid", "frmr"}
	diffIndexable  = []string{"ether", "link", "ip", "ip6", "tcp", "udp", "icmp", "icmp6", "igmp", "sctp", "arp", "rarp", "vrrp", "pim", "igrp", "carp", "radio", "wlan", "ppp", "decnet", "atalk", "lat", "sca", "moprc", "mopdl", "aarp", "fddi", "tr", "slip"}
	diffTCPFlags   = []string{"tcp-fin", "tcp-syn", "tcp-rst", "tcp-push", "tcp-ack", "tcp-urg", "tcp-ece", "tcp-cwr"}
	diffICMPTypes  = []string{"icmp-echoreply", "icmp-unreach", "icmp-sourcequench", "icmp-redirect", "icmp-echo", "icmp-routeradvert", "icmp-routersolicit", "icmp-timxceed", "icmp-paramprob", "icmp-tstamp", "icmp-tstampreply", "icmp-ireq", "icmp-ireqreply", "icmp-maskreq", "icmp-maskreply"}
	diffICMP6Types = []string{"icmp6-destinationunreach", "icmp6-packettoobig", "icmp6-timeexceeded", "icmp6-parameterproblem", "icmp6-echo", "icmp6-echoreply", "icmp6-multicastlistenerquery",
		"icmp6-multicastlistenerreportv1", "icmp6-multicastlistenerdone", "icmp6-routersolicit", "icmp6-routeradvert", "icmp6-neighborsolicit", "icmp6-neighboradvert", "icmp6-redirect",
		"icmp6-routerrenum", "icmp6-nodeinformationquery", "icmp6-nodeinformationresponse", "icmp6-ineighbordiscoverysolicit", "icmp6-ineighbordiscoveryadvert", "icmp6-multicastlistenerreportv2",
		"icmp6-homeagentdiscoveryrequest", "icmp6-homeagentdiscoveryreply", "icmp6-mobileprefixsolicit", "icmp6-mobileprefixadvert", "icmp6-certpathsolicit", "icmp6-certpathadvert",
		"icmp6-multicastrouteradvert", "icmp6-multicastroutersolicit", "icmp6-multicastrouterterm"}
	diffWlanSub = map[string][]string{
		"mgt":  {"assoc-req", "assoc-resp", "reassoc-req", "reassoc-resp", "probe-req", "probe-resp", "beacon", "atim", "disassoc", "auth", "deauth"},
		"ctl":  {"ps-poll", "rts", "cts", "ack", "cf-end", "cf-end-ack"},
		"data": {"data", "data-cf-ack", "data-cf-poll", "data-cf-ack-poll", "null", "cf-ack", "cf-poll", "cf-ack-poll", "qos-data", "qos-data-cf-ack", "qos-data-cf-poll", "qos-data-cf-ack-poll", "qos", "qos-cf-poll", "qos-cf-ack-poll"},
	}
	diffRelops = []string{"=", "==", "!=", "<", "<=", ">", ">="}
	diffArith  = []string{"+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>"}
)

func (g *diffGen) isWlan() bool {
	return g.lt == linktype.IEEE80211 || g.lt == linktype.IEEE80211Radio
}

func (g *diffGen) hasMACs() bool {
	return g.lt == linktype.Ethernet || g.isWlan() || g.lt == linktype.LinuxSLL
}

// number formats v in decimal, hex or octal.
func (g *diffGen) number(v uint32) string {
	switch g.weighted(6, 3, 1) {
	case 1:
		return fmt.Sprintf("0x%x", v)
	case 2:
		if v != 0 {
			return fmt.Sprintf("0%o", v)
		}
	}
	return strconv.FormatUint(uint64(v), 10)
}

func (g *diffGen) mac() string {
	m := diffDefaultMACs[g.intn(len(diffDefaultMACs))]
	if len(g.tr.macs) > 0 && g.chance(0.9) {
		m = diffPick(g, g.tr.macs)
	}
	hw, _ := parseMACForGen(m)
	switch g.weighted(10, 2, 2, 1, 1) {
	case 1: // dashes
		return strings.ReplaceAll(m, ":", "-")
	case 2: // dotted
		return fmt.Sprintf("%02x%02x.%02x%02x.%02x%02x", hw[0], hw[1], hw[2], hw[3], hw[4], hw[5])
	case 3: // colon, no leading zeros
		return fmt.Sprintf("%x:%x:%x:%x:%x:%x", hw[0], hw[1], hw[2], hw[3], hw[4], hw[5])
	case 4: // upper case
		return strings.ToUpper(m)
	}
	return m
}

func parseMACForGen(s string) ([6]byte, bool) {
	var b [6]byte
	parts := strings.Split(s, ":")
	if len(parts) != 6 {
		return b, false
	}
	for i, p := range parts {
		v, err := strconv.ParseUint(p, 16, 8)
		if err != nil {
			return b, false
		}
		b[i] = byte(v)
	}
	return b, true
}

func (g *diffGen) ip4() netip.Addr {
	if len(g.tr.ip4) > 0 && g.chance(0.9) {
		return diffPick(g, g.tr.ip4)
	}
	return netip.MustParseAddr(diffPick(g, diffDefaultIP4))
}

func (g *diffGen) ip6() netip.Addr {
	if len(g.tr.ip6) > 0 && g.chance(0.9) {
		return diffPick(g, g.tr.ip6)
	}
	return netip.MustParseAddr(diffPick(g, diffDefaultIP6))
}

func (g *diffGen) port() int {
	if len(g.tr.ports) > 0 && g.chance(0.85) {
		return diffPick(g, g.tr.ports)
	}
	return diffPick(g, []int{22, 53, 80, 443, 179, 6633, 123, 67, 68, 1024, 65535, 0})
}

// portWord returns a port as a number or, sometimes, a service name.
func (g *diffGen) portWord() string {
	if g.chance(0.1) {
		return diffPick(g, diffPortNames)
	}
	return strconv.Itoa(g.port())
}

func (g *diffGen) dir() string {
	return []string{"", "", "", "src ", "dst ", "src or dst ", "src and dst "}[g.intn(7)]
}

// hostPrim returns a host primitive, sometimes with inherited qualifiers
// ("host a or b").
func (g *diffGen) hostPrim() string {
	v6 := g.chance(0.35)
	addr := func() string {
		if v6 {
			return g.ip6().String()
		}
		return g.ip4().String()
	}
	var q string
	if v6 {
		q = diffPick(g, []string{"", "", "ip6 "})
	} else {
		q = diffPick(g, []string{"", "", "ip ", "arp ", "rarp "})
	}
	d := g.dir()
	kw := "host "
	if g.chance(0.3) && (q == "" || g.chance(0.1)) {
		kw = "" // "src 10.0.0.1", "10.0.0.1"; "ip 10.0.0.1" is a syntax error
	}
	s := q + d + kw + addr()
	if g.chance(0.25) {
		n := 1 + g.intn(2)
		for i := 0; i < n; i++ {
			s += diffPick(g, []string{" or ", " and ", " or "}) + addr()
		}
	}
	return s
}

func (g *diffGen) etherPrim() string {
	if g.isWlan() && g.chance(0.5) {
		d := diffPick(g, []string{"", "src ", "dst ", "src or dst ", "src and dst ", "addr1 ", "addr2 ", "addr3 ", "addr4 ", "ra ", "ta "})
		kw := "host "
		if d != "" && g.chance(0.5) {
			kw = ""
		}
		if d == "" {
			kw = "host "
		}
		s := "wlan " + d + kw + g.mac()
		if g.chance(0.15) {
			s += " or " + g.mac()
		}
		return s
	}
	switch g.weighted(6, 2, 1) {
	case 0:
		d := diffPick(g, []string{"", "src ", "dst ", "src or dst ", "src and dst "})
		kw := "host "
		if d != "" && g.chance(0.5) {
			kw = ""
		}
		q := "ether "
		if g.chance(0.15) {
			q = diffPick(g, []string{"fddi ", "tr ", "link ", "ppp ", "wlan ", "slip "}) // link-layer synonyms
		}
		s := q + d + kw + g.mac()
		if g.chance(0.15) {
			s += diffPick(g, []string{" or ", " and "}) + g.mac()
		}
		return s
	case 1:
		return diffPick(g, []string{"ether broadcast", "ether multicast", "broadcast", "multicast"})
	}
	return diffPick(g, []string{"ip multicast", "ip6 multicast", "ip broadcast", "ip6 broadcast"})
}

func (g *diffGen) netPrim() string {
	d := g.dir()
	if g.chance(0.3) {
		a := g.ip6()
		bits := diffPick(g, []int{0, 8, 10, 16, 32, 48, 64, 96, 112, 120, 127, 128})
		p, _ := a.Prefix(bits)
		q := diffPick(g, []string{"", "ip6 "})
		return q + d + "net " + p.String()
	}
	a := g.ip4()
	bits := diffPick(g, []int{0, 1, 4, 8, 12, 16, 20, 24, 25, 30, 31, 32})
	p, _ := a.Prefix(bits)
	q := diffPick(g, []string{"", "", "ip ", "arp ", "rarp "})
	b := p.Addr().As4()
	switch g.weighted(5, 2, 2) {
	case 1:
		mask := uint32(0)
		if bits > 0 {
			mask = ^uint32(0) << (32 - bits)
		}
		return fmt.Sprintf("%s%snet %s mask %d.%d.%d.%d", q, d, p.Addr(), mask>>24, mask>>16&0xff, mask>>8&0xff, mask&0xff)
	case 2:
		// Abbreviated forms: "net 10", "net 131.151", "net 192.168.1".
		switch n := 1 + g.intn(3); n {
		case 1:
			return fmt.Sprintf("%s%snet %d", q, d, b[0])
		case 2:
			return fmt.Sprintf("%s%snet %d.%d", q, d, b[0], b[1])
		default:
			return fmt.Sprintf("%s%snet %d.%d.%d", q, d, b[0], b[1], b[2])
		}
	}
	return q + d + "net " + p.String()
}

func (g *diffGen) portPrim() string {
	q := diffPick(g, []string{"", "", "tcp ", "udp ", "sctp "})
	if g.chance(0.03) {
		q = diffPick(g, []string{"ip ", "ip6 "}) // illegal qualifiers
	}
	d := g.dir()
	if g.chance(0.3) {
		lo := g.port()
		hi := lo + diffPick(g, []int{0, 1, 10, 100, 1000, 40000})
		if hi > 65535 {
			hi = 65535
		}
		if g.chance(0.05) {
			lo, hi = hi, lo
		}
		sep := "-"
		return fmt.Sprintf("%s%sportrange %d%s%d", q, d, lo, sep, hi)
	}
	s := q + d + "port " + g.portWord()
	if g.chance(0.25) {
		s += diffPick(g, []string{" or ", " and ", " or "}) + g.portWord()
	}
	return s
}

func (g *diffGen) protoPrim() string {
	switch g.weighted(5, 3, 2, 2) {
	case 0:
		if g.chance(0.1) {
			k := diffPick(g, diffLLCKinds)
			if k == "" {
				return "llc"
			}
			return "llc " + k
		}
		return diffPick(g, diffProtoWords)
	case 1:
		p := 6
		if len(g.tr.protos) > 0 && g.chance(0.8) {
			p = diffPick(g, g.tr.protos)
		}
		q := diffPick(g, []string{"ip proto ", "ip6 proto ", "proto ", "ip protochain ", "ip6 protochain ", "protochain "})
		if g.chance(0.15) {
			return q + diffPick(g, []string{"\\tcp", "\\udp", "\\icmp", "\\icmp6", "tcp", "udp", "icmp", "\\sctp", "\\ah", "\\esp", "\\pim", "\\igmp"})
		}
		return q + g.number(uint32(p))
	case 2:
		t := diffPick(g, []uint32{0x0800, 0x86dd, 0x0806, 0x8035, 0x8100, 0x88a8, 0x8847, 0x8864, 0x8863, 0x88cc, 0x6003, 0x809b, 0x8137, 0x0600, 1500, 0x22f0,
			0, 255, 1501, 65535, 0x42, 0xfe, 0xe0, 0xf0, 0xaa})
		if g.chance(0.25) {
			return "ether proto " + diffPick(g, []string{"\\ip", "\\ip6", "\\arp", "\\rarp", "\\atalk", "\\aarp", "\\decnet", "\\sca", "\\lat", "\\mopdl", "\\moprc", "\\iso", "\\stp", "\\ipx", "\\netbeui"})
		}
		return diffPick(g, []string{"ether proto ", "link proto ", "ppp proto "}) + g.number(t)
	}
	if g.chance(0.15) {
		// DECnet addresses are area.node, area < 64, node < 1024.
		d := diffPick(g, []string{"", "src ", "dst ", "src or dst ", "src and dst "})
		a := diffPick(g, []string{"1.2", "1.3", "2.1", "2.3", "1.1", "63.1023", "0.5"})
		return "decnet " + d + diffPick(g, []string{"host ", ""}) + a
	}
	l := diffPick(g, []uint32{0, 14, 20, 40, 60, 64, 100, 128, 200, 576, 1000, 1500})
	switch g.intn(3) {
	case 0:
		return "less " + g.number(l)
	case 1:
		return "greater " + g.number(l)
	}
	return "len " + diffPick(g, diffRelops) + " " + g.number(l)
}

func (g *diffGen) encapPrim() string {
	switch g.weighted(4, 3, 2, 1, 2) {
	case 0:
		if g.chance(0.6) && len(g.tr.vlans) > 0 {
			return "vlan " + strconv.Itoa(diffPick(g, g.tr.vlans))
		}
		return "vlan"
	case 1:
		if g.chance(0.6) && len(g.tr.labels) > 0 {
			return "mpls " + strconv.Itoa(diffPick(g, g.tr.labels))
		}
		return "mpls"
	case 2:
		if g.chance(0.5) && len(g.tr.sessions) > 0 {
			return "pppoes " + g.number(uint32(diffPick(g, g.tr.sessions)))
		}
		return "pppoes"
	case 3:
		return "pppoed"
	}
	if g.chance(0.5) {
		return "geneve " + strconv.Itoa(diffPick(g, []int{10, 0, 1, 5000, 16777215}))
	}
	return "geneve"
}

func (g *diffGen) wlanPrim() string {
	types := []string{"mgt", "ctl", "data"}
	switch g.weighted(4, 3, 2, 2) {
	case 0:
		t := diffPick(g, types)
		if g.chance(0.6) {
			return "type " + t + " subtype " + diffPick(g, diffWlanSub[t])
		}
		return "type " + t
	case 1:
		t := diffPick(g, types)
		return "subtype " + diffPick(g, diffWlanSub[t])
	case 2:
		return "dir " + diffPick(g, []string{"nods", "tods", "fromds", "dstods", "0", "1", "2", "3"})
	}
	return "wlan " + diffPick(g, []string{"addr1 ", "addr2 ", "addr3 ", "addr4 ", "ra ", "ta ", "src ", "dst ", "host "}) + g.mac()
}

func (g *diffGen) slPrim() string {
	switch g.intn(3) {
	case 0:
		return "inbound"
	case 1:
		return "outbound"
	}
	idx := 2
	if len(g.tr.ifindex) > 0 {
		idx = diffPick(g, g.tr.ifindex)
	}
	return "ifindex " + strconv.Itoa(idx)
}

// relation returns "lhs relop rhs" over packet data. Most are built from a
// real header of the capture so that they hold for some packets.
func (g *diffGen) relation() string {
	var names []string
	for _, n := range diffIndexable {
		if len(g.tr.layers[n]) > 0 {
			names = append(names, n)
		}
	}
	if len(names) == 0 || g.chance(0.15) {
		return g.arith(2) + " " + diffPick(g, diffRelops) + " " + g.arith(2)
	}
	proto := diffPick(g, names)
	sample := diffPick(g, g.tr.layers[proto])
	if proto == "link" && g.chance(0.5) {
		proto = diffPick(g, []string{"ether", "ether", "fddi", "tr", "slip", "ppp", "wlan"}) // all mean the link layer
	}
	size := diffPick(g, []int{1, 1, 2, 2, 4})
	limit := min(len(sample), 64)
	if limit < size {
		size = 1
	}
	off := g.intn(max(limit-size+1, 1))
	var v uint32
	for i := 0; i < size && off+i < len(sample); i++ {
		v = v<<8 | uint32(sample[off+i])
	}
	idx := g.number(uint32(off))
	switch {
	case proto == "tcp" && off == 13 && size == 1 && g.chance(0.7):
		idx = "tcpflags"
	case proto == "icmp" && off == 0 && size == 1:
		idx = diffPick(g, []string{"icmptype", "0"})
	case proto == "icmp" && off == 1 && size == 1:
		idx = diffPick(g, []string{"icmpcode", "1"})
	case proto == "icmp6" && off == 0 && size == 1:
		idx = diffPick(g, []string{"icmp6type", "0"})
	case proto == "icmp6" && off == 1 && size == 1:
		idx = diffPick(g, []string{"icmp6code", "1"})
	case g.chance(0.1):
		// A computed index.
		idx = fmt.Sprintf("%d + %d", off/2, off-off/2)
	}
	lhs := proto + "[" + idx
	if size != 1 || g.chance(0.3) {
		lhs += ":" + strconv.Itoa(size)
	}
	lhs += "]"
	rhs := g.number(v)
	if g.chance(0.35) {
		mask := diffPick(g, []uint32{0x1, 0x2, 0x0f, 0xf0, 0xff, 0x1fff, 0x0fff, 0x8000, 0x3f, 0xfc})
		if size == 1 {
			mask &= 0xff
		}
		if proto == "tcp" && idx == "tcpflags" && g.chance(0.7) {
			f := diffPick(g, diffTCPFlags)
			lhs = fmt.Sprintf("%s & %s", lhs, f)
			if g.chance(0.5) {
				return lhs + " != 0"
			}
			return lhs + " = " + f
		}
		lhs = fmt.Sprintf("%s & %s", lhs, g.number(mask))
		rhs = g.number(v & mask)
	}
	if proto == "icmp" && idx == "icmptype" && g.chance(0.6) {
		rhs = diffPick(g, diffICMPTypes)
	}
	if proto == "icmp6" && idx == "icmp6type" && g.chance(0.6) {
		rhs = diffPick(g, diffICMP6Types)
	}
	op := "="
	if g.chance(0.4) {
		op = diffPick(g, diffRelops)
	}
	if g.chance(0.5) {
		return lhs + " " + op + " " + rhs
	}
	return rhs + " " + op + " " + lhs
}

// arith returns a random arithmetic expression of at most depth levels.
func (g *diffGen) arith(depth int) string {
	if depth <= 0 || g.chance(0.4) {
		switch g.weighted(4, 1, 4) {
		case 0:
			return g.number(diffPick(g, []uint32{0, 1, 2, 3, 4, 5, 8, 12, 14, 20, 31, 32, 64, 100, 255, 256, 1500, 0xffff, 0xffffffff}))
		case 1:
			return "len"
		}
		proto := diffPick(g, diffIndexable[:12])
		idx := g.number(uint32(g.intn(40)))
		if depth > 0 && g.chance(0.2) {
			idx = g.arith(depth - 1)
		}
		sz := diffPick(g, []string{"", "", ":1", ":2", ":4"})
		return proto + "[" + idx + sz + "]"
	}
	if g.chance(0.1) {
		return "-" + g.arith(depth-1)
	}
	s := g.arith(depth-1) + " " + diffPick(g, diffArith) + " " + g.arith(depth-1)
	if g.chance(0.5) {
		s = "(" + s + ")"
	}
	return s
}

// wild returns unusual but valid shapes: nested indexes, header-length
// arithmetic, big and negative constants, odd literal forms.
func (g *diffGen) wild() string {
	relop := diffPick(g, diffRelops)
	switch g.intn(10) {
	case 0:
		p := diffPick(g, []string{"ip", "tcp", "udp", "ether", "ip6", "icmp", "link"})
		return fmt.Sprintf("%s[%s[%d] & %s] %s %s", p, p, g.intn(20), g.number(diffPick(g, []uint32{0xf, 0x3c, 0xf0, 0xff, 0x7})), relop, g.number(uint32(g.intn(256))))
	case 1:
		v := diffPick(g, []uint32{0x47455420, 0x48545450, 0x504f5354, 0, 0x16030100})
		return fmt.Sprintf("tcp[((tcp[12:1] & 0xf0) >> 2):4] %s %s", relop, g.number(v))
	case 2:
		return fmt.Sprintf("-%s %s %s", g.arith(1), relop, g.number(diffPick(g, []uint32{0x80000000, 0xffffffff, 0xfffffff0, 1, 0})))
	case 3:
		return fmt.Sprintf("len %s %s %s %s", diffPick(g, diffArith[:4]), g.arith(1), relop, g.number(uint32(g.intn(1600))))
	case 4:
		a := g.ip4().As4()
		return diffPick(g, []string{
			fmt.Sprintf("host ::ffff:%d.%d.%d.%d", a[0], a[1], a[2], a[3]),
			"host " + strings.ToUpper(g.ip6().String()),
			fmt.Sprintf("ip6 net ::ffff:%d.%d.%d.0/120", a[0], a[1], a[2]),
			fmt.Sprintf("net %d.%d/16", a[0], a[1]),
			fmt.Sprintf("host %d.%d", a[0], a[3]),
			fmt.Sprintf("net %d/8", a[0]),
		})
	case 5:
		p := g.port()
		return diffPick(g, []string{
			fmt.Sprintf("port 0x%x", p), fmt.Sprintf("port 0%o", p), fmt.Sprintf("portrange 0x%x-0x%x", p, min(p+100, 65535)),
			fmt.Sprintf("udp port %d or %s", p, diffPick(g, diffPortNames)), fmt.Sprintf("tcp src port %d and dst port %d", p, g.port()),
		})
	case 6:
		f1, f2 := diffPick(g, diffTCPFlags), diffPick(g, diffTCPFlags)
		return diffPick(g, []string{
			fmt.Sprintf("tcp[tcpflags] & (%s|%s) == (%s|%s)", f1, f2, f1, f2),
			fmt.Sprintf("tcp[tcpflags] & (%s|%s) == %s", f1, f2, f1),
			fmt.Sprintf("tcp[13] & 0x3f %s %s", relop, g.number(uint32(g.intn(64)))),
			fmt.Sprintf("(tcp[tcpflags] & %s) != 0 and (tcp[tcpflags] & %s) = 0", f1, f2),
		})
	case 7:
		return diffPick(g, []string{
			"ip[0] >> (ip[1] & 7) " + relop + " " + g.number(uint32(g.intn(16))),
			"len / (ip[8] + 1) " + relop + " " + g.number(uint32(g.intn(20))),
			"(tcp[0:2] % 256) " + relop + " " + g.number(uint32(g.intn(256))),
			"ip[2:2] - ((ip[0] & 0xf) << 2) - ((tcp[12] & 0xf0) >> 2) " + relop + " " + g.number(uint32(g.intn(100))),
			"udp[4:2] - 8 " + relop + " " + g.number(uint32(g.intn(200))),
			"ether[len - " + strconv.Itoa(1+g.intn(4)) + "] " + relop + " " + g.number(uint32(g.intn(256))),
		})
	case 8:
		icmp := diffPick(g, []string{
			"icmp[icmptype] = " + diffPick(g, diffICMPTypes),
			"icmp[icmptype] != icmp-echo and icmp[icmptype] != icmp-echoreply",
			"icmp6[icmp6type] = " + diffPick(g, diffICMP6Types),
			"icmp6[icmp6code] " + relop + " " + g.number(uint32(g.intn(4))),
			"icmp[icmpcode] " + relop + " " + g.number(uint32(g.intn(16))),
			"ip6[40] = " + g.number(diffPick(g, []uint32{128, 129, 135, 136, 143})),
		})
		return icmp
	}
	if g.chance(0.3) {
		// Lexical oddities: spacing, case, stacked negations.
		e := g.prim()
		switch g.intn(5) {
		case 0:
			return strings.ReplaceAll(e, " ", "  ")
		case 1:
			return strings.ToUpper(e)
		case 2:
			return "!!" + e
		case 3:
			return "not not not " + e
		}
		r := strings.NewReplacer(" = ", "=", " != ", "!=", " & ", "&", "[ ", "[", " ]", "]")
		return r.Replace(e)
	}
	hosts := make([]string, 3+g.intn(5))
	for i := range hosts {
		if g.chance(0.3) {
			hosts[i] = g.ip6().String()
		} else {
			hosts[i] = g.ip4().String()
		}
	}
	return diffPick(g, []string{"", "src ", "dst ", "ip ", "ip6 "}) + "host " + strings.Join(hosts, diffPick(g, []string{" or ", " or ", " and "}))
}

// invalid returns an expression that is probably an error for libpcap.
func (g *diffGen) invalid() string {
	return diffPick(g, []string{
		"port 70000", "net 10.0.0.1/8", "tcp host " + g.ip4().String(), "udp net 10.0.0.0/8",
		"ip proto 999", "ether host 00:11:22", "ip[0:3] = 1", "ip[0] / 0 = 1", "ip[0] >> 33 = 0",
		"1 << 32 = 0", "(tcp or udp", "tcp or", "host", "not not", "vlan 4096", "mpls 1048576",
		"pppoes 65536", "portrange 1-", "ip6 host " + g.ip4().String(), "ip host " + g.ip6().String(),
		"ether src " + g.ip4().String(), "src port http-bogus", "geneve 16777216", "icmp[icmptype] = icmp6-echo",
		"type bogus", "subtype mgt", "dir 4", "llc zz", "tcp[tcpflags] = tcp-fin-bogus", "ip6 net ::1/129",
		"0x100000000 = 1", "net 1.2.3.4.5", "proto \\nonesuch", "len >", "ip[", "ether[1:8] = 1",
		"decnet host 64.1", "decnet host 1.1024", "gateway 10.0.0.1", "ip6 protochain 256",
		"4294967296 = len", "port 08", "host 1.2.3.4.5.6", "ether host 00:11:22:33:44:55:66", "tcp[tcpflags] & tcp-syn",
		"ip[0] & = 1", "(", ")", "host 10.0.0.1 or", "vlan and", "len = -", "ip6 net fe80::1/10",
	})
}

// prim returns one primitive suited (mostly) to the link type.
func (g *diffGen) prim() string {
	w := []int{
		10, // host
		6,  // ether / wlan addresses
		5,  // net
		8,  // port
		8,  // protocol words and numbers, lengths
		12, // relations
		6,  // vlan/mpls/pppoe/geneve
		0,  // 802.11
		0,  // inbound/outbound/ifindex
		1,  // invalid
		4,  // unusual shapes
	}
	switch {
	case g.isWlan():
		w[7] = 10
	case g.lt == linktype.LinuxSLL || g.lt == linktype.LinuxSLL2:
		w[8] = 3
	}
	if !g.hasMACs() {
		w[1] = 1
	}
	if g.lt != linktype.Ethernet {
		w[6] = 1
	}
	switch g.weighted(w...) {
	case 0:
		return g.hostPrim()
	case 1:
		return g.etherPrim()
	case 2:
		return g.netPrim()
	case 3:
		return g.portPrim()
	case 4:
		return g.protoPrim()
	case 5:
		return g.relation()
	case 6:
		return g.encapPrim()
	case 7:
		return g.wlanPrim()
	case 8:
		return g.slPrim()
	case 10:
		return g.wild()
	}
	return g.invalid()
}

// expr returns an expression of terms joined by and/or, with negations and
// parentheses.
func (g *diffGen) expr(depth int) string {
	n := 1 + g.weighted(5, 4, 2, 1)
	var b strings.Builder
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteString(diffPick(g, []string{" and ", " or ", " and ", " or ", " && ", " || "}))
		}
		if g.chance(0.15) {
			b.WriteString(diffPick(g, []string{"not ", "! ", "!", "not "}))
		}
		if depth < 2 && g.chance(0.2) {
			b.WriteString("(" + g.expr(depth+1) + ")")
		} else {
			b.WriteString(g.prim())
		}
	}
	return b.String()
}

// encapMix returns an expression that mixes vlan/mpls/pppoes/geneve with
// what follows them, where libpcap's offset shifting matters.
func (g *diffGen) encapMix() string {
	parts := []string{g.encapPrim()}
	if g.chance(0.4) {
		parts = append(parts, g.encapPrim())
	}
	parts = append(parts, g.prim())
	if g.chance(0.3) {
		parts = append(parts, g.encapPrim())
	}
	if g.chance(0.5) {
		parts = append(parts, g.prim())
	}
	var b strings.Builder
	for i, p := range parts {
		if i > 0 {
			b.WriteString(diffPick(g, []string{" and ", " and ", " or "}))
		}
		if g.chance(0.1) {
			b.WriteString("not ")
		}
		if g.chance(0.15) && i+1 < len(parts) {
			b.WriteString("(" + p + diffPick(g, []string{" or ", " and "}) + parts[i+1] + ")")
			continue
		}
		b.WriteString(p)
	}
	return b.String()
}

// diffRandomCases returns n random expressions per link type share, from
// seed. EN10MB gets the largest share.
func diffRandomCases(seed uint64, total int, caps map[linktype.Type]*diffCapture) []diffCase {
	r := rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
	var cases []diffCase
	seen := map[diffCase]bool{}
	for _, lt := range diffLinkTypes {
		share := total * 6 / 100
		if lt == linktype.Ethernet {
			share = total - 11*share
		}
		g := &diffGen{r: r, lt: lt, tr: diffScanTraffic(caps[lt])}
		for n, tries := 0, 0; n < share && tries < 100*share; tries++ {
			var e string
			if g.chance(0.2) && (lt == linktype.Ethernet || g.chance(0.3)) {
				e = g.encapMix()
			} else {
				e = g.expr(0)
			}
			c := diffCase{lt: lt, expr: e}
			if g.chance(0.1) {
				// Non-default compile options.
				c.opts = diffPick(g, []string{"O", "O", "s=96", "s=65535", "m=255.255.255.0", "m=255.0.0.0;s=200", "O;m=255.255.0.0"})
			}
			if seen[c] || strings.ContainsAny(e, "\t\n") {
				continue
			}
			seen[c] = true
			cases = append(cases, c)
			n++
		}
	}
	return cases
}

// diffBigCases returns long expressions (50 to 200 terms) built from the
// traffic: libpcap optimizes them in seconds, and they stress the
// optimizer's limits.
func diffBigCases(caps map[linktype.Type]*diffCapture) []diffCase {
	r := rand.New(rand.NewPCG(7, 11))
	var cases []diffCase
	for _, lt := range []linktype.Type{linktype.Ethernet, linktype.LinuxSLL, linktype.Raw, linktype.IEEE80211Radio} {
		g := &diffGen{r: r, lt: lt, tr: diffScanTraffic(caps[lt])}
		for _, n := range []int{50, 120, 200} {
			var b strings.Builder
			for i := 0; i < n; i++ {
				if i > 0 {
					b.WriteString(diffPick(g, []string{" or ", " or ", " or ", " and not "}))
				}
				b.WriteString(g.bigTerm(n))
			}
			cases = append(cases, diffCase{lt: lt, expr: b.String()})
		}
	}
	return cases
}

// bigTerm returns a self-contained primitive (no inherited qualifiers)
// that compiles on most link types.
func (g *diffGen) bigTerm(n int) string {
	switch k := (n + g.intn(10)) % 10; {
	case k < 3:
		if g.chance(0.3) {
			return "ip6 host " + g.ip6().String()
		}
		return diffPick(g, []string{"host ", "ip host ", "src host ", "dst "}) + g.ip4().String()
	case k < 6:
		return diffPick(g, []string{"port ", "tcp port ", "udp dst port ", "src port "}) + strconv.Itoa(g.port())
	case k < 7:
		p, _ := g.ip4().Prefix(diffPick(g, []int{8, 16, 24}))
		return "net " + p.String()
	case k < 8 && (g.lt == linktype.Ethernet || g.isWlan()):
		return "ether host " + g.mac()
	case k < 9:
		return diffPick(g, []string{"ip proto ", "ip6 proto "}) + strconv.Itoa(diffPick(g, []int{1, 6, 17, 58, 47, 132}))
	}
	return fmt.Sprintf("ip[8] = %d", g.intn(256))
}

// diffSoupVocab is the vocabulary of "token soup" expressions: keywords,
// operators, literals. Most soups are syntax errors; the test checks that
// we refuse exactly what libpcap refuses.
var diffSoupVocab = strings.Fields(`host net port portrange src dst and or not ! && || ( ) [ ] : = == != < > <= >= + - * / % & | ^ << >>
ip ip6 arp rarp tcp udp icmp icmp6 ether link ppp wlan proto protochain gateway broadcast multicast less greater len
vlan mpls pppoes pppoed geneve llc type subtype dir addr1 ra ta inbound outbound ifindex mask
tcpflags icmptype tcp-syn icmp-echo 10.0.0.1 10.0.0 10 fe80::1 ::1 00:1f:29:da:2d:79 0 1 6 17 22 80 100 0x800 255 65535 4096
\tcp \ip http ssh 1.2 mgt data beacon tods fromds i s u ui l1 l2 iih`)

// diffSoupCases returns n token soups of 1 to 7 tokens.
func diffSoupCases(seed uint64, n int) []diffCase {
	r := rand.New(rand.NewPCG(seed, 3))
	g := &diffGen{r: r}
	seen := map[diffCase]bool{}
	var cases []diffCase
	for len(cases) < n {
		lt := linktype.Ethernet
		if g.chance(0.5) {
			lt = diffPick(g, diffLinkTypes)
		}
		toks := make([]string, 1+g.intn(7))
		for i := range toks {
			toks[i] = diffPick(g, diffSoupVocab)
		}
		c := diffCase{lt: lt, expr: strings.Join(toks, " ")}
		if !seen[c] {
			seen[c] = true
			cases = append(cases, c)
		}
	}
	return cases
}
