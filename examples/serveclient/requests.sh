#!/bin/sh
# The requests a payment system sends to `freezeguard serve`, with curl.
# Run from the repository root against a running server:
#
#   FREEZEGUARD_URL=http://127.0.0.1:8080 FREEZEGUARD_TOKEN=... sh examples/serveclient/requests.sh
#
# Every request is one line; the line before it says the status expected.
# serveclient_test.go runs these same requests against the server.
set -eu
URL="${FREEZEGUARD_URL:-http://127.0.0.1:8080}"
AUTH="Authorization: Bearer ${FREEZEGUARD_TOKEN:-}"

# expect 200: one party, as a line of `freezeguard batch` input
curl -sS -X POST "$URL/v1/screen" -H "$AUTH" -H 'Content-Type: application/json' -d '{"id":"cust-1001","name":"Saddam Hussein Al-Tikriti","dob":"28/04/1937","country":"Iraq"}'
# expect 200: a name alone (held for review: nothing corroborates it); keep the decision id
DECISION=$(curl -sS -X POST "$URL/v1/screen" -H "$AUTH" -H 'Content-Type: application/json' -d '{"id":"cust-1002","name":"Saddam Hussein Al-Tikriti"}' | sed -n 's/.*"decision_id":"\([^"]*\)".*/\1/p')
# expect 200: the decision as logged, with its review case
curl -sS "$URL/v1/decisions/$DECISION" -H "$AUTH"
# expect 200: up to 1,000 parties at once
curl -sS -X POST "$URL/v1/screen/batch" -H "$AUTH" -H 'Content-Type: application/json' -d '{"parties":[{"id":"a","name":"Anna Schmidt","country":"DE"},{"id":"b","name":"Vladimir Putin","dob":"7 Oct 1952"}]}'
# expect 200: a payment as JSON
curl -sS -X POST "$URL/v1/payments" -H "$AUTH" -H 'Content-Type: application/json' -d '{"id":"E2E-2026-0001","amount":"25000.00","currency":"EUR","parties":[{"role":"debtor","party":{"name":"Anna Schmidt","country":"DE"}},{"role":"creditor","party":{"name":"Jean Dupont","country":"FR"}}]}'
# expect 200: a raw ISO 20022 message, format detected from content
curl -sS -X POST "$URL/v1/messages" -H "$AUTH" -H 'Content-Type: application/xml' --data-binary @testdata/payments/iso20022_prowide-iso20022/pacs.008.001.07.xml
# expect 200: a SWIFT MT101
curl -sS -X POST "$URL/v1/messages" -H "$AUTH" -H 'Content-Type: text/plain' --data-binary @testdata/payments/swift_mt_prowide-core/MT101.fin
# expect 200: two names scored by the matcher
curl -sS -X POST "$URL/v1/compare" -H "$AUTH" -H 'Content-Type: application/json' -d '{"name1":"Vladimir Vladimirovich Putin","name2":"PUTIN, Vladimir Vladimirovich","kind":"person"}'
# expect 200: a listed entity as loaded
curl -sS "$URL/v1/entities/ofac:7843" -H "$AUTH"
# expect 200: the lists in use
curl -sS "$URL/v1/lists" -H "$AUTH"
# expect 422: bad input is refused with an RFC 9457 problem, never cleared
curl -sS -X POST "$URL/v1/screen" -H "$AUTH" -H 'Content-Type: application/json' -d '{"id":"cust-1003","name":""}'
# expect 400: JSON that does not parse
curl -sS -X POST "$URL/v1/screen" -H "$AUTH" -H 'Content-Type: application/json' -d '{"name":"Anna'
# expect 200: liveness, no token needed
curl -sS "$URL/healthz"
