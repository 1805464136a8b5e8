package compile

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestNamedNumberShape guards the scanner's shortcut: it looks a word up
// in namedNumbers only when it has at least seven bytes and starts with
// 'i' or 't'.
func TestNamedNumberShape(t *testing.T) {
	for name := range namedNumbers {
		assert.True(t, len(name) >= 7 && (name[0] == 'i' || name[0] == 't'), name)
	}
}

func TestTwoCharToken(t *testing.T) {
	want := map[string]token{
		">=": tokGEQ, "<=": tokLEQ, "!=": tokNEQ, "==": tokEQ,
		"<<": tokLSH, ">>": tokRSH, "&&": tokAND, "||": tokOR,
	}
	for c1 := 0; c1 < 256; c1++ {
		for c2 := 0; c2 < 256; c2++ {
			s := string([]byte{byte(c1), byte(c2)})
			assert.Equal(t, want[s], twoCharToken(byte(c1), byte(c2)), "%q", s)
		}
	}
}
