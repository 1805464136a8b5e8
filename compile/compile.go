package compile

import (
	"context"
	"errors"
	"fmt"
	"math"
	"net/netip"
	"slices"
	"sync"
	"time"

	"github.com/purepcap/pcap/bpf"
	"github.com/purepcap/pcap/linktype"
)

// NetmaskUnknown is the Netmask value that means "no netmask": "ip
// broadcast" is then an error, as with libpcap's PCAP_NETMASK_UNKNOWN.
// Netmask 0, what tcpdump uses when it has no device, is a valid mask.
const NetmaskUnknown = 0xffffffff

// Options say how a filter is compiled. The zero value compiles
// unoptimized, for snapshot length linktype.DefaultSnaplen, with netmask 0
// and the system resolver.
type Options struct {
	Snaplen   int      // snapshot length, at most 2^32-1; 0 means linktype.DefaultSnaplen
	Optimize  bool     // run the optimizer passes
	Netmask   uint32   // IPv4 netmask for "ip broadcast"; NetmaskUnknown if unknown
	LiveLinux bool     // use Linux ancillary loads, as on a live AF_PACKET socket
	Resolver  Resolver // name lookups; nil means the system's files and DNS

	// Savefile compiles for reading a savefile, as libpcap does when its
	// handle was opened with pcap_open_offline: "inbound", "outbound" and
	// "ifindex" are errors on link types without a direction field, and
	// "ip6" on NULL/LOOP captures accepts every BSD's AF_INET6 value.
	Savefile bool
}

// Resolver looks up the names a filter expression may use. Methods report
// ok == false (or an error) for unknown names; Compile then fails as
// libpcap does. Implementations must be safe for concurrent use. Only
// LookupHost may block; the other methods read local tables.
type Resolver interface {
	// LookupHost returns the addresses of a host name, IPv4 first. It is
	// the one method that may block (on DNS); it must return once ctx is
	// done, with an error. Numeric addresses never reach it: Compile
	// converts them itself, as getaddrinfo(3) does.
	LookupHost(ctx context.Context, name string) ([]netip.Addr, error)
	// LookupPort returns the port of a service name for "tcp" or "udp".
	LookupPort(name, proto string) (port int, ok bool)
	// LookupProtocol returns the IP protocol number of a protocol name.
	LookupProtocol(name string) (proto int, ok bool)
	// LookupNetwork returns the number of a network name as
	// getnetbyname(3) does: 127 for "127", 0x7f000000 for "127.0.0.0".
	LookupNetwork(name string) (net uint32, ok bool)
	// LookupEthers returns the MAC address of a host name (/etc/ethers).
	LookupEthers(name string) (mac [6]byte, ok bool)
}

// DefaultLookupTimeout bounds, all together, the host name lookups of one
// call to Compile, counted from the first lookup (so that compiling a
// filter without host names never reads the clock). CompileContext takes
// its bound from its context instead.
const DefaultLookupTimeout = 10 * time.Second

// Compile compiles a tcpdump filter expression to a classic BPF program
// that gives the same verdict as libpcap's program for the same options.
// An empty expression accepts every packet. Errors are *Error values that
// carry the byte offset of the problem. The returned program is newly
// allocated and belongs to the caller. Compile may be called from several
// goroutines at once; it blocks only while Options.Resolver looks up a
// host name, and for no longer than DefaultLookupTimeout in all: it is
// CompileContext with that timeout, started at the first lookup.
//
// The link type is a parameter of its own, not an option, because its zero
// value (linktype.Null) is a real link type: a forgotten field would
// silently compile for the wrong headers.
func Compile(expr string, lt linktype.Type, opts Options) ([]bpf.Instruction, error) {
	return compile(nil, expr, lt, opts)
}

// CompileContext is Compile with the host name lookups bounded by ctx
// instead of DefaultLookupTimeout: when ctx is done, the lookup under way
// and any later one fail, and so does the compilation, with an *Error that
// wraps ctx.Err(). A filter that looks up no host name does not consult
// ctx.
func CompileContext(ctx context.Context, expr string, lt linktype.Type, opts Options) ([]bpf.Instruction, error) {
	return compile(ctx, expr, lt, opts)
}

// compile does the work of Compile and CompileContext. Host name lookups
// use ctx, or when it is nil a context with DefaultLookupTimeout, made on the
// first lookup so that filters without host names pay nothing for it.
func compile(ctx context.Context, expr string, lt linktype.Type, opts Options) (prog []bpf.Instruction, err error) {
	if len(expr) > MaxExprLen {
		return nil, &Error{Offset: MaxExprLen, Msg: fmt.Sprintf("expression longer than %d bytes", MaxExprLen)}
	}
	snaplen := opts.Snaplen
	if snaplen == 0 {
		snaplen = linktype.DefaultSnaplen
	}
	if snaplen < 0 {
		return nil, &Error{Msg: "negative snaplen"}
	}
	if uint64(snaplen) > math.MaxUint32 {
		return nil, &Error{Msg: fmt.Sprintf("snaplen %d too large (at most %d)", snaplen, uint32(math.MaxUint32))}
	}
	cs := getState()
	g := &cs.g
	g.opts, g.res, g.ctx = opts, opts.Resolver, ctx
	g.limit = genLimit(opts)
	defer func() {
		// One deferred call: the state goes back to the pool, and a
		// bailout becomes the error.
		r := recover()
		cs.release()
		if r != nil {
			b, ok := r.(bailout)
			if !ok {
				panic(r)
			}
			prog, err = nil, b.err
		}
	}()
	if !g.initLinktype(canonical(lt)) {
		if d := lt.DLT(); d < dltMatchingMin && lt.Name() == "" || d > dltMatchingMax {
			return nil, &Error{Msg: fmt.Sprintf("unknown data link type %d (min %d, max %d)", d, dltMatchingMin, dltMatchingMax)}
		}
		return nil, &Error{Msg: fmt.Sprintf("link-layer type %s is not supported by the filter compiler", lt)}
	}
	if g.res == nil {
		g.res = SystemResolver()
	}
	p := parser{gen: g, mem: &cs.pmem} // on the goroutine stack
	p.init(expr)
	root := p.parseProgram()
	e := &cs.e
	if root == nil {
		e.items = append(e.items, st(bpf.ClassRET|bpf.RetK, uint32(snaplen)))
		return e.finish(), nil
	}
	c := g.node(root)
	next := g.newLabel()
	pro := g.prologue(next)
	// libpcap skips its optimizer when a primitive asked it to.
	optimizing := opts.Optimize && !g.noOptimize
	e.labels = g.labels
	// Without the optimizer the emitted program itself must fit.
	e.limit = MaxProgramLen
	if optimizing {
		e.limit = g.limit
	}
	accept, reject := e.newLabel(), e.newLabel()
	ppi := g.ppiCheck(e.newLabel(), reject)
	e.items = slices.Grow(e.items[:0], 2*g.size+len(ppi)+len(pro)+8)
	e.items = append(append(e.items, ppi...), pro...)
	e.count(len(ppi) + len(pro))
	e.place(next)
	e.cond(c, accept, reject)
	rets := []stmt{{label: accept}, st(bpf.ClassRET|bpf.RetK, uint32(snaplen)), {label: reject}, st(bpf.ClassRET|bpf.RetK, 0)}
	if ppi == nil && g.mem.falseExitIsTrue(c) {
		// libpcap lays out the return it reaches by following false
		// branches from the start last.
		rets[0], rets[1], rets[2], rets[3] = rets[2], rets[3], rets[0], rets[1]
	}
	e.items = append(e.items, rets...)
	if !optimizing {
		return e.finish(), nil
	}
	// The optimizer works on exactly the program libpcap's code generator
	// would have produced.
	if prog, err = optimizeEmitted(e); err == nil && len(prog) > MaxProgramLen {
		tooLarge(0, MaxProgramLen)
	}
	return prog, err
}

// canonical returns the one LINKTYPE_* value the code generator uses for
// lt: libpcap treats LINKTYPE_RAW (101) and DLT_RAW (12) alike, for
// example.
func canonical(lt linktype.Type) linktype.Type {
	if uint(lt) < uint(len(canonicalTab())) {
		return canonicalTab()[lt]
	}
	return canonicalOf(lt)
}

// canonicalTab holds canonical's results for the small link type values,
// which every compile would otherwise look up in two maps.
var canonicalTab = sync.OnceValue(func() *[512]linktype.Type {
	var tab [512]linktype.Type
	for i := range tab {
		tab[i] = canonicalOf(linktype.Type(i))
	}
	return &tab
})

// canonicalOf computes canonical(lt).
func canonicalOf(lt linktype.Type) linktype.Type {
	t := linktype.Type(lt.DLT())
	if w, ok := t.Savefile(); ok {
		return w
	}
	return t
}

// errNotFound is returned by resolvers for names they do not know.
var errNotFound = errors.New("name not found")
