// Package serveclient is the client example of the screening service
// (`freezeguard serve`): requests.sh sends a payment system's requests
// with curl, README.md shows the same in Python, and the test runs the
// script's requests against the server.
package serveclient
