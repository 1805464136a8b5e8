package savefile

import (
	"github.com/purepcap/pcap/linktype"
)

// pcapng block types.
const (
	BlockSHB        uint32 = 0x0a0d0d0a // section header
	BlockIDB        uint32 = 0x00000001 // interface description
	BlockPB         uint32 = 0x00000002 // packet (obsolete)
	BlockSPB        uint32 = 0x00000003 // simple packet
	BlockNRB        uint32 = 0x00000004 // name resolution
	BlockISB        uint32 = 0x00000005 // interface statistics
	BlockEPB        uint32 = 0x00000006 // enhanced packet
	BlockDSB        uint32 = 0x0000000a // decryption secrets
	BlockCustom     uint32 = 0x00000bad // custom, may be copied
	BlockCustomNoCp uint32 = 0x40000bad // custom, must not be copied
)

const byteOrderMagic = 0x1a2b3c4d

// Common option codes.
const (
	OptEndOfOpt uint16 = 0
	OptComment  uint16 = 1
	OptCustomS  uint16 = 2988 // custom, UTF-8 string, copyable
	OptCustomB  uint16 = 2989 // custom, binary, copyable
)

// Section header option codes.
const (
	OptSHBHardware uint16 = 2
	OptSHBOS       uint16 = 3
	OptSHBUserAppl uint16 = 4
)

// Interface description option codes.
const (
	OptIfName        uint16 = 2
	OptIfDescription uint16 = 3
	OptIfIPv4Addr    uint16 = 4
	OptIfIPv6Addr    uint16 = 5
	OptIfMACAddr     uint16 = 6
	OptIfEUIAddr     uint16 = 7
	OptIfSpeed       uint16 = 8
	OptIfTSResol     uint16 = 9
	OptIfTZone       uint16 = 10
	OptIfFilter      uint16 = 11
	OptIfOS          uint16 = 12
	OptIfFCSLen      uint16 = 13
	OptIfTSOffset    uint16 = 14
	OptIfHardware    uint16 = 15
)

// Enhanced packet option codes.
const (
	OptEPBFlags     uint16 = 2
	OptEPBHash      uint16 = 3
	OptEPBDropCount uint16 = 4
	OptEPBPacketID  uint16 = 5
	OptEPBQueue     uint16 = 6
	OptEPBVerdict   uint16 = 7
)

// Interface statistics option codes.
const (
	OptISBStartTime    uint16 = 2
	OptISBEndTime      uint16 = 3
	OptISBIfRecv       uint16 = 4
	OptISBIfDrop       uint16 = 5
	OptISBFilterAccept uint16 = 6
	OptISBOSDrop       uint16 = 7
	OptISBUsrDeliv     uint16 = 8
)

// Option is one pcapng option: its code and value (without padding).
type Option struct {
	Code  uint16
	Value []byte
}

// SectionHeader describes a pcapng section.
type SectionHeader struct {
	Major, Minor  uint16
	SectionLength int64 // -1 when not given
	Hardware      string
	OS            string
	UserAppl      string
	Comments      []string
	Options       []Option // every option, including the above
}

// Interface describes one pcapng interface (an IDB).
type Interface struct {
	LinkType linktype.Type

	// Snaplen is the snapshot length: no packet of the interface has
	// more captured bytes. A Reader sets it as libpcap reports it (an IDB
	// field of 0, or one above 2^31-1, becomes the link type's maximum).
	// NGWriter.AddInterface writes it, 0 meaning no limit, and
	// WritePacket refuses a packet longer than it.
	Snaplen int

	// RawSnaplen is the IDB's snapshot length field as read.
	//
	// Deprecated: use Snaplen. AddInterface writes RawSnaplen only when
	// Snaplen is 0, for callers written before Snaplen was the one
	// field.
	RawSnaplen uint32

	Name        string
	Description string
	Filter      string // if_filter text (its leading type byte dropped)
	FilterType  byte   // 0 for a libpcap filter string
	OS          string
	Hardware    string
	Speed       uint64
	FCSLength   int   // if_fcslen in bytes; -1 when absent
	TSResol     byte  // if_tsresol: 6 (microseconds) when the IDB has none
	HasTSResol  bool  // the IDB has if_tsresol (TSResol 0 then means seconds)
	TSOffset    int64 // if_tsoffset in seconds
	Comments    []string
	Options     []Option // every option, including the above

	Stats    InterfaceStatistics // the latest ISB for this interface
	HasStats bool

	tsRes uint64 // time stamp units per second
	tsBin bool   // tsRes is a power of two
}

// InterfaceStatistics is the content of an Interface Statistics Block.
// Fields the block does not carry are zero; Present records which are set.
type InterfaceStatistics struct {
	Timestamp    uint64 // raw time stamp, in the interface's units
	StartTime    uint64
	EndTime      uint64
	IfRecv       uint64
	IfDrop       uint64
	FilterAccept uint64
	OSDrop       uint64
	UsrDeliv     uint64
	Present      uint16 // bit n set when option code n was present
	Comments     []string
}

// counters returns the fields of the ISB options, in option code order
// from OptISBStartTime.
func (st *InterfaceStatistics) counters() [7]*uint64 {
	return [...]*uint64{&st.StartTime, &st.EndTime, &st.IfRecv, &st.IfDrop, &st.FilterAccept, &st.OSDrop, &st.UsrDeliv}
}

// NameRecord is one record of a Name Resolution Block.
type NameRecord struct {
	Type  uint16   // 1 IPv4, 2 IPv6, others as in the file
	Addr  []byte   // 4 or 16 bytes for IPv4/IPv6
	Names []string // the names given for Addr
}

// DecryptionSecret is the content of a Decryption Secrets Block.
type DecryptionSecret struct {
	Type uint32 // e.g. 0x544c534b for a TLS key log
	Data []byte
}

// PacketOptions are the options of an Enhanced Packet Block (or of an
// obsolete Packet Block, whose drop count is its header field).
type PacketOptions struct {
	Flags        uint32 // epb_flags; direction in bits 0-1
	HasFlags     bool
	DropCount    uint64
	HasDropCount bool
	PacketID     uint64
	HasPacketID  bool
	Queue        uint32
	HasQueue     bool
	Hashes       [][]byte // epb_hash values, algorithm byte first
	Verdicts     [][]byte // epb_verdict values, type byte first
	Comments     []string
	Options      []Option // every option, including the above
}

// Direction returns the direction bits of epb_flags: 0 unknown, 1 inbound,
// 2 outbound.
func (o *PacketOptions) Direction() int { return int(o.Flags & 3) }
