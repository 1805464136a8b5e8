package compile

import (
	"net/netip"
	"strings"
)

// scanner splits a filter expression into tokens, the way libpcap's lexer
// does: at each position the longest match wins, and among matches of equal
// length keywords beat numbers and addresses, which beat plain names.
type scanner struct {
	src string
	pos int
	err string // why the last ILLEGAL token was rejected
}

// Init prepares s to scan src from its start.
func (s *scanner) Init(src string) {
	s.src = src
	s.pos = 0
	s.err = ""
}

// ErrMsg returns the reason the most recent ILLEGAL token was rejected, or
// "" when the scanner had no more specific complaint than a stray character.
func (s *scanner) ErrMsg() string { return s.err }

// Scan returns the next token, its byte offset and its literal text. At the
// end of input it returns EOF, again and again. Every call that does not
// return EOF consumes at least one byte.
func (s *scanner) Scan() (off int, tok token, lit string) {
	src := s.src
	for s.pos < len(src) {
		c := src[s.pos]
		if c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			break
		}
		s.pos++
	}
	off = s.pos
	if off >= len(src) {
		return off, tokEOF, ""
	}
	if s.err != "" { // writing only when needed saves a write barrier
		s.err = ""
	}
	c := src[off]
	switch {
	case isAlnum(c):
		n, t := s.scanWord(off)
		s.pos = off + n
		lit = src[off : off+n]
		if t == tokILLEGAL {
			return off, tokILLEGAL, lit
		}
		return off, t, lit
	case c == ':':
		if n := v6Len(src[off:]); n > 0 {
			s.pos = off + n
			lit = src[off:s.pos]
			return off, s.checkV6(lit), lit
		}
		s.pos++
		return off, tokCOLON, ":"
	case c == '$':
		if off+1 < len(src) && isHex(src[off+1]) {
			n := 2
			if off+2 < len(src) && isHex(src[off+2]) {
				n = 3
			}
			s.pos = off + n
			return off, tokAID, src[off:s.pos]
		}
	case c == '\\':
		j := off + 1
		for j < len(src) && !strings.ContainsRune(" !()\n\t", rune(src[j])) {
			j++
		}
		if j > off+1 {
			s.pos = j
			return off, tokID, src[off+1 : j]
		}
	}
	return s.scanOperator(off)
}

// scanOperator scans an operator or punctuation token at off; any other
// character is ILLEGAL.
func (s *scanner) scanOperator(off int) (int, token, string) {
	src := s.src
	if off+1 < len(src) {
		if t := twoCharToken(src[off], src[off+1]); t != tokEOF {
			s.pos = off + 2
			return off, t, src[off : off+2]
		}
	}
	s.pos = off + 1
	lit := src[off : off+1]
	if t := oneCharTokens[src[off]]; t != tokEOF {
		return off, t, lit
	}
	return off, tokILLEGAL, lit
}

// The operator tokens, by spelling.
var (
	oneCharTokens = [256]token{
		'+': tokPLUS, '-': tokMINUS, '*': tokSTAR, '/': tokSLASH, '%': tokPERCENT,
		':': tokCOLON, '[': tokLBRACK, ']': tokRBRACK, '!': tokNOT, '<': tokLT,
		'>': tokGT, '(': tokLPAREN, ')': tokRPAREN, '&': tokAMP, '|': tokPIPE,
		'^': tokCARET, '=': tokEQ,
	}
)

// twoCharToken returns the operator spelled c1 c2, or tokEOF.
func twoCharToken(c1, c2 byte) token {
	switch {
	case c2 == '=':
		switch c1 {
		case '>':
			return tokGEQ
		case '<':
			return tokLEQ
		case '!':
			return tokNEQ
		case '=':
			return tokEQ
		}
	case c1 != c2:
	case c1 == '<':
		return tokLSH
	case c1 == '>':
		return tokRSH
	case c1 == '&':
		return tokAND
	case c1 == '|':
		return tokOR
	}
	return tokEOF
}

// keywordTab holds the keywords in an open-addressing table with a hash
// cheaper than the runtime's for these short words; the scanner looks up
// every word it meets.
var keywordTab = func() *[1024]keywordEntry {
	var tab [1024]keywordEntry
	for name, tok := range keywords {
		i := keywordHash(name) & (len(tab) - 1)
		for tab[i].name != "" {
			i = (i + 1) & (len(tab) - 1)
		}
		tab[i] = keywordEntry{name, tok}
	}
	return &tab
}()

type keywordEntry struct {
	name string
	tok  token
}

func keywordHash(s string) int {
	h := uint32(len(s))
	for i := 0; i < len(s); i++ {
		h = h*31 + uint32(s[i])
	}
	return int(h ^ h>>10)
}

// lookupKeyword returns the token of a keyword, as keywords[word] would.
func lookupKeyword(word string) (token, bool) {
	i := keywordHash(word) & (len(keywordTab) - 1)
	for {
		e := &keywordTab[i]
		if e.name == "" {
			return 0, false
		}
		if e.name == word {
			return e.tok, true
		}
		i = (i + 1) & (len(keywordTab) - 1)
	}
}

// Candidate classes of a word, in libpcap's rule order (earlier wins ties).
const (
	candKeyword = iota
	candAID
	candMAC
	candNum
	candHID
	candV6
	candBogusMAC
	candNamed
	candID
)

// scanWord scans a token that starts with a letter or digit and returns its
// length and token.
func (s *scanner) scanWord(off int) (int, token) {
	src := s.src
	best, n, kw := longestWord(src, off)
	lit := src[off : off+n]
	switch best {
	case candKeyword:
		return n, kw
	case candMAC:
		return n, tokEID
	case candNum:
		if msg := checkNumber(lit); msg != "" {
			s.err = msg
			return n, tokILLEGAL
		}
		return n, tokNUM
	case candHID:
		return n, tokHID
	case candV6:
		return n, s.checkV6(lit)
	case candBogusMAC:
		s.err = "bogus ethernet address " + lit
		return n, tokILLEGAL
	case candNamed:
		return n, tokNUM
	}
	return n, tokID
}

// longestWord returns the candidate class and length of the longest token
// at off, which starts with a letter or digit, and the keyword's token if
// the class is candKeyword. Of matches of equal length the earlier class
// wins.
func longestWord(src string, off int) (best, n int, kw token) {
	idn := idLen(src, off)
	word := src[off : off+idn]
	kw, isKW := lookupKeyword(word)
	if isKW {
		n = idn
	}
	// The address patterns need a separator or twelve hex digits.
	span := off
	hasColon, hasSep := false, false
	for span < len(src) {
		ch := src[span]
		if ch == ':' {
			hasColon = true
		} else if ch == '.' || ch == '-' {
			hasSep = true
		} else if !isAlnum(ch) {
			break
		}
		span++
	}
	rest := src[off:span]
	// Candidates in class order, so that a strictly longer match is needed
	// to beat an earlier one.
	try := func(c, l int) {
		if l > n {
			best, n = c, l
		}
	}
	if hasSep || hasColon || len(rest) >= 12 {
		try(candMAC, macLen(rest))
	}
	try(candNum, numLen(src, off))
	if hasSep {
		try(candHID, hidLen(rest))
	}
	if hasColon {
		try(candV6, v6Len(rest))
		try(candBogusMAC, bogusMACLen(rest))
	}
	// Every named number starts with "icmp" or "tcp" and has at least
	// seven letters.
	if len(word) >= 7 && (word[0] == 'i' || word[0] == 't') {
		if _, ok := namedNumbers[word]; ok {
			try(candNamed, idn)
		}
	}
	try(candID, idn)
	return best, n, kw
}

func (s *scanner) checkV6(lit string) token {
	if _, err := netip.ParseAddr(lit); err != nil {
		s.err = "bogus IPv6 address " + lit
		return tokILLEGAL
	}
	return tokHID6
}

// hidLen is the length of the longest dotted IPv4 address of two to four
// parts at the start of s (the scanner's HID pattern), or 0. Each part is
// a decimal number or 0x and hex digits.
func hidLen(s string) int {
	best, i := 0, 0
	for parts := 1; parts <= 4; parts++ {
		n := hidPartLen(s[i:])
		if n == 0 {
			break
		}
		i += n
		if parts >= 2 {
			best = i
		}
		if i >= len(s) || s[i] != '.' {
			break
		}
		i++
	}
	return best
}

// hidPartLen is the length of the number at the start of s: "0x" and hex
// digits when that matches, else decimal digits.
func hidPartLen(s string) int {
	if len(s) > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && isHex(s[2]) {
		j := 3
		for j < len(s) && isHex(s[j]) {
			j++
		}
		return j
	}
	j := 0
	for j < len(s) && s[j] >= '0' && s[j] <= '9' {
		j++
	}
	return j
}

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// idLen is the length of the longest name at off: a letter or digit, then
// letters, digits, '-', '_' and '.', not ending in '-' or '_'.
func idLen(src string, off int) int {
	j := off + 1
	for j < len(src) {
		c := src[j]
		if !isAlnum(c) && c != '-' && c != '_' && c != '.' {
			break
		}
		j++
	}
	for j > off+1 && (src[j-1] == '-' || src[j-1] == '_') {
		j--
	}
	return j - off
}

// numLen is the length of the decimal or 0x-hex number at off.
func numLen(src string, off int) int {
	if src[off] < '0' || src[off] > '9' {
		return 0
	}
	if src[off] == '0' && off+2 < len(src) && (src[off+1] == 'x' || src[off+1] == 'X') && isHex(src[off+2]) {
		j := off + 2
		for j < len(src) && isHex(src[j]) {
			j++
		}
		return j - off
	}
	j := off
	for j < len(src) && src[j] >= '0' && src[j] <= '9' {
		j++
	}
	return j - off
}

// checkNumber returns libpcap's complaint about a number literal, or "".
func checkNumber(lit string) string {
	_, msg := parseNumber(lit)
	return msg
}

// parseNumber converts a decimal, octal (leading 0) or hex (0x) literal.
func parseNumber(lit string) (uint32, string) {
	var n uint32
	switch {
	case len(lit) > 1 && lit[0] == '0' && (lit[1] == 'x' || lit[1] == 'X'):
		for i := 2; i < len(lit); i++ {
			c := lit[i]
			var d uint32
			switch {
			case c >= '0' && c <= '9':
				d = uint32(c - '0')
			case c >= 'a' && c <= 'f':
				d = uint32(c-'a') + 10
			default:
				d = uint32(c-'A') + 10
			}
			if n > 0x0FFFFFFF {
				return 0, "number " + lit + " overflows 32 bits"
			}
			n = n<<4 + d
		}
	case lit[0] == '0':
		for i := 1; i < len(lit); i++ {
			c := lit[i]
			if c < '0' || c > '7' {
				return 0, "number " + lit + " contains non-octal digit"
			}
			if n > 03777777777 {
				return 0, "number " + lit + " overflows 32 bits"
			}
			n = n<<3 + uint32(c-'0')
		}
	default:
		for i := 0; i < len(lit); i++ {
			d := uint32(lit[i] - '0')
			if n > 0xFFFFFFFF/10 || n == 0xFFFFFFFF/10 && d > 0xFFFFFFFF%10 {
				return 0, "number " + lit + " overflows 32 bits"
			}
			n = n*10 + d
		}
	}
	return n, ""
}

// numValue returns the value of a NUM token's literal.
func numValue(lit string) uint32 {
	if lit[0] > '9' { // a named number: literals start with a digit
		return namedNumbers[lit]
	}
	v, _ := parseNumber(lit)
	return v
}
