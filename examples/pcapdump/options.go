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
	bufferKiB   int    // -B
	immediate   bool   // --immediate-mode
	expr        string // the filter expression
	exprGiven   bool   // an expression was given (possibly empty)
	showVersion bool   // --version
}

// shortWithArg lists the single-letter options that take an argument.
const shortWithArg = "BcFirswyQ"

// shortFlags lists the single-letter options that take none.
const shortFlags = "dDOp"

var longOptions = map[string]bool{ // name -> takes an argument
	"count":                false,
	"time-stamp-precision": true,
	"pcapng":               false,
	"immediate-mode":       false,
	"version":              false,
	"list-interfaces":      false,
	"interface":            true,
	"snapshot-length":      true,
	"direction":            true,
	"buffer-size":          true,
	"no-promiscuous-mode":  false,
	"no-optimize":          false,
	"linktype":             true,
}

var errUsage = errors.New("usage: pcapdump [-dDOp] [-B size] [-c count] [-F file] [-i interface] [-Q in|out|inout] [-r file] [-s snaplen] [-w file] [-y linktype] [--count] [--immediate-mode] [--pcapng] [--time-stamp-precision=micro|nano] [expression]")

// parseArgs parses args (without the program name) like tcpdump's getopt:
// clustered short options, "-rFILE" and "-r FILE", "--long=value" and
// "--long value", and "--" to end the options. The remaining words are
// joined with spaces into the filter expression.
func parseArgs(args []string) (*config, error) {
	c := &config{optimize: true}
	var rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			rest = append(rest, args[i+1:]...)
			i = len(args)
		case strings.HasPrefix(a, "--"):
			name, val, hasVal := strings.Cut(a[2:], "=")
			takes, ok := longOptions[name]
			if !ok {
				return nil, fmt.Errorf("unrecognized option '--%s'", name)
			}
			if takes && !hasVal {
				if i+1 >= len(args) {
					return nil, fmt.Errorf("option '--%s' requires an argument", name)
				}
				i++
				val = args[i]
			} else if !takes && hasVal {
				return nil, fmt.Errorf("option '--%s' doesn't allow an argument", name)
			}
			if err := c.setLong(name, val); err != nil {
				return nil, err
			}
		case len(a) > 1 && a[0] == '-':
			for j := 1; j < len(a); j++ {
				opt := a[j]
				if strings.IndexByte(shortWithArg, opt) >= 0 {
					val := a[j+1:]
					if val == "" {
						if i+1 >= len(args) {
							return nil, fmt.Errorf("option requires an argument -- '%c'", opt)
						}
						i++
						val = args[i]
					}
					if err := c.setShort(opt, val); err != nil {
						return nil, err
					}
					break
				}
				if strings.IndexByte(shortFlags, opt) < 0 {
					return nil, fmt.Errorf("invalid option -- '%c'", opt)
				}
				if err := c.setShort(opt, ""); err != nil {
					return nil, err
				}
			}
		default:
			rest = append(rest, a)
		}
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
	case 'B':
		c.bufferKiB, err = positive("buffer size", val)
	case 'c':
		c.count, err = positive("packet count", val)
	case 'F':
		c.filterFile = val
	case 'i':
		c.device = val
	case 'Q':
		if val != "in" && val != "out" && val != "inout" {
			return fmt.Errorf("%s is not a valid direction", val)
		}
		c.direction = val
	case 'r':
		c.readFile = val
	case 's':
		c.snaplen, err = strconv.Atoi(val)
		if err != nil || c.snaplen < 0 || c.snaplen > linktype.DefaultSnaplen {
			return fmt.Errorf("invalid snaplen %s", val)
		}
	case 'w':
		c.writeFile = val
	case 'y':
		c.linkType = val
	}
	return err
}

func (c *config) setLong(name, val string) error {
	switch name {
	case "count":
		c.countOnly = true
	case "time-stamp-precision":
		switch val {
		case "micro":
			c.nanoPrec = false
		case "nano":
			c.nanoPrec = true
		default:
			return fmt.Errorf("unsupported time stamp precision")
		}
	case "pcapng":
		c.pcapng = true
	case "immediate-mode":
		c.immediate = true
	case "version":
		c.showVersion = true
	case "list-interfaces":
		return c.setShort('D', "")
	case "interface":
		return c.setShort('i', val)
	case "snapshot-length":
		return c.setShort('s', val)
	case "direction":
		return c.setShort('Q', val)
	case "buffer-size":
		return c.setShort('B', val)
	case "no-promiscuous-mode":
		return c.setShort('p', "")
	case "no-optimize":
		return c.setShort('O', "")
	case "linktype":
		return c.setShort('y', val)
	}
	return nil
}

func positive(what, val string) (int, error) {
	n, err := strconv.Atoi(val)
	if err != nil || n <= 0 {
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
