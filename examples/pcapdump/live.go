package main

import "errors"

// listDevices prints the capture devices as tcpdump -D does.
func listDevices(c *config) error {
	return errors.New("listing devices is not implemented yet")
}

// captureLive captures from c.device (or the default device).
func captureLive(c *config) error {
	return errors.New("live capture is not implemented yet")
}
