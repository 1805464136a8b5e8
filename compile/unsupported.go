package compile

import (
	"fmt"
	"strings"

	"github.com/purepcap/pcap/bpf"
)

// The primitives of particular link types (pf log, raw ATM, SS7 MTP) are
// parsed into nodes the way libpcap's grammar parses them; code generation
// refuses them with libpcap's message on other link types, so that both
// the place of the error and its text agree with libpcap's.

// unsupportedKeyword names a keyword in libpcap's message and the link type
// the message says it needs.
type unsupportedKeyword struct {
	name, needs string
	takesValue  bool // a number, a relation and a number, or a parenthesized list
}

var atmMTPKeywords = map[string]unsupportedKeyword{
	"vpi": {"vpi", "raw ATM", true}, "vci": {"vci", "raw ATM", true},
	"lane": {"lane", "raw ATM", false}, "metac": {"metac", "raw ATM", false},
	"bcc": {"bcc", "raw ATM", false}, "oam": {"oam", "raw ATM", false},
	"oamf4": {"oamf4", "raw ATM", false}, "oamf4ec": {"oam4ec", "raw ATM", false},
	"oamf4sc": {"oam4sc", "raw ATM", false}, "sc": {"sc", "raw ATM", false},
	"ilmic": {"ilmic", "raw ATM", false}, "connectmsg": {"connectmsg", "raw ATM", false},
	"metaconnect": {"metaconnect", "raw ATM", false},

	"fisu": {"fisu", "MTP2", false}, "lssu": {"lssu", "MTP2", false},
	"lsu": {"lssu", "MTP2", false}, "msu": {"msu", "MTP2", false},
	"hfisu": {"hfisu", "MTP2_HSL", false}, "hlssu": {"hlssu", "MTP2_HSL", false},
	"hmsu": {"hmsu", "MTP2_HSL", false},

	"sio": {"sio", "SS7", true}, "hsio": {"sio", "SS7", true},
	"opc": {"opc", "SS7", true}, "hopc": {"opc", "SS7", true},
	"dpc": {"dpc", "SS7", true}, "hdpc": {"dpc", "SS7", true},
	"sls": {"sls", "SS7", true}, "hsls": {"sls", "SS7", true},
}

// pfReasons are the names libpcap knows for "reason", in the order of
// their values; pfActions the names for "action" and their values. Other
// names are errors of their own.
var (
	pfReasons = []string{"match", "bad-offset", "fragment", "short", "normalize", "memory",
		"bad-timestamp", "congestion", "ip-option", "proto-cksum", "state-mismatch",
		"state-insert", "state-limit", "src-limit", "synproxy"}
	pfActions = []nameVal{{"pass", 0}, {"accept", 0}, {"block", 1}, {"drop", 1},
		{"rdr", 8}, {"nat", 4}, {"binat", 6}, {"scrub", 2}, {"nordr", 9}, {"nonat", 5},
		{"nobinat", 7}, {"noscrub", 3}, {"synproxy-drop", 10}}
)

// parseATMOrMTP parses an ATM or SS7 MTP primitive starting at the
// current keyword into n. A parenthesized list of values is generated
// value by value as it is parsed, as libpcap's grammar does, and n holds
// the alternatives' code.
func (p *parser) parseATMOrMTP(n *primNode) {
	typeKind, fieldKind := primMTP2Type, primMTP3Field
	if p.tok == tokATMKW {
		typeKind, fieldKind = primATMType, primATMField
	}
	kw := p.lit
	p.next()
	n.s = kw
	if !atmMTPKeywords[kw].takesValue {
		n.kind = typeKind
		return
	}
	n.kind, n.v2 = fieldKind, uint32(bpf.JumpJEQ)
	switch p.tok {
	case tokGT, tokLEQ:
		n.v2, n.has = uint32(bpf.JumpJGT), p.tok == tokLEQ
		p.next()
	case tokGEQ, tokLT:
		n.v2, n.has = uint32(bpf.JumpJGE), p.tok == tokLT
		p.next()
	case tokEQ, tokNEQ:
		n.has = p.tok == tokNEQ
		p.next()
	case tokLPAREN:
		p.next()
		for {
			alt := p.emit(p.newPrim(primNode{off: n.off, kind: fieldKind, s: kw, v: p.expectNum(), v2: n.v2}))
			if n.c == noCond {
				n.c = alt.c
			} else {
				n.c = p.gen.or(n.c, alt.c)
			}
			if p.tok != tokOR {
				break
			}
			p.next()
		}
		p.expect(tokRPAREN)
		return
	}
	n.v = p.expectNum()
}

// parsePF parses a pf log primitive starting at the current keyword into
// n; code generation refuses it on link types other than PFLOG.
func (p *parser) parsePF(n *primNode) {
	kw := p.tok
	p.next()
	switch kw {
	case tokPFIfname, tokPFRset:
		n.kind = primPFIfname
		if kw == tokPFRset {
			n.kind = primPFRuleset
		}
		if p.tok != tokID {
			p.syntaxError()
		}
		n.s = p.lit
		p.next()
	case tokPFRnr:
		n.kind = primPFRnr
		n.v = p.expectNum()
	case tokPFSrnr:
		n.kind = primPFSrnr
		n.v = p.expectNum()
	case tokPFReason:
		n.kind = primPFReason
		if p.tok != tokID {
			n.v = p.expectNum()
			break
		}
		for i, r := range pfReasons {
			if strings.EqualFold(r, p.lit) {
				n.v = uint32(i)
				p.next()
				return
			}
		}
		fail(p.off, fmt.Sprintf("unknown PF reason %q", p.lit))
	case tokPFAction:
		n.kind = primPFAction
		if p.tok != tokID {
			p.syntaxError()
		}
		v, ok := lookupName(pfActions, p.lit)
		if !ok {
			fail(p.off, fmt.Sprintf("unknown PF action %q", p.lit))
		}
		n.v = v
		p.next()
	}
}
