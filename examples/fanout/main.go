// Command fanout captures one interface with several handles joined in a
// PACKET_FANOUT group, one goroutine per handle, so the kernel spreads the
// packets over them (and over CPUs). It prints what each handle saw.
//
//	fanout -i eth0 -n 4 -mode hash -t 10s 'tcp port 443'
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"sync"
	"time"

	pcap "github.com/purepcap/pcap"
)

func main() {
	dev := flag.String("i", "", "interface (default: the first one up)")
	n := flag.Int("n", 4, "number of handles (goroutines)")
	modeName := flag.String("mode", "hash", "fanout mode: hash, lb, cpu or rollover")
	group := flag.Uint("group", uint(os.Getpid()&0xffff), "fanout group id")
	dur := flag.Duration("t", 10*time.Second, "how long to capture")
	flag.Parse()
	if err := run(*dev, *n, *modeName, uint16(*group), *dur, strings.Join(flag.Args(), " ")); err != nil {
		fmt.Fprintln(os.Stderr, "fanout:", err)
		os.Exit(1)
	}
}

func run(dev string, n int, modeName string, group uint16, dur time.Duration, expr string) error {
	modes := map[string]pcap.FanoutMode{
		"hash": pcap.FanoutHash, "lb": pcap.FanoutLB, "cpu": pcap.FanoutCPU, "rollover": pcap.FanoutRollover,
	}
	mode, ok := modes[modeName]
	if !ok {
		return fmt.Errorf("unknown fanout mode %q", modeName)
	}
	if dev == "" {
		d, err := pcap.LookupDev()
		if err != nil {
			return err
		}
		dev = d
	}

	// Open every handle and join the group before reading.
	handles := make([]*pcap.Handle, 0, n)
	defer func() {
		for _, h := range handles {
			h.Close()
		}
	}()
	for i := 0; i < n; i++ {
		p, err := pcap.NewInactiveHandle(dev)
		if err != nil {
			return err
		}
		p.SetTimeout(100 * time.Millisecond)
		if expr != "" {
			p.SetBPFFilter(expr)
		}
		h, err := p.Activate()
		if err != nil {
			return err
		}
		handles = append(handles, h)
		if err := h.SetFanout(mode, group); err != nil {
			return err
		}
	}
	fmt.Fprintf(os.Stderr, "capturing on %s with %d handles (fanout %s, group %d) for %v\n", dev, n, modeName, group, dur)

	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt)
	go func() {
		select {
		case <-stop:
		case <-time.After(dur):
		}
		for _, h := range handles {
			h.Close() // wakes each reader at once
		}
	}()

	counts := make([]int, n)
	bytes := make([]int, n)
	var wg sync.WaitGroup
	for i, h := range handles {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				data, _, err := h.ZeroCopyReadPacketData()
				if errors.Is(err, pcap.ErrTimeout) {
					continue
				}
				if err != nil {
					return // closed
				}
				counts[i]++
				bytes[i] += len(data)
			}
		}()
	}
	wg.Wait()
	total := 0
	for i := range handles {
		fmt.Printf("handle %d: %d packets, %d bytes\n", i, counts[i], bytes[i])
		total += counts[i]
	}
	fmt.Printf("total: %d packets\n", total)
	return nil
}
