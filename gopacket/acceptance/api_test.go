package acceptance

import (
	"bytes"
	"go/ast"
	"go/build"
	"go/parser"
	"go/printer"
	"go/token"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestAPICoverage requires every identifier gopacket/pcap exports on Linux
// (with cgo, as it builds there) in the drop-in, with the same kind and, for
// functions and methods, the same parameter and result types, and for
// structs with exported fields, the same fields. Extra identifiers in the
// drop-in are not allowed either: a program that builds against one builds
// against the other.
func TestAPICoverage(t *testing.T) {
	m := modules(t)
	want := exportedAPI(t, filepath.Join(m.upstreamDir, "pcap"), true)
	got := exportedAPI(t, filepath.Join(m.dropinDir, "pcap"), false)
	require.NotEmpty(t, want)
	var keys []string
	for k := range want {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		g, ok := got[k]
		if assert.True(t, ok, "drop-in lacks %s", k) {
			assert.Equal(t, want[k], g, "%s", k)
		}
	}
	for k := range got {
		assert.Contains(t, want, k, "drop-in exports %s, which gopacket/pcap does not", k)
	}
	t.Logf("%d exported identifiers and methods of gopacket/pcap %s, all in the drop-in", len(want), m.version)
}

// exportedAPI maps each exported declaration of the package in dir, as it
// builds for linux/amd64, to a description of its type.
func exportedAPI(t *testing.T, dir string, cgo bool) map[string]string {
	t.Helper()
	ctx := build.Default
	ctx.GOOS, ctx.GOARCH, ctx.CgoEnabled = "linux", "amd64", cgo
	pkg, err := ctx.ImportDir(dir, 0)
	require.NoError(t, err)
	api := map[string]string{}
	fset := token.NewFileSet()
	str := func(n ast.Node) string {
		var b bytes.Buffer
		require.NoError(t, printer.Fprint(&b, fset, n))
		return b.String()
	}
	types := func(fl *ast.FieldList) string {
		if fl == nil {
			return ""
		}
		var ts []string
		for _, f := range fl.List {
			n := max(len(f.Names), 1)
			for range n {
				ts = append(ts, str(f.Type))
			}
		}
		return strings.Join(ts, ", ")
	}
	for _, name := range append(pkg.GoFiles, pkg.CgoFiles...) {
		f, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, 0)
		require.NoError(t, err)
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if !d.Name.IsExported() {
					continue
				}
				key := "func " + d.Name.Name
				if d.Recv != nil {
					recv := strings.TrimPrefix(str(d.Recv.List[0].Type), "*")
					if !ast.IsExported(recv) {
						continue
					}
					key = "method " + recv + "." + d.Name.Name
				}
				api[key] = "(" + types(d.Type.Params) + ") (" + types(d.Type.Results) + ")"
			case *ast.GenDecl:
				for _, s := range d.Specs {
					switch s := s.(type) {
					case *ast.TypeSpec:
						if !s.Name.IsExported() {
							continue
						}
						desc := "defined"
						if s.Assign.IsValid() {
							desc = "alias"
						}
						if st, ok := s.Type.(*ast.StructType); ok {
							var fields []string
							for _, fl := range st.Fields.List {
								for _, n := range fl.Names {
									if n.IsExported() {
										fields = append(fields, n.Name+" "+str(fl.Type))
									}
								}
							}
							desc += " struct {" + strings.Join(fields, "; ") + "}"
						} else {
							desc += " " + str(s.Type)
						}
						api["type "+s.Name.Name] = desc
					case *ast.ValueSpec:
						for _, n := range s.Names {
							if n.IsExported() {
								api[d.Tok.String()+" "+n.Name] = ""
							}
						}
					}
				}
			}
		}
	}
	return api
}
