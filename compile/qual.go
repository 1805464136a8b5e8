package compile

// A qualifier triple (qual) has three slots, each with its own type: the
// address kind ("host", "port", ...), the direction ("src", "dst", ...)
// and the protocol ("tcp", "ip6", ...). The values follow libpcap's
// numbering so that the tables in this package read like pcap-filter(7);
// the types keep a value of one slot out of another.
type (
	addrQual  uint8 // qual.addr
	dirQual   uint8 // qual.dir
	protoQual uint8 // qual.proto
)

// qDefault (no qualifier given) and qUndef (no qualifier may follow) are
// the same in every slot, so they stay untyped.
const (
	qDefault = 0
	qUndef   = 255
)

// Address kinds (qual.addr).
const (
	qHost addrQual = iota + 1
	qNet
	qPort
	qGateway
	qProto
	qProtochain
	qPortrange
)

// Directions (qual.dir).
const (
	qSrc dirQual = iota + 1
	qDst
	qOr
	qAnd
	qAddr1
	qAddr2
	qAddr3
	qAddr4
	qRA
	qTA
)

// Protocols (qual.proto).
const (
	pLink protoQual = iota + 1
	pIP
	pARP
	pRARP
	pSCTP
	pTCP
	pUDP
	pICMP
	pIGMP
	pIGRP
	pATalk
	pDECnet
	pLAT
	pSCA
	pMOPRC
	pMOPDL
	pIPv6
	pICMPv6
	pAH
	pESP
	pPIM
	pVRRP
	pAARP
	pISO
	pESIS
	pISIS
	pCLNP
	pSTP
	pIPX
	pNetBEUI
	pISISL1
	pISISL2
	pISISIIH
	pISISSNP
	pISISCSNP
	pISISPSNP
	pISISLSP
	pRadio
	pCARP
)

var protoNames = [...]string{
	pLink: "link", pIP: "ip", pARP: "arp", pRARP: "rarp", pSCTP: "sctp",
	pTCP: "tcp", pUDP: "udp", pICMP: "icmp", pIGMP: "igmp", pIGRP: "igrp",
	pATalk: "atalk", pDECnet: "decnet", pLAT: "lat", pSCA: "sca",
	pMOPRC: "moprc", pMOPDL: "mopdl", pIPv6: "ip6", pICMPv6: "icmp6",
	pAH: "ah", pESP: "esp", pPIM: "pim", pVRRP: "vrrp", pAARP: "aarp",
	pISO: "iso", pESIS: "esis", pISIS: "isis", pCLNP: "clnp", pSTP: "stp",
	pIPX: "ipx", pNetBEUI: "netbeui", pISISL1: "l1", pISISL2: "l2",
	pISISIIH: "iih", pISISSNP: "snp", pISISCSNP: "csnp", pISISPSNP: "psnp",
	pISISLSP: "lsp", pRadio: "radio", pCARP: "carp",
}

// tokenProto maps a protocol keyword to its qualifier value.
var tokenProto = map[token]protoQual{
	tokLINK: pLink, tokIP: pIP, tokARP: pARP, tokRARP: pRARP, tokSCTP: pSCTP, tokTCP: pTCP,
	tokUDP: pUDP, tokICMP: pICMP, tokIGMP: pIGMP, tokIGRP: pIGRP, tokPIM: pPIM,
	tokVRRP: pVRRP, tokCARP: pCARP, tokATALK: pATalk, tokAARP: pAARP, tokDECNET: pDECnet,
	tokLAT: pLAT, tokSCA: pSCA, tokMOPDL: pMOPDL, tokMOPRC: pMOPRC, tokIPV6: pIPv6,
	tokICMPV6: pICMPv6, tokAH: pAH, tokESP: pESP, tokISO: pISO, tokESIS: pESIS,
	tokISIS: pISIS, tokL1: pISISL1, tokL2: pISISL2, tokIIH: pISISIIH, tokLSP: pISISLSP,
	tokSNP: pISISSNP, tokPSNP: pISISPSNP, tokCSNP: pISISCSNP, tokCLNP: pCLNP,
	tokSTP: pSTP, tokIPX: pIPX, tokNETBEUI: pNetBEUI, tokRADIO: pRadio,
}

// qual is the qualifier triple that applies to an address or name.
type qual struct {
	proto protoQual
	dir   dirQual
	addr  addrQual
}

var qualErr = qual{qUndef, qUndef, qUndef}
