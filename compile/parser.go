package compile

import (
	"strings"

	"github.com/purepcap/pcap/bpf"
)

// Limits on untrusted input.
const (
	// MaxExprLen is the longest expression Compile accepts, in bytes.
	MaxExprLen = 512 << 10
	// MaxNesting is how deeply parentheses, "not" and unary minus may nest.
	MaxNesting = 9995
)

// parser turns tokens into a syntax tree. It follows libpcap's grammar,
// including how a qualifier carries over to the bare addresses that follow
// "and" and "or" ("host a or b"), and how parentheses may group a list of
// addresses ("host a and (b or c)").
type parser struct {
	sc    Scanner
	off   int
	tok   Token
	lit   string
	depth int

	peeked  bool
	pOff    int
	pTok    Token
	pLit    string
	pScan   Scanner
	scanMsg string

	// gen, when set, generates each primitive as soon as it is parsed,
	// in source order, the way libpcap generates code while it parses;
	// so an error in a primitive is reported before a syntax error that
	// follows it, as libpcap reports it.
	gen *gen
}

// arithNode generates the code of an arithmetic node as soon as it is
// complete, as libpcap does when it reduces it.
func (p *parser) arithNode(a arith) arith {
	if p.gen != nil {
		p.gen.arith(a)
	}
	return a
}

// emit generates n now if the parser has a code generator.
func (p *parser) emit(n *primNode) *primNode {
	if p.gen != nil && n.c == nil {
		p.gen.off = n.off
		n.c = p.gen.primCond(n)
	}
	return n
}

func (p *parser) init(src string) {
	p.sc.Init(src)
	p.next()
}

func (p *parser) next() {
	if p.peeked {
		p.peeked = false
		p.off, p.tok, p.lit = p.pOff, p.pTok, p.pLit
		p.sc = p.pScan
	} else {
		p.off, p.tok, p.lit = p.sc.Scan()
	}
	if p.tok == ILLEGAL {
		p.scanMsg = p.sc.ErrMsg()
	}
}

// peek returns the token after the current one.
func (p *parser) peek() Token {
	if !p.peeked {
		save := p.sc
		p.pOff, p.pTok, p.pLit = p.sc.Scan()
		p.pScan = p.sc
		p.sc = save
		p.peeked = true
	}
	return p.pTok
}

func (p *parser) syntaxError() {
	if p.tok == ILLEGAL && p.scanMsg != "" {
		fail(p.off, p.scanMsg)
	}
	fail(p.off, syntaxMsg)
}

func (p *parser) expect(t Token) {
	if p.tok != t {
		p.syntaxError()
	}
	p.next()
}

func (p *parser) enter() {
	p.depth++
	if p.depth > MaxNesting {
		fail(p.off, "expression nested too deeply (more than "+itoa(MaxNesting)+" levels)")
	}
}

func (p *parser) leave() { p.depth-- }

// unit kinds: what a piece of input between "and"/"or" turned out to be.
const (
	kTerm  = iota // a term: primitive, relation, (expr), not term
	kNid          // an address or name, possibly negated
	kPid          // a parenthesized list of addresses: (a or b)
	kPnum         // a number, possibly parenthesized
	kArith        // an arithmetic value not (yet) compared
	kChain        // several addresses joined by and/or, inside parentheses
)

type unit struct {
	kind int
	off  int
	n    node  // kTerm, kNid, kPid, kChain
	a    arith // kArith
	v    uint32
	q    qual // the qualifier the unit leaves for what follows
}

// parseProgram parses a whole expression. A nil node means "accept all".
func (p *parser) parseProgram() node {
	if p.tok == EOF {
		return nil
	}
	u := p.parseChain(qualErr, false, false)
	if u.kind != kTerm {
		p.syntaxError()
	}
	if p.tok != EOF {
		p.syntaxError()
	}
	return u.n
}

// parseChain parses units joined by "and" and "or": either an expression
// (its first unit is a term) or an address list (its first unit is an
// address or number). A single unit is returned as it is. allowID says
// whether the first unit may be a bare address; inParen that the chain is
// the inside of parentheses.
func (p *parser) parseChain(q qual, allowID, inParen bool) unit {
	return p.parseChainCtx(q, allowID, inParen, false)
}

// parseChainCtx is parseChain; idOnly says the chain must be an address
// list (the parentheses are where only an address can be).
func (p *parser) parseChainCtx(q qual, allowID, inParen, idOnly bool) unit {
	first := p.parseUnitCtx(q, allowID, inParen, idOnly)
	if p.tok != AND && p.tok != OR {
		return first
	}
	switch first.kind {
	case kTerm:
		n, cur := first.n, first.q
		for p.tok == AND || p.tok == OR {
			op := p.tok
			p.next()
			u := p.parseUnit(cur, true, false)
			var r node
			switch u.kind {
			case kTerm:
				r, cur = u.n, u.q
			case kNid, kPid:
				r = u.n
			case kPnum:
				// A number here may still start an arithmetic
				// expression; libpcap takes it as an address only when
				// "and", "or", ")" or the end follows.
				if p.tok != AND && p.tok != OR && p.tok != RPAREN && p.tok != EOF {
					p.syntaxError()
				}
				r = p.pnumID(u, cur)
			default:
				p.syntaxError()
			}
			n = join(op, n, r)
		}
		return unit{kind: kTerm, off: first.off, n: n, q: cur}
	case kNid, kPnum:
		if !allowID {
			// Only an expression can start here, and a number followed
			// by "and"/"or" is not one.
			p.syntaxError()
		}
		n := p.asID(first, q)
		for p.tok == AND || p.tok == OR {
			op := p.tok
			p.next()
			u := p.parseIDUnit(q)
			if u.kind != kNid && u.kind != kPid && u.kind != kPnum {
				p.syntaxError()
			}
			n = join(op, n, p.asID(u, q))
		}
		return unit{kind: kChain, off: first.off, n: n, q: q}
	}
	p.syntaxError()
	return unit{}
}

func join(op Token, l, r node) node {
	if op == AND {
		return &andNode{l, r}
	}
	return &orNode{l, r}
}

func (p *parser) asID(u unit, q qual) node {
	if u.kind == kPnum {
		return p.pnumID(u, q)
	}
	return u.n
}

func (p *parser) pnumID(u unit, q qual) node {
	return p.emit(&primNode{off: u.off, kind: primNum, q: q, v: u.v})
}

// parseUnit parses one operand of "and"/"or". q is the qualifier in effect
// for bare addresses; allowID says whether a bare address may appear here.
// parenFirst says the unit is the first thing inside parentheses, where a
// parenthesized address list cannot start (libpcap's grammar).
func (p *parser) parseUnit(q qual, allowID, parenFirst bool) unit {
	return p.parseUnitCtx(q, allowID, parenFirst, false)
}

// parseIDUnit parses a unit where only an address can appear (after
// "host", inside an address list): a number there is an address even if
// an operator follows.
func (p *parser) parseIDUnit(q qual) unit {
	return p.parseUnitCtx(q, true, false, true)
}

func (p *parser) parseUnitCtx(q qual, allowID, parenFirst, idOnly bool) unit {
	off := p.off
	if idOnly {
		switch p.tok {
		case NOT, ID, HID, HID6, EID, AID, LPAREN, NUM:
		default:
			p.syntaxError()
		}
	}
	switch p.tok {
	case NOT:
		p.next()
		p.enter()
		u := p.parseUnitCtx(q, allowID, false, idOnly)
		p.leave()
		switch u.kind {
		case kTerm:
			return unit{kind: kTerm, off: off, n: &notNode{off, u.n}, q: u.q}
		case kNid, kPid:
			return unit{kind: kNid, off: off, n: &notNode{off, u.n}, q: q}
		case kPnum:
			if !allowID {
				p.syntaxError()
			}
			return unit{kind: kNid, off: off, n: &notNode{off, p.pnumID(u, q)}, q: q}
		}
		p.syntaxError()
	case ID, HID, HID6, EID, AID:
		if !allowID {
			p.syntaxError()
		}
		return unit{kind: kNid, off: off, n: p.parseNid(q), q: q}
	case LPAREN:
		p.next()
		p.enter()
		inner := p.parseChainCtx(q, allowID && !parenFirst, true, idOnly)
		p.expect(RPAREN)
		p.leave()
		var u unit
		switch inner.kind {
		case kTerm:
			u = unit{kind: kTerm, off: off, n: inner.n, q: q}
		case kChain, kNid:
			u = unit{kind: kPid, off: off, n: inner.n, q: q}
		case kPnum:
			u = unit{kind: kPnum, off: off, v: inner.v, q: q}
		case kArith:
			u = unit{kind: kArith, off: off, a: inner.a, q: q}
		default:
			p.syntaxError()
		}
		if (u.kind == kPnum || u.kind == kArith) && (isArithOp(p.tok) || isRelop(p.tok)) {
			a := u.a
			if u.kind == kPnum {
				a = p.arithNode(&numArith{off: off, v: u.v})
			}
			return p.finishArith(p.arithFrom(a), off)
		}
		return u
	case NUM:
		v := numValue(p.lit)
		p.next()
		if !idOnly && (isArithOp(p.tok) || isRelop(p.tok)) {
			return p.finishArith(p.arithFrom(p.arithNode(&numArith{off: off, v: v})), off)
		}
		return unit{kind: kPnum, off: off, v: v, q: q}
	case MINUS, LEN:
		return p.finishArith(p.parseArith(), off)
	}
	if _, ok := tokenProto[p.tok]; ok && p.peek() == LBRACK {
		return p.finishArith(p.parseArith(), off)
	}
	return p.parseRterm(q)
}

// finishArith turns an arithmetic value into a relation if a comparison
// operator follows.
func (p *parser) finishArith(a arith, off int) unit {
	if !isRelop(p.tok) {
		return unit{kind: kArith, off: off, a: a}
	}
	rel := &relNode{off: p.off}
	switch p.tok {
	case GT:
		rel.code = bpf.JumpJGT
	case GEQ:
		rel.code = bpf.JumpJGE
	case EQ:
		rel.code = bpf.JumpJEQ
	case LEQ:
		rel.code, rel.reversed = bpf.JumpJGT, true
	case LT:
		rel.code, rel.reversed = bpf.JumpJGE, true
	case NEQ:
		rel.code, rel.reversed = bpf.JumpJEQ, true
	}
	p.next()
	rel.l = a
	rel.r = p.parseArith()
	if p.gen != nil {
		rel.c = p.gen.relCond(rel)
	}
	return unit{kind: kTerm, off: off, n: rel, q: qualErr}
}

func isRelop(t Token) bool {
	switch t {
	case GT, GEQ, EQ, LEQ, LT, NEQ:
		return true
	}
	return false
}

func isArithOp(t Token) bool {
	switch t {
	case PLUS, MINUS, STAR, SLASH, PERCENT, AMP, PIPE, CARET, LSH, RSH:
		return true
	}
	return false
}

// parseNid parses an address or name.
func (p *parser) parseNid(q qual) node {
	n := &primNode{off: p.off, q: q, s: p.lit}
	switch p.tok {
	case ID:
		n.kind = primName
		p.next()
	case HID:
		p.next()
		switch p.tok {
		case SLASH:
			p.next()
			if p.tok != NUM {
				p.syntaxError()
			}
			n.kind, n.v = primHIDLen, numValue(p.lit)
			p.next()
		case NETMASK:
			p.next()
			if p.tok != HID {
				p.syntaxError()
			}
			n.kind, n.s2 = primHIDMask, p.lit
			p.next()
		default:
			n.kind = primHID
		}
	case HID6:
		p.next()
		if p.tok == SLASH {
			p.next()
			if p.tok != NUM {
				p.syntaxError()
			}
			n.kind, n.v = primHID6Len, numValue(p.lit)
			p.next()
		} else {
			n.kind, n.v = primHID6, 128
		}
	case EID:
		n.kind = primEID
		p.next()
	case AID:
		n.kind = primAID
		p.next()
	default:
		p.syntaxError()
	}
	return p.emit(n)
}

// parseRterm parses a term that starts with a keyword.
func (p *parser) parseRterm(q qual) unit {
	off := p.off
	pq := uint8(qDefault)
	if v, ok := tokenProto[p.tok]; ok {
		pq = v
		p.next()
		switch p.tok {
		case SRC, DST, ADDR1, ADDR2, ADDR3, ADDR4, RA, TA, HOST, NET, PORT,
			PORTRANGE, PROTO, PROTOCHAIN, GATEWAY, BROADCAST, MULTICAST,
			TYPE, SUBTYPE, DIR:
		case AND, OR, RPAREN, EOF:
			return p.termUnit(&primNode{off: off, kind: primProtoAbbrev, pq: pq})
		default:
			// libpcap's parser takes the keyword as a qualifier here
			// and fails on the next token without generating code.
			p.syntaxError()
		}
	}
	switch p.tok {
	case SRC, DST, ADDR1, ADDR2, ADDR3, ADDR4, RA, TA, HOST, NET, PORT,
		PORTRANGE, PROTO, PROTOCHAIN, GATEWAY:
		return p.parseHead(off, pq)
	case BROADCAST, MULTICAST:
		kind := primBroadcast
		if p.tok == MULTICAST {
			kind = primMulticast
		}
		p.next()
		return p.termUnit(&primNode{off: off, kind: kind, pq: pq})
	case TYPE, SUBTYPE, DIR:
		return p.termUnit(p.parseWlan(off))
	}
	if pq != qDefault {
		p.syntaxError()
	}
	n := &primNode{off: off}
	switch p.tok {
	case LESS, GREATER:
		n.kind = primLess
		if p.tok == GREATER {
			n.kind = primGreater
		}
		p.next()
		n.v = p.expectNum()
	case CBYTE:
		p.next()
		n.kind = primByte
		n.v = p.expectNum()
		switch p.tok {
		case AMP:
			n.op = '&'
		case PIPE:
			n.op = '|'
		case LT:
			n.op = '<'
		case GT:
			n.op = '>'
		case EQ: // "=" or "==", as libpcap's scanner reads both as '='
			n.op = '='
		default:
			p.syntaxError()
		}
		p.next()
		n.v2 = p.expectNum()
	case INBOUND:
		n.kind = primInbound
		p.next()
	case OUTBOUND:
		n.kind = primOutbound
		p.next()
	case IFINDEX:
		n.kind = primIfindex
		p.next()
		n.v = p.expectNum()
	case VLAN, MPLS, PPPOES, GENEVE:
		n.kind = map[Token]primKind{VLAN: primVLAN, MPLS: primMPLS, PPPOES: primPPPoES, GENEVE: primGeneve}[p.tok]
		p.next()
		if p.tok == NUM || p.tok == LPAREN {
			n.v, n.has = p.parsePnum(), true
		}
	case PPPOED:
		n.kind = primPPPoED
		p.next()
	case LLC:
		n.kind = primLLC
		p.next()
		switch p.tok {
		case ID:
			n.s = p.lit
			p.next()
		case PF_RNR:
			n.s = "rnr"
			p.next()
		}
	case PF_IFNAME, PF_RSET, PF_RNR, PF_SRNR, PF_REASON, PF_ACTION:
		p.refusePF(off)
	case ATMKW, MTPKW:
		p.refuseATMOrMTP(off)
	default:
		p.syntaxError()
	}
	return p.termUnit(n)
}

func (p *parser) termUnit(n *primNode) unit {
	return unit{kind: kTerm, off: n.off, n: p.emit(n), q: qualErr}
}

func (p *parser) expectNum() uint32 {
	if p.tok != NUM {
		p.syntaxError()
	}
	v := numValue(p.lit)
	p.next()
	return v
}

// parsePnum parses a number, possibly in parentheses.
func (p *parser) parsePnum() uint32 {
	if p.tok == LPAREN {
		p.next()
		p.enter()
		v := p.parsePnum()
		p.expect(RPAREN)
		p.leave()
		return v
	}
	return p.expectNum()
}

// parseHead parses the direction and address-kind qualifiers and the
// address that follows them.
func (p *parser) parseHead(off int, pq uint8) unit {
	q := qual{proto: pq}
	dirSet := true
	switch p.tok {
	case SRC, DST:
		first := p.tok
		p.next()
		q.dir = qSrc
		if first == DST {
			q.dir = qDst
		}
		if p.tok == OR || p.tok == AND {
			combined := uint8(qOr)
			if p.tok == AND {
				combined = qAnd
			}
			p.next()
			other := DST
			if first == DST {
				other = SRC
			}
			if p.tok != other {
				p.syntaxError()
			}
			p.next()
			q.dir = combined
		}
	case ADDR1, ADDR2, ADDR3, ADDR4, RA, TA:
		q.dir = map[Token]uint8{ADDR1: qAddr1, ADDR2: qAddr2, ADDR3: qAddr3, ADDR4: qAddr4, RA: qRA, TA: qTA}[p.tok]
		p.next()
	default:
		dirSet = false
	}
	switch p.tok {
	case HOST, NET, PORT, PORTRANGE:
		q.addr = map[Token]uint8{HOST: qHost, NET: qNet, PORT: qPort, PORTRANGE: qPortrange}[p.tok]
		p.next()
	case PROTO, PROTOCHAIN, GATEWAY:
		if dirSet {
			p.syntaxError()
		}
		q.addr = map[Token]uint8{PROTO: qProto, PROTOCHAIN: qProtochain, GATEWAY: qGateway}[p.tok]
		p.next()
	default:
		if !dirSet {
			p.syntaxError()
		}
	}
	u := p.parseIDUnit(q)
	switch u.kind {
	case kNid, kPid:
		return unit{kind: kTerm, off: off, n: u.n, q: q}
	case kPnum:
		return unit{kind: kTerm, off: off, n: p.pnumID(u, q), q: q}
	}
	p.syntaxError()
	return unit{}
}

// 802.11 frame types and subtypes, by name.
var (
	wlanTypes = []nameVal{{"data", 0x08}, {"mgt", 0x00}, {"management", 0x00}, {"ctl", 0x04}, {"control", 0x04}}
	wlanMgt   = []nameVal{{"assocreq", 0x00}, {"assoc-req", 0x00}, {"assocresp", 0x10}, {"assoc-resp", 0x10},
		{"reassocreq", 0x20}, {"reassoc-req", 0x20}, {"reassocresp", 0x30}, {"reassoc-resp", 0x30},
		{"probereq", 0x40}, {"probe-req", 0x40}, {"proberesp", 0x50}, {"probe-resp", 0x50},
		{"beacon", 0x80}, {"atim", 0x90}, {"disassoc", 0xa0}, {"disassociation", 0xa0},
		{"auth", 0xb0}, {"authentication", 0xb0}, {"deauth", 0xc0}, {"deauthentication", 0xc0}}
	wlanCtl = []nameVal{{"ps-poll", 0xa0}, {"rts", 0xb0}, {"cts", 0xc0}, {"ack", 0xd0},
		{"cf-end", 0xe0}, {"cf-end-ack", 0xf0}}
	wlanData = []nameVal{{"data", 0x00}, {"data-cf-ack", 0x10}, {"data-cf-poll", 0x20},
		{"data-cf-ack-poll", 0x30}, {"null", 0x40}, {"cf-ack", 0x50}, {"cf-poll", 0x60},
		{"cf-ack-poll", 0x70}, {"qos-data", 0x80}, {"qos-data-cf-ack", 0x90},
		{"qos-data-cf-poll", 0xa0}, {"qos-data-cf-ack-poll", 0xb0}, {"qos", 0xc0},
		{"qos-cf-poll", 0xe0}, {"qos-cf-ack-poll", 0xf0}}
	wlanSubtypes = []struct {
		typ   uint32
		names []nameVal
	}{{0x00, wlanMgt}, {0x04, wlanCtl}, {0x08, wlanData}}
	llcSSubtypes = []nameVal{{"rr", 0x01}, {"rnr", 0x05}, {"rej", 0x09}}
	llcUSubtypes = []nameVal{{"ui", 0x03}, {"ua", 0x63}, {"disc", 0x43}, {"dm", 0x0f},
		{"sabme", 0x6f}, {"test", 0xe3}, {"xid", 0xaf}, {"frmr", 0x87}}
)

type nameVal struct {
	name string
	v    uint32
}

func lookupName(tab []nameVal, s string) (uint32, bool) {
	for _, e := range tab {
		if strings.EqualFold(e.name, s) {
			return e.v, true
		}
	}
	return 0, false
}

// parseWlan parses "type T [subtype S]", "subtype S" and "dir D".
func (p *parser) parseWlan(off int) *primNode {
	n := &primNode{off: off, kind: primWlanType}
	switch p.tok {
	case TYPE:
		p.next()
		var typ uint32
		switch p.tok {
		case NUM:
			typ = numValue(p.lit)
			if typ&^0x0c != 0 {
				fail(p.off, "invalid 802.11 type value 0x"+hex2(typ))
			}
		case ID:
			v, ok := lookupName(wlanTypes, p.lit)
			if !ok {
				fail(p.off, "unknown 802.11 type name \""+p.lit+"\"")
			}
			typ = v
		default:
			p.syntaxError()
		}
		p.next()
		n.v, n.v2 = typ, 0x0c
		if p.tok == SUBTYPE {
			p.next()
			var sub uint32
			switch p.tok {
			case NUM:
				sub = numValue(p.lit)
				if sub&^0xf0 != 0 {
					fail(p.off, "invalid 802.11 subtype value 0x"+hex2(sub))
				}
			case ID:
				var names []nameVal
				for _, ts := range wlanSubtypes {
					if ts.typ == typ {
						names = ts.names
					}
				}
				if names == nil {
					fail(p.off, "unknown 802.11 type")
				}
				v, ok := lookupName(names, p.lit)
				if !ok {
					fail(p.off, "unknown 802.11 subtype name \""+p.lit+"\"")
				}
				sub = v
			default:
				p.syntaxError()
			}
			p.next()
			n.v, n.v2 = typ|sub, 0x0c|0xf0
		}
	case SUBTYPE:
		p.next()
		if p.tok != ID {
			p.syntaxError()
		}
		found := false
		for _, ts := range wlanSubtypes {
			if v, ok := lookupName(ts.names, p.lit); ok {
				n.v, found = v|ts.typ, true
				break
			}
		}
		if !found {
			fail(p.off, "unknown 802.11 type name")
		}
		n.v2 = 0x0c | 0xf0
		p.next()
	case DIR:
		p.next()
		n.kind = primWlanDir
		switch p.tok {
		case NUM:
			n.v = numValue(p.lit)
		case ID:
			v, ok := lookupName([]nameVal{{"nods", 0}, {"tods", 1}, {"fromds", 2}, {"dstods", 3}}, p.lit)
			if !ok {
				fail(p.off, "unknown 802.11 direction")
			}
			n.v = v
		default:
			p.syntaxError()
		}
		p.next()
	}
	return n
}

func hex2(v uint32) string {
	const digits = "0123456789abcdef"
	s := ""
	for v > 0 {
		s = string(digits[v&15]) + s
		v >>= 4
	}
	for len(s) < 2 {
		s = "0" + s
	}
	return s
}

// Arithmetic. Binary operators bind as in C, except that '%' and '^',
// which libpcap's grammar gives no precedence, take everything to their
// right as their right operand: "a % b + c" is "a % (b + c)".

func binPrec(t Token) int {
	switch t {
	case PIPE:
		return 1
	case AMP:
		return 2
	case LSH, RSH:
		return 3
	case PLUS, MINUS:
		return 4
	case STAR, SLASH:
		return 5
	}
	return 0
}

var aluOps = map[Token]uint16{
	PLUS: bpf.ALUAdd, MINUS: bpf.ALUSub, STAR: bpf.ALUMul, SLASH: bpf.ALUDiv,
	PERCENT: bpf.ALUMod, AMP: bpf.ALUAnd, PIPE: bpf.ALUOr, CARET: bpf.ALUXor,
	LSH: bpf.ALULsh, RSH: bpf.ALURsh,
}

func (p *parser) parseArith() arith {
	return p.arithBinary(p.arithUnary(), 1)
}

// arithFrom continues an arithmetic expression whose first operand has
// already been parsed.
func (p *parser) arithFrom(left arith) arith {
	return p.arithBinary(p.arithModTail(left), 1)
}

func (p *parser) arithBinary(left arith, minPrec int) arith {
	for {
		prec := binPrec(p.tok)
		if prec == 0 || prec < minPrec {
			return left
		}
		op, off := p.tok, p.off
		p.next()
		right := p.arithBinary(p.arithUnary(), prec+1)
		left = p.arithNode(&binArith{off: off, op: aluOps[op], l: left, r: right})
	}
}

func (p *parser) arithUnary() arith {
	if p.tok == MINUS {
		off := p.off
		p.next()
		p.enter()
		x := p.arithUnary()
		p.leave()
		return p.arithNode(&negArith{off: off, x: x})
	}
	return p.arithModTail(p.arithPrimary())
}

func (p *parser) arithModTail(x arith) arith {
	if p.tok == PERCENT || p.tok == CARET {
		op, off := p.tok, p.off
		p.next()
		p.enter()
		r := p.parseArith()
		p.leave()
		return p.arithNode(&binArith{off: off, op: aluOps[op], l: x, r: r})
	}
	return x
}

func (p *parser) arithPrimary() arith {
	off := p.off
	switch p.tok {
	case NUM:
		v := numValue(p.lit)
		p.next()
		return p.arithNode(&numArith{off: off, v: v})
	case LEN:
		p.next()
		return p.arithNode(&lenArith{off: off})
	case LPAREN:
		p.next()
		p.enter()
		a := p.parseArith()
		p.expect(RPAREN)
		p.leave()
		return a
	}
	proto, ok := tokenProto[p.tok]
	if !ok {
		p.syntaxError()
	}
	p.next()
	p.expect(LBRACK)
	p.enter()
	idx := p.parseArith()
	size := uint32(1)
	if p.tok == COLON {
		p.next()
		size = p.expectNum()
	}
	p.expect(RBRACK)
	p.leave()
	return p.arithNode(&loadArith{off: off, proto: proto, idx: idx, size: size})
}
