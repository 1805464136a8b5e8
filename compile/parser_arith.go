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

var aluOps = map[token]uint16{
	tokPLUS: bpf.ALUAdd, tokMINUS: bpf.ALUSub, tokSTAR: bpf.ALUMul, tokSLASH: bpf.ALUDiv,
	tokPERCENT: bpf.ALUMod, tokAMP: bpf.ALUAnd, tokPIPE: bpf.ALUOr, tokCARET: bpf.ALUXor,
	tokLSH: bpf.ALULsh, tokRSH: bpf.ALURsh,
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
	if p.tok == tokMINUS {
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
	if p.tok == tokPERCENT || p.tok == tokCARET {
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
	case tokNUM:
		v := numValue(p.lit)
		p.next()
		return p.arithNode(&numArith{off: off, v: v})
	case tokLEN:
		p.next()
		return p.arithNode(&lenArith{off: off})
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
	return p.arithNode(&loadArith{off: off, proto: proto, idx: idx, size: size})
}
