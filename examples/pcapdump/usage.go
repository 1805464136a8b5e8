package main

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
)

// usageText is pcapdump's usage, laid out as tcpdump lays out its own.
const usageText = `Usage: pcapdump [-AdDehKlLnOpqStUvxX#] [ -B size ] [ -c count ] [--count]
		[ -C file_size ] [ -F file ] [ -G seconds ]
		[ -i interface ] [ --immediate-mode ] [ --number ]
		[ --pcapng ] [ --print ] [ -Q in|out|inout ]
		[ -r file ] [ -s snaplen ] [ --version ]
		[ -w file ] [ -W filecount ] [ -y datalinktype ]
		[ --time-stamp-precision precision ] [ --micro ] [ --nano ]
		[ -Z user ] [ expression ]
Addresses and ports are never resolved to names: the output is always
what tcpdump prints with -n, and -n and -nn are accepted for compatibility.
`

// printVersion writes the version lines, as tcpdump's --version does: the
// program, then the library it is built on (here the Go toolchain).
func printVersion(w io.Writer) {
	version := "(devel)"
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		version = bi.Main.Version
	}
	fmt.Fprintf(w, "pcapdump version %s (purepcap, github.com/purepcap/pcap)\n", version)
	fmt.Fprintf(w, "Go version %s\n", runtime.Version())
}

// printUsage writes the version lines and the usage text, as tcpdump's -h
// does (on the standard output) and its rejection of a bad option does (on
// the standard error).
func printUsage(w io.Writer) {
	printVersion(w)
	io.WriteString(w, usageText)
}
