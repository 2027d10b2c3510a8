package contract

import (
	"os"
	"fmt"
	"testing"
)

func TestZZScratch(t *testing.T) {
	for _, f := range os.Args {
		_ = f
	}
	for _, f := range []string{os.Getenv("F1"), os.Getenv("F2")} {
		if f == "" { continue }
		_, fs := Check(f, readFile(t, f), DefaultRules())
		for _, x := range fs {
			fmt.Println(x.String(), " @", x.Path)
		}
	}
}
