package payments

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"

	"github.com/freezeguard/freezeguard/screening"
)

var benchFiles = []string{
	"iso20022_pacs008_moov-wire20022/CustomerCreditTransfer_Scenario1_Step1_pacs.008.xml",
	"iso20022_prowide-iso20022/pacs.008.001.07.xml",
	"iso20022_prowide-iso20022/pacs.009.001.07.xml",
	"iso20022_pain001_moov-iso20022/musterfile_pain.001_Nov2020.xml",
	"swift_mt_prowide-core/MT101.fin",
	"swift_mt_prowide-core/MT103-bulk-with-ack.rje",
	"swift_mt_prowide-core/MT103-out-ack.rje",
}

// BenchmarkParse reports messages (files) and payments parsed per second
// for each real sample.
func BenchmarkParse(b *testing.B) {
	for _, f := range benchFiles {
		data := readSample(b, f)
		pays, _ := Parse(bytes.NewReader(data))
		b.Run(filepath.Base(f), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				Parse(bytes.NewReader(data))
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "msgs/s")
			b.ReportMetric(float64(b.N*len(pays))/b.Elapsed().Seconds(), "payments/s")
		})
	}
}

// BenchmarkScreenMessage reports messages parsed and screened per second
// against the real OFAC SDN and UN lists (memory audit log).
func BenchmarkScreenMessage(b *testing.B) {
	s := realScreener(b)
	ctx := context.Background()
	for _, f := range benchFiles {
		data := readSample(b, f)
		pays, _ := Parse(bytes.NewReader(data))
		b.Run(filepath.Base(f), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := ScreenMessage(ctx, s, bytes.NewReader(data)); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "msgs/s")
			b.ReportMetric(float64(b.N*len(pays))/b.Elapsed().Seconds(), "payments/s")
		})
	}
}

// BenchmarkScreenChecks reports payments screened per second with the free
// text and embargo checks on (the default) and off, on the real samples
// with a remittance line added to each pacs.008.
func BenchmarkScreenChecks(b *testing.B) {
	data := readSample(b, "iso20022_pacs008_moov-wire20022/CustomerCreditTransfer_Scenario1_Step1_pacs.008.xml")
	data = bytes.Replace(data, []byte("<RmtInf>"), []byte("<RmtInf><Ustrd>Invoice 2026-4471 office chairs and desks, delivery Hamburg</Ustrd>"), 1)
	mt := readSample(b, "swift_mt_prowide-core/MT103-out-ack.rje")
	ctx := context.Background()
	for _, on := range []bool{true, false} {
		pol := screening.DefaultPolicy(screening.JurisdictionUS)
		pol.SkipEmbargo, pol.SkipFreeText = !on, !on
		s := screenerWith(b, pol)
		name := "on"
		if !on {
			name = "off"
		}
		for _, c := range []struct {
			file string
			data []byte
			n    int
		}{{"pacs008", data, 1}, {"mt103-rje", mt, 13}} {
			b.Run(name+"/"+c.file, func(b *testing.B) {
				for b.Loop() {
					if _, err := ScreenMessage(ctx, s, bytes.NewReader(c.data)); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(b.N*c.n)/b.Elapsed().Seconds(), "payments/s")
			})
		}
	}
}
