// Package bpf implements classic BPF (the packet filter language of
// libpcap, tcpdump and Linux socket filters): instructions and constants,
// libpcap's three text forms, a validator with libpcap's and with the Linux
// kernel's rules, and a fast userspace machine with libpcap's semantics.
//
// The package is pure Go and does not depend on libpcap; the tests compare
// it with libpcap and tcpdump where they are installed.
//
// # Instructions
//
// An [Instruction] is the raw form, field for field the kernel's struct
// sock_filter (code, jt, jf, k). [Stmt] and [Jump] build instructions from
// the Class, Size, Mode, ALU, Jump, Src, Ret and Misc constants:
//
//	prog := []bpf.Instruction{
//		bpf.Stmt(bpf.ClassLD|bpf.SizeH|bpf.ModeABS, 12),           // ldh [12]
//		bpf.Jump(bpf.ClassJMP|bpf.JumpJEQ|bpf.SrcK, 0x800, 0, 1), // jeq #0x800
//		bpf.Stmt(bpf.ClassRET|bpf.RetK, 262144),                   // ret #262144
//		bpf.Stmt(bpf.ClassRET|bpf.RetK, 0),                        // ret #0
//	}
//
// [Opcode] gives a typed view of an instruction's code: Class, Size, Mode,
// Src, ALUOp, JumpOp, RetSrc and MiscOp each return one field as a small
// named type with a String method, and the same accessors exist on
// [Instruction]. Compare them with the constants without conversions:
// ins.Class() == bpf.ClassLD && ins.Mode() == bpf.ModeABS. [ALUOp.Apply]
// and [JumpOp.Test] state the arithmetic and test rules once (a shift by
// 32 or more gives 0, a division by 0 ends the run); the machine, the step
// interpreter and the compiler's constant folding all use them.
//
// Linux ancillary data (VLAN tag, packet type, interface index, ...) is read
// by an absolute load at [Ancillary](Ad...), that is SKFAdOff plus the
// field's offset.
//
// # Text forms
//
// [Dump] prints a program exactly as tcpdump -d, -dd and -ddd do (the
// formats [DumpReadable], [DumpC] and [DumpDecimal]), byte for byte, including libpcap's names for ancillary loads
// ("ld [vlan_tci]") and "unimp" for unknown opcodes. [ParseDDD] and
// [ParseDD] read the -ddd and -dd forms back; dumping and parsing
// round-trip exactly.
//
// # Validation
//
// [Validate] applies libpcap's rules for userspace filters (bpf_validate):
// known opcodes, scratch slots below 16, no constant division by zero,
// jumps inside the program, a return at the end. libpcap compiles
// "protochain" with backward jumps, so Validate accepts them (and the
// machine bounds them). [ValidateKernel] applies the Linux kernel's checker
// for SO_ATTACH_FILTER, which also forbids backward jumps, unknown
// ancillary offsets, programs over 4096 instructions and scratch slots that
// may be read before they are written. Both return a [*ValidationError]
// naming the instruction and the reason.
//
// # The machine
//
// [NewVM] validates a program once and pre-decodes it into a compact form:
// instructions become dense operation codes for one switch, jump offsets
// become absolute targets, a load followed by a conditional jump becomes
// one operation, chains of "jeq" tests and jumps to "ret #k" need no extra
// dispatch. [VM.Run] then filters a packet without allocating, with
// libpcap's bpf_filter semantics: a load past the captured bytes returns 0,
// a division or modulus by an X of 0 returns 0, "ld #pktlen" is the wire
// length, scratch memory starts zeroed on every run.
//
// Ancillary loads need per-packet metadata that only the kernel has.
// [VM.Run] behaves like libpcap's userspace bpf_filter, which has none:
// such loads end the run with 0. [VM.RunMeta] takes a [Metadata] filled by
// the capture code (from PACKET_AUXDATA and sockaddr_ll, say), so that a
// filter that the kernel refused, run in userspace instead, agrees with
// what the kernel would have decided.
//
// [VM.RunOutcome] also says how a run ended ([Outcome]: a return, a load
// out of bounds, a division by zero, ...). [State.Step] runs a program one
// instruction at a time, and [Interpret] runs it to the end with a trace
// hook called before each instruction: the plain reference semantics that
// tests compare the machine with.
//
// # Interoperability
//
// [ToRaw] and [FromRaw] reinterpret a program as
// golang.org/x/net/bpf.RawInstruction values and back without copying;
// [Assemble] and [Disassemble] convert to and from x/net/bpf's typed
// instructions. On Linux, [ToSockFilter] and [SockFprog] give a program in
// the form SO_ATTACH_FILTER takes (x/sys/unix's SockFilter and SockFprog),
// also without copying, for attaching to sockets of one's own.
//
// # Implementation
//
// One topic per file: constants.go (opcode bits, Linux offsets),
// instruction.go and opcode.go (the raw form and its typed accessors),
// alu.go (the ALU and jump rules), dump.go and parse.go (the text forms),
// validate.go (both validators), metadata.go (ancillary fields), decode.go
// (the machine's pre-decoded form and its passes), vm.go (the dispatch
// loop), load.go (packet and ancillary loads), step.go (the step
// interpreter), convert.go and sockfilter_linux.go (conversions).
package bpf
