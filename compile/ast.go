package compile

// Qualifier values, in the three slots of a qual. They follow libpcap's
// numbering so that the tables in this package read like pcap-filter(7).
const (
	qDefault = 0
	qUndef   = 255

	// address kinds (qual.addr)
	qHost       = 1
	qNet        = 2
	qPort       = 3
	qGateway    = 4
	qProto      = 5
	qProtochain = 6
	qPortrange  = 7

	// directions (qual.dir)
	qSrc   = 1
	qDst   = 2
	qOr    = 3
	qAnd   = 4
	qAddr1 = 5
	qAddr2 = 6
	qAddr3 = 7
	qAddr4 = 8
	qRA    = 9
	qTA    = 10
)

// Protocols (qual.proto).
const (
	pLink     = 1
	pIP       = 2
	pARP      = 3
	pRARP     = 4
	pSCTP     = 5
	pTCP      = 6
	pUDP      = 7
	pICMP     = 8
	pIGMP     = 9
	pIGRP     = 10
	pATalk    = 11
	pDECnet   = 12
	pLAT      = 13
	pSCA      = 14
	pMOPRC    = 15
	pMOPDL    = 16
	pIPv6     = 17
	pICMPv6   = 18
	pAH       = 19
	pESP      = 20
	pPIM      = 21
	pVRRP     = 22
	pAARP     = 23
	pISO      = 24
	pESIS     = 25
	pISIS     = 26
	pCLNP     = 27
	pSTP      = 28
	pIPX      = 29
	pNetBEUI  = 30
	pISISL1   = 31
	pISISL2   = 32
	pISISIIH  = 33
	pISISSNP  = 34
	pISISCSNP = 35
	pISISPSNP = 36
	pISISLSP  = 37
	pRadio    = 38
	pCARP     = 39
)

var protoNames = [...]string{
	pLink: "link", pIP: "ip", pARP: "arp", pRARP: "rarp", pSCTP: "sctp",
	pTCP: "tcp", pUDP: "udp", pICMP: "icmp", pIGMP: "igmp", pIGRP: "igrp",
	pATalk: "atalk", pDECnet: "decnet", pLAT: "lat", pSCA: "sca",
	pMOPRC: "moprc", pMOPDL: "mopdl", pIPv6: "ip6", pICMPv6: "icmp6",
	pAH: "ah", pESP: "esp", pPIM: "pim", pVRRP: "vrrp", pAARP: "aarp",
	pISO: "iso", pESIS: "esis", pISIS: "isis", pCLNP: "clnp", pSTP: "stp",
	pIPX: "ipx", pNetBEUI: "netbeui", pISISL1: "l1", pISISL2: "l2",
	pISISIIH: "iih", pISISSNP: "snp", pISISCSNP: "csnp", pISISPSNP: "psnp",
	pISISLSP: "lsp", pRadio: "radio", pCARP: "carp",
}

// tokenProto maps a protocol keyword to its qualifier value.
var tokenProto = map[Token]uint8{
	LINK: pLink, IP: pIP, ARP: pARP, RARP: pRARP, SCTP: pSCTP, TCP: pTCP,
	UDP: pUDP, ICMP: pICMP, IGMP: pIGMP, IGRP: pIGRP, PIM: pPIM,
	VRRP: pVRRP, CARP: pCARP, ATALK: pATalk, AARP: pAARP, DECNET: pDECnet,
	LAT: pLAT, SCA: pSCA, MOPDL: pMOPDL, MOPRC: pMOPRC, IPV6: pIPv6,
	ICMPV6: pICMPv6, AH: pAH, ESP: pESP, ISO: pISO, ESIS: pESIS,
	ISIS: pISIS, L1: pISISL1, L2: pISISL2, IIH: pISISIIH, LSP: pISISLSP,
	SNP: pISISSNP, PSNP: pISISPSNP, CSNP: pISISCSNP, CLNP: pCLNP,
	STP: pSTP, IPX: pIPX, NETBEUI: pNetBEUI, RADIO: pRadio,
}

// qual is the qualifier triple that applies to an address or name.
type qual struct {
	proto, dir, addr uint8
}

var qualErr = qual{qUndef, qUndef, qUndef}

// A node is a boolean expression in the syntax tree.
type node interface{ offset() int }

type andNode struct{ l, r node }
type orNode struct{ l, r node }
type notNode struct {
	off int
	x   node
}

func (n *andNode) offset() int { return n.l.offset() }
func (n *orNode) offset() int  { return n.l.offset() }
func (n *notNode) offset() int { return n.off }

// primKind says which primitive a primNode is.
type primKind int

const (
	primName        primKind = iota // name with qualifiers: host foo, port http
	primNum                         // number with qualifiers: port 22
	primHID                         // dotted IPv4 address (1-4 parts)
	primHIDLen                      // a.b.c.d/len
	primHIDMask                     // a.b.c.d mask e.f.g.h
	primHID6                        // IPv6 address
	primHID6Len                     // IPv6 address/len
	primEID                         // MAC address
	primAID                         // ARCnet address
	primProtoAbbrev                 // tcp, ip, arp, ...
	primBroadcast                   // [proto] broadcast
	primMulticast                   // [proto] multicast
	primLess                        // less N
	primGreater                     // greater N
	primByte                        // byte N op N
	primInbound
	primOutbound
	primIfindex
	primVLAN
	primMPLS
	primPPPoED
	primPPPoES
	primGeneve
	primWlanType // type/subtype: value and mask in v, v2
	primWlanDir  // dir N
	primLLC      // llc [kind]; s is the kind
)

// primNode is a primitive. Which fields matter depends on kind.
type primNode struct {
	off  int
	kind primKind
	q    qual
	s    string // name, address text
	s2   string // second address (mask)
	v    uint32 // number, mask length, ...
	v2   uint32
	has  bool  // the optional number was given
	op   byte  // byte operator
	pq   uint8 // protocol qualifier of broadcast/multicast/abbrev
	c    cond  // the generated code, once generated
}

func (n *primNode) offset() int { return n.off }

// relNode compares two arithmetic expressions.
type relNode struct {
	off      int
	code     uint16 // bpf.JumpJEQ, JumpJGT or JumpJGE
	reversed bool
	l, r     arith
	c        cond // the generated code, once generated
}

func (n *relNode) offset() int { return n.off }

// An arith is an arithmetic expression.
type arith interface{ aoffset() int }

// Each arithmetic node keeps its generated code once generated (v).
type numArith struct {
	off int
	v   uint32
	val *arthVal
}
type lenArith struct {
	off int
	val *arthVal
}
type loadArith struct {
	off   int
	proto uint8
	idx   arith
	size  uint32
	val   *arthVal
}
type binArith struct {
	off  int
	op   uint16 // bpf.ALU*
	l, r arith
	val  *arthVal
}
type negArith struct {
	off int
	x   arith
	val *arthVal
}

func (a *numArith) aoffset() int  { return a.off }
func (a *lenArith) aoffset() int  { return a.off }
func (a *loadArith) aoffset() int { return a.off }
func (a *binArith) aoffset() int  { return a.off }
func (a *negArith) aoffset() int  { return a.off }
