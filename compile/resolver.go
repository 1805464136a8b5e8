package compile

import (
	"context"
	_ "embed"
	"net"
	"net/netip"
	"os"
	"strconv"
	"strings"
	"sync"
)

// Fallback tables, used when /etc/services or /etc/protocols is missing
// (a scratch container, Windows).
var (
	//go:embed services.txt
	builtinServices string
	//go:embed protocols.txt
	builtinProtocols string
)

// SystemResolver returns the resolver Compile uses when Options.Resolver
// is nil: /etc/services, /etc/protocols, /etc/networks and /etc/ethers
// (read once), the built-in tables where those files are missing, and the
// Go resolver (/etc/hosts, then DNS) for host names, bounded by the context
// LookupHost is given.
func SystemResolver() Resolver { return systemResolver }

var systemResolver = &fileResolver{
	servicesPath:  "/etc/services",
	protocolsPath: "/etc/protocols",
	networksPath:  "/etc/networks",
	ethersPath:    "/etc/ethers",
	useDNS:        true,
}

// BuiltinResolver returns a resolver that uses only the built-in service
// and protocol tables and resolves no host, network or ethers names. Its
// answers do not depend on the machine.
func BuiltinResolver() Resolver { return builtinResolver }

var builtinResolver = &fileResolver{}

type fileResolver struct {
	servicesPath, protocolsPath, networksPath, ethersPath string
	useDNS                                                bool
	dns                                                   *net.Resolver // nil: net.DefaultResolver

	once      sync.Once
	services  map[string]int // "name/proto" -> port
	protocols map[string]int
	networks  map[string]uint32
	ethers    map[string][6]byte
}

func (r *fileResolver) load() {
	r.once.Do(func() {
		r.services = parseServices(readOr(r.servicesPath, builtinServices))
		r.protocols = parseProtocols(readOr(r.protocolsPath, builtinProtocols))
		r.networks = parseNetworks(readOr(r.networksPath, ""))
		r.ethers = parseEthers(readOr(r.ethersPath, ""))
	})
}

func readOr(path, fallback string) string {
	if path == "" {
		return fallback
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return fallback
	}
	return string(b)
}

func fields(line string) []string {
	if i := strings.IndexByte(line, '#'); i >= 0 {
		line = line[:i]
	}
	return strings.Fields(line)
}

func parseServices(text string) map[string]int {
	m := make(map[string]int)
	for _, line := range strings.Split(text, "\n") {
		f := fields(line)
		if len(f) < 2 {
			continue
		}
		ps, proto, ok := strings.Cut(f[1], "/")
		port, err := strconv.Atoi(ps)
		if !ok || err != nil {
			continue
		}
		for _, name := range append([]string{f[0]}, f[2:]...) {
			key := name + "/" + proto
			if _, dup := m[key]; !dup {
				m[key] = port
			}
		}
	}
	return m
}

func parseProtocols(text string) map[string]int {
	m := make(map[string]int)
	for _, line := range strings.Split(text, "\n") {
		f := fields(line)
		if len(f) < 2 {
			continue
		}
		v, err := strconv.Atoi(f[1])
		if err != nil {
			continue
		}
		for _, name := range append([]string{f[0]}, f[2:]...) {
			if _, dup := m[name]; !dup {
				m[name] = v
			}
		}
	}
	return m
}

// inetNetwork converts a network number as inet_network(3) does.
func inetNetwork(s string) (uint32, bool) {
	parts := strings.Split(s, ".")
	if len(parts) > 4 {
		return 0, false
	}
	var v uint32
	for _, p := range parts {
		n, err := strconv.ParseUint(p, 0, 32)
		if err != nil || n > 255 {
			return 0, false
		}
		v = v<<8 | uint32(n)
	}
	return v, true
}

func parseNetworks(text string) map[string]uint32 {
	m := make(map[string]uint32)
	for _, line := range strings.Split(text, "\n") {
		f := fields(line)
		if len(f) < 2 {
			continue
		}
		v, ok := inetNetwork(f[1])
		if !ok {
			continue
		}
		for _, name := range append([]string{f[0]}, f[2:]...) {
			// getnetbyname(3) ignores case.
			name = strings.ToLower(name)
			if _, dup := m[name]; !dup {
				m[name] = v
			}
		}
	}
	return m
}

func parseEthers(text string) map[string][6]byte {
	m := make(map[string][6]byte)
	for _, line := range strings.Split(text, "\n") {
		f := fields(line)
		if len(f) < 2 {
			continue
		}
		hw, err := net.ParseMAC(f[0])
		if err != nil || len(hw) != 6 {
			continue
		}
		var mac [6]byte
		copy(mac[:], hw)
		name := strings.ToLower(f[1]) // glibc's ether_hostton ignores case
		if _, dup := m[name]; !dup {
			m[name] = mac
		}
	}
	return m
}

func (r *fileResolver) LookupPort(name, proto string) (int, bool) {
	r.load()
	p, ok := r.services[name+"/"+proto]
	return p, ok
}

func (r *fileResolver) LookupProtocol(name string) (int, bool) {
	r.load()
	p, ok := r.protocols[name]
	return p, ok
}

func (r *fileResolver) LookupNetwork(name string) (uint32, bool) {
	r.load()
	v, ok := r.networks[strings.ToLower(name)]
	return v, ok
}

func (r *fileResolver) LookupEthers(name string) ([6]byte, bool) {
	r.load()
	v, ok := r.ethers[strings.ToLower(name)]
	return v, ok
}

func (r *fileResolver) LookupHost(ctx context.Context, name string) ([]netip.Addr, error) {
	if !r.useDNS {
		return nil, errNotFound
	}
	dns := r.dns
	if dns == nil {
		dns = net.DefaultResolver
	}
	addrs, err := dns.LookupNetIP(ctx, "ip", name)
	if err != nil {
		return nil, err
	}
	// IPv4 first, as glibc's getaddrinfo orders them without IPv6
	// connectivity; keep the order within each family.
	out := make([]netip.Addr, 0, len(addrs))
	for _, a := range addrs {
		if a.Unmap().Is4() {
			out = append(out, a.Unmap())
		}
	}
	for _, a := range addrs {
		if !a.Unmap().Is4() {
			out = append(out, a)
		}
	}
	return out, nil
}
