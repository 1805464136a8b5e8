package compile

import (
	"strconv"
	"strings"
)

// Parsing of address literals the scanner has already recognised: MAC,
// dotted IPv4 (1 to 4 parts) and DECnet addresses.

// parseMAC converts the MAC address forms the scanner accepts; missing
// trailing bytes are zero.
func parseMAC(s string) (mac [6]byte) {
	n := 0
	for i := 0; i < len(s) && n < len(mac); {
		if s[i] == ':' || s[i] == '.' || s[i] == '-' {
			i++
		}
		d := hexVal(s[i])
		i++
		if i < len(s) && isHex(s[i]) {
			d = d<<4 | hexVal(s[i])
			i++
		}
		mac[n] = d
		n++
	}
	return mac
}

func hexVal(c byte) byte {
	switch {
	case c >= '0' && c <= '9':
		return c - '0'
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10
	}
	return c - 'A' + 10
}

// atoin parses a dotted IPv4 address of 1 to 4 decimal parts, returning the
// value (parts packed to the right) and the number of bits given, or -1.
func atoin(s string) (uint32, int) {
	var addr uint32
	n := 0
	for {
		var v uint32
		for len(s) > 0 && s[0] != '.' {
			if v > 25 {
				return 0, -1
			}
			v = v*10 + uint32(s[0]-'0')
			s = s[1:]
		}
		if v > 255 {
			return 0, -1
		}
		addr = addr<<8 | v
		n += 8
		if s == "" {
			return addr, n
		}
		s = s[1:]
	}
}

// atodn parses a DECnet address area.node.
func atodn(s string) (uint32, bool) {
	a, b, ok := strings.Cut(s, ".")
	if !ok {
		return 0, false
	}
	area, err1 := strconv.Atoi(leadingInt(a))
	node, err2 := strconv.Atoi(leadingInt(b))
	if err1 != nil || err2 != nil {
		return 0, false
	}
	return uint32(area<<10)&0176000 | uint32(node)&01777, true
}

func leadingInt(s string) string {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return s[:i]
}
