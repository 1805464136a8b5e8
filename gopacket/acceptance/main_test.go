package acceptance

import (
	"os"
	"testing"
)

func TestMain(m *testing.M) {
	code := m.Run()
	if ex.dir != "" {
		os.RemoveAll(ex.dir)
	}
	os.Exit(code)
}
