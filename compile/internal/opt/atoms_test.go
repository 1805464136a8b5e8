package opt

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestAtomTables checks the table-driven atomUse and atomDef against the
// classification they are built from, for every opcode and several
// constants, and for the no-op.
func TestAtomTables(t *testing.T) {
	for op := range 256 {
		for _, k := range []uint32{0, 5, 15, atomK, 1000} {
			s := ostmt{op: uint16(op), k: k}
			require.Equal(t, classifyUse(s), atomUse(s), "use of %#x k=%d", op, k)
			require.Equal(t, classifyDef(s), atomDef(s), "def of %#x k=%d", op, k)
		}
	}
	nop := ostmt{op: opNop, k: 3}
	require.Equal(t, -1, atomUse(nop))
	require.Equal(t, -1, atomDef(nop))
	require.Equal(t, int(atomA), atomUse(ostmt{op: OpSt, k: 2}))
	require.Equal(t, 2, atomDef(ostmt{op: OpSt, k: 2}))
	require.Equal(t, 7, atomUse(ostmt{op: OpLdMem, k: 7}))
}

// TestAtomUseMask checks atomUseMask against atomUse for every opcode,
// for the scratch words okStmt lets through, and for the no-op.
func TestAtomUseMask(t *testing.T) {
	for op := range 256 {
		for _, k := range []uint32{0, 5, 15} {
			s := ostmt{op: uint16(op), k: k}
			var want uint32
			switch a := atomUse(s); a {
			case -1:
			case atomAX:
				want = atomBit(atomA) | atomBit(atomX)
			default:
				want = atomBit(a)
			}
			require.Equal(t, want, atomUseMask(s), "use of %#x k=%d", op, k)
		}
	}
	require.Zero(t, atomUseMask(ostmt{op: opNop, k: 3}))
}
