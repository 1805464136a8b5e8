package main

import "errors"

// readOffline reads a savefile, filters it, and counts or writes it.
func readOffline(c *config) error {
	return errors.New("reading savefiles is not implemented yet")
}
