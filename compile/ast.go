package compile

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

	// pf log header fields (OpenBSD pflog): s is the interface or
	// ruleset name, v the number.
	primPFIfname
	primPFRuleset
	primPFRnr
	primPFSrnr
	primPFReason
	primPFAction

	primMTP2Type  // fisu, lssu, msu, ...: s is the keyword
	primMTP3Field // sio, opc, dpc, sls, ...: s is the keyword, v the value, v2 the jump test, has "reversed"
	primATMType   // lane, oam, metac, ...: s is the keyword
	primATMField  // vpi, vci: as primMTP3Field
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
	has  bool      // the optional number was given
	op   byte      // byte operator
	pq   protoQual // protocol qualifier of broadcast/multicast/abbrev
	c    cond      // the generated code, once generated
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
	proto protoQual
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
