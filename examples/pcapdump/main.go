// Command pcapdump is a tcpdump-compatible front end to purepcap: it reads
// and writes savefiles, compiles and prints filters, and captures live.
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
