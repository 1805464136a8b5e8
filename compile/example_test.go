package compile_test

import (
	"context"
	"fmt"
	"time"

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

func ExampleCompileContext() {
	// The context bounds the host name lookups; the numbers and service
	// names here need none.
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	prog, err := compile.CompileContext(ctx, "tcp portrange 25-smtp and host \\10.1", linktype.Ethernet,
		compile.Options{Optimize: true, Resolver: compile.BuiltinResolver()})
	fmt.Println(len(prog), err)
	// Output:
	// 20 <nil>
}
