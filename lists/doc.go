// Package lists holds freezeguard's entity model: one typed, immutable view
// of the OFAC, EU and UN sanctions lists, whatever format they came in.
//
// The parsers live in sub-packages (lists/ofac, lists/eu, lists/un) and
// return []Entity plus a Provenance; package lists/loader detects formats
// from content and assembles a Snapshot. Package lists itself knows nothing
// about matching or any file format: it owns the types, the programme
// taxonomy (which programmes are crime-based, who designates them, on what
// legal basis) and snapshot diffing.
package lists
