package bpf_test

import (
	"errors"
	"fmt"

	"github.com/purepcap/pcap/bpf"
	xbpf "golang.org/x/net/bpf"
)

// The program libpcap compiles for "ip" on Ethernet, as tcpdump -ddd prints it.
const ipProgram = `4
40 0 0 12
21 0 1 2048
6 0 0 262144
6 0 0 0
`

func ExampleDump() {
	prog, err := bpf.ParseDDD(ipProgram)
	if err != nil {
		panic(err)
	}
	fmt.Print(bpf.Dump(prog, bpf.DumpReadable))
	fmt.Print(bpf.Dump(prog, bpf.DumpC))
	// Output:
	// (000) ldh      [12]
	// (001) jeq      #0x800           jt 2	jf 3
	// (002) ret      #262144
	// (003) ret      #0
	// { 0x28, 0, 0, 0x0000000c },
	// { 0x15, 0, 1, 0x00000800 },
	// { 0x6, 0, 0, 0x00040000 },
	// { 0x6, 0, 0, 0x00000000 },
}

func ExampleNewVM() {
	prog, err := bpf.ParseDDD(ipProgram)
	if err != nil {
		panic(err)
	}
	vm, err := bpf.NewVM(prog)
	if err != nil {
		panic(err)
	}
	ipv4 := make([]byte, 60)
	ipv4[12], ipv4[13] = 0x08, 0x00 // EtherType IPv4
	arp := make([]byte, 60)
	arp[12], arp[13] = 0x08, 0x06 // EtherType ARP
	fmt.Println(vm.Run(ipv4, len(ipv4)), vm.Run(arp, len(arp)))
	// Output: 262144 0
}

func ExampleVM_RunMeta() {
	// "vlan" as libpcap compiles it for a live Linux socket: the tag was
	// stripped by the NIC and is only in the packet's metadata.
	prog := []bpf.Instruction{
		bpf.Stmt(bpf.ClassLD|bpf.SizeB|bpf.ModeABS, bpf.Ancillary(bpf.AdVLANTagPresent)),
		bpf.Jump(bpf.ClassJMP|bpf.JumpJEQ|bpf.SrcK, 1, 0, 1),
		bpf.Stmt(bpf.ClassRET|bpf.RetK, 262144),
		bpf.Stmt(bpf.ClassRET|bpf.RetK, 0),
	}
	vm, err := bpf.NewVM(prog)
	if err != nil {
		panic(err)
	}
	pkt := make([]byte, 60)
	fmt.Println(vm.RunMeta(pkt, len(pkt), &bpf.Metadata{VLANPresent: true, VLANTCI: 100}))
	fmt.Println(vm.RunMeta(pkt, len(pkt), &bpf.Metadata{}))
	fmt.Println(vm.Run(pkt, len(pkt))) // no metadata: like libpcap's userspace filter
	// Output:
	// 262144
	// 0
	// 0
}

func ExampleValidateKernel() {
	prog := []bpf.Instruction{
		bpf.Stmt(bpf.ClassLD|bpf.ModeMEM, 3), // M[3] was never stored
		bpf.Stmt(bpf.ClassRET|bpf.RetA, 0),
	}
	fmt.Println(bpf.Validate(prog))
	err := bpf.ValidateKernel(prog)
	var ve *bpf.ValidationError
	if errors.As(err, &ve) {
		fmt.Println(ve.Index, ve.Reason)
	}
	// Output:
	// <nil>
	// 0 scratch memory M[3] may be read before it is written
}

func ExampleToRaw() {
	prog, err := bpf.ParseDDD(ipProgram)
	if err != nil {
		panic(err)
	}
	raw := bpf.ToRaw(prog) // same memory, no copy
	fmt.Println(raw[1])
	insns, ok := bpf.Disassemble(prog)
	fmt.Println(ok, insns[1])
	back, err := bpf.Assemble([]xbpf.Instruction{xbpf.RetConstant{Val: 1}})
	fmt.Println(back, err)
	// Output:
	// {21 0 1 2048}
	// true jneq #2048,1
	// [ret      #1] <nil>
}
