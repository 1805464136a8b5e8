package compile

// Token is a lexical token of the filter language.
type Token int

// The tokens. Keywords that libpcap treats as synonyms share a token
// ("ether", "link", "wlan", ... are all LINK).
const (
	EOF     Token = iota
	ILLEGAL       // a character or number the scanner rejects

	// Literals.
	NUM  // 42, 0x2a, 052, and the named constants (tcp-syn, icmp-echo, ...)
	ID   // a name, or a backslash-escaped word
	HID  // dotted IPv4 address with 2 to 4 parts
	HID6 // IPv6 address
	EID  // MAC address
	AID  // ARCnet address ($xx)

	// Operators and punctuation.
	LPAREN  // (
	RPAREN  // )
	LBRACK  // [
	RBRACK  // ]
	COLON   // :
	PLUS    // +
	MINUS   // -
	STAR    // *
	SLASH   // /
	PERCENT // %
	AMP     // &
	PIPE    // |
	CARET   // ^
	NOT     // ! and "not"
	LT      // <
	GT      // >
	EQ      // = and ==
	GEQ     // >=
	LEQ     // <=
	NEQ     // !=
	LSH     // <<
	RSH     // >>
	AND     // and, &&
	OR      // or, ||

	keywordBeg
	DST
	SRC
	HOST
	GATEWAY
	NET
	NETMASK
	PORT
	PORTRANGE
	LESS
	GREATER
	PROTO
	PROTOCHAIN
	CBYTE
	LINK
	ARP
	RARP
	IP
	SCTP
	TCP
	UDP
	ICMP
	IGMP
	IGRP
	PIM
	VRRP
	CARP
	RADIO
	IPV6
	ICMPV6
	AH
	ESP
	ATALK
	AARP
	DECNET
	LAT
	SCA
	MOPRC
	MOPDL
	ISO
	ESIS
	ISIS
	L1
	L2
	IIH
	LSP
	SNP
	CSNP
	PSNP
	CLNP
	STP
	IPX
	NETBEUI
	TYPE
	SUBTYPE
	DIR
	ADDR1
	ADDR2
	ADDR3
	ADDR4
	RA
	TA
	BROADCAST
	MULTICAST
	LEN
	INBOUND
	OUTBOUND
	IFINDEX
	VLAN
	MPLS
	PPPOED
	PPPOES
	GENEVE
	LLC
	PF_IFNAME
	PF_RSET
	PF_RNR
	PF_SRNR
	PF_REASON
	PF_ACTION
	ATMKW // lane, metac, bcc, oam, ... (ATM only)
	MTPKW // fisu, lssu, sio, opc, ... (SS7 MTP only)
	keywordEnd
)

var tokenNames = [...]string{
	EOF: "end of expression", ILLEGAL: "illegal token",
	NUM: "number", ID: "name", HID: "IPv4 address", HID6: "IPv6 address",
	EID: "MAC address", AID: "ARCnet address",
	LPAREN: "(", RPAREN: ")", LBRACK: "[", RBRACK: "]", COLON: ":",
	PLUS: "+", MINUS: "-", STAR: "*", SLASH: "/", PERCENT: "%",
	AMP: "&", PIPE: "|", CARET: "^", NOT: "not", LT: "<", GT: ">",
	EQ: "=", GEQ: ">=", LEQ: "<=", NEQ: "!=", LSH: "<<", RSH: ">>",
	AND: "and", OR: "or",
	DST: "dst", SRC: "src", HOST: "host", GATEWAY: "gateway", NET: "net",
	NETMASK: "mask", PORT: "port", PORTRANGE: "portrange", LESS: "less",
	GREATER: "greater", PROTO: "proto", PROTOCHAIN: "protochain",
	CBYTE: "byte", LINK: "link", ARP: "arp", RARP: "rarp", IP: "ip",
	SCTP: "sctp", TCP: "tcp", UDP: "udp", ICMP: "icmp", IGMP: "igmp",
	IGRP: "igrp", PIM: "pim", VRRP: "vrrp", CARP: "carp", RADIO: "radio",
	IPV6: "ip6", ICMPV6: "icmp6", AH: "ah", ESP: "esp", ATALK: "atalk",
	AARP: "aarp", DECNET: "decnet", LAT: "lat", SCA: "sca", MOPRC: "moprc",
	MOPDL: "mopdl", ISO: "iso", ESIS: "esis", ISIS: "isis", L1: "l1",
	L2: "l2", IIH: "iih", LSP: "lsp", SNP: "snp", CSNP: "csnp",
	PSNP: "psnp", CLNP: "clnp", STP: "stp", IPX: "ipx", NETBEUI: "netbeui",
	TYPE: "type", SUBTYPE: "subtype", DIR: "dir", ADDR1: "addr1",
	ADDR2: "addr2", ADDR3: "addr3", ADDR4: "addr4", RA: "ra", TA: "ta",
	BROADCAST: "broadcast", MULTICAST: "multicast", LEN: "len",
	INBOUND: "inbound", OUTBOUND: "outbound", IFINDEX: "ifindex",
	VLAN: "vlan", MPLS: "mpls", PPPOED: "pppoed", PPPOES: "pppoes",
	GENEVE: "geneve", LLC: "llc", PF_IFNAME: "ifname", PF_RSET: "ruleset",
	PF_RNR: "rnr", PF_SRNR: "srnr", PF_REASON: "reason", PF_ACTION: "action",
	ATMKW: "ATM keyword", MTPKW: "MTP keyword",
}

// String returns the token's spelling or a description of its class.
func (t Token) String() string {
	if t >= 0 && int(t) < len(tokenNames) && tokenNames[t] != "" {
		return tokenNames[t]
	}
	return "token(" + itoa(int(t)) + ")"
}

// IsKeyword reports whether t is a reserved word.
func (t Token) IsKeyword() bool { return t > keywordBeg && t < keywordEnd }

// keywords maps every reserved word (with libpcap's aliases) to its token.
var keywords = map[string]Token{
	"dst": DST, "src": SRC,
	"link": LINK, "ether": LINK, "ppp": LINK, "slip": LINK,
	"fddi": LINK, "tr": LINK, "wlan": LINK,
	"arp": ARP, "rarp": RARP, "ip": IP, "sctp": SCTP, "tcp": TCP,
	"udp": UDP, "icmp": ICMP, "igmp": IGMP, "igrp": IGRP, "pim": PIM,
	"vrrp": VRRP, "carp": CARP, "radio": RADIO,
	"ip6": IPV6, "icmp6": ICMPV6, "ah": AH, "esp": ESP,
	"atalk": ATALK, "aarp": AARP, "decnet": DECNET, "lat": LAT,
	"sca": SCA, "moprc": MOPRC, "mopdl": MOPDL,
	"iso": ISO, "esis": ESIS, "es-is": ESIS, "isis": ISIS, "is-is": ISIS,
	"l1": L1, "l2": L2, "iih": IIH, "lsp": LSP, "snp": SNP, "csnp": CSNP,
	"psnp": PSNP, "clnp": CLNP, "stp": STP, "ipx": IPX, "netbeui": NETBEUI,
	"host": HOST, "net": NET, "mask": NETMASK, "port": PORT,
	"portrange": PORTRANGE, "proto": PROTO, "protochain": PROTOCHAIN,
	"gateway": GATEWAY,
	"type":    TYPE, "subtype": SUBTYPE, "direction": DIR, "dir": DIR,
	"address1": ADDR1, "addr1": ADDR1, "address2": ADDR2, "addr2": ADDR2,
	"address3": ADDR3, "addr3": ADDR3, "address4": ADDR4, "addr4": ADDR4,
	"ra": RA, "ta": TA,
	"less": LESS, "greater": GREATER, "byte": CBYTE,
	"broadcast": BROADCAST, "multicast": MULTICAST,
	"and": AND, "or": OR, "not": NOT,
	"len": LEN, "length": LEN, "inbound": INBOUND, "outbound": OUTBOUND,
	"ifindex": IFINDEX,
	"vlan":    VLAN, "mpls": MPLS, "pppoed": PPPOED, "pppoes": PPPOES,
	"geneve": GENEVE, "llc": LLC,
	"lane": ATMKW, "metac": ATMKW, "bcc": ATMKW, "oam": ATMKW,
	"oamf4": ATMKW, "oamf4ec": ATMKW, "oamf4sc": ATMKW, "sc": ATMKW,
	"ilmic": ATMKW, "vpi": ATMKW, "vci": ATMKW, "connectmsg": ATMKW,
	"metaconnect": ATMKW,
	"on":          PF_IFNAME, "ifname": PF_IFNAME, "rset": PF_RSET,
	"ruleset": PF_RSET, "rnr": PF_RNR, "rulenum": PF_RNR, "srnr": PF_SRNR,
	"subrulenum": PF_SRNR, "reason": PF_REASON, "action": PF_ACTION,
	"fisu": MTPKW, "lssu": MTPKW, "lsu": MTPKW, "msu": MTPKW,
	"hfisu": MTPKW, "hlssu": MTPKW, "hmsu": MTPKW, "sio": MTPKW,
	"opc": MTPKW, "dpc": MTPKW, "sls": MTPKW, "hsio": MTPKW, "hopc": MTPKW,
	"hdpc": MTPKW, "hsls": MTPKW,
}

// namedNumbers are the words the scanner turns into numbers: header offsets
// and well-known field values.
var namedNumbers = map[string]uint32{
	"icmptype": 0, "icmpcode": 1,
	"icmp-echoreply": 0, "icmp-unreach": 3, "icmp-sourcequench": 4,
	"icmp-redirect": 5, "icmp-echo": 8, "icmp-routeradvert": 9,
	"icmp-routersolicit": 10, "icmp-timxceed": 11, "icmp-paramprob": 12,
	"icmp-tstamp": 13, "icmp-tstampreply": 14, "icmp-ireq": 15,
	"icmp-ireqreply": 16, "icmp-maskreq": 17, "icmp-maskreply": 18,
	"icmp6type": 0, "icmp6code": 1,
	"icmp6-destinationunreach": 1, "icmp6-packettoobig": 2,
	"icmp6-timeexceeded": 3, "icmp6-parameterproblem": 4,
	"icmp6-echo": 128, "icmp6-echoreply": 129,
	"icmp6-multicastlistenerquery": 130, "icmp6-multicastlistenerreportv1": 131,
	"icmp6-multicastlistenerdone": 132, "icmp6-routersolicit": 133,
	"icmp6-routeradvert": 134, "icmp6-neighborsolicit": 135,
	"icmp6-neighboradvert": 136, "icmp6-redirect": 137,
	"icmp6-routerrenum": 138, "icmp6-nodeinformationquery": 139,
	"icmp6-nodeinformationresponse":   140,
	"icmp6-ineighbordiscoverysolicit": 141,
	"icmp6-ineighbordiscoveryadvert":  142,
	"icmp6-multicastlistenerreportv2": 143,
	"icmp6-homeagentdiscoveryrequest": 144,
	"icmp6-homeagentdiscoveryreply":   145,
	"icmp6-mobileprefixsolicit":       146, "icmp6-mobileprefixadvert": 147,
	"icmp6-certpathsolicit": 148, "icmp6-certpathadvert": 149,
	"icmp6-multicastrouteradvert": 151, "icmp6-multicastroutersolicit": 152,
	"icmp6-multicastrouterterm": 153,
	"tcpflags":                  13, "tcp-fin": 0x01, "tcp-syn": 0x02, "tcp-rst": 0x04,
	"tcp-push": 0x08, "tcp-ack": 0x10, "tcp-urg": 0x20, "tcp-ece": 0x40,
	"tcp-cwr": 0x80,
}

func itoa(v int) string {
	if v == 0 {
		return "0"
	}
	neg := v < 0
	if neg {
		v = -v
	}
	var b [20]byte
	i := len(b)
	for v > 0 {
		i--
		b[i] = byte('0' + v%10)
		v /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}
