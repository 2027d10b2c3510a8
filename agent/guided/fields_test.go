package guided

import (
	"reflect"
	"testing"
)

func TestParseField(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want FieldSpec
		err  bool
	}{
		{in: "order_id: string, required, primary key", want: FieldSpec{Name: "order_id", LogicalType: "string", Required: true, Unique: true, PrimaryKey: true}},
		{in: "`customer_email: string, pii, classification=Restricted, masking=hash, description=E-mail, for receipts`",
			want: FieldSpec{Name: "customer_email", LogicalType: "string", PII: true, Classification: "restricted", Masking: "hash", Description: "E-mail, for receipts"}},
		{in: "total: decimal(12,2), required", want: FieldSpec{Name: "total", LogicalType: "number", PhysicalType: "decimal(12,2)", Required: true}},
		{in: "total_cents: bigint, obrigatório", want: FieldSpec{Name: "total_cents", LogicalType: "integer", PhysicalType: "bigint", Required: true}},
		{in: "created_at timestamp", want: FieldSpec{Name: "created_at", LogicalType: "timestamp"}},
		{in: "nome: texto", err: true},
		{in: "no type here", err: true},
		{in: ": string", err: true},
		{in: "x: string, frobnicate", err: true},
	}
	for _, tt := range tests {
		got, err := ParseField(tt.in)
		if (err != nil) != tt.err {
			t.Errorf("%q: err = %v", tt.in, err)
			continue
		}
		if err == nil && !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q:\n got %+v\nwant %+v", tt.in, got, tt.want)
		}
	}
}

func FuzzParseField(f *testing.F) {
	for _, s := range []string{"order_id: string, required, primary key", "a: b=c, description=x,y", "é: ção", ":", ","} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fs, err := ParseField(s)
		if err == nil && (fs.Name == "" || fs.LogicalType == "") {
			t.Fatalf("accepted %q without name or type: %+v", s, fs)
		}
	})
}
