package compile

import "github.com/purepcap/pcap/bpf"

// Arithmetic. Binary operators bind as in C, except that '%' and '^',
// which libpcap's grammar gives no precedence, take everything to their
// right as their right operand: "a % b + c" is "a % (b + c)".

func binPrec(t token) int {
	switch t {
	case tokPIPE:
		return 1
	case tokAMP:
		return 2
	case tokLSH, tokRSH:
		return 3
	case tokPLUS, tokMINUS:
		return 4
	case tokSTAR, tokSLASH:
		return 5
	}
	return 0
}

// aluOp returns the ALU operation of a binary operator token.
func aluOp(t token) uint16 {
	switch t {
	case tokPLUS:
		return bpf.ALUAdd
	case tokMINUS:
		return bpf.ALUSub
	case tokSTAR:
		return bpf.ALUMul
	case tokSLASH:
		return bpf.ALUDiv
	case tokPERCENT:
		return bpf.ALUMod
	case tokAMP:
		return bpf.ALUAnd
	case tokPIPE:
		return bpf.ALUOr
	case tokCARET:
		return bpf.ALUXor
	case tokLSH:
		return bpf.ALULsh
	}
	return bpf.ALURsh
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
		left = p.arithNode(p.bin(off, op, left, right))
	}
}

func (p *parser) arithUnary() arith {
	if p.tok == tokMINUS {
		off := p.off
		p.next()
		p.enter()
		x := p.arithUnary()
		p.leave()
		n := alloc(&p.mem.negs)
		n.off, n.x = off, x
		return p.arithNode(n)
	}
	return p.arithModTail(p.arithPrimary())
}

func (p *parser) arithModTail(x arith) arith {
	if p.tok == tokPERCENT || p.tok == tokCARET {
		op, off := p.tok, p.off
		p.next()
		p.enter()
		r := p.parseArith()
		p.leave()
		return p.arithNode(p.bin(off, op, x, r))
	}
	return x
}

func (p *parser) arithPrimary() arith {
	off := p.off
	switch p.tok {
	case tokNUM:
		v := numValue(p.lit)
		p.next()
		return p.arithNode(p.num(off, v))
	case tokLEN:
		p.next()
		n := alloc(&p.mem.lens)
		n.off = off
		return p.arithNode(n)
	case tokLPAREN:
		return parenthesized(p, p.parseArith)
	}
	proto, ok := protoOf(p.tok)
	if !ok {
		p.syntaxError()
	}
	p.next()
	p.expect(tokLBRACK)
	p.enter()
	idx := p.parseArith()
	size := uint32(1)
	if p.tok == tokCOLON {
		p.next()
		size = p.expectNum()
	}
	p.expect(tokRBRACK)
	p.leave()
	n := alloc(&p.mem.loads)
	n.off, n.proto, n.idx, n.size = off, proto, idx, size
	return p.arithNode(n)
}

// num returns a new number node in the parser's arena.
func (p *parser) num(off int, v uint32) *numArith {
	n := alloc(&p.mem.nums)
	n.off, n.v = off, v
	return n
}

// bin returns a new node in the parser's arena for the binary operator
// token op.
func (p *parser) bin(off int, op token, l, r arith) *binArith {
	n := alloc(&p.mem.bins)
	n.off, n.op, n.l, n.r = off, aluOp(op), l, r
	return n
}
