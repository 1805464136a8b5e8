// Command pcapdump is a tcpdump-compatible front end to purepcap: it reads
// and writes savefiles, compiles and prints filters, captures live, and
// prints packets as tcpdump 4.99 prints them at the transport level.
//
// It takes tcpdump's command line (getopt_long rules: "-nni eth0",
// "-XX", "--time-stamp-precision=nano", abbreviated long options) and
// gives tcpdump's exit status. Where it differs:
//
//   - names are never resolved, so the output is always tcpdump's -n
//     output; -n and -nn are accepted and change nothing;
//   - -w writes pcapng with --pcapng or a name ending in .pcapng;
//   - -Z drops to the user and its groups entirely (tcpdump on Linux keeps
//     CAP_DAC_OVERRIDE to create rotated files where the user could not);
//   - with -w to a file, a terminal on the standard error shows a "Got N"
//     packet counter (tcpdump shows it once a second with -v only);
//   - a live -w capture hands its packets to the file within about a tenth
//     of a second, so that a killed capture loses little;
//   - a write error (a full disk) ends the capture with status 1 (tcpdump
//     ignores it).
//
// Rotation (-C, -W, -G) writes the same files as tcpdump, with the same
// names and bytes.
package main

import (
	"errors"
	"fmt"
	"os"
)

func main() {
	os.Exit(run(os.Args[1:]))
}

// run executes one pcapdump invocation and returns the exit status.
func run(args []string) int {
	c, err := parseArgs(args)
	if err != nil {
		fmt.Fprintf(os.Stderr, "pcapdump: %v\n", err)
		if ue := (*usageError)(nil); errors.As(err, &ue) {
			printUsage(os.Stderr)
		}
		return 1
	}
	for _, w := range c.warnings() {
		fmt.Fprintf(os.Stderr, "pcapdump: WARNING: %s\n", w)
	}
	switch {
	case c.showHelp:
		printUsage(os.Stdout)
		return 0
	case c.showVersion:
		printVersion(os.Stdout)
		return 0
	case c.listDevs:
		err = listDevices(c)
	case c.dumpLevel > 0 && c.readFile == "" && c.device == "":
		err = dumpProgram(c)
	case c.readFile != "":
		err = readOffline(c)
	default:
		err = captureLive(c)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "pcapdump: %v\n", err)
		return 1
	}
	return 0
}
