// Package lists is freezeguard's entity model: one typed, immutable view of
// the OFAC, EU and UN sanctions lists, whatever format they came in.
//
//	snap, err := loader.Load(ctx, "/var/lib/bank/lists") // package lists/loader
//	if err != nil {
//		log.Fatal(err)
//	}
//	e, ok := snap.Entity("un:QDi.001")
//	if ok {
//		fmt.Println(e.Names[0].Full, e.Programs[0].Class, e.Programs[0].Class.CrimeBased())
//	}
//
// A [Snapshot] holds the [Entity] values and, for each source file, the
// [Provenance] that an audit record pins. The parsers (lists/ofac, lists/eu,
// lists/un) each return []Entity and a Provenance, and lists/loader
// assembles the Snapshot. Package lists itself knows no file format and
// nothing of matching: it owns the types, the programme taxonomy
// ([OFACProgram], [EUProgram], [UNProgram], [Class]), countries
// ([CountryCode]) and [Diff].
//
// Every reader of untrusted input in the module wraps [ErrTooLarge] when
// input goes over a cap, [ErrNoRecords] when a list is empty and
// [ErrDoctype] when XML carries a DOCTYPE, so one errors.Is test covers
// them all.
//
// The lists, their formats and the taxonomy are described in docs/lists.md.
package lists
