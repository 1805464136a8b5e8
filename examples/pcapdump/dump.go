package main

import "errors"

// dumpProgram compiles c.expr on a dead handle and prints it as -d, -dd or
// -ddd asks.
func dumpProgram(c *config) error {
	return errors.New("filter compilation is not implemented yet")
}
