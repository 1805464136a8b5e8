package printer

// The dumps of -x, -X and -A: 16 bytes a line, each line starting with
// "\n\t0x" and the offset, bytes in groups of two.

// hexOnly prints data as -x does.
func (p *Printer) hexOnly(data []byte) { p.hexIndent(data, "\n\t") }

// hexIndent is tcpdump's hex_print: lines of hex only.
func (p *Printer) hexIndent(data []byte, indent string) {
	i := 0
	for ; i+1 < len(data); i += 2 {
		if i%16 == 0 {
			p.offset(indent, i)
		}
		p.b(' ')
		p.hexByte(data[i])
		p.hexByte(data[i+1])
	}
	if i < len(data) {
		if i%16 == 0 {
			p.offset(indent, i)
		}
		p.b(' ')
		p.hexByte(data[i])
	}
}

// hexASCII prints data as -X does: the hex of each line padded to 40
// columns, two spaces, then the bytes, printable ones as themselves and
// others as '.'.
func (p *Printer) hexASCII(data []byte, indent string) {
	for line := 0; line < len(data); line += 16 {
		chunk := data[line:min(line+16, len(data))]
		p.offset(indent, line)
		start := len(p.buf)
		for i := 0; i < len(chunk); i += 2 {
			p.b(' ')
			p.hexByte(chunk[i])
			if i+1 < len(chunk) {
				p.hexByte(chunk[i+1])
			}
		}
		for len(p.buf)-start < 40 {
			p.b(' ')
		}
		p.s("  ")
		for _, c := range chunk {
			if c > 0x20 && c < 0x7f {
				p.b(c)
			} else {
				p.b('.')
			}
		}
	}
}

// asciiOnly prints data as -A does: a newline, then the bytes, printable
// ones and tab, space and newline as themselves, others as '.'; a CR is
// left out unless more than one byte follows and the next is not LF.
func (p *Printer) asciiOnly(data []byte) {
	p.b('\n')
	for i, c := range data {
		rest := len(data) - i - 1
		switch {
		case c == '\r':
			if rest > 1 && data[i+1] != '\n' {
				p.b('.')
			}
		case (c > 0x20 && c < 0x7f) || c == '\t' || c == ' ' || c == '\n':
			p.b(c)
		default:
			p.b('.')
		}
	}
}

func (p *Printer) offset(indent string, off int) {
	p.s(indent)
	p.s("0x")
	p.x(uint64(off), 4)
	p.s(": ")
}

func (p *Printer) hexByte(c byte) {
	p.b(hexDigits[c>>4])
	p.b(hexDigits[c&0xf])
}
