package compile

// Protocol numbers the code generator tests for: Ethertypes, 802.2 SAPs,
// IP and OSI protocols, and fields of the Linux cooked headers.

// Ethertypes, SAPs and other protocol numbers.
const (
	ethertypeIP       = 0x0800
	ethertypeARP      = 0x0806
	ethertypeRevARP   = 0x8035
	ethertypeATalk    = 0x809b
	ethertypeAARP     = 0x80f3
	ethertypeDN       = 0x6003
	ethertypeSCA      = 0x6007
	ethertypeLAT      = 0x6004
	ethertypeMOPDL    = 0x6001
	ethertypeMOPRC    = 0x6002
	ethertypeIPv6     = 0x86dd
	ethertypeNS       = 0x0600
	ethertype8021Q    = 0x8100
	ethertype8021AD   = 0x88a8
	ethertypeQinQ     = 0x9100
	ethertypeIPX      = 0x8137
	ethertypeMPLS     = 0x8847
	ethertypePPPoED   = 0x8863
	ethertypePPPoES   = 0x8864
	ethertypeTEB      = 0x6558
	ethertypeLoopback = 0x9000

	sapIP      = 0x06
	sap8021D   = 0x42
	sapIPX     = 0xe0
	sapNetBEUI = 0xf0
	sapISONS   = 0xfe

	ethermtu = 1500

	ipprotoTCP     = 6
	ipprotoUDP     = 17
	ipprotoSCTP    = 132
	protoUndef     = -1
	isoCLNP        = 0x81
	isoESIS        = 0x82
	isoISIS        = 0x83
	geneveUDPPort  = 6081
	pppMPLSUnicast = 0x0281
	sllP8022       = 0x0004
	sllP8023       = 0x0001
	sllOutgoing    = 4
	packetOutgoing = 4
)
