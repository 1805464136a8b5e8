package printer

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/purepcap/pcap/internal/testutil"
	"github.com/purepcap/pcap/linktype"
	"github.com/purepcap/pcap/savefile"
)

func TestAddr6(t *testing.T) {
	for _, tc := range []struct {
		in   string // 32 hex digits
		want string
	}{
		{"00000000000000000000000000000001", "::1"},
		{"00000000000000000000000000000000", "::"},
		{"fe800000000000000216 3eff fe113424", "fe80::216:3eff:fe11:3424"},
		{"20010db8000000010000000000000001", "2001:db8:0:1::1"},
		{"20010db8000000000001000000000001", "2001:db8::1:0:0:1"},
		{"00000000000000000000ffffc0a80001", "::ffff:192.168.0.1"},
		{"000000000000000000000000c0a80001", "::192.168.0.1"},
		{"20010000000100000000000000000000", "2001:0:1::"},
		{"00010002000300040005000600070008", "1:2:3:4:5:6:7:8"},
	} {
		h := strings.ReplaceAll(tc.in, " ", "")
		var a [16]byte
		for i := range a {
			a[i] = hexVal(h[2*i])<<4 | hexVal(h[2*i+1])
		}
		p := New(nil, Options{})
		p.addr6Bytes(a[:])
		assert.Equal(t, tc.want, string(p.buf), tc.in)
	}
}

func hexVal(c byte) byte {
	if c >= 'a' {
		return c - 'a' + 10
	}
	return c - '0'
}

// TestPrintLines checks hand-made packets, including truncated and
// malformed ones, against the lines tcpdump 4.99 -n prints for them
// (taken from tcpdump -t -n on the same packets).
func TestPrintLines(t *testing.T) {
	eth := func(t string, payload string) string {
		return "ffffffffffff" + "020000000001" + t + payload
	}
	ip4 := "4500003c1c4640004006b1e6c0a80001c0a800c7"
	tcpSyn := "d43100507e8c4f3a00000000a002faf0b1e50000020405b40402080a00a2f5e80000000001030307"
	for _, tc := range []struct {
		name string
		opt  Options
		lt   linktype.Type
		hex  string
		wire int // 0: the captured length
		want string
	}{
		{"tcp syn", Options{}, linktype.Ethernet, eth("0800", ip4+tcpSyn), 0,
			"IP 192.168.0.1.54321 > 192.168.0.199.80: Flags [S], seq 2123124538, win 64240, options [mss 1460,sackOK,TS val 10679784 ecr 0,nop,wscale 7], length 0\n"},
		{"tcp syn quiet", Options{Quiet: 1}, linktype.Ethernet, eth("0800", ip4+tcpSyn), 0,
			"IP 192.168.0.1.54321 > 192.168.0.199.80: tcp 0\n"},
		{"tcp syn -e", Options{Link: true}, linktype.Ethernet, eth("0800", ip4+tcpSyn), 0,
			"02:00:00:00:00:01 > ff:ff:ff:ff:ff:ff, ethertype IPv4 (0x0800), length 74: 192.168.0.1.54321 > 192.168.0.199.80: Flags [S], seq 2123124538, win 64240, options [mss 1460,sackOK,TS val 10679784 ecr 0,nop,wscale 7], length 0\n"},
		{"tcp cut in options", Options{}, linktype.Ethernet, eth("0800", ip4+tcpSyn[:56]), 74,
			"IP 192.168.0.1.54321 > 192.168.0.199.80: Flags [S], seq 2123124538, win 64240, options [mss 1460,sackOK,TS [|tcp]>\n"},
		{"ip cut", Options{}, linktype.Ethernet, eth("0800", ip4[:20]), 74,
			"IP  [|ip]\n"},
		{"vlan -e -q", Options{Link: true, Quiet: 1}, linktype.Ethernet, eth("8100", "002a0800"+ip4+tcpSyn), 0,
			"02:00:00:00:00:01 > ff:ff:ff:ff:ff:ff, 802.1Q, length 78: vlan 42, p 0, IPv4, 192.168.0.1.54321 > 192.168.0.199.80: tcp 0\n"},
		{"arp", Options{}, linktype.Ethernet, eth("0806", "0001080006040001020000000001c0a80001000000000000c0a800c7"), 0,
			"ARP, Request who-has 192.168.0.199 tell 192.168.0.1, length 28\n"},
		{"udp raw", Options{}, linktype.Raw, "4500001c000000004011f8d1c0a80001c0a800c7" + "04d2162e00080000", 0,
			"IP 192.168.0.1.1234 > 192.168.0.199.5678: UDP, length 0\n"},
		{"icmp echo", Options{}, linktype.Raw, "45000054000040004001b8e9c0a80001c0a800c7" + "08004d5a12340001", 84,
			"IP 192.168.0.1 > 192.168.0.199: ICMP echo request, id 4660, seq 1, length 64\n"},
		{"hex", Options{Hex: 1}, linktype.Raw, "4500001c000000004011f8d1c0a80001c0a800c7" + "04d2162e00080000", 0,
			"IP 192.168.0.1.1234 > 192.168.0.199.5678: UDP, length 0\n\t0x0000:  4500 001c 0000 0000 4011 f8d1 c0a8 0001\n\t0x0010:  c0a8 00c7 04d2 162e 0008 0000\n"},
		{"invalid header", Options{}, linktype.Raw, "45", 0x40000 + 1,
			"[Invalid header: len(262145) > 262144]\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := make([]byte, len(tc.hex)/2)
			for i := range data {
				data[i] = hexVal(tc.hex[2*i])<<4 | hexVal(tc.hex[2*i+1])
			}
			wire := tc.wire
			if wire == 0 {
				wire = len(data)
			}
			var out bytes.Buffer
			tc.opt.Time = TimeNone
			p := New(&out, tc.opt)
			ci := savefile.CaptureInfo{Timestamp: time.Unix(1, 0), CaptureLength: len(data), Length: wire}
			require.NoError(t, p.Print(ci, data, tc.lt))
			assert.Equal(t, tc.want, out.String())
		})
	}
}

// TestPrintAllocs: printing reuses its buffer; a packet costs no
// allocation once a connection's sequence base is known.
func TestPrintAllocs(t *testing.T) {
	pkts, lt := loadPackets(t, filepath.Join(testutil.CapturesDir(t), "kday2.pcap"))
	for _, opt := range []Options{{}, {HexASCII: 1}, {Verbose: 2, Link: true}} {
		p := New(&bytes.Buffer{}, opt)
		for _, pk := range pkts { // learn the connections
			require.NoError(t, p.Print(pk.ci, pk.data, lt))
		}
		p.w = nopWriter{}
		i := 0
		allocs := testing.AllocsPerRun(200, func() {
			pk := pkts[i%len(pkts)]
			i++
			_ = p.Print(pk.ci, pk.data, lt)
		})
		assert.Zero(t, allocs, "%+v", opt)
	}
}

type nopWriter struct{}

func (nopWriter) Write(b []byte) (int, error) { return len(b), nil }

// FuzzPrint: any bytes under any supported link type print one or more
// whole lines, without panicking.
func FuzzPrint(f *testing.F) {
	for _, file := range []string{"kday2.pcap", "LINKTYPE_IPV6.pcap", "tcp_header_heapoverflow.pcap", "ieee802.11_exthdr.pcap", "HDLC.pcap"} {
		pkts, lt := loadPackets(f, filepath.Join(testutil.CapturesDir(f), file))
		for i, pk := range pkts {
			if i >= 5 {
				break
			}
			f.Add(uint16(lt), pk.data, uint8(0))
		}
	}
	f.Fuzz(func(t *testing.T, lt uint16, data []byte, flags uint8) {
		opt := Options{Link: flags&1 != 0, Quiet: int(flags >> 1 & 1), Verbose: int(flags >> 2 & 3), HexASCII: int(flags >> 4 & 1), Time: TimeNone}
		var out bytes.Buffer
		p := New(&out, opt)
		ci := savefile.CaptureInfo{CaptureLength: len(data), Length: len(data) + int(flags>>5)}
		require.NoError(t, p.Print(ci, data, linktype.Type(lt)))
		require.True(t, strings.HasSuffix(out.String(), "\n"))
	})
}
