package compile

import (
	"fmt"
	"strings"
)

// Primitives for link types the compiler does not support (OpenBSD pf log,
// raw ATM, SS7 MTP) are parsed the way libpcap's grammar parses them and
// then refused with libpcap's message, so that both the place of the error
// and its text agree with libpcap's on the supported link types.

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

// pfReasons and pfActions are the names libpcap knows for "reason" and
// "action"; others are errors of their own.
var (
	pfReasons = []string{"match", "bad-offset", "fragment", "short", "normalize", "memory",
		"bad-timestamp", "congestion", "ip-option", "proto-cksum", "state-mismatch",
		"state-insert", "state-limit", "src-limit", "synproxy"}
	pfActions = []string{"pass", "accept", "block", "drop", "rdr", "nat", "binat", "scrub",
		"nordr", "nonat", "nobinat", "noscrub", "synproxy-drop"}
)

// refuseATMOrMTP parses an ATM or MTP primitive starting at the current
// keyword and fails with libpcap's message.
func (p *parser) refuseATMOrMTP(off int) {
	kw := atmMTPKeywords[p.lit]
	p.next()
	if kw.takesValue {
		switch p.tok {
		case tokGT, tokGEQ, tokEQ, tokLT, tokLEQ, tokNEQ, tokLPAREN:
			p.next()
		}
		p.expectNum()
	}
	fail(off, fmt.Sprintf("'%s' supported only on %s", kw.name, kw.needs))
}

// refusePF parses a pf log primitive starting at the current keyword and
// fails with libpcap's message.
func (p *parser) refusePF(off int) {
	kw := p.tok
	p.next()
	var name string
	switch kw {
	case tokPFIfname:
		name = "ifname"
		p.expect(tokID)
	case tokPFRset:
		name = "ruleset"
		p.expect(tokID)
	case tokPFRnr:
		name = "rnr"
		p.expectNum()
	case tokPFSrnr:
		name = "srnr"
		p.expectNum()
	case tokPFReason:
		name = "reason"
		if p.tok == tokID {
			p.knownPFName(pfReasons, "reason")
		} else {
			p.expectNum()
		}
	case tokPFAction:
		name = "action"
		if p.tok != tokID {
			p.syntaxError()
		}
		p.knownPFName(pfActions, "action")
	}
	fail(off, name+" supported only on PF linktype")
}

// knownPFName consumes a name that must be one of names, ignoring case.
func (p *parser) knownPFName(names []string, what string) {
	for _, n := range names {
		if strings.EqualFold(n, p.lit) {
			p.next()
			return
		}
	}
	fail(p.off, fmt.Sprintf("unknown PF %s %q", what, p.lit))
}
