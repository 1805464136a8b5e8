package compile

import (
	"errors"

	"github.com/purepcap/pcap/bpf"
	"github.com/purepcap/pcap/linktype"
)

// Options say what a filter is compiled for.
type Options struct {
	LinkType  linktype.Type // link-layer header type of the packets
	Snaplen   int           // snapshot length; 0 means 262144
	Optimize  bool          // run the optimizer passes
	Netmask   uint32        // IPv4 netmask for "ip broadcast"; 0 if unknown
	LiveLinux bool          // use Linux ancillary loads, as on a live AF_PACKET socket
	Resolver  Resolver      // name lookups; nil means the system's files and DNS
}

// Resolver looks up the names a filter expression may use.
type Resolver interface{}

// Compile compiles a tcpdump filter expression to a classic BPF program.
func Compile(expr string, opts Options) ([]bpf.Instruction, error) {
	return nil, errors.New("compile: not implemented yet")
}
