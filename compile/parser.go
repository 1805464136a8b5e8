package compile

import (
	"strconv"

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
	sc    scanner
	off   int
	tok   token
	lit   string
	depth int

	peeked  bool
	pOff    int
	pTok    token
	pLit    string
	pScan   scanner
	scanMsg string

	mem *parserArena // the compile state's

	// gen, when set, generates each primitive as soon as it is parsed,
	// in source order, the way libpcap generates code while it parses;
	// so an error in a primitive is reported before a syntax error that
	// follows it, as libpcap reports it.
	gen *gen
}

// parserArena holds the syntax tree's nodes in chunks (see arena.go).
type parserArena struct {
	prims []primNode
	ands  []andNode
	ors   []orNode
	nots  []notNode
	rels  []relNode
	nums  []numArith
	lens  []lenArith
	loads []loadArith
	bins  []binArith
	negs  []negArith
}

// protoTab is tokenProto as a table indexed by token, for the parser's
// many lookups.
var protoTab = func() []protoEntry {
	n := 0
	for t := range tokenProto {
		n = max(n, int(t)+1)
	}
	tab := make([]protoEntry, n)
	for t, q := range tokenProto {
		tab[t] = protoEntry{q, true}
	}
	return tab
}()

type protoEntry struct {
	q  protoQual
	ok bool
}

// protoOf returns the protocol qualifier of a protocol keyword token.
func protoOf(t token) (protoQual, bool) {
	if uint(t) < uint(len(protoTab)) {
		e := protoTab[t]
		return e.q, e.ok
	}
	return 0, false
}

// newPrim returns a copy of n allocated in the parser's arena.
func (p *parser) newPrim(n primNode) *primNode {
	x := alloc(&p.mem.prims)
	*x = n
	return x
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
	if p.gen != nil && n.c == noCond {
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
	if p.tok == tokILLEGAL {
		p.scanMsg = p.sc.ErrMsg()
	}
}

// peek returns the token after the current one.
func (p *parser) peek() token {
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
	if p.tok == tokILLEGAL && p.scanMsg != "" {
		fail(p.off, p.scanMsg)
	}
	fail(p.off, syntaxMsg)
}

func (p *parser) expect(t token) {
	if p.tok != t {
		p.syntaxError()
	}
	p.next()
}

func (p *parser) enter() {
	p.depth++
	if p.depth > MaxNesting {
		fail(p.off, "expression nested too deeply (more than "+strconv.Itoa(MaxNesting)+" levels)")
	}
}

func (p *parser) leave() { p.depth-- }

// parenthesized parses "( X )", the current token being the "(", with
// parse parsing X one nesting level deeper.
func parenthesized[T any](p *parser, parse func() T) T {
	p.next()
	p.enter()
	v := parse()
	p.expect(tokRPAREN)
	p.leave()
	return v
}

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
	if p.tok == tokEOF {
		return nil
	}
	u := p.parseChain(qualErr, false, false)
	if u.kind != kTerm {
		p.syntaxError()
	}
	if p.tok != tokEOF {
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
	if p.tok != tokAND && p.tok != tokOR {
		return first
	}
	switch first.kind {
	case kTerm:
		n, cur := first.n, first.q
		for p.tok == tokAND || p.tok == tokOR {
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
				if p.tok != tokAND && p.tok != tokOR && p.tok != tokRPAREN && p.tok != tokEOF {
					p.syntaxError()
				}
				r = p.pnumID(u, cur)
			default:
				p.syntaxError()
			}
			n = p.join(op, n, r)
		}
		return unit{kind: kTerm, off: first.off, n: n, q: cur}
	case kNid, kPnum:
		if !allowID {
			// Only an expression can start here, and a number followed
			// by "and"/"or" is not one.
			p.syntaxError()
		}
		n := p.asID(first, q)
		for p.tok == tokAND || p.tok == tokOR {
			op := p.tok
			p.next()
			u := p.parseIDUnit(q)
			if u.kind != kNid && u.kind != kPid && u.kind != kPnum {
				p.syntaxError()
			}
			n = p.join(op, n, p.asID(u, q))
		}
		return unit{kind: kChain, off: first.off, n: n, q: q}
	}
	p.syntaxError()
	return unit{}
}

func (p *parser) join(op token, l, r node) node {
	if op == tokAND {
		a := alloc(&p.mem.ands)
		a.l, a.r = l, r
		return a
	}
	o := alloc(&p.mem.ors)
	o.l, o.r = l, r
	return o
}

// negate returns "not x", the not at off, in the parser's arena.
func (p *parser) negate(off int, x node) node {
	n := alloc(&p.mem.nots)
	n.off, n.x = off, x
	return n
}

func (p *parser) asID(u unit, q qual) node {
	if u.kind == kPnum {
		return p.pnumID(u, q)
	}
	return u.n
}

func (p *parser) pnumID(u unit, q qual) node {
	return p.emit(p.newPrim(primNode{off: u.off, kind: primNum, q: q, v: u.v}))
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
		case tokNOT, tokID, tokHID, tokHID6, tokEID, tokAID, tokLPAREN, tokNUM:
		default:
			p.syntaxError()
		}
	}
	switch p.tok {
	case tokNOT:
		p.next()
		p.enter()
		u := p.parseUnitCtx(q, allowID, false, idOnly)
		p.leave()
		switch u.kind {
		case kTerm:
			return unit{kind: kTerm, off: off, n: p.negate(off, u.n), q: u.q}
		case kNid, kPid:
			return unit{kind: kNid, off: off, n: p.negate(off, u.n), q: q}
		case kPnum:
			if !allowID {
				p.syntaxError()
			}
			return unit{kind: kNid, off: off, n: p.negate(off, p.pnumID(u, q)), q: q}
		}
		p.syntaxError()
	case tokID, tokHID, tokHID6, tokEID, tokAID:
		if !allowID {
			p.syntaxError()
		}
		return unit{kind: kNid, off: off, n: p.parseNid(q), q: q}
	case tokLPAREN:
		p.next()
		p.enter()
		inner := p.parseChainCtx(q, allowID && !parenFirst, true, idOnly)
		p.expect(tokRPAREN)
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
				a = p.arithNode(p.num(off, u.v))
			}
			return p.finishArith(p.arithFrom(a), off)
		}
		return u
	case tokNUM:
		v := numValue(p.lit)
		p.next()
		if !idOnly && (isArithOp(p.tok) || isRelop(p.tok)) {
			return p.finishArith(p.arithFrom(p.arithNode(p.num(off, v))), off)
		}
		return unit{kind: kPnum, off: off, v: v, q: q}
	case tokMINUS, tokLEN:
		return p.finishArith(p.parseArith(), off)
	}
	if _, ok := protoOf(p.tok); ok && p.peek() == tokLBRACK {
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
	rel := alloc(&p.mem.rels)
	rel.off = p.off
	switch p.tok {
	case tokGT:
		rel.code = bpf.JumpJGT
	case tokGEQ:
		rel.code = bpf.JumpJGE
	case tokEQ:
		rel.code = bpf.JumpJEQ
	case tokLEQ:
		rel.code, rel.reversed = bpf.JumpJGT, true
	case tokLT:
		rel.code, rel.reversed = bpf.JumpJGE, true
	case tokNEQ:
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

func isRelop(t token) bool {
	switch t {
	case tokGT, tokGEQ, tokEQ, tokLEQ, tokLT, tokNEQ:
		return true
	}
	return false
}

func isArithOp(t token) bool {
	switch t {
	case tokPLUS, tokMINUS, tokSTAR, tokSLASH, tokPERCENT, tokAMP, tokPIPE, tokCARET, tokLSH, tokRSH:
		return true
	}
	return false
}

// parseNid parses an address or name.
func (p *parser) parseNid(q qual) node {
	n := p.newPrim(primNode{off: p.off, q: q, s: p.lit})
	switch p.tok {
	case tokID:
		n.kind = primName
		p.next()
	case tokHID:
		p.next()
		switch p.tok {
		case tokSLASH:
			p.next()
			if p.tok != tokNUM {
				p.syntaxError()
			}
			n.kind, n.v = primHIDLen, numValue(p.lit)
			p.next()
		case tokNETMASK:
			p.next()
			if p.tok != tokHID {
				p.syntaxError()
			}
			n.kind, n.s2 = primHIDMask, p.lit
			p.next()
		default:
			n.kind = primHID
		}
	case tokHID6:
		p.next()
		if p.tok == tokSLASH {
			p.next()
			if p.tok != tokNUM {
				p.syntaxError()
			}
			n.kind, n.v = primHID6Len, numValue(p.lit)
			p.next()
		} else {
			n.kind, n.v = primHID6, 128
		}
	case tokEID:
		n.kind = primEID
		p.next()
	case tokAID:
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
	pq := protoQual(qDefault)
	if v, ok := protoOf(p.tok); ok {
		pq = v
		p.next()
		switch p.tok {
		case tokSRC, tokDST, tokADDR1, tokADDR2, tokADDR3, tokADDR4, tokRA, tokTA, tokHOST, tokNET, tokPORT,
			tokPORTRANGE, tokPROTO, tokPROTOCHAIN, tokGATEWAY, tokBROADCAST, tokMULTICAST,
			tokTYPE, tokSUBTYPE, tokDIR:
		case tokAND, tokOR, tokRPAREN, tokEOF:
			return p.termUnit(p.newPrim(primNode{off: off, kind: primProtoAbbrev, pq: pq}))
		default:
			// libpcap's parser takes the keyword as a qualifier here
			// and fails on the next token without generating code.
			p.syntaxError()
		}
	}
	switch p.tok {
	case tokSRC, tokDST, tokADDR1, tokADDR2, tokADDR3, tokADDR4, tokRA, tokTA, tokHOST, tokNET, tokPORT,
		tokPORTRANGE, tokPROTO, tokPROTOCHAIN, tokGATEWAY:
		return p.parseHead(off, pq)
	case tokBROADCAST, tokMULTICAST:
		kind := primBroadcast
		if p.tok == tokMULTICAST {
			kind = primMulticast
		}
		p.next()
		return p.termUnit(p.newPrim(primNode{off: off, kind: kind, pq: pq}))
	case tokTYPE, tokSUBTYPE, tokDIR:
		return p.termUnit(p.parseWlan(off))
	}
	if pq != qDefault {
		p.syntaxError()
	}
	return p.termUnit(p.parseOtherPrim(off))
}

// otherPrimKinds holds the kinds of the primitives parseOtherPrim reads
// as a keyword, maybe followed by a number.
var otherPrimKinds = [...]primKind{
	tokLESS: primLess, tokGREATER: primGreater, tokIFINDEX: primIfindex,
	tokINBOUND: primInbound, tokOUTBOUND: primOutbound, tokPPPOED: primPPPoED,
	tokVLAN: primVLAN, tokMPLS: primMPLS, tokPPPOES: primPPPoES, tokGENEVE: primGeneve,
}

// parseOtherPrim parses a primitive that takes no qualifier: less,
// greater, byte, inbound, outbound, ifindex, the encapsulations, llc, and
// the primitives of link types other than the supported ones.
func (p *parser) parseOtherPrim(off int) *primNode {
	n := p.newPrim(primNode{off: off})
	switch p.tok {
	case tokLESS, tokGREATER, tokIFINDEX:
		n.kind = otherPrimKinds[p.tok]
		p.next()
		n.v = p.expectNum()
	case tokINBOUND, tokOUTBOUND, tokPPPOED:
		n.kind = otherPrimKinds[p.tok]
		p.next()
	case tokCBYTE:
		p.next()
		n.kind = primByte
		n.v = p.expectNum()
		switch p.tok {
		case tokAMP:
			n.op = '&'
		case tokPIPE:
			n.op = '|'
		case tokLT:
			n.op = '<'
		case tokGT:
			n.op = '>'
		case tokEQ: // "=" or "==", as libpcap's scanner reads both as '='
			n.op = '='
		default:
			p.syntaxError()
		}
		p.next()
		n.v2 = p.expectNum()
	case tokVLAN, tokMPLS, tokPPPOES, tokGENEVE:
		n.kind = otherPrimKinds[p.tok]
		p.next()
		if p.tok == tokNUM || p.tok == tokLPAREN {
			n.v, n.has = p.parsePnum(), true
		}
	case tokLLC:
		n.kind = primLLC
		p.next()
		switch p.tok {
		case tokID:
			n.s = p.lit
			p.next()
		case tokPFRnr:
			n.s = "rnr"
			p.next()
		}
	case tokPFIfname, tokPFRset, tokPFRnr, tokPFSrnr, tokPFReason, tokPFAction:
		p.parsePF(n)
	case tokATMKW, tokMTPKW:
		p.parseATMOrMTP(n)
	default:
		p.syntaxError()
	}
	return n
}

func (p *parser) termUnit(n *primNode) unit {
	return unit{kind: kTerm, off: n.off, n: p.emit(n), q: qualErr}
}

func (p *parser) expectNum() uint32 {
	if p.tok != tokNUM {
		p.syntaxError()
	}
	v := numValue(p.lit)
	p.next()
	return v
}

// parsePnum parses a number, possibly in parentheses.
func (p *parser) parsePnum() uint32 {
	if p.tok == tokLPAREN {
		return parenthesized(p, p.parsePnum)
	}
	return p.expectNum()
}

// headDir and headAddr hold the qualifiers of the 802.11 direction
// keywords and the address-kind keywords that parseHead takes, by token.
var (
	headDir = [...]dirQual{
		tokADDR1: qAddr1, tokADDR2: qAddr2, tokADDR3: qAddr3, tokADDR4: qAddr4,
		tokRA: qRA, tokTA: qTA,
	}
	headAddr = [...]addrQual{
		tokHOST: qHost, tokNET: qNet, tokPORT: qPort, tokPORTRANGE: qPortrange,
		tokPROTO: qProto, tokPROTOCHAIN: qProtochain, tokGATEWAY: qGateway,
	}
)

// parseHead parses the direction and address-kind qualifiers and the
// address that follows them.
func (p *parser) parseHead(off int, pq protoQual) unit {
	q := qual{proto: pq}
	dirSet := true
	switch p.tok {
	case tokSRC, tokDST:
		first := p.tok
		p.next()
		q.dir = qSrc
		if first == tokDST {
			q.dir = qDst
		}
		if p.tok == tokOR || p.tok == tokAND {
			combined := qOr
			if p.tok == tokAND {
				combined = qAnd
			}
			p.next()
			other := tokDST
			if first == tokDST {
				other = tokSRC
			}
			if p.tok != other {
				p.syntaxError()
			}
			p.next()
			q.dir = combined
		}
	case tokADDR1, tokADDR2, tokADDR3, tokADDR4, tokRA, tokTA:
		q.dir = headDir[p.tok]
		p.next()
	default:
		dirSet = false
	}
	switch p.tok {
	case tokHOST, tokNET, tokPORT, tokPORTRANGE:
		q.addr = headAddr[p.tok]
		p.next()
	case tokPROTO, tokPROTOCHAIN, tokGATEWAY:
		if dirSet {
			p.syntaxError()
		}
		q.addr = headAddr[p.tok]
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
