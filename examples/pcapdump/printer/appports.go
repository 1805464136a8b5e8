package printer

// Application payloads and the link header in -x/-X dumps.
//
// tcpdump dissects these payloads with printers that read them to their
// end. When the capture cut such a payload short, the printer runs out of
// bytes and tcpdump ends the packet as truncated; it then dumps (-x, -X)
// the whole packet instead of what follows the link header. pcapdump
// does not decode these payloads but dumps what tcpdump dumps.
//
// The lists hold only dissectors that behave so in tcpdump 4.99's test
// captures; others stop cleanly at the end of the captured bytes.

// readsToEndUDP reports whether tcpdump's printer for a UDP port pair
// reads the payload to its end: L2TP, LSP ping, Cisco Auto-RP, timed,
// IKE over NAT-T and Zephyr.
func readsToEndUDP(sport, dport int) bool {
	for _, v := range [...]int{1701, 3503, 496, 525, 4500, 2104} {
		if sport == v || dport == v {
			return true
		}
	}
	return false
}

// readsToEndTCP is readsToEndUDP for TCP: SSH, Redis and OpenFlow.
func readsToEndTCP(sport, dport int) bool {
	for _, v := range [...]int{22, 6379, 6633, 6653} {
		if sport == v || dport == v {
			return true
		}
	}
	return false
}
