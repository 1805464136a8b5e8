// Package compile compiles tcpdump filter expressions (the pcap-filter(7)
// language) to classic BPF programs that give the same verdict as the
// programs libpcap 1.10 generates, and refuses the expressions libpcap
// refuses.
//
// # Usage
//
// Compile takes an expression, a link type and Options (snapshot length,
// netmask, live-Linux mode, name resolver) and returns a program for the
// bpf package:
//
//	prog, err := compile.Compile("tcp port 80 and host 10.0.0.1", linktype.Ethernet,
//		compile.Options{Optimize: true})
//
// Errors are *Error values with libpcap's wording and the byte offset of
// the problem in the expression.
//
// # The language
//
// Everything in pcap-filter(7) for the supported link types: host, net
// (with /len, mask and abbreviated forms), port, portrange, gateway (which
// libpcap built with IPv6 refuses), proto and protochain, with the
// direction, address-kind and protocol qualifiers and libpcap's
// qualifier inheritance ("host a or b", "tcp port 22 or 80"); less,
// greater, broadcast, multicast; vlan, mpls, pppoed, pppoes and geneve,
// which move the offsets of everything after them in the expression as
// libpcap does, parentheses notwithstanding; llc and its frame kinds;
// 802.11 type, subtype and dir; inbound, outbound and ifindex; packet
// data accessors proto[expr:size] with arithmetic and comparisons, and the
// named constants (tcpflags, tcp-syn, icmp-echo, ...).
//
// The grammar follows libpcap's, including its corners: "and" and "or"
// have equal precedence and associate to the left, "not" binds tighter,
// and '%' and '^' take everything to their right as their right operand.
//
// # Link types
//
// Every link type libpcap 1.10 compiles for, with libpcap's programs and
// errors: EN10MB, NETANALYZER and NETANALYZER_TRANSPARENT; LINUX_SLL and
// LINUX_SLL2; RAW, IPV4, IPV6, SLIP and SLIP_BSDOS; NULL, LOOP and ENC;
// PPP, PPP_SERIAL, PPP_PPPD, PPP_ETHER, PPP_BSDOS and C_HDLC; FRELAY;
// IPNET; ARCNET and ARCNET_LINUX; LTALK; SYMANTEC_FIREWALL;
// APPLE_IP_OVER_IEEE1394; the 22 Juniper types (libpcap tests only their
// cookie); FDDI, IEEE802 (token ring) and IP_OVER_FC; ATM_RFC1483 and
// ATM_CLIP; BACNET_MS_TP; IEEE802_11, IEEE802_11_RADIO, PRISM_HEADER,
// IEEE802_11_RADIO_AVS and PPI; PFLOG, where the pf primitives
// (on/ifname, ruleset, rnr, srnr, reason, action, inbound, outbound) test
// the pf log header; MTP2, MTP2_WITH_PHDR and ERF, where the SS7
// primitives (fisu, lssu, msu, sio, opc, dpc, sls and their h forms) test
// the MTP2 and MTP3 headers; SUNATM, where the ATM primitives (vpi, vci,
// lane, oam, oamf4, oamf4ec, oamf4sc, metac, bcc, sc, ilmic, connectmsg,
// metaconnect) test the ATM pseudo-header and signalling messages, and
// "lane" moves on to the emulated Ethernet. One deliberate difference:
// "!=" on sio, opc, dpc, sls, their h forms, vpi and vci means not-equal;
// libpcap 1.10.3 compiles it as "=" (a bug). The program computes the
// lengths of the 802.11, radio and pf log headers at run time. As libpcap
// does, every DLT_* value from 104 to 289 without header code of its own
// (NFLOG, USB_LINUX, NETLINK, CAN_SOCKETCAN, IPOIB, VSOCK, the DSA_TAG
// types, JUNIPER_PIC_PEER, ...) compiles the link-independent primitives
// (len, less, greater, link[...], inbound, outbound, ifindex), and a
// protocol test there fails with libpcap's "link-layer type filtering not
// implemented".
//
// # Modes
//
// By default Compile generates what libpcap generates for a dead handle
// (tcpdump -d). With Options.LiveLinux it generates what libpcap generates
// for a live Linux packet socket: "vlan" then also accepts tags the kernel
// moved into packet metadata, using ancillary loads. With Options.Savefile
// it behaves like a handle reading a savefile.
//
// # Names
//
// Host, network, service, protocol and MAC names are looked up through a
// Resolver. The default one reads /etc/services, /etc/protocols,
// /etc/networks and /etc/ethers, falls back to built-in tables of
// well-known services and protocols when those files are missing, and
// resolves host names with the Go resolver (/etc/hosts, then DNS).
//
// As in libpcap, which asks getaddrinfo(3), a number written where a name
// goes is taken as a number: either end of a port range may be a service
// name or a number ("tcp portrange 25-smtp"), "port \80" is port 80, and
// "host \10" is host 0.0.0.10. Protocol and network names take no numbers.
//
// Host names may need DNS. Compile bounds all the host lookups of one
// expression together by DefaultLookupTimeout; CompileContext bounds them
// by a context instead, so a filter with many names that do not resolve
// fails at the deadline rather than after a timeout per name.
//
// # Differences from libpcap
//
// None intended: without Options.Optimize the program is libpcap's
// unoptimized program (tcpdump -O -d), and with it the program goes
// through an optimizer that follows libpcap's, skipped (as libpcap skips
// it) for filters that use protochain, geneve or the 802.11 header
// length. Like libpcap's, protochain code loops with a backward jump,
// which the bpf package's machine runs and the Linux kernel refuses.
//
// One exception, a libpcap 1.10.3 bug: in live Linux mode, when "vlan ID"
// follows another test (as in "ip and vlan 100"), libpcap's optimizer
// misplaces the jump that picks the VLAN ID from metadata, so frames
// tagged in metadata never match, or it fails with "no destination found
// for block-local relative jump". Compile places that jump correctly.
//
// # Implementation
//
// A filter goes through these stages, each in its own files:
//
//   - Scanning (scanner.go, token.go): a pull lexer splits the expression
//     into tokens the way libpcap's lexer does; literal.go converts the
//     address literals it recognises.
//   - Parsing (parser.go, parser_arith.go, parser_wlan.go, unsupported.go,
//     ast.go, qual.go): a recursive-descent parser for libpcap's grammar,
//     with its qualifier inheritance ("host a or b"). It builds a syntax
//     tree, but it also generates the code of each primitive as soon as it
//     has reduced it, in source order, as libpcap's yacc parser does: so a
//     semantic error in a primitive is reported before a syntax error
//     after it, and the primitives that move later offsets (vlan, mpls,
//     pppoes, geneve) take effect in the order libpcap gives them.
//   - Code generation (gen*.go, ir.go): primitives become a tree of
//     conditions (ir.go) whose leaves are blocks of instructions ending in
//     a test. gen.go holds the generator state, header offsets and loads;
//     gen_prim.go dispatches primitives; gen_link.go tests link-layer
//     types; gen_host.go, gen_addr.go and gen_names.go hosts, networks and
//     MAC addresses, as literals and as names; gen_port.go ports;
//     gen_proto.go protocols and protochain; gen_cast.go broadcast and
//     multicast; gen_dir.go direction qualifiers; gen_encap.go vlan,
//     mpls, pppoes and geneve; gen_arith.go arithmetic and relations;
//     gen_prologue.go the code that computes variable header lengths
//     first. numbers.go has the protocol numbers,
//     resolver.go the name lookups.
//   - Emission (emit.go): the condition tree is laid out as libpcap lays
//     out its unoptimized program, with jumps resolved and far jumps
//     routed through "ja".
//   - Optimization (optimize.go, internal/opt): with Options.Optimize, the
//     program goes through libpcap's optimizer passes. The optimizer takes
//     the emitted items, labels unresolved, when it can (opt.Builder), and
//     the flat program otherwise (far jumps, block lists).
//
// compile.go ties the stages together; errors.go has the Error type.
//
// The tests: compile_test.go (scanner, errors, programs, limits, fuzz
// targets, benchmarks); golden_test.go (programs against tcpdump -d);
// verdicts_*_test.go (differential tests: our programs and libpcap's on
// the test captures, over the filter corpus and random expressions, with
// the shared harness in verdicts_harness_test.go); randexpr*_test.go
// (the random expression generator and the capture values it draws on);
// opt_*_test.go (the optimizer).
//
// # Limits
//
// Expressions longer than MaxExprLen bytes, nested deeper than MaxNesting
// levels, or needing more than MaxProgramLen instructions are refused.
// With Options.Optimize, MaxProgramLen bounds the optimized program, and
// the code generator may produce up to MaxOptimizeInputLen instructions
// for the optimizer: 20,000 or-ed ports compile to a short program,
// where libpcap runs out of memory and the unoptimized compile refuses.
package compile
