package main

import "errors"

// packetFilter returns a function that says whether a packet matches c.expr
// on a savefile of the given link type and snaplen, or nil when there is no
// expression.
func packetFilter(c *config, linkType uint32, snaplen int) (func(pkt []byte, wireLen int) bool, error) {
	if !c.exprGiven || c.expr == "" {
		return nil, nil
	}
	return nil, errors.New("filter expressions are not supported yet")
}
