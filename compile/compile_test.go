package compile

import (
	"context"
	"errors"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/purepcap/pcap/bpf"
	"github.com/purepcap/pcap/linktype"
)

func TestScanner(t *testing.T) {
	type tok struct {
		tok token
		lit string
	}
	tests := []struct {
		src  string
		want []tok
	}{
		{"tcp port 22", []tok{{tokTCP, "tcp"}, {tokPORT, "port"}, {tokNUM, "22"}}},
		{"host 10.0.0.1", []tok{{tokHOST, "host"}, {tokHID, "10.0.0.1"}}},
		{"1.2.3.4.5", []tok{{tokID, "1.2.3.4.5"}}},
		{"fe80::1/64", []tok{{tokHID6, "fe80::1"}, {tokSLASH, "/"}, {tokNUM, "64"}}},
		{"::ffff:1.2.3.4", []tok{{tokHID6, "::ffff:1.2.3.4"}}},
		{"00:1f:29:da:2d:79", []tok{{tokEID, "00:1f:29:da:2d:79"}}},
		{"001f.29da.2d79", []tok{{tokEID, "001f.29da.2d79"}}},
		{"001f29da2d79", []tok{{tokEID, "001f29da2d79"}}},
		{"10.20.30.40.50.60", []tok{{tokEID, "10.20.30.40.50.60"}}},
		{"6000-7000", []tok{{tokID, "6000-7000"}}},
		{"tcp-syn|tcp-ack", []tok{{tokNUM, "tcp-syn"}, {tokPIPE, "|"}, {tokNUM, "tcp-ack"}}},
		{"tcp-", []tok{{tokTCP, "tcp"}, {tokMINUS, "-"}}},
		{`\tcp)`, []tok{{tokID, "tcp"}, {tokRPAREN, ")"}}},
		{"a&&b||!c", []tok{{tokID, "a"}, {tokAND, "&&"}, {tokID, "b"}, {tokOR, "||"}, {tokNOT, "!"}, {tokID, "c"}}},
		{"x>=1<=2!=3==4<<5>>6", []tok{{tokID, "x"}, {tokGEQ, ">="}, {tokNUM, "1"}, {tokLEQ, "<="}, {tokNUM, "2"}, {tokNEQ, "!="}, {tokNUM, "3"}, {tokEQ, "=="}, {tokNUM, "4"}, {tokLSH, "<<"}, {tokNUM, "5"}, {tokRSH, ">>"}, {tokNUM, "6"}}},
		{"ether[0:2]", []tok{{tokLINK, "ether"}, {tokLBRACK, "["}, {tokNUM, "0"}, {tokCOLON, ":"}, {tokNUM, "2"}, {tokRBRACK, "]"}}},
		{"0x1F 017 0", []tok{{tokNUM, "0x1F"}, {tokNUM, "017"}, {tokNUM, "0"}}},
		{"TCP", []tok{{tokID, "TCP"}}},
		{"es-is length", []tok{{tokESIS, "es-is"}, {tokLEN, "length"}}},
		{"$1a", []tok{{tokAID, "$1a"}}},
		{"08", []tok{{tokILLEGAL, "08"}}},
		{"4294967296", []tok{{tokILLEGAL, "4294967296"}}},
		{"00:11:22:33:44", []tok{{tokILLEGAL, "00:11:22:33:"}, {tokNUM, "44"}}},
		{"@", []tok{{tokILLEGAL, "@"}}},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			var s scanner
			s.Init(tt.src)
			var got []tok
			for {
				_, tk, lit := s.Scan()
				if tk == tokEOF {
					break
				}
				got = append(got, tok{tk, lit})
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestNumbers(t *testing.T) {
	for lit, want := range map[string]uint32{"0": 0, "10": 10, "0x10": 16, "010": 8, "4294967295": 0xffffffff, "0xffffffff": 0xffffffff, "037777777777": 0xffffffff} {
		v, msg := parseNumber(lit)
		assert.Empty(t, msg, lit)
		assert.Equal(t, want, v, lit)
	}
	for lit, msg := range map[string]string{"4294967296": "overflows", "0x100000000": "overflows", "040000000000": "overflows", "09": "non-octal"} {
		_, got := parseNumber(lit)
		assert.Contains(t, got, msg, lit)
	}
}

func TestErrors(t *testing.T) {
	tests := []struct {
		lt   linktype.Type
		expr string
		msg  string
		off  int
	}{
		{linktype.Ethernet, "tcp port", syntaxMsg, 8},
		{linktype.Ethernet, "port 99999", "illegal port number 99999 > 65535", 5},
		{linktype.Ethernet, "host 300.1.1.1", "invalid IPv4 address '300.1.1.1'", 5},
		{linktype.Ethernet, "net 10.0.0.1/8", `non-network bits set in "10.0.0.1/8"`, 4},
		{linktype.Ethernet, "net 10.0.0.0/33", "mask length must be <= 32", 4},
		{linktype.Ethernet, "ip6 net fe80::/129", "mask length must be <= 128", 8},
		{linktype.Ethernet, "tcp host 10.0.0.1", "'tcp' modifier applied to host", 9},
		{linktype.Ethernet, "ether host 00:11:22:33:44", "bogus ethernet address 00:11:22:33:", 11},
		{linktype.Ethernet, "ip[0:3] = 1", "data size must be 1, 2, or 4", 0},
		{linktype.Ethernet, "ip[0] / 0 = 1", "division by zero", 6},
		{linktype.Ethernet, "ip[0] % 0 = 1", "modulus by zero", 6},
		{linktype.Ethernet, "ip[0] << 32 = 1", "shift by more than 31 bits", 6},
		{linktype.Ethernet, "(tcp", syntaxMsg, 4},
		{linktype.Ethernet, "tcp)", syntaxMsg, 3},
		{linktype.Ethernet, "foo", syntaxMsg, 0},
		// Primitives of unsupported link types: arguments first, then libpcap's text.
		{linktype.Ethernet, "tcp and dpc > 3", "'dpc' supported only on SS7", 8},
		{linktype.Ethernet, "hfisu", "'hfisu' supported only on MTP2_HSL", 0},
		{linktype.Ethernet, "oamf4ec", "'oam4ec' supported only on raw ATM", 0},
		{linktype.Ethernet, "vpi (1 or 2)", "'vpi' supported only on raw ATM", 0},
		{linktype.Ethernet, "vpi", syntaxMsg, 3},
		{linktype.Ethernet, "rulenum 7", "rnr supported only on PF linktype", 0},
		{linktype.Ethernet, "reason xyz", `unknown PF reason "xyz"`, 7},
		{linktype.Ethernet, "action 1", syntaxMsg, 7},
		{linktype.Ethernet, "(host 1.1.1.1 or 2.2.2.2) or 3.3.3.3", syntaxGenMsg, 29},
		{linktype.Ethernet, "host a and ((b))", "unknown host 'a'", 5},
		{linktype.Ethernet, "host 1.1.1.1 and ((b))", syntaxMsg, 19},
		{linktype.Ethernet, "tcp and 2.2.2.2", syntaxGenMsg, 8},
		{linktype.Ethernet, "ether ff:ff:ff:ff:ff:ff", syntaxMsg, 6},
		{linktype.Ethernet, "port nosuchservice", "unknown port 'nosuchservice'", 5},
		{linktype.Ethernet, "vlan 5000", "VLAN tag 5000 greater than maximum 4095", 0},
		{linktype.Ethernet, "mpls 1048576", "MPLS label 1048576 greater than maximum 1048575", 0},
		{linktype.Ethernet, "mpls and arp", "unsupported protocol over mpls", 9},
		{linktype.Ethernet, "wlan addr1 ff:ff:ff:ff:ff:ff", "'addr1' and 'address1' are only supported on 802.11 with 802.11 headers", 11},
		{linktype.Ethernet, "type mgt", "802.11 link-layer types supported only on 802.11", 0},
		{linktype.Ethernet, "99999999999", "number 99999999999 overflows 32 bits", 0},
		{linktype.Ethernet, "ether proto \\foo", "unknown ether proto 'foo'", 12},
		{linktype.Ethernet, "gateway router", "'gateway' not supported in this configuration", 8},
		{linktype.Ethernet, "udp port 10.0.0.1", "'port' modifier applied to ip host", 9},
		{linktype.Ethernet, "ip proto \\nosuch", "unknown ip proto 'nosuch'", 9},
		{linktype.Ethernet, "tcp proto 6", "'tcp proto' is bogus", 10},
		{linktype.Ethernet, "radio[0] = 1", "radio information not present in capture", 0},
		{linktype.Ethernet, "esp[0] = 1", "unsupported index operation", 0},
		{linktype.Ethernet, "llc foo", `unknown LLC type name "foo"`, 0},
		{linktype.Ethernet, "on eth0", "ifname supported only on PF linktype", 0},
		{linktype.Raw, "vlan", "no VLAN support for Raw IP", 0},
		{linktype.Raw, "ether broadcast", "not a broadcast link", 0},
		{linktype.Raw, "ether host 00:1f:29:da:2d:79", "ethernet addresses supported only", 11},
		{linktype.LinuxSLL, "llc", "'llc' not supported for Linux cooked v1", 0},
		{linktype.IEEE80211Radio, "ip protochain 6", "'protochain' not supported with variable length headers", 14},
		{linktype.IEEE80211, "type 3", "invalid 802.11 type value 0x03", 5},
		{linktype.IEEE80211, "type mgt subtype ack", `unknown 802.11 subtype name "ack"`, 17},
		{linktype.Type(147), "tcp", "DLT 147 link-layer type filtering not implemented", 0},
		{linktype.Type(123), "ether host 1:2:3:4:5:6", "ethernet addresses supported only on ethernet/FDDI/token ring/802.11/ATM LANE/Fibre Channel", 11}, // SUNATM before "lane"
		{linktype.Type(123), "lane and vpi > 300 and ip and reason pfr", "unknown PF reason \"pfr\"", 37},
	}
	for _, tt := range tests {
		t.Run(tt.expr, func(t *testing.T) {
			prog, err := Compile(tt.expr, tt.lt, Options{Resolver: BuiltinResolver()})
			require.Error(t, err)
			assert.Nil(t, prog)
			var ce *Error
			require.True(t, errors.As(err, &ce), "error type %T", err)
			assert.Contains(t, ce.Msg, tt.msg)
			assert.Equal(t, tt.off, ce.Offset)
		})
	}
}

// TestLiveVLAN compares with what libpcap 1.10.3 generates for a live Linux
// socket (tcpdump -i lo -O -d 'vlan 100 and ip').
func TestLiveVLAN(t *testing.T) {
	prog, err := Compile("vlan 100 and ip", linktype.Ethernet, Options{LiveLinux: true})
	require.NoError(t, err)
	assert.Equal(t, `(000) ld       #0x0
(001) st       M[0]
(002) st       M[1]
(003) ldb      [vlanp]
(004) jeq      #0x1             jt 17	jf 5
(005) ld       M[0]
(006) add      #4
(007) st       M[0]
(008) ld       M[1]
(009) add      #4
(010) st       M[1]
(011) ldh      [12]
(012) jeq      #0x8100          jt 17	jf 13
(013) ldh      [12]
(014) jeq      #0x88a8          jt 17	jf 15
(015) ldh      [12]
(016) jeq      #0x9100          jt 17	jf 28
(017) ldb      [vlanp]
(018) jeq      #0x1             jt 19	jf 21
(019) ldb      [vlan_tci]
(020) ja       22
(021) ldh      [14]
(022) and      #0xfff
(023) jeq      #0x64            jt 24	jf 28
(024) ldx      M[1]
(025) ldh      [x + 12]
(026) jeq      #0x800           jt 27	jf 28
(027) ret      #262144
(028) ret      #0
`, bpf.Dump(prog, 1))
}

func TestSavefileErrors(t *testing.T) {
	_, err := Compile("inbound", linktype.Ethernet, Options{Savefile: true})
	assert.ErrorContains(t, err, "when reading savefiles")
	_, err = Compile("inbound", linktype.LinuxSLL, Options{Savefile: true})
	assert.NoError(t, err)
}

// Programs compared with libpcap 1.10.3's unoptimized output (tcpdump -O -d).
func TestPrograms(t *testing.T) {
	tests := []struct {
		lt   linktype.Type
		expr string
		want string
	}{
		{linktype.Ethernet, "", "(000) ret      #262144\n"},
		// libpcap's scanner reads "==" as "=", so the byte primitive takes it.
		{linktype.Ethernet, "byte 8 == 5", `(000) ldb      [8]
(001) jeq      #0x5             jt 2	jf 3
(002) ret      #262144
(003) ret      #0
`},
		{linktype.Ethernet, "ip", `(000) ldh      [12]
(001) jeq      #0x800           jt 2	jf 3
(002) ret      #262144
(003) ret      #0
`},
		{linktype.Ethernet, "tcp port 22", `(000) ldh      [12]
(001) jeq      #0x86dd          jt 2	jf 8
(002) ldb      [20]
(003) jeq      #0x6             jt 4	jf 8
(004) ldh      [54]
(005) jeq      #0x16            jt 20	jf 6
(006) ldh      [56]
(007) jeq      #0x16            jt 20	jf 8
(008) ldh      [12]
(009) jeq      #0x800           jt 10	jf 21
(010) ldb      [23]
(011) jeq      #0x6             jt 12	jf 21
(012) ldh      [20]
(013) jset     #0x1fff          jt 21	jf 14
(014) ldxb     4*([14]&0xf)
(015) ldh      [x + 14]
(016) jeq      #0x16            jt 20	jf 17
(017) ldxb     4*([14]&0xf)
(018) ldh      [x + 16]
(019) jeq      #0x16            jt 20	jf 21
(020) ret      #262144
(021) ret      #0
`},
		{linktype.Ethernet, "vlan 100 and ip", `(000) ldh      [12]
(001) jeq      #0x8100          jt 6	jf 2
(002) ldh      [12]
(003) jeq      #0x88a8          jt 6	jf 4
(004) ldh      [12]
(005) jeq      #0x9100          jt 6	jf 12
(006) ldh      [14]
(007) and      #0xfff
(008) jeq      #0x64            jt 9	jf 12
(009) ldh      [16]
(010) jeq      #0x800           jt 11	jf 12
(011) ret      #262144
(012) ret      #0
`},
		{linktype.Ethernet, "len - 14 > 100", `(000) ld       #pktlen
(001) st       M[0]
(002) ld       #0xe
(003) st       M[1]
(004) ldx      M[1]
(005) ld       M[0]
(006) sub      x
(007) st       M[1]
(008) ld       #0x64
(009) st       M[2]
(010) ldx      M[2]
(011) ld       M[1]
(012) jgt      x                jt 13	jf 14
(013) ret      #262144
(014) ret      #0
`},
		{linktype.LinuxSLL2, "ifindex 2", `(000) ld       [4]
(001) jeq      #0x2             jt 2	jf 3
(002) ret      #262144
(003) ret      #0
`},
	}
	for _, tt := range tests {
		t.Run(tt.expr, func(t *testing.T) {
			prog, err := Compile(tt.expr, tt.lt, Options{Resolver: BuiltinResolver()})
			require.NoError(t, err)
			assert.Equal(t, tt.want, bpf.Dump(prog, 1))
		})
	}
}

// TestQualifierInheritance checks that a bare address after and/or takes
// the qualifiers of the primitive before it.
func TestQualifierInheritance(t *testing.T) {
	same := [][2]string{
		{"host 10.0.0.1 or 10.0.0.2", "host 10.0.0.1 or host 10.0.0.2"},
		{"tcp port 22 or 80", "tcp port 22 or tcp port 80"},
		{"src net 10.0.0.0/8 and not 10.1.0.0/16", "src net 10.0.0.0/8 and not src net 10.1.0.0/16"},
		{"host 10.0.0.1 and (10.0.0.2 or 10.0.0.3)", "host 10.0.0.1 and (host 10.0.0.2 or host 10.0.0.3)"},
		{"host 10.0.0.1 or (tcp) or 10.0.0.2", "host 10.0.0.1 or (tcp) or host 10.0.0.2"},
		{"not tcp and udp or icmp", "((not tcp) and udp) or icmp"},
		{"tcp or udp and icmp", "(tcp or udp) and icmp"},
		{"1 + 2 * 3 = 7", "1 + (2 * 3) = 7"},
		{"len % 3 + 1 = 1", "len % (3 + 1) = 1"},
	}
	for _, pair := range same {
		a, err := Compile(pair[0], linktype.Ethernet, Options{})
		require.NoError(t, err, pair[0])
		b, err := Compile(pair[1], linktype.Ethernet, Options{})
		require.NoError(t, err, pair[1])
		assert.Equal(t, bpf.Dump(b, 1), bpf.Dump(a, 1), pair[0])
	}
}

func TestVerdicts(t *testing.T) {
	// A TCP SYN from 10.0.0.1:1234 to 10.0.0.2:80 over Ethernet.
	pkt := []byte{
		0, 1, 2, 3, 4, 5, 0, 6, 7, 8, 9, 10, 0x08, 0x00,
		0x45, 0, 0, 40, 0, 0, 0x40, 0, 64, 6, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2,
		0x04, 0xd2, 0, 80, 0, 0, 0, 0, 0, 0, 0, 0, 0x50, 0x02, 0xff, 0xff, 0, 0, 0, 0,
	}
	tests := map[string]bool{
		"tcp port 80":                     true,
		"tcp port 81":                     false,
		"udp":                             false,
		"host 10.0.0.1 and host 10.0.0.2": true,
		"src host 10.0.0.2":               false,
		"net 10.0.0.0/8":                  true,
		"tcp[tcpflags] & tcp-syn != 0":    true,
		"tcp[tcpflags] & tcp-ack != 0":    false,
		"ip[9] = 6 and ip[2:2] = 40":      true,
		"ether src 00:06:07:08:09:0a":     true,
		"ether dst 00:06:07:08:09:0a":     false,
		"portrange 70-90":                 true,
		"not (tcp and dst port 80)":       false,
		"vlan":                            false,
		"len = 54":                        true,
		"greater 55":                      false,
		"tcp[2:2] * 2 = 160":              true,
		"ip protochain 6":                 true,
		"ip6 or arp":                      false,
	}
	for expr, want := range tests {
		prog, err := Compile(expr, linktype.Ethernet, Options{})
		require.NoError(t, err, expr)
		vm, err := bpf.NewVM(prog)
		require.NoError(t, err, expr)
		assert.Equal(t, want, vm.Run(pkt, len(pkt)) != 0, expr)
	}
}

func TestLimits(t *testing.T) {
	t.Run("nested parentheses", func(t *testing.T) {
		expr := strings.Repeat("(", 100000) + "tcp" + strings.Repeat(")", 100000)
		_, err := Compile(expr, linktype.Ethernet, Options{})
		assert.ErrorContains(t, err, "nested too deeply")
	})
	t.Run("deepest nesting libpcap accepts", func(t *testing.T) {
		expr := strings.Repeat("(", MaxNesting) + "tcp" + strings.Repeat(")", MaxNesting)
		_, err := Compile(expr, linktype.Ethernet, Options{})
		assert.NoError(t, err)
		expr = "(" + expr + ")"
		_, err = Compile(expr, linktype.Ethernet, Options{})
		assert.ErrorContains(t, err, "nested too deeply")
	})
	t.Run("1MB expression", func(t *testing.T) {
		expr := strings.Repeat("tcp or ", 1<<20/7) + "udp"
		_, err := Compile(expr, linktype.Ethernet, Options{})
		assert.ErrorContains(t, err, "expression longer than")
	})
	t.Run("20000-term or-chain", func(t *testing.T) {
		var b strings.Builder
		b.WriteString("host 10.0.0.0")
		for i := 1; i < 20000; i++ {
			b.WriteString(" or 10.0.")
			b.WriteString(itoa(i / 256))
			b.WriteString(".")
			b.WriteString(itoa(i % 256))
		}
		prog, err := Compile(b.String(), linktype.Ethernet, Options{})
		require.NoError(t, err)
		vm, err := bpf.NewVM(prog)
		require.NoError(t, err)
		pkt := make([]byte, 60)
		pkt[12], pkt[13], pkt[14] = 0x08, 0x00, 0x45
		copy(pkt[26:], []byte{10, 0, 78, 31}) // 10.0.78.31 = term 19999
		assert.NotZero(t, vm.Run(pkt, len(pkt)))
		copy(pkt[26:], []byte{10, 0, 78, 32})
		assert.Zero(t, vm.Run(pkt, len(pkt)))
	})
	t.Run("program too large", func(t *testing.T) {
		var b strings.Builder
		b.WriteString("port 1")
		for i := 2; i <= 20000; i++ {
			b.WriteString(" or ")
			b.WriteString(itoa(i))
		}
		_, err := Compile(b.String(), linktype.Ethernet, Options{})
		assert.ErrorContains(t, err, "too large")
	})
	t.Run("not chain", func(t *testing.T) {
		expr := strings.Repeat("!", 100000) + "tcp"
		_, err := Compile(expr, linktype.Ethernet, Options{})
		assert.ErrorContains(t, err, "nested too deeply")
	})
}

func FuzzScanner(f *testing.F) {
	for _, s := range []string{"tcp port 22", "host fe80::1", "ether host 00:11:22:33:44:55", `\ip`, "1.2.3.4.5", "0x", "08", "$1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		var s scanner
		s.Init(src)
		last := -1
		for i := 0; ; i++ {
			off, tok, lit := s.Scan()
			if tok == tokEOF {
				break
			}
			if off <= last || off+len(lit) > len(src) {
				t.Fatalf("scanner made no progress or overran at %d", off)
			}
			last = off
		}
	})
}

func FuzzCompile(f *testing.F) {
	for _, s := range []string{"tcp port 22", "host 10.0.0.1 or 10.0.0.2", "vlan 100 and ip", "ip6 protochain 6",
		"tcp[((tcp[12:1] & 0xf0) >> 2):4] = 0x47455420", "(host a and (b or c))", "not not ip", "geneve and ether host 1:2:3:4:5:6",
		"ether[len - 1] % 3 ^ 2 = 1", "mpls 100 and mpls and ip", "pppoes 0x27 and ip", "llc rnr", "type data subtype qos-data"} {
		f.Add(s, uint8(0))
	}
	lts := []linktype.Type{linktype.Ethernet, linktype.LinuxSLL, linktype.LinuxSLL2, linktype.Raw, linktype.Null,
		linktype.PPP, linktype.IEEE80211, linktype.IEEE80211Radio}
	f.Fuzz(func(t *testing.T, expr string, lt uint8) {
		opts := Options{Resolver: BuiltinResolver(),
			Optimize: lt&0x10 != 0, LiveLinux: lt&0x20 != 0, Savefile: lt&0x40 != 0}
		prog, err := Compile(expr, lts[int(lt)%len(lts)], opts)
		if err != nil {
			if prog != nil {
				t.Fatal("error with a program")
			}
			var ce *Error
			if !errors.As(err, &ce) {
				t.Fatalf("error of type %T", err)
			}
			return
		}
		if _, err := bpf.NewVM(prog); err != nil {
			t.Fatalf("invalid program for %q: %v", expr, err)
		}
	})
}

func BenchmarkCompile(b *testing.B) {
	for _, opt := range []bool{false, true} {
		name := "unoptimized"
		if opt {
			name = "optimized"
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := Compile("tcp port 80 and host 10.0.0.1", linktype.Ethernet, Options{Optimize: opt}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkCompileSize shows how compile time grows with the length of an
// or-chain.
func BenchmarkCompileSize(b *testing.B) {
	for _, n := range []int{10, 100, 1000, 10000} {
		expr := hostChain(n)
		b.Run(itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := Compile(expr, linktype.Ethernet, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func TestFileResolver(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := dir + "/" + name
		require.NoError(t, os.WriteFile(p, []byte(text), 0o644))
		return p
	}
	r := &fileResolver{
		servicesPath:  write("services", "ssh 22/tcp\nfoo 1000/udp bar # comment\nboth 7/tcp\nboth 7/udp\n"),
		protocolsPath: write("protocols", "tcp 6 TCP\n"),
		networksPath:  write("networks", "loopback 127.0.0.0\nshort 10\n"),
		ethersPath:    write("ethers", "aa:bb:cc:dd:ee:ff Gateway\n"),
	}
	p, ok := r.LookupPort("bar", "udp")
	assert.True(t, ok)
	assert.Equal(t, 1000, p)
	_, ok = r.LookupPort("bar", "tcp")
	assert.False(t, ok)
	v, ok := r.LookupProtocol("TCP")
	assert.True(t, ok)
	assert.Equal(t, 6, v)
	n, ok := r.LookupNetwork("LOOPBACK")
	assert.True(t, ok)
	assert.Equal(t, uint32(0x7f000000), n)
	n, _ = r.LookupNetwork("short")
	assert.Equal(t, uint32(10), n)
	mac, ok := r.LookupEthers("gateway")
	assert.True(t, ok)
	assert.Equal(t, [6]byte{0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff}, mac)

	// "port both" is the same number for TCP and UDP: libpcap then
	// matches it on either protocol.
	g := &gen{res: r}
	port, proto, ok := g.lookupPort("both")
	assert.True(t, ok)
	assert.Equal(t, 7, port)
	assert.Equal(t, protoUndef, proto)
	_, proto, _ = g.lookupPort("ssh")
	assert.Equal(t, ipprotoTCP, proto)
}

func TestBuiltinTables(t *testing.T) {
	r := BuiltinResolver()
	p, ok := r.LookupPort("http", "tcp")
	assert.True(t, ok)
	assert.Equal(t, 80, p)
	p, ok = r.LookupPort("domain", "udp")
	assert.True(t, ok)
	assert.Equal(t, 53, p)
	v, ok := r.LookupProtocol("udp")
	assert.True(t, ok)
	assert.Equal(t, 17, v)
	_, err := r.LookupHost(context.Background(), "localhost")
	assert.Error(t, err)
}

func TestConcurrentCompile(t *testing.T) {
	exprs := []string{"tcp port 80 and host 10.0.0.1", "vlan and ip6 protochain 6", "port http or domain", "geneve and ether broadcast"}
	want := make([]string, len(exprs))
	for i, e := range exprs {
		prog, err := Compile(e, linktype.Ethernet, Options{Optimize: true})
		require.NoError(t, err)
		want[i] = bpf.Dump(prog, 1)
	}
	done := make(chan bool)
	for w := 0; w < 4; w++ {
		go func() {
			ok := true
			for i := 0; i < 50; i++ {
				for j, e := range exprs {
					prog, err := Compile(e, linktype.Ethernet, Options{Optimize: true})
					ok = ok && err == nil && bpf.Dump(prog, 1) == want[j]
				}
			}
			done <- ok
		}()
	}
	for w := 0; w < 4; w++ {
		assert.True(t, <-done)
	}
}

func TestSnaplenRange(t *testing.T) {
	if strconv.IntSize < 64 {
		t.Skip("int has 32 bits: every snaplen fits a return constant")
	}
	u := uint64(1) << 32
	huge := int(u) // would truncate to "ret #0", a filter that drops everything
	prog, err := Compile("tcp", linktype.Ethernet, Options{Snaplen: huge})
	assert.Nil(t, prog)
	assert.ErrorContains(t, err, "snaplen")
	prog, err = Compile("", linktype.Ethernet, Options{Snaplen: huge - 1})
	require.NoError(t, err)
	assert.Equal(t, []bpf.Instruction{bpf.Stmt(bpf.ClassRET|bpf.RetK, 0xffffffff)}, prog)
}

func TestUnsupportedLinkType(t *testing.T) {
	// What libpcap 1.10.3's pcap_compile says for DLT values it does not
	// know, and for those in 104..289 that have no name.
	for _, c := range []struct {
		lt   linktype.Type
		expr string
		msg  string
	}{
		{2, "less 100", "unknown data link type 2 (min 104, max 289)"},
		{0xffff, "less 100", "unknown data link type 65535 (min 104, max 289)"},
		{147, "ip", "DLT 147 link-layer type filtering not implemented"}, // USER0
		{147, "less 100", ""},
		{290, "less 100", "unknown data link type 290 (min 104, max 289)"},
	} {
		prog, err := Compile(c.expr, c.lt, Options{})
		if c.msg == "" {
			assert.NoError(t, err)
			assert.NotEmpty(t, prog)
			continue
		}
		var ce *Error
		require.ErrorAs(t, err, &ce, "%v %s", c.lt, c.expr)
		assert.Equal(t, c.msg, ce.Msg)
	}
}

// itoa is strconv.Itoa, short for building test expressions.
func itoa(v int) string { return strconv.Itoa(v) }
