package server

import (
	"context"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/freezeguard/freezeguard/screening"
	"github.com/freezeguard/freezeguard/screening/audit"
)

// metrics are the service's Prometheus metrics, every name prefixed
// freezeguard_, on a registry of the server's own (no process-wide state).
type metrics struct {
	reg        *prometheus.Registry
	latency    *prometheus.HistogramVec // route, outcome
	requests   *prometheus.CounterVec   // route, code
	decisions  *prometheus.CounterVec   // outcome
	hits       *prometheus.CounterVec   // source
	appendDur  prometheus.Histogram
	appendFail prometheus.Counter
	reloads    prometheus.Counter
	reloadFail prometheus.Counter
}

func newMetrics(s *Server) *metrics {
	m := &metrics{
		reg: prometheus.NewRegistry(),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "freezeguard_http_request_duration_seconds",
			Help:    "Time to answer an API request, by route and outcome (FREEZE, HOLD, CLEAR, or the status class of an answer without a decision).",
			Buckets: []float64{.0002, .0005, .001, .002, .005, .01, .02, .05, .1, .25, .5, 1, 2.5, 5, 10},
		}, []string{"route", "outcome"}),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "freezeguard_http_requests_total",
			Help: "API requests answered, by route and status code.",
		}, []string{"route", "code"}),
		decisions: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "freezeguard_decisions_total",
			Help: "Decisions logged and answered, by outcome.",
		}, []string{"outcome"}),
		hits: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "freezeguard_hits_total",
			Help: "Hits in answered decisions, by list source.",
		}, []string{"source"}),
		appendDur: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "freezeguard_audit_append_duration_seconds",
			Help:    "Time for an audit record to become durable (fsync included).",
			Buckets: []float64{.0001, .0002, .0005, .001, .002, .005, .01, .02, .05, .1, .5, 1},
		}),
		appendFail: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "freezeguard_audit_append_failures_total",
			Help: "Audit appends that failed: the decisions were answered 503.",
		}),
		reloads: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "freezeguard_list_reloads_total",
			Help: "List reloads attempted (SIGHUP, POST /v1/admin/reload, --fetch-every).",
		}),
		reloadFail: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "freezeguard_list_reload_failures_total",
			Help: "List reloads that failed: the last good snapshot was kept.",
		}),
	}
	m.reg.MustRegister(m.latency, m.requests, m.decisions, m.hits, m.appendDur, m.appendFail, m.reloads, m.reloadFail, listCollector{s})
	return m
}

// observe counts a logged decision.
func (m *metrics) observe(d *screening.Decision) {
	m.decisions.WithLabelValues(string(d.Outcome)).Inc()
	for i := range d.Parties {
		for j := range d.Parties[i].Hits {
			m.hits.WithLabelValues(string(d.Parties[i].Hits[j].Source)).Inc()
		}
	}
}

var (
	descListAge = prometheus.NewDesc("freezeguard_list_age_seconds",
		"Age of each loaded source's publish date.", []string{"source", "file"}, nil)
	descListEntities = prometheus.NewDesc("freezeguard_list_entities",
		"Entities loaded from each source file.", []string{"source", "file"}, nil)
	descGeneration = prometheus.NewDesc("freezeguard_list_generation",
		"Generation of the snapshot in use (1 at start, +1 on every reload).", nil, nil)
	descLoaded = prometheus.NewDesc("freezeguard_list_loaded_timestamp_seconds",
		"When the snapshot in use was loaded.", nil, nil)
)

// listCollector reports the snapshot in use at scrape time, so that
// list age grows between reloads without a timer.
type listCollector struct{ s *Server }

func (c listCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- descListAge
	ch <- descListEntities
	ch <- descGeneration
	ch <- descLoaded
}

func (c listCollector) Collect(ch chan<- prometheus.Metric) {
	sc := c.s.sc
	snap := sc.Snapshot()
	now := c.s.now()
	for _, p := range snap.Sources {
		if !p.Published.IsZero() {
			ch <- prometheus.MustNewConstMetric(descListAge, prometheus.GaugeValue, now.Sub(p.Published).Seconds(), string(p.Source), p.File)
		}
		ch <- prometheus.MustNewConstMetric(descListEntities, prometheus.GaugeValue, float64(p.Records), string(p.Source), p.File)
	}
	ch <- prometheus.MustNewConstMetric(descGeneration, prometheus.GaugeValue, float64(sc.Generation()))
	ch <- prometheus.MustNewConstMetric(descLoaded, prometheus.GaugeValue, float64(snap.Loaded.Unix()))
}

// timedLog is the audit log as the Screener sees it: every append is
// timed, and the last outcome is kept for readiness (the store is
// writable if the last append succeeded).
type timedLog struct {
	audit.Log
	m      *metrics
	failed func(error) // records a failure, or nil for a success
}

func (l *timedLog) Append(ctx context.Context, typ string, body any) (audit.Record, error) {
	t := time.Now()
	rec, err := l.Log.Append(ctx, typ, body)
	l.m.appendDur.Observe(time.Since(t).Seconds())
	if err != nil && ctx.Err() == nil {
		l.m.appendFail.Inc()
		l.failed(err)
	} else if err == nil {
		l.failed(nil)
	}
	return rec, err
}
