package printer

// IPsec headers: AH (whose payload is then printed) and ESP (encrypted;
// pcapdump has no keys to decrypt it).

// ah prints an authentication header and returns its length.
func (p *Printer) ah(off int) int {
	p.proto = "ah"
	p.s("AH(")
	l := p.u8(off + 1)
	n := (l + 2) * 4
	if p.opt.Verbose > 0 {
		p.s("length=")
		p.ui(l)
		p.b('(')
		p.ui(n)
		p.s("-bytes),")
	}
	if r := p.be16(off + 2); r != 0 {
		p.s("reserved=0x")
		p.x(uint64(r), 0)
		p.s("[MustBeZero],")
	}
	p.s("spi=0x")
	p.x(uint64(p.be32(off+4)), 8)
	p.s(",seq=0x")
	p.x(uint64(p.be32(off+8)), 0)
	p.s(",icv=0x")
	for i := off + 12; i < off+n; i++ {
		p.hexByte(byte(p.u8(i)))
	}
	p.s("): ")
	return n
}

func (p *Printer) esp(off, length int) {
	p.proto = "esp"
	if off+8 >= p.end {
		p.trunc()
		return
	}
	p.s("ESP(spi=0x")
	p.x(uint64(p.be32(off)), 8)
	p.s(",seq=0x")
	p.x(uint64(p.be32(off+4)), 0)
	p.s("), length ")
	p.ui(length)
}
