package bpf

// Instruction classes: the low three bits of Op.
const (
	ClassLD   = 0x00 // load into A
	ClassLDX  = 0x01 // load into X
	ClassST   = 0x02 // store A into scratch memory
	ClassSTX  = 0x03 // store X into scratch memory
	ClassALU  = 0x04 // arithmetic on A
	ClassJMP  = 0x05 // conditional and unconditional jumps
	ClassRET  = 0x06 // return
	ClassMISC = 0x07 // register transfers

	ClassMask = 0x07
)

// Load sizes, for ClassLD and ClassLDX.
const (
	SizeW = 0x00 // 32-bit word
	SizeH = 0x08 // 16-bit half word
	SizeB = 0x10 // byte

	SizeMask = 0x18
)

// Addressing modes, for ClassLD and ClassLDX.
const (
	ModeIMM = 0x00 // constant k
	ModeABS = 0x20 // packet data at k
	ModeIND = 0x40 // packet data at X+k
	ModeMEM = 0x60 // scratch memory slot k
	ModeLEN = 0x80 // packet (wire) length
	ModeMSH = 0xa0 // 4*(packet[k]&0xf), the IPv4 header length idiom

	ModeMask = 0xe0
)

// ALU operations, for ClassALU.
const (
	ALUAdd = 0x00
	ALUSub = 0x10
	ALUMul = 0x20
	ALUDiv = 0x30
	ALUOr  = 0x40
	ALUAnd = 0x50
	ALULsh = 0x60
	ALURsh = 0x70
	ALUNeg = 0x80
	ALUMod = 0x90
	ALUXor = 0xa0

	ALUOpMask = 0xf0
)

// Jump tests, for ClassJMP.
const (
	JumpJA   = 0x00 // always
	JumpJEQ  = 0x10 // A == operand
	JumpJGT  = 0x20 // A > operand
	JumpJGE  = 0x30 // A >= operand
	JumpJSET = 0x40 // A & operand != 0

	JumpOpMask = 0xf0
)

// Operand sources, for ClassALU and ClassJMP.
const (
	SrcK = 0x00 // the constant k
	SrcX = 0x08 // the X register

	SrcMask = 0x08
)

// Return values, for ClassRET.
const (
	RetK = 0x00 // return k
	RetX = 0x08 // return X (not accepted by Linux or libpcap's validator)
	RetA = 0x10 // return A

	RetMask = 0x18
)

// Register transfers, for ClassMISC.
const (
	MiscTAX = 0x00 // X = A
	MiscTXA = 0x80 // A = X

	MiscOpMask = 0xf8
)

// MemWords is the number of 32-bit scratch memory slots.
const MemWords = 16

// MaxInstructions is the longest program the Linux kernel attaches (BPF_MAXINSNS).
const MaxInstructions = 4096

// Linux negative load offsets. An absolute load at SKFAdOff+AdX reads ancillary
// data rather than packet bytes; SKFNetOff and SKFLLOff address the packet
// from the network and link-layer headers.
const (
	SKFAdOff  = -0x1000
	SKFNetOff = -0x100000
	SKFLLOff  = -0x200000
)

// Linux ancillary data offsets, added to SKFAdOff.
const (
	AdProtocol       = 0  // skb->protocol, in network byte order
	AdPktType        = 4  // packet type (PACKET_HOST, PACKET_OUTGOING, ...)
	AdIfIndex        = 8  // interface index
	AdNLAttr         = 12 // netlink attribute search
	AdNLAttrNest     = 16 // nested netlink attribute search
	AdMark           = 20 // skb->mark
	AdQueue          = 24 // receive queue mapping
	AdHAType         = 28 // device hardware address type (ARPHRD_*)
	AdRXHash         = 32 // receive hash
	AdCPU            = 36 // current CPU
	AdALUXorX        = 40 // A ^= X
	AdVLANTag        = 44 // VLAN TCI
	AdVLANTagPresent = 48 // 1 if a VLAN tag is in metadata
	AdPayOffset      = 52 // offset of the transport payload
	AdRandom         = 56 // a random 32-bit number
	AdVLANTPID       = 60 // VLAN protocol (TPID)
	AdMax            = 64 // first offset past the known ones
)

// Ancillary returns the load offset k that reads ancillary field ad, one of
// the Ad constants.
func Ancillary(ad uint32) uint32 { return uint32(SKFAdOff&0xffffffff) + ad }
