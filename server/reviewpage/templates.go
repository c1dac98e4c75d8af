package reviewpage

import (
	"fmt"
	"html/template"
	"io"
	"strings"
	"time"

	"github.com/freezeguard/freezeguard/lists"
)

// templates are the pages, each a full document built on "layout".
// html/template escapes every value for its context: a listed name with
// "<script>" in it is shown as text.
type templates map[string]*template.Template

var funcs = template.FuncMap{
	"when": func(t time.Time) string {
		if t.IsZero() {
			return "-"
		}
		return t.UTC().Format("2006-01-02 15:04 UTC")
	},
	"day": func(t time.Time) string {
		if t.IsZero() {
			return "-"
		}
		return t.UTC().Format("2006-01-02")
	},
	"date":  listDate,
	"score": func(f float64) string { return fmt.Sprintf("%.2f", f) },
	"join":  strings.Join,
}

// listDate shows a listed date as precisely as it is known.
func listDate(d lists.Date) string {
	s := ""
	switch {
	case d.Year == 0:
		return "?"
	case d.Month == 0:
		s = fmt.Sprintf("%04d", d.Year)
	case d.Day == 0:
		s = fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	default:
		s = fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
	}
	if d.ToYear != 0 {
		s += fmt.Sprintf(" to %04d", d.ToYear)
	}
	if k := string(d.Kind); k != "" && k != "exact" {
		s += " (" + k + ")"
	}
	return s
}

const layout = `{{define "layout"}}<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{.Title}} - freezeguard review</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:15px/1.4 system-ui,sans-serif;margin:0 auto;max-width:78rem;padding:1rem;color:#111}
header{display:flex;justify-content:space-between;align-items:center;border-bottom:2px solid #333;margin-bottom:1rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0}
th,td{border:1px solid #bbb;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#eee}
.side{display:grid;grid-template-columns:1fr 1fr;gap:1rem}
.box{border:1px solid #999;padding:.5rem 1rem;margin:.5rem 0}
.flag{font-family:monospace;font-weight:bold}
.err{background:#fdd;border:1px solid #c00;padding:.5rem}
.msg{background:#dfd;border:1px solid #070;padding:.5rem}
.hold{color:#a60;font-weight:bold}.freeze{color:#c00;font-weight:bold}.clear{color:#070;font-weight:bold}
textarea{width:100%;min-height:4rem}
form.inline{display:inline}
</style></head><body>
<header><h1><a href="/review">freezeguard review</a></h1>
{{with .S}}<div>Signed in as <strong>{{.Name}}</strong> ({{.Role}})
{{if $.CSRF}}<form class="inline" method="post" action="/review/logout"><input type="hidden" name="csrf" value="{{$.CSRF}}"><button id="signout">Sign out</button></form>{{end}}</div>{{end}}
</header>
{{template "body" .}}
</body></html>{{end}}`

var pages = map[string]string{
	"login": `{{define "body"}}<h2>Sign in</h2>
{{with .Error}}<p class="err">{{.}}</p>{{end}}
<form method="post" action="/review/login">
<label>Reviewer token <input type="password" name="token" id="token" required autocomplete="off"></label>
<button id="signin">Sign in</button>
</form>{{end}}`,

	"queue": `{{define "body"}}<h2>Open HOLDs ({{len .Items}})</h2>
<p>Most urgent first (reporting deadline), then oldest.</p>
{{if .Items}}<table id="queue"><tr><th>Review by</th><th>Held since</th><th>Decision</th><th>Party</th><th>Listed entities hit</th><th>Status</th></tr>
{{range .Items}}<tr>
<td>{{day .Decision.ReportBy}}</td><td>{{when .Case.Opened}}</td>
<td><a href="/review/decisions/{{.Case.DecisionID}}">{{.Case.DecisionID}}</a>{{with .Decision.PaymentID}}<br>payment {{.}}{{end}}</td>
<td>{{join .Parties "; "}}</td><td>{{join .Entities "; "}}</td>
<td>{{.Case.Status}}{{if .Case.Disputed}}, DISPUTED (an admin decides){{end}}{{with .Case.Pending}}<br>{{.Action}} by {{.Reviewer}}, awaiting a second reviewer{{end}}</td>
</tr>{{end}}</table>
{{else}}<p>No open HOLDs.</p>{{end}}{{end}}`,

	"decision": `{{define "body"}}<h2>Decision {{.D.ID}}</h2>
{{with .Msg}}<p class="msg" id="msg">{{.}}</p>{{end}}
{{with .Error}}<p class="err" id="error">{{.}}</p>{{end}}
<div class="box"><p>Outcome at decision: <span class="hold">{{.D.Outcome}}</span>, {{when .D.Time}}{{with .D.PaymentID}}, payment {{.}}{{end}}.
{{if eq (print .D.Outcome) "HOLD"}}Review by {{day .D.ReportBy}} (a confirmed freeze is reported by then){{else}}Report by {{day .D.ReportBy}}{{end}}; keep until {{day .D.RetainUntil}}.</p>
<p>{{.D.Reason}}</p>
<p>Review: <strong id="status">{{.Case.Status}}</strong>, outcome <strong id="outcome">{{.Case.Outcome}}</strong>.
{{if .Case.Disputed}}<br><strong id="disputed">DISPUTED</strong>: the reviewers disagree; a reviewer with the admin role who took no side decides, and that decision is final.{{end}}
{{with .Case.ConfirmNeedsSecond}}<br>Confirming needs a second, different reviewer: {{.}}{{end}}
{{with .Case.DismissNeedsSecond}}<br>Dismissing needs a second, different reviewer: {{.}}{{end}}</p>
{{if .Case.Steps}}<table><tr><th>Time</th><th>Reviewer</th><th>Action</th><th>Reason</th></tr>
{{range .Case.Steps}}<tr><td>{{when .Time}}</td><td>{{.Reviewer}}</td><td>{{.Action}}</td><td>{{.Reason}}</td></tr>{{end}}</table>{{end}}
</div>
{{if not .Resolved}}<div class="box"><h3>Your decision</h3>
<form method="post" action="/review/decisions/{{.D.ID}}" id="review">
{{with .CSRF}}<input type="hidden" name="csrf" value="{{.}}">{{end}}
<label>Reason (required, for the record)<br><textarea name="reason" id="reason" required></textarea></label><br>
<button name="action" value="confirm" id="confirm">Confirm: the party is the listed one (freeze)</button>
<button name="action" value="dismiss" id="dismiss">Dismiss: a false positive (release)</button>
</form></div>{{end}}
{{range .Hits}}<div class="box"><h3>{{.Hit.EntityID}}: score {{score .Hit.Score}} ({{.Hit.Outcome}})</h3>
<div class="side"><div><h4>The party screened{{with .Party.Role}} ({{.}}){{end}}</h4>
<table><tr><th>Name</th><td>{{.Party.Party.Name}}</td></tr>
<tr><th>Date of birth</th><td>{{.Party.Party.BirthDate}}</td></tr>
<tr><th>Country</th><td>{{.Party.Party.Country}}</td></tr>
<tr><th>Address</th><td>{{.Party.Party.Address}}</td></tr>
<tr><th>Documents</th><td>{{range .Party.Party.Documents}}{{.Type}} {{.Number}} {{.Country}}<br>{{end}}</td></tr>
{{with .Party.Path}}<tr><th>Field</th><td>{{.}}</td></tr>{{end}}</table></div>
<div><h4>The listed entity: {{.Hit.PrimaryName}}</h4>
<table><tr><th>Designated by</th><td>{{.Hit.Body}} ({{.Hit.Source}}){{if .Hit.Binding}}, binding on the bank{{else}}, screened as risk{{end}}</td></tr>
<tr><th>Programmes</th><td>{{range .Hit.Programs}}{{.Code}} ({{.Class}}){{with .LegalBasis}}: {{.}}{{end}}{{with .Title}}, {{.}}{{end}}<br>{{end}}</td></tr>
{{with .Entity}}<tr><th>Names</th><td>{{range .Names}}{{.Full}} <small>[{{.Type}}, {{.Quality}}{{with .Script}}, {{.}}{{end}}]</small><br>{{end}}</td></tr>
<tr><th>Date of birth</th><td>{{range .BirthDates}}{{date .}}<br>{{end}}</td></tr>
<tr><th>Nationality</th><td>{{join .Nationalities ", "}}{{with .Citizenships}} (citizen of {{join . ", "}}){{end}}</td></tr>
<tr><th>Documents</th><td>{{range .Documents}}{{.Type}} {{.Number}} {{.Country}}{{if .KnownFalse}} (listed as false){{end}}<br>{{end}}</td></tr>
<tr><th>Remarks</th><td>{{.Remarks}}</td></tr>
{{else}}<tr><td colspan="2">This entity is not in the lists loaded now (delisted or other lists).</td></tr>{{end}}
</table></div></div>
<h4>How the name matched: {{.Hit.MatchedName}} <small>({{.Hit.NameType}}, {{.Hit.Quality}})</small></h4>
<table><tr><th>Party's word</th><th>Listed word</th><th>How</th><th>Similarity</th><th>Weight</th></tr>
{{range .Hit.Explanation.Tokens}}<tr><td>{{.Query}}</td><td>{{.Candidate}}</td><td>{{.How}}</td><td>{{score .Sim}}</td><td>{{score .Weight}}</td></tr>{{end}}</table>
{{with .Hit.Explanation.Unmatched}}<p>Unmatched: {{join . ", "}}</p>{{end}}
{{with .Hit.Explanation.Notes}}<p>Notes: {{join . "; "}}</p>{{end}}
<p>{{.Hit.Reason}}</p>
<h4>Oversight flags</h4><ul>{{range .Hit.Flags}}<li><span class="flag">{{.Code}}</span>: {{.Reason}}</li>{{end}}</ul>
</div>{{end}}{{end}}`,
}

func parseTemplates() templates {
	t := make(templates, len(pages))
	for name, body := range pages {
		t[name] = template.Must(template.Must(template.New(name).Funcs(funcs).Parse(layout)).Parse(body))
	}
	return t
}

func (t templates) execute(w io.Writer, name string, data any) error {
	return t[name].ExecuteTemplate(w, "layout", data)
}
