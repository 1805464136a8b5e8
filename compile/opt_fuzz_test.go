package compile

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/purepcap/pcap/bpf"
	"github.com/purepcap/pcap/linktype"
)

// FuzzOptimize compiles expressions with the optimizer: no panics, errors
// only as *Error, and only valid programs.
func FuzzOptimize(f *testing.F) {
	for _, s := range []string{"tcp port 22", "host 10.0.0.1 or 10.0.0.2 or 10.0.0.3", "ip[0] & 0 = 0", "not ip or not ip6",
		"len / (ip[2] * 0) > 1", "(tcp[13] & 2 != 0) and (tcp[13] & 16 == 0)", "udp and (port 53 or port 5353) and not host 1.2.3.4",
		"ether[0] - ether[0] = 0", "ip6 net ::/0 and arp net 0/0", "1 = 1 or ip", "icmp[0] = 8 and icmp[0] = 0"} {
		f.Add(s, uint8(0))
	}
	// Lists long enough to become sets.
	var hosts, ports []string
	for i := range 20 {
		hosts = append(hosts, "host 10.1.0."+strconv.Itoa(i*7))
		ports = append(ports, "port "+strconv.Itoa(1000+i*3))
	}
	f.Add(strings.Join(hosts, " or "), uint8(0))
	f.Add("tcp and not ("+strings.Join(ports, " or ")+")", uint8(1))
	lts := []linktype.Type{linktype.Ethernet, linktype.LinuxSLL, linktype.LinuxSLL2, linktype.Raw, linktype.Null,
		linktype.PPP, linktype.IEEE80211, linktype.IEEE80211Radio}
	f.Fuzz(func(t *testing.T, expr string, lt uint8) {
		prog, err := Compile(expr, lts[int(lt)%len(lts)], Options{Resolver: BuiltinResolver(), Optimize: true})
		if err != nil {
			var ce *Error
			if prog != nil || !errors.As(err, &ce) {
				t.Fatalf("error %T %v with program %v", err, err, prog != nil)
			}
			return
		}
		if _, err := bpf.NewVM(prog); err != nil {
			t.Fatalf("invalid program for %q: %v", expr, err)
		}
	})
}
