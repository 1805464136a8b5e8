package main

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/purepcap/pcap/linktype"
)

// config holds pcapdump's command line, parsed the way tcpdump parses its own.
type config struct {
	dumpLevel   int    // -d, -dd, -ddd
	optimize    bool   // false with -O
	linkType    string // -y
	snaplen     int    // -s; 0 means the default (linktype.DefaultSnaplen)
	filterFile  string // -F
	readFile    string // -r
	writeFile   string // -w
	count       int    // -c; 0 means no limit
	countOnly   bool   // --count
	nanoPrec    bool   // --time-stamp-precision=nano
	pcapng      bool   // --pcapng
	listDevs    bool   // -D
	device      string // -i
	noPromisc   bool   // -p
	direction   string // -Q in|out|inout
	bufferKiB   int    // -B, in KiB
	immediate   bool   // --immediate-mode
	expr        string // the filter expression
	exprGiven   bool   // an expression was given (possibly empty)
	showVersion bool   // --version
	showHelp    bool   // -h, --help

	// Printing. Count flags hold how many times the letter was given,
	// so "-vv" and "-v -v" both make verbose 2, as in tcpdump.
	numeric      int  // -n, -nn: names are never resolved, so the output is the same with or without
	linkHeader   int  // -e: print the link-level header on each line (-ee adds detail where tcpdump does)
	hexDump      int  // -x: hex dump of the packet without its link header; 2 (-xx) with it
	hexASCII     int  // -X: hex and ASCII dump without the link header; 2 (-XX) with it; wins over -x and -A
	asciiDump    int  // -A: ASCII dump without the link header; 2 (-AA) with it
	verbose      int  // -v, -vv, -vvv
	quiet        int  // -q: tcpdump's quiet (less protocol information) forms
	tsFormat     int  // -t count: 0 time of day, 1 none (-t), 2 seconds since 1970 (-tt), 3 delta since the previous packet (-ttt), 4 date and time (-tttt), 5 delta since the first packet (-ttttt)
	absoluteSeq  bool // -S: absolute TCP sequence numbers instead of relative ones
	packetNumber bool // -#, --number: print a packet number at the start of each line
	noChecksum   bool // -K: don't verify IP/TCP/UDP checksums in -v output
	printWritten bool // --print: print packets even while writing them with -w

	// Output.
	lineBuffered   bool   // -l: flush the standard output after each line
	packetBuffered bool   // -U: flush the -w file after each packet
	listDataLinks  bool   // -L: list the interface's data link types and exit
	user           string // -Z: switch to this user once the capture (or -r file) is open, before the first -w file is created
	fileSize       int64  // -C: start a new -w file once the current one is past this many bytes (the argument times 1,000,000); 0 means never
	fileCount      int    // -W: with -C, a ring of this many files; with -G, stop after this many files
	rotateSeconds  int    // -G: start a new -w file (a strftime name) every this many seconds; 0 means never
}

// shortWithArg lists the single-letter options that take an argument.
const shortWithArg = "BcCFGirswWyQZ"

// shortFlags lists the single-letter options that take none.
const shortFlags = "AdDehKlLnOpqStUvxX#"

// unsupportedShort lists tcpdump's other options (those with ':' take an
// argument), so that pcapdump can say they are not supported rather than
// unknown, and still skip their arguments the way getopt would.
const unsupportedShort = "abE:fHIj:Jm:M:NT:uV:Yz:"

// longOpt is one of tcpdump's long options: the single-letter option
// it stands for (0 when it has none) and whether it takes an argument.
type longOpt struct {
	short byte
	arg   bool
}

var longOptions = map[string]longOpt{
	"absolute-tcp-sequence-numbers": {'S', false},
	"buffer-size":                   {'B', true},
	"count":                         {0, false},
	"direction":                     {'Q', true},
	"dont-verify-checksums":         {'K', false},
	"help":                          {'h', false},
	"immediate-mode":                {0, false},
	"interface":                     {'i', true},
	"linktype":                      {'y', true},
	"list-data-link-types":          {'L', false},
	"list-interfaces":               {'D', false},
	"micro":                         {0, false},
	"nano":                          {0, false},
	"no-optimize":                   {'O', false},
	"no-promiscuous-mode":           {'p', false},
	"number":                        {'#', false},
	"packet-buffered":               {'U', false},
	"pcapng":                        {0, false},
	"print":                         {0, false},
	"relinquish-privileges":         {'Z', true},
	"snapshot-length":               {'s', true},
	"time-stamp-precision":          {0, true},
	"version":                       {0, false},
}

// usageError is a command line that getopt itself rejects: tcpdump then
// prints its usage text after the message.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

// parseArgs parses args (without the program name) like tcpdump's
// getopt_long: clustered short options ("-nn", "-ni eth0", "-XX"), "-rFILE"
// and "-r FILE", "--long=value" and "--long value", unique abbreviations of
// long options, words before options (GNU argument permutation), and "--"
// to end the options. The remaining words are joined with spaces into the
// filter expression. As in tcpdump, -h, --help and --version end the
// parsing at once (what follows them is not looked at).
func parseArgs(args []string) (*config, error) {
	c := &config{optimize: true}
	var rest []string
	for i := 0; i < len(args) && !c.showHelp && !c.showVersion; i++ {
		a := args[i]
		switch {
		case a == "--":
			rest = append(rest, args[i+1:]...)
			i = len(args)
		case strings.HasPrefix(a, "--"):
			arg, val, hasVal := strings.Cut(a[2:], "=")
			name, err := longOption(arg)
			if err != nil {
				return nil, err
			}
			takes := longOptions[name].arg
			if takes && !hasVal {
				if i+1 >= len(args) {
					return nil, &usageError{fmt.Sprintf("option '--%s' requires an argument", name)}
				}
				i++
				val = args[i]
			} else if !takes && hasVal {
				return nil, &usageError{fmt.Sprintf("option '--%s' doesn't allow an argument", name)}
			}
			if err := c.setLong(name, val); err != nil {
				return nil, err
			}
		case len(a) > 1 && a[0] == '-':
			for j := 1; j < len(a) && !c.showHelp; j++ {
				opt := a[j]
				takesArg, known := shortOption(opt)
				if !known {
					return nil, &usageError{fmt.Sprintf("invalid option -- '%c'", opt)}
				}
				if !takesArg {
					if err := c.setShort(opt, ""); err != nil {
						return nil, err
					}
					continue
				}
				val := a[j+1:]
				if val == "" {
					if i+1 >= len(args) {
						return nil, &usageError{fmt.Sprintf("option requires an argument -- '%c'", opt)}
					}
					i++
					val = args[i]
				}
				if err := c.setShort(opt, val); err != nil {
					return nil, err
				}
				break
			}
		default:
			rest = append(rest, a)
		}
	}
	if c.showHelp || c.showVersion {
		return c, nil
	}
	if c.tsFormat > 5 {
		return nil, errors.New("only -t, -tt, -ttt, -tttt and -ttttt are supported")
	}
	if len(rest) > 0 {
		c.expr = strings.Join(rest, " ")
		c.exprGiven = true
	}
	if c.filterFile != "" {
		b, err := os.ReadFile(c.filterFile)
		if err != nil {
			return nil, err
		}
		c.expr = stripComments(string(b))
		c.exprGiven = true
	}
	return c, nil
}

// warnings returns what tcpdump warns about in a command line it still
// accepts: dump options that exclude each other (the printer applies -X
// over -x over -A, as tcpdump does).
func (c *config) warnings() []string {
	var w []string
	if c.asciiDump > 0 && c.hexDump > 0 {
		w = append(w, "-A and -x[x] are mutually exclusive. -A ignored.")
	}
	if c.asciiDump > 0 && c.hexASCII > 0 {
		w = append(w, "-A and -X[X] are mutually exclusive. -A ignored.")
	}
	if c.hexDump > 0 && c.hexASCII > 0 {
		w = append(w, "-x[x] and -X[X] are mutually exclusive. -x[x] ignored.")
	}
	return w
}

// shortOption says whether opt is one of tcpdump's single-letter options
// and whether it takes an argument.
func shortOption(opt byte) (takesArg, known bool) {
	if opt == ':' {
		return false, false
	}
	if strings.IndexByte(shortWithArg, opt) >= 0 {
		return true, true
	}
	if strings.IndexByte(shortFlags, opt) >= 0 {
		return false, true
	}
	if k := strings.IndexByte(unsupportedShort, opt); k >= 0 {
		return k+1 < len(unsupportedShort) && unsupportedShort[k+1] == ':', true
	}
	return false, false
}

// longOption resolves a long option name, or a unique abbreviation of one
// as getopt_long accepts, to its full name.
func longOption(arg string) (string, error) {
	if _, ok := longOptions[arg]; ok {
		return arg, nil
	}
	var found []string
	for name := range longOptions {
		if arg != "" && strings.HasPrefix(name, arg) {
			found = append(found, name)
		}
	}
	switch len(found) {
	case 0:
		return "", &usageError{fmt.Sprintf("unrecognized option '--%s'", arg)}
	case 1:
		return found[0], nil
	}
	return "", &usageError{fmt.Sprintf("option '--%s' is ambiguous", arg)}
}

// setShort applies one single-letter option; val is its argument, if it
// takes one.
func (c *config) setShort(opt byte, val string) error {
	var err error
	switch opt {
	case 'd':
		c.dumpLevel++
	case 'D':
		c.listDevs = true
	case 'O':
		c.optimize = false
	case 'p':
		c.noPromisc = true
	case 'h':
		c.showHelp = true
	case 'A':
		c.asciiDump++
	case 'e':
		c.linkHeader++
	case 'K':
		c.noChecksum = true
	case 'l':
		c.lineBuffered = true
	case 'L':
		c.listDataLinks = true
	case 'n':
		c.numeric++
	case 'q':
		c.quiet++
	case 'S':
		c.absoluteSeq = true
	case 't':
		c.tsFormat++
	case 'U':
		c.packetBuffered = true
	case 'v':
		c.verbose++
	case 'x':
		c.hexDump++
	case 'X':
		c.hexASCII++
	case '#':
		c.packetNumber = true
	case 'B':
		c.bufferKiB, err = positive("packet buffer size", val)
	case 'c':
		c.count, err = positive("packet count", val)
	case 'C':
		// tcpdump 4.99 takes a plain decimal number of millions of bytes.
		n, perr := strconv.ParseInt(val, 10, 64)
		if perr != nil || n <= 0 {
			return fmt.Errorf("invalid file size %s", val)
		}
		if n > (1<<63-1)/1000000 {
			return fmt.Errorf("file size %s is too large", val)
		}
		c.fileSize = n * 1000000
	case 'F':
		c.filterFile = val
	case 'G':
		c.rotateSeconds = atoi(val)
		if c.rotateSeconds < 0 {
			return fmt.Errorf("invalid number of seconds %s", val)
		}
	case 'i':
		c.device = val
	case 'Q':
		switch strings.ToLower(val) {
		case "in", "out", "inout":
			c.direction = strings.ToLower(val)
		default:
			return fmt.Errorf("unknown capture direction '%s'", val)
		}
	case 'r':
		c.readFile = val
	case 's':
		n, perr := strconv.ParseInt(val, 0, 32)
		c.snaplen = int(n)
		if perr != nil || c.snaplen < 0 || c.snaplen > linktype.DefaultSnaplen {
			return fmt.Errorf("invalid snaplen %s (must be >= 0 and <= %d)", val, linktype.DefaultSnaplen)
		}
	case 'w':
		c.writeFile = val
	case 'W':
		c.fileCount = atoi(val)
		if c.fileCount <= 0 {
			return fmt.Errorf("invalid number of output files %s", val)
		}
	case 'y':
		c.linkType = val
	case 'Z':
		c.user = val
	default:
		return fmt.Errorf("option -%c is not supported by pcapdump", opt)
	}
	return err
}

// setLong applies one long option; val is its argument, if it takes one.
func (c *config) setLong(name, val string) error {
	if short := longOptions[name].short; short != 0 {
		return c.setShort(short, val)
	}
	switch name {
	case "count":
		c.countOnly = true
	case "time-stamp-precision":
		// tcpdump compares prefixes: "nanoseconds" is nano.
		switch {
		case strings.HasPrefix(val, "nano"):
			c.nanoPrec = true
		case strings.HasPrefix(val, "micro"):
			c.nanoPrec = false
		default:
			return errors.New("unsupported time stamp precision")
		}
	case "micro":
		c.nanoPrec = false
	case "nano":
		c.nanoPrec = true
	case "pcapng":
		c.pcapng = true
	case "immediate-mode":
		c.immediate = true
	case "version":
		c.showVersion = true
	case "print":
		c.printWritten = true
	}
	return nil
}

// atoi reads a number as glibc's atoi does: leading blanks and a sign,
// then digits up to the first non-digit (0 when there are none), taken as
// a long that saturates and is then truncated to a 32-bit int.
func atoi(s string) int {
	s = strings.TrimLeft(s, " \t\n\v\f\r")
	neg := false
	if s != "" && (s[0] == '-' || s[0] == '+') {
		neg = s[0] == '-'
		s = s[1:]
	}
	var n uint64
	for i := 0; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
		if n > (1<<63)/10 {
			n = 1 << 63
			break
		}
		n = n*10 + uint64(s[i]-'0')
	}
	var l int64
	switch {
	case neg && n >= 1<<63:
		l = -1 << 63
	case neg:
		l = -int64(n)
	case n >= 1<<63:
		l = 1<<63 - 1
	default:
		l = int64(n)
	}
	return int(int32(l))
}

// positive reads a count as tcpdump does (C's atoi) and rejects one that
// is not positive.
func positive(what, val string) (int, error) {
	n := atoi(val)
	if n <= 0 {
		return 0, fmt.Errorf("invalid %s %s", what, val)
	}
	return n, nil
}

// stripComments removes '#' comments from a -F file, as tcpdump does, and
// joins its lines.
func stripComments(s string) string {
	var b strings.Builder
	for _, line := range strings.Split(s, "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		b.WriteString(line)
		b.WriteByte(' ')
	}
	return strings.TrimSpace(b.String())
}
