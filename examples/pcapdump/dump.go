package main

import (
	"errors"
	"fmt"
	"os"

	"github.com/purepcap/pcap/bpf"
	"github.com/purepcap/pcap/compile"
	"github.com/purepcap/pcap/linktype"
)

// dumpProgram compiles c.expr on a dead handle and prints it as -d, -dd or
// -ddd asks, exactly as tcpdump does.
func dumpProgram(c *config) error {
	lt := linktype.Ethernet
	if c.linkType != "" {
		t, ok := linktype.Parse(c.linkType)
		if !ok {
			return fmt.Errorf("invalid data link type %s", c.linkType)
		}
		lt = t
	} else {
		fmt.Fprintln(os.Stderr, "Warning: assuming Ethernet")
	}
	return printProgram(c, lt, compile.Options{Snaplen: c.snaplen, Optimize: c.optimize})
}

// printProgram compiles c.expr for lt with opts and prints it as -d, -dd
// or -ddd asks.
func printProgram(c *config, lt linktype.Type, opts compile.Options) error {
	prog, err := compile.Compile(c.expr, lt, opts)
	if err != nil {
		return compileError(err)
	}
	return writeProgram(c, prog)
}

// writeProgram prints prog as -d, -dd or -ddd asks.
func writeProgram(c *config, prog []bpf.Instruction) error {
	_, err := os.Stdout.WriteString(bpf.Dump(prog, bpf.DumpFormat(c.dumpLevel)))
	return err
}

// compileError returns a compiler error in tcpdump's words (without the
// offset), so that pcapdump's stderr reads like tcpdump's.
func compileError(err error) error {
	var ce *compile.Error
	if errors.As(err, &ce) {
		return errors.New(ce.Msg)
	}
	return err
}
