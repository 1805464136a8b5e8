package compile

import "strconv"

// Direction qualifiers: "src", "dst", "src or dst", "src and dst", and
// the 802.11 address qualifiers, which only MAC addresses on 802.11 take.

// dirMsg is the end of libpcap's error for a direction qualifier that a
// primitive does not take, in the plural ("'addr1' and 'address1' are ...")
// and the singular ("'ra' is ...").
type dirMsg struct{ are, is string }

var (
	dirMsgAddr = dirMsg{
		"are not valid qualifiers for addresses other than 802.11 MAC addresses",
		"is not a valid qualifier for addresses other than 802.11 MAC addresses"}
	dirMsgMAC = dirMsg{
		"are only supported on 802.11 with 802.11 headers",
		"is only supported on 802.11 with 802.11 headers"}
	dirMsgPorts      = dirMsg{"are not valid qualifiers for ports", "is not a valid qualifier for ports"}
	dirMsgPortRanges = dirMsg{"are not valid qualifiers for port ranges", "is not a valid qualifier for port ranges"}
)

// dirCombine combines the source and destination tests as dir says,
// generating the source test first; msg ends the error for a direction the
// primitive does not take.
func (g *gen) dirCombine(dir dirQual, src, dst func() cond, msg dirMsg) cond {
	switch dir {
	case qSrc:
		return src()
	case qDst:
		return dst()
	case qAnd:
		a := src()
		return g.and(a, dst())
	case qDefault, qOr:
		a := src()
		return g.or(a, dst())
	}
	g.dirErr(dir, msg)
	return noCond
}

// dirErr fails for an 802.11 address qualifier with libpcap's message.
func (g *gen) dirErr(dir dirQual, msg dirMsg) {
	switch dir {
	case qAddr1, qAddr2, qAddr3, qAddr4:
		n := strconv.Itoa(int(dir - qAddr1 + 1))
		g.fail("'addr" + n + "' and 'address" + n + "' " + msg.are)
	case qRA:
		g.fail("'ra' " + msg.is)
	case qTA:
		g.fail("'ta' " + msg.is)
	}
	g.fail(syntaxGenMsg)
}
