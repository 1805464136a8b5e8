package bpf

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// ParseDDD parses the text tcpdump -ddd prints: the instruction count, then
// one "code jt jf k" line per instruction, in decimal. Instructions may also
// be separated by commas, as in "4,40 0 0 12,21 0 1 2048,6 0 0 65535,6 0 0 0"
// (the form iptables and tc take). Blank lines are ignored. The count must
// match the number of instructions. On error the result is nil.
func ParseDDD(text string) ([]Instruction, error) {
	var fields [][]string
	var lines []int
	for ln, line := range strings.Split(text, "\n") {
		for _, part := range strings.Split(line, ",") {
			f := strings.Fields(part)
			if len(f) == 0 {
				continue
			}
			fields = append(fields, f)
			lines = append(lines, ln+1)
		}
	}
	if len(fields) == 0 {
		return nil, errors.New("bpf: no instruction count")
	}
	if len(fields[0]) != 1 {
		return nil, fmt.Errorf("bpf: line %d: want the instruction count, got %q", lines[0], strings.Join(fields[0], " "))
	}
	n, err := strconv.ParseUint(fields[0][0], 10, 32)
	if err != nil {
		return nil, fmt.Errorf("bpf: line %d: bad instruction count %q", lines[0], fields[0][0])
	}
	if int(n) != len(fields)-1 {
		return nil, fmt.Errorf("bpf: count says %d instructions, found %d", n, len(fields)-1)
	}
	prog := make([]Instruction, 0, n)
	for i, f := range fields[1:] {
		ins, err := parseFields(f, 10)
		if err != nil {
			return nil, fmt.Errorf("bpf: line %d: %w", lines[i+1], err)
		}
		prog = append(prog, ins)
	}
	return prog, nil
}

// ParseDD parses the text tcpdump -dd prints: one C initializer
// "{ 0x28, 0, 0, 0x0000000c }," per instruction. Numbers may be written in
// decimal, hexadecimal (0x), or octal (leading 0), as in C. Text outside the
// braces (a trailing comma, blank lines) is ignored. On error the result is
// nil.
func ParseDD(text string) ([]Instruction, error) {
	var prog []Instruction
	rest := text
	line := 1
	for {
		open := strings.IndexByte(rest, '{')
		if open < 0 {
			if s := strings.Trim(rest, " \t\r\n,;"); s != "" {
				return nil, fmt.Errorf("bpf: line %d: unexpected %q", line, s)
			}
			return prog, nil
		}
		if s := strings.Trim(rest[:open], " \t\r\n,;"); s != "" {
			return nil, fmt.Errorf("bpf: line %d: unexpected %q", line, s)
		}
		line += strings.Count(rest[:open], "\n")
		end := strings.IndexByte(rest[open:], '}')
		if end < 0 {
			return nil, fmt.Errorf("bpf: line %d: missing '}'", line)
		}
		body := rest[open+1 : open+end]
		f := strings.Split(body, ",")
		for i := range f {
			f[i] = strings.TrimSpace(f[i])
		}
		ins, err := parseFields(f, 0)
		if err != nil {
			return nil, fmt.Errorf("bpf: line %d: %w", line, err)
		}
		prog = append(prog, ins)
		line += strings.Count(body, "\n")
		rest = rest[open+end+1:]
	}
}

// parseFields parses "code jt jf k" in the given base (0: C literal rules).
func parseFields(f []string, base int) (Instruction, error) {
	if len(f) != 4 {
		return Instruction{}, fmt.Errorf("want 4 fields (code jt jf k), got %d", len(f))
	}
	var v [4]uint64
	bits := [4]int{16, 8, 8, 32}
	names := [4]string{"code", "jt", "jf", "k"}
	for i, s := range f {
		if base == 0 && len(s) > 1 && s[0] == '0' && s[1] >= '0' && s[1] <= '9' {
			s = "0o" + s[1:] // C octal
		}
		x, err := strconv.ParseUint(s, base, bits[i])
		if err != nil {
			return Instruction{}, fmt.Errorf("bad %s %q", names[i], f[i])
		}
		v[i] = x
	}
	return Instruction{Op: uint16(v[0]), Jt: uint8(v[1]), Jf: uint8(v[2]), K: uint32(v[3])}, nil
}
