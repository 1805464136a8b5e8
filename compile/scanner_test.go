package compile

import (
	"strings"
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

func TestProtoOf(t *testing.T) {
	for tok := token(-1); tok < token(len(tokenNames))+10; tok++ {
		want, wantOK := tokenProto[tok]
		got, ok := protoOf(tok)
		assert.Equal(t, wantOK, ok, "%v", tok)
		assert.Equal(t, want, got, "%v", tok)
	}
}

func TestLookupKeyword(t *testing.T) {
	assert.Less(t, 4*len(keywords), len(keywordTab), "keyword table too full")
	var words []string
	for name := range keywords {
		words = append(words, name, name[:len(name)-1], name+"x", "x"+name, strings.ToUpper(name))
	}
	words = append(words, "", "a", "hostx", "10", "foo.bar", "icmp-echo", "tcp-syn")
	for _, w := range words {
		want, wantOK := keywords[w]
		got, ok := lookupKeyword(w)
		assert.Equal(t, wantOK, ok, w)
		assert.Equal(t, want, got, w)
	}
}
