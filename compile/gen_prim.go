package compile

import (
	"github.com/purepcap/pcap/bpf"
	"github.com/purepcap/pcap/linktype"
)

// node walks the syntax tree in source order, generating each primitive
// as libpcap would when its parser reduced it.
func (g *gen) node(n node) cond {
	switch x := n.(type) {
	case *andNode:
		l := g.node(x.l)
		return g.and(l, g.node(x.r))
	case *orNode:
		l := g.node(x.l)
		return g.or(l, g.node(x.r))
	case *notNode:
		return g.not(g.node(x.x))
	case *relNode:
		if x.c == noCond {
			x.c = g.relCond(x)
		}
		return x.c
	case *primNode:
		if x.c == noCond {
			g.off = x.off
			x.c = g.primCond(x)
		}
		return x.c
	}
	panic("compile: bad node")
}

func (g *gen) relCond(x *relNode) cond {
	a0 := g.arith(x.l)
	a1 := g.arith(x.r)
	g.off = x.off
	return g.relation(x.code, a0, a1, x.reversed)
}

func (g *gen) primCond(x *primNode) cond {
	c := g.prim(x)
	if g.size > g.limit {
		tooLarge(g.off, g.limit)
	}
	return c
}

func (g *gen) prim(n *primNode) cond {
	q := n.q
	switch n.kind {
	case primName:
		return g.hostName(n.s, q)
	case primNum:
		return g.hostNum("", n.v, q, false)
	case primHID:
		switch q.addr {
		case qPort:
			g.fail("'port' modifier applied to ip host")
		case qPortrange:
			g.fail("'portrange' modifier applied to ip host")
		case qProto:
			g.fail("'proto' modifier applied to ip host")
		case qProtochain:
			g.fail("'protochain' modifier applied to ip host")
		}
		return g.hostNum(n.s, 0, q, true)
	case primHIDLen:
		return g.hostMask(n.s, "", n.v, q)
	case primHIDMask:
		return g.hostMask(n.s, n.s2, 0, q)
	case primHID6, primHID6Len:
		return g.host6Addr(n.s, n.v, q)
	case primEID:
		return g.etherAddr(n.s, q)
	case primAID:
		return g.arcnetAddr(n.s, q)
	case primProtoAbbrev:
		return g.protoAbbrev(n.pq)
	case primBroadcast:
		return g.broadcast(n.pq)
	case primMulticast:
		return g.multicast(n.pq)
	case primLess:
		return g.not(g.newBlock(g.stmtList(st(opLdLen, 0)), opJgt, n.v))
	case primGreater:
		return g.newBlock(g.stmtList(st(opLdLen, 0)), opJge, n.v)
	case primByte:
		switch n.op {
		case '=':
			return g.cmp(orLinkHdr, n.v, bpf.SizeB, n.v2)
		case '<':
			return g.cmpLT(orLinkHdr, n.v, bpf.SizeB, n.v2)
		case '>':
			return g.cmpGT(orLinkHdr, n.v, bpf.SizeB, n.v2)
		case '|':
			return g.not(g.newBlock(g.stmtList(st(aluK(bpf.ALUOr), n.v2)), opJeq, 0))
		default:
			return g.not(g.newBlock(g.stmtList(st(aluK(bpf.ALUAnd), n.v2)), opJeq, 0))
		}
	case primInbound, primOutbound:
		return g.inbound(n.kind == primOutbound)
	case primIfindex:
		return g.ifindex(n.v)
	case primVLAN:
		return g.vlan(n.v, n.has)
	case primMPLS:
		return g.mpls(n.v, n.has)
	case primPPPoED:
		return g.linkTest(ethertypePPPoED)
	case primPPPoES:
		return g.pppoes(n.v, n.has)
	case primGeneve:
		return g.geneve(n.v, n.has)
	case primWlanType:
		if !isWLAN(g.linktype) || g.linktype == linktype.PPI {
			g.fail("802.11 link-layer types supported only on 802.11")
		}
		return g.mcmp(orLinkHdr, 0, bpf.SizeB, n.v, n.v2)
	case primWlanDir:
		if !isWLAN(g.linktype) || g.linktype == linktype.PPI {
			g.fail("frame direction supported only with 802.11 headers")
		}
		return g.mcmp(orLinkHdr, 1, bpf.SizeB, n.v, 0x03)
	case primLLC:
		return g.llcKind(n.s)
	case primPFIfname, primPFRuleset, primPFRnr, primPFSrnr, primPFReason, primPFAction:
		return g.pfField(n)
	case primMTP2Type:
		return g.mtp2Type(n.s)
	case primMTP3Field:
		return g.mtp3Field(n.s, n.v, uint16(n.v2), n.has)
	case primATMType:
		return g.atmType(n.s)
	case primATMField:
		return g.atmField(n.s, n.v, uint16(n.v2), n.has)
	}
	panic("compile: bad primitive")
}
