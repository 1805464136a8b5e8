// Command compile-bench is the Go side of bench/compile/run.sh: it times
// compile.Compile over the expressions of a corpus the way c/bench.c times
// libpcap's pcap_compile, and prints the same lines. A second argument -O
// turns the optimizer off.
package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/purepcap/pcap/compile"
	"github.com/purepcap/pcap/linktype"
)

func main() {
	if len(os.Args) < 2 || len(os.Args) > 3 {
		fmt.Fprintln(os.Stderr, "usage: compile-bench CORPUS [-O]")
		os.Exit(2)
	}
	f, err := os.Open(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer f.Close()
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 65536), 1<<20)
	opts := compile.Options{Optimize: len(os.Args) < 3 || os.Args[2] != "-O"}
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		name, expr, ok := strings.Cut(line, "\t")
		if !ok || strings.HasPrefix(line, "#") {
			continue
		}
		lt, ok := linktype.Parse(name)
		if !ok {
			fmt.Fprintf(w, "%d\terror\n", n)
			continue
		}
		if _, err := compile.Compile(expr, lt, opts); err != nil {
			fmt.Fprintf(w, "%d\terror\n", n)
			continue
		}
		iters := 0
		start := time.Now()
		var d time.Duration
		for {
			compile.Compile(expr, lt, opts)
			iters++
			d = time.Since(start)
			if iters >= 20000 || iters >= 3 && d >= 20*time.Millisecond {
				break
			}
		}
		fmt.Fprintf(w, "%d\t%d\n", n, d.Nanoseconds()/int64(iters))
	}
	if err := sc.Err(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
