package compile

import (
	"context"
	"errors"
	"net"
	"net/netip"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/purepcap/pcap/bpf"
	"github.com/purepcap/pcap/linktype"
)

// TestNumericNames checks the places where libpcap's name lookups take a
// number written as a name (getaddrinfo(3) takes numeric services and
// hosts): each expression compiles to the same program as its numeric
// twin. The goldens hold libpcap's programs for the same expressions.
func TestNumericNames(t *testing.T) {
	same := []struct{ expr, twin string }{
		{"tcp portrange 25-smtp", "tcp portrange 25-25"},
		{"udp portrange bootps-68", "udp portrange 67-68"},
		{"portrange domain-53", "portrange 53-53"},
		{"portrange 25-smtp", "portrange 25-25"},       // 25 is TCP and UDP, smtp TCP only: both
		{"portrange smtp-010", "portrange 25-10"},      // decimal, not octal
		{"portrange smtp-99999", "portrange 25-34463"}, // getaddrinfo keeps the low 16 bits
		{"port \\80", "port 80"},
		{"port \\70000", "port 4464"},
		{"port \\2147483647", "port 65535"},
		{"host \\10", "host 0.0.0.10"},
		{"host \\0x7f.1", "host 127.0.0.1"},
		{"host \\010.0.0.1", "host 8.0.0.1"},
		{"host \\1.2.65535", "host 1.2.255.255"},
		{"host \\::1", "host ::1"},
	}
	opts := Options{Resolver: BuiltinResolver()}
	for _, c := range same {
		got, err := Compile(c.expr, linktype.Ethernet, opts)
		require.NoError(t, err, c.expr)
		want, err := Compile(c.twin, linktype.Ethernet, opts)
		require.NoError(t, err, c.twin)
		assert.Equal(t, bpf.Dump(want, 1), bpf.Dump(got, 1), "%s vs %s", c.expr, c.twin)
	}
	refused := []struct{ expr, msg string }{
		{"portrange smtp-0x10", "unknown port in range 'smtp-0x10'"}, // services are decimal
		{"portrange smtp--5", "unknown port in range 'smtp--5'"},     // negative as a C int
		{"port \\2147483648", "unknown port '2147483648'"},
		{"port \\18446744073709551617", "unknown port '18446744073709551617'"},
		{"host \\1.2.3.256", "unknown host '1.2.3.256'"},
		{"host \\09.1.1.1", "unknown host '09.1.1.1'"},
		{"host \\1.2.65536", "unknown host '1.2.65536'"},
		{"proto \\6", "unknown ip proto '6'"}, // getprotobyname takes no numbers
		{"net \\10", "unknown network '10'"},  // nor does getnetbyname
	}
	for _, c := range refused {
		_, err := Compile(c.expr, linktype.Ethernet, opts)
		var ce *Error
		require.ErrorAs(t, err, &ce, c.expr)
		assert.Equal(t, c.msg, ce.Msg, c.expr)
	}
}

func TestInetAton(t *testing.T) {
	for _, c := range []struct {
		in   string
		want uint32
		ok   bool
	}{
		{"1.2.3.4", 0x01020304, true}, {"10", 10, true}, {"0x7f.1", 0x7f000001, true},
		{"1.2.3", 0x01020003, true}, {"0377.0.0.1", 0xff000001, true}, {"4294967295", 0xffffffff, true},
		{"4294967296", 0, false}, {"1.256.0.0", 0, false}, {"08", 0, false}, {"0x", 0, false},
		{"1..2", 0, false}, {"1.2.3.4.5", 0, false}, {"1.2.3.4x", 0, false}, {"", 0, false}, {"a.b", 0, false},
	} {
		v, ok := inetAton(c.in)
		assert.Equal(t, c.ok, ok, c.in)
		assert.Equal(t, c.want, v, c.in)
	}
}

// stallResolver answers every host name after delay, or fails when the
// context ends first, counting the lookups it was asked for.
type stallResolver struct {
	testResolver
	delay time.Duration
	calls atomic.Int32
	dl    atomic.Bool // some lookup's context had a deadline
}

func (r *stallResolver) LookupHost(ctx context.Context, name string) ([]netip.Addr, error) {
	r.calls.Add(1)
	if _, ok := ctx.Deadline(); ok {
		r.dl.Store(true)
	}
	select {
	case <-time.After(r.delay):
		return []netip.Addr{netip.MustParseAddr("192.0.2.1")}, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// manyHosts is "host h0 or host h1 or ..." with n names.
func manyHosts(n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteString(" or ")
		}
		b.WriteString("host h" + strconv.Itoa(i))
	}
	return b.String()
}

// TestCompileContextStall: 20 host names whose lookups each take 4.5 s
// (as with the slow DNS server of issue 12) would block Compile for 90 s;
// with a deadline the whole compilation ends at the deadline, with an
// error that wraps the context's and points at the name being looked up.
func TestCompileContextStall(t *testing.T) {
	r := &stallResolver{delay: 4500 * time.Millisecond}
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	start := time.Now()
	prog, err := CompileContext(ctx, manyHosts(20), linktype.Ethernet, Options{Resolver: r})
	elapsed := time.Since(start)
	require.Error(t, err)
	assert.Nil(t, prog)
	assert.Less(t, elapsed, 2*time.Second)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	var ce *Error
	require.ErrorAs(t, err, &ce)
	assert.Equal(t, len("host "), ce.Offset)
	assert.Contains(t, ce.Msg, "unknown host 'h0'")
	assert.Equal(t, int32(1), r.calls.Load(), "no lookup after the deadline")

	// Lookups that each finish in time share one deadline: 20 lookups of
	// 50 ms do not fit in 300 ms.
	r = &stallResolver{delay: 50 * time.Millisecond}
	ctx2, cancel2 := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel2()
	start = time.Now()
	_, err = CompileContext(ctx2, manyHosts(20), linktype.Ethernet, Options{Resolver: r})
	assert.Less(t, time.Since(start), 2*time.Second)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	assert.Less(t, r.calls.Load(), int32(20))

	// With time enough, they all resolve.
	r = &stallResolver{delay: time.Millisecond}
	prog, err = CompileContext(context.Background(), manyHosts(5), linktype.Ethernet, Options{Resolver: r})
	require.NoError(t, err)
	assert.NotEmpty(t, prog)
	assert.Equal(t, int32(5), r.calls.Load())
}

// TestCompileDefaultDeadline: Compile gives its lookups a deadline of its
// own; a cancelled context stops lookups before they start but does not
// concern filters without host names.
func TestCompileDefaultDeadline(t *testing.T) {
	r := &stallResolver{delay: time.Millisecond}
	_, err := Compile("host example", linktype.Ethernet, Options{Resolver: r})
	require.NoError(t, err)
	assert.True(t, r.dl.Load(), "Compile's lookup had no deadline")

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	r = &stallResolver{delay: time.Millisecond}
	_, err = CompileContext(ctx, "tcp port 80 and host 10.0.0.1 and host \\10", linktype.Ethernet, Options{Resolver: r})
	require.NoError(t, err, "no name to look up")
	_, err = CompileContext(ctx, "tcp and host example", linktype.Ethernet, Options{Resolver: r})
	assert.ErrorIs(t, err, context.Canceled)
	assert.Zero(t, r.calls.Load())
}

// TestCompileContextSlowDNS goes through the system resolver's path: a DNS
// server on 127.0.0.1 that reads queries and never answers.
func TestCompileContextSlowDNS(t *testing.T) {
	pc, err := net.ListenPacket("udp", "127.0.0.1:0")
	require.NoError(t, err)
	defer pc.Close()
	var queries atomic.Int32
	go func() {
		buf := make([]byte, 1500)
		for {
			if _, _, err := pc.ReadFrom(buf); err != nil {
				return
			}
			queries.Add(1)
		}
	}()
	addr := pc.LocalAddr().String()
	r := &fileResolver{useDNS: true, dns: &net.Resolver{
		PreferGo: true,
		Dial: func(ctx context.Context, _, _ string) (net.Conn, error) {
			var d net.Dialer
			return d.DialContext(ctx, "udp", addr)
		},
	}}
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	start := time.Now()
	// The names are not in /etc/hosts, so the Go resolver asks the server.
	expr := strings.ReplaceAll(manyHosts(20), "host h", "host purepcap-no-such-host-")
	_, err = CompileContext(ctx, expr, linktype.Ethernet, Options{Resolver: r})
	assert.Less(t, time.Since(start), 3*time.Second)
	require.Error(t, err)
	assert.True(t, errors.Is(err, context.DeadlineExceeded), "%v", err)
	assert.Positive(t, queries.Load(), "the lookup did not reach the server")
}
