package compile_test

import (
	"fmt"

	"github.com/purepcap/pcap/bpf"
	"github.com/purepcap/pcap/compile"
	"github.com/purepcap/pcap/linktype"
)

func ExampleCompile() {
	prog, err := compile.Compile("ip and udp port 53", linktype.LinuxSLL, compile.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	vm, err := bpf.NewVM(prog)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(prog) > 0, vm != nil)

	_, err = compile.Compile("port 99999", linktype.Ethernet, compile.Options{})
	fmt.Println(err)
	// Output:
	// true true
	// illegal port number 99999 > 65535 (at offset 5)
}
