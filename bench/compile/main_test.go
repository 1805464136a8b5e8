package main

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"github.com/purepcap/pcap/compile"
	"github.com/purepcap/pcap/linktype"
)

type corpusExpr struct {
	lt   linktype.Type
	expr string
}

// loadCorpus returns the expressions of corpus.txt that compile.
func loadCorpus(tb testing.TB) []corpusExpr {
	f, err := os.Open("corpus.txt")
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var out []corpusExpr
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 65536), 1<<20)
	for sc.Scan() {
		name, expr, ok := strings.Cut(sc.Text(), "\t")
		if !ok || strings.HasPrefix(name, "#") {
			continue
		}
		lt, ok := linktype.Parse(name)
		if !ok {
			continue
		}
		if _, err := compile.Compile(expr, lt, compile.Options{}); err != nil {
			continue
		}
		out = append(out, corpusExpr{lt, expr})
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return out
}

func TestCorpusCompiles(t *testing.T) {
	if n := len(loadCorpus(t)); n < 200 {
		t.Fatalf("only %d corpus expressions compile", n)
	}
}

// BenchmarkCorpus compiles every expression of the corpus once per
// iteration, with the optimizer off and on: the Go side of run.sh as a
// benchmark, for -cpuprofile and -benchmem.
func BenchmarkCorpus(b *testing.B) {
	exprs := loadCorpus(b)
	for _, optimize := range []bool{false, true} {
		name := "unoptimized"
		if optimize {
			name = "optimized"
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			opts := compile.Options{Optimize: optimize}
			for b.Loop() {
				for _, e := range exprs {
					compile.Compile(e.expr, e.lt, opts)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(exprs)), "ns/expr")
		})
	}
}
