//go:build !linux

package pcap

func findAllDevs() ([]Interface, error) { return nil, errUnsupported }
