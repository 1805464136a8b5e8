package compile

import (
	"fmt"
	"strings"
)

// Parsing of the 802.11 primitives "type", "subtype" and "dir", and the
// name tables they (and "llc") use.

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
	n := p.newPrim(primNode{off: off, kind: primWlanType})
	switch p.tok {
	case tokTYPE:
		p.next()
		typ := p.parseWlanValue("type", 0x0c, wlanTypes)
		n.v, n.v2 = typ, 0x0c
		if p.tok == tokSUBTYPE {
			p.next()
			var names []nameVal
			for _, ts := range wlanSubtypes {
				if ts.typ == typ {
					names = ts.names
				}
			}
			sub := p.parseWlanValue("subtype", 0xf0, names)
			n.v, n.v2 = typ|sub, 0x0c|0xf0
		}
	case tokSUBTYPE:
		p.next()
		if p.tok != tokID {
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
	case tokDIR:
		p.next()
		n.kind = primWlanDir
		switch p.tok {
		case tokNUM:
			n.v = numValue(p.lit)
		case tokID:
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

// parseWlanValue parses the value after "type" or "subtype" (what): a
// number with no bits set outside mask, or a name in names. A nil names
// means the type given has no subtype names.
func (p *parser) parseWlanValue(what string, mask uint32, names []nameVal) uint32 {
	var v uint32
	switch p.tok {
	case tokNUM:
		v = numValue(p.lit)
		if v&^mask != 0 {
			fail(p.off, fmt.Sprintf("invalid 802.11 %s value 0x%02x", what, v))
		}
	case tokID:
		if names == nil {
			fail(p.off, "unknown 802.11 type")
		}
		var ok bool
		if v, ok = lookupName(names, p.lit); !ok {
			fail(p.off, "unknown 802.11 "+what+" name \""+p.lit+"\"")
		}
	default:
		p.syntaxError()
	}
	p.next()
	return v
}
