package compile

import (
	"strconv"

	"github.com/purepcap/pcap/bpf"
	"github.com/purepcap/pcap/linktype"
)

// OpenBSD's pf log header (DLT_PFLOG) as libpcap 1.10 reads it: its
// length in the first byte (the payload starts at that length rounded up
// to 4, computed at run time), the address family, the action and reason,
// the interface and ruleset names, the rule numbers and the direction.
const (
	pflogAF        = 1
	pflogAction    = 2
	pflogReason    = 3
	pflogIfname    = 4
	pflogRuleset   = 20
	pflogRulenr    = 36
	pflogSubrulenr = 40
	pflogDir       = 60
	pflogNameSize  = 16 // ifname and ruleset, NUL included

	pfIn, pfOut = 1, 2

	// The address families libpcap compares with are the compiling
	// host's, Linux's here.
	afInet, afInet6 = 2, 10
)

// pfField is one of the pf log primitives: on/ifname, ruleset, rnr, srnr,
// reason and action.
func (g *gen) pfField(n *primNode) cond {
	names := map[primKind]string{primPFIfname: "ifname", primPFRuleset: "ruleset", primPFRnr: "rnr",
		primPFSrnr: "srnr", primPFReason: "reason", primPFAction: "action"}
	if g.linktype != linktype.PFLog {
		g.fail(names[n.kind] + " supported only on PF linktype")
	}
	switch n.kind {
	case primPFIfname, primPFRuleset:
		off, what := uint32(pflogIfname), "ifname interface"
		if n.kind == primPFRuleset {
			off, what = pflogRuleset, "ruleset"
		}
		if len(n.s) >= pflogNameSize {
			g.fail(what + " names can only be " + strconv.Itoa(pflogNameSize-1) + " characters")
		}
		return g.bcmp(orLinkHdr, off, []byte(n.s))
	case primPFRnr:
		return g.cmp(orLinkHdr, pflogRulenr, bpf.SizeW, n.v)
	case primPFSrnr:
		return g.cmp(orLinkHdr, pflogSubrulenr, bpf.SizeW, n.v)
	case primPFReason:
		return g.cmp(orLinkHdr, pflogReason, bpf.SizeB, n.v)
	default:
		return g.cmp(orLinkHdr, pflogAction, bpf.SizeB, n.v)
	}
}

// pflogLinkTest tests the address family; pf logs only IPv4 and IPv6.
func (g *gen) pflogLinkTest(proto uint32) cond {
	switch proto {
	case ethertypeIP:
		return g.cmp(orLinkHdr, pflogAF, bpf.SizeB, afInet)
	case ethertypeIPv6:
		return g.cmp(orLinkHdr, pflogAF, bpf.SizeB, afInet6)
	}
	return g.falseCond()
}

// pflogDirection is "inbound" or "outbound": the direction pf saw.
func (g *gen) pflogDirection(outbound bool) cond {
	if outbound {
		return g.cmp(orLinkHdr, pflogDir, bpf.SizeB, pfOut)
	}
	return g.cmp(orLinkHdr, pflogDir, bpf.SizeB, pfIn)
}

// pflogPrologue computes the payload offset, the header length rounded up
// to 4, into the payload's register and X.
func (g *gen) pflogPrologue() []stmt {
	return []stmt{st(opLdAbs|bpf.SizeB, 0), st(aluK(bpf.ALUAdd), 3), st(aluK(bpf.ALUAnd), 0xfffffffc),
		st(opSt, uint32(g.offLinkPL.reg)), st(opTax, 0)}
}
