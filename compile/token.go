package compile

import "strconv"

// token is a lexical token of the filter language.
type token int

// The tokens. Keywords that libpcap treats as synonyms share a token
// ("ether", "link", "wlan", ... are all LINK).
const (
	tokEOF     token = iota
	tokILLEGAL       // a character or number the scanner rejects

	// Literals.
	tokNUM  // 42, 0x2a, 052, and the named constants (tcp-syn, icmp-echo, ...)
	tokID   // a name, or a backslash-escaped word
	tokHID  // dotted IPv4 address with 2 to 4 parts
	tokHID6 // IPv6 address
	tokEID  // MAC address
	tokAID  // ARCnet address ($xx)

	// Operators and punctuation.
	tokLPAREN  // (
	tokRPAREN  // )
	tokLBRACK  // [
	tokRBRACK  // ]
	tokCOLON   // :
	tokPLUS    // +
	tokMINUS   // -
	tokSTAR    // *
	tokSLASH   // /
	tokPERCENT // %
	tokAMP     // &
	tokPIPE    // |
	tokCARET   // ^
	tokNOT     // ! and "not"
	tokLT      // <
	tokGT      // >
	tokEQ      // = and ==
	tokGEQ     // >=
	tokLEQ     // <=
	tokNEQ     // !=
	tokLSH     // <<
	tokRSH     // >>
	tokAND     // and, &&
	tokOR      // or, ||

	tokDST
	tokSRC
	tokHOST
	tokGATEWAY
	tokNET
	tokNETMASK
	tokPORT
	tokPORTRANGE
	tokLESS
	tokGREATER
	tokPROTO
	tokPROTOCHAIN
	tokCBYTE
	tokLINK
	tokARP
	tokRARP
	tokIP
	tokSCTP
	tokTCP
	tokUDP
	tokICMP
	tokIGMP
	tokIGRP
	tokPIM
	tokVRRP
	tokCARP
	tokRADIO
	tokIPV6
	tokICMPV6
	tokAH
	tokESP
	tokATALK
	tokAARP
	tokDECNET
	tokLAT
	tokSCA
	tokMOPRC
	tokMOPDL
	tokISO
	tokESIS
	tokISIS
	tokL1
	tokL2
	tokIIH
	tokLSP
	tokSNP
	tokCSNP
	tokPSNP
	tokCLNP
	tokSTP
	tokIPX
	tokNETBEUI
	tokTYPE
	tokSUBTYPE
	tokDIR
	tokADDR1
	tokADDR2
	tokADDR3
	tokADDR4
	tokRA
	tokTA
	tokBROADCAST
	tokMULTICAST
	tokLEN
	tokINBOUND
	tokOUTBOUND
	tokIFINDEX
	tokVLAN
	tokMPLS
	tokPPPOED
	tokPPPOES
	tokGENEVE
	tokLLC
	tokPFIfname
	tokPFRset
	tokPFRnr
	tokPFSrnr
	tokPFReason
	tokPFAction
	tokATMKW // lane, metac, bcc, oam, ... (ATM only)
	tokMTPKW // fisu, lssu, sio, opc, ... (SS7 MTP only)
)

var tokenNames = [...]string{
	tokEOF: "end of expression", tokILLEGAL: "illegal token",
	tokNUM: "number", tokID: "name", tokHID: "IPv4 address", tokHID6: "IPv6 address",
	tokEID: "MAC address", tokAID: "ARCnet address",
	tokLPAREN: "(", tokRPAREN: ")", tokLBRACK: "[", tokRBRACK: "]", tokCOLON: ":",
	tokPLUS: "+", tokMINUS: "-", tokSTAR: "*", tokSLASH: "/", tokPERCENT: "%",
	tokAMP: "&", tokPIPE: "|", tokCARET: "^", tokNOT: "not", tokLT: "<", tokGT: ">",
	tokEQ: "=", tokGEQ: ">=", tokLEQ: "<=", tokNEQ: "!=", tokLSH: "<<", tokRSH: ">>",
	tokAND: "and", tokOR: "or",
	tokDST: "dst", tokSRC: "src", tokHOST: "host", tokGATEWAY: "gateway", tokNET: "net",
	tokNETMASK: "mask", tokPORT: "port", tokPORTRANGE: "portrange", tokLESS: "less",
	tokGREATER: "greater", tokPROTO: "proto", tokPROTOCHAIN: "protochain",
	tokCBYTE: "byte", tokLINK: "link", tokARP: "arp", tokRARP: "rarp", tokIP: "ip",
	tokSCTP: "sctp", tokTCP: "tcp", tokUDP: "udp", tokICMP: "icmp", tokIGMP: "igmp",
	tokIGRP: "igrp", tokPIM: "pim", tokVRRP: "vrrp", tokCARP: "carp", tokRADIO: "radio",
	tokIPV6: "ip6", tokICMPV6: "icmp6", tokAH: "ah", tokESP: "esp", tokATALK: "atalk",
	tokAARP: "aarp", tokDECNET: "decnet", tokLAT: "lat", tokSCA: "sca", tokMOPRC: "moprc",
	tokMOPDL: "mopdl", tokISO: "iso", tokESIS: "esis", tokISIS: "isis", tokL1: "l1",
	tokL2: "l2", tokIIH: "iih", tokLSP: "lsp", tokSNP: "snp", tokCSNP: "csnp",
	tokPSNP: "psnp", tokCLNP: "clnp", tokSTP: "stp", tokIPX: "ipx", tokNETBEUI: "netbeui",
	tokTYPE: "type", tokSUBTYPE: "subtype", tokDIR: "dir", tokADDR1: "addr1",
	tokADDR2: "addr2", tokADDR3: "addr3", tokADDR4: "addr4", tokRA: "ra", tokTA: "ta",
	tokBROADCAST: "broadcast", tokMULTICAST: "multicast", tokLEN: "len",
	tokINBOUND: "inbound", tokOUTBOUND: "outbound", tokIFINDEX: "ifindex",
	tokVLAN: "vlan", tokMPLS: "mpls", tokPPPOED: "pppoed", tokPPPOES: "pppoes",
	tokGENEVE: "geneve", tokLLC: "llc", tokPFIfname: "ifname", tokPFRset: "ruleset",
	tokPFRnr: "rnr", tokPFSrnr: "srnr", tokPFReason: "reason", tokPFAction: "action",
	tokATMKW: "ATM keyword", tokMTPKW: "MTP keyword",
}

// String returns the token's spelling or a description of its class.
func (t token) String() string {
	if t >= 0 && int(t) < len(tokenNames) && tokenNames[t] != "" {
		return tokenNames[t]
	}
	return "token(" + strconv.Itoa(int(t)) + ")"
}

// keywords maps every reserved word (with libpcap's aliases) to its token.
var keywords = map[string]token{
	"dst": tokDST, "src": tokSRC,
	"link": tokLINK, "ether": tokLINK, "ppp": tokLINK, "slip": tokLINK,
	"fddi": tokLINK, "tr": tokLINK, "wlan": tokLINK,
	"arp": tokARP, "rarp": tokRARP, "ip": tokIP, "sctp": tokSCTP, "tcp": tokTCP,
	"udp": tokUDP, "icmp": tokICMP, "igmp": tokIGMP, "igrp": tokIGRP, "pim": tokPIM,
	"vrrp": tokVRRP, "carp": tokCARP, "radio": tokRADIO,
	"ip6": tokIPV6, "icmp6": tokICMPV6, "ah": tokAH, "esp": tokESP,
	"atalk": tokATALK, "aarp": tokAARP, "decnet": tokDECNET, "lat": tokLAT,
	"sca": tokSCA, "moprc": tokMOPRC, "mopdl": tokMOPDL,
	"iso": tokISO, "esis": tokESIS, "es-is": tokESIS, "isis": tokISIS, "is-is": tokISIS,
	"l1": tokL1, "l2": tokL2, "iih": tokIIH, "lsp": tokLSP, "snp": tokSNP, "csnp": tokCSNP,
	"psnp": tokPSNP, "clnp": tokCLNP, "stp": tokSTP, "ipx": tokIPX, "netbeui": tokNETBEUI,
	"host": tokHOST, "net": tokNET, "mask": tokNETMASK, "port": tokPORT,
	"portrange": tokPORTRANGE, "proto": tokPROTO, "protochain": tokPROTOCHAIN,
	"gateway": tokGATEWAY,
	"type":    tokTYPE, "subtype": tokSUBTYPE, "direction": tokDIR, "dir": tokDIR,
	"address1": tokADDR1, "addr1": tokADDR1, "address2": tokADDR2, "addr2": tokADDR2,
	"address3": tokADDR3, "addr3": tokADDR3, "address4": tokADDR4, "addr4": tokADDR4,
	"ra": tokRA, "ta": tokTA,
	"less": tokLESS, "greater": tokGREATER, "byte": tokCBYTE,
	"broadcast": tokBROADCAST, "multicast": tokMULTICAST,
	"and": tokAND, "or": tokOR, "not": tokNOT,
	"len": tokLEN, "length": tokLEN, "inbound": tokINBOUND, "outbound": tokOUTBOUND,
	"ifindex": tokIFINDEX,
	"vlan":    tokVLAN, "mpls": tokMPLS, "pppoed": tokPPPOED, "pppoes": tokPPPOES,
	"geneve": tokGENEVE, "llc": tokLLC,
	"lane": tokATMKW, "metac": tokATMKW, "bcc": tokATMKW, "oam": tokATMKW,
	"oamf4": tokATMKW, "oamf4ec": tokATMKW, "oamf4sc": tokATMKW, "sc": tokATMKW,
	"ilmic": tokATMKW, "vpi": tokATMKW, "vci": tokATMKW, "connectmsg": tokATMKW,
	"metaconnect": tokATMKW,
	"on":          tokPFIfname, "ifname": tokPFIfname, "rset": tokPFRset,
	"ruleset": tokPFRset, "rnr": tokPFRnr, "rulenum": tokPFRnr, "srnr": tokPFSrnr,
	"subrulenum": tokPFSrnr, "reason": tokPFReason, "action": tokPFAction,
	"fisu": tokMTPKW, "lssu": tokMTPKW, "lsu": tokMTPKW, "msu": tokMTPKW,
	"hfisu": tokMTPKW, "hlssu": tokMTPKW, "hmsu": tokMTPKW, "sio": tokMTPKW,
	"opc": tokMTPKW, "dpc": tokMTPKW, "sls": tokMTPKW, "hsio": tokMTPKW, "hopc": tokMTPKW,
	"hdpc": tokMTPKW, "hsls": tokMTPKW,
}

// namedNumbers are the words the scanner turns into numbers: header offsets
// and well-known field values.
var namedNumbers = map[string]uint32{
	"icmptype": 0, "icmpcode": 1,
	"icmp-echoreply": 0, "icmp-unreach": 3, "icmp-sourcequench": 4,
	"icmp-redirect": 5, "icmp-echo": 8, "icmp-routeradvert": 9,
	"icmp-routersolicit": 10, "icmp-timxceed": 11, "icmp-paramprob": 12,
	"icmp-tstamp": 13, "icmp-tstampreply": 14, "icmp-ireq": 15,
	"icmp-ireqreply": 16, "icmp-maskreq": 17, "icmp-maskreply": 18,
	"icmp6type": 0, "icmp6code": 1,
	"icmp6-destinationunreach": 1, "icmp6-packettoobig": 2,
	"icmp6-timeexceeded": 3, "icmp6-parameterproblem": 4,
	"icmp6-echo": 128, "icmp6-echoreply": 129,
	"icmp6-multicastlistenerquery": 130, "icmp6-multicastlistenerreportv1": 131,
	"icmp6-multicastlistenerdone": 132, "icmp6-routersolicit": 133,
	"icmp6-routeradvert": 134, "icmp6-neighborsolicit": 135,
	"icmp6-neighboradvert": 136, "icmp6-redirect": 137,
	"icmp6-routerrenum": 138, "icmp6-nodeinformationquery": 139,
	"icmp6-nodeinformationresponse":   140,
	"icmp6-ineighbordiscoverysolicit": 141,
	"icmp6-ineighbordiscoveryadvert":  142,
	"icmp6-multicastlistenerreportv2": 143,
	"icmp6-homeagentdiscoveryrequest": 144,
	"icmp6-homeagentdiscoveryreply":   145,
	"icmp6-mobileprefixsolicit":       146, "icmp6-mobileprefixadvert": 147,
	"icmp6-certpathsolicit": 148, "icmp6-certpathadvert": 149,
	"icmp6-multicastrouteradvert": 151, "icmp6-multicastroutersolicit": 152,
	"icmp6-multicastrouterterm": 153,
	"tcpflags":                  13, "tcp-fin": 0x01, "tcp-syn": 0x02, "tcp-rst": 0x04,
	"tcp-push": 0x08, "tcp-ack": 0x10, "tcp-urg": 0x20, "tcp-ece": 0x40,
	"tcp-cwr": 0x80,
}
