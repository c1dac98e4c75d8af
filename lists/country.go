package lists

// CountryCode resolves a country as the lists write it ("Iraq", "Russia",
// "Korea, North", "Democratic Republic of the Congo", "IQ") to its ISO 3166
// alpha-2 code, or "" when it cannot be resolved.
//
// CONTRACT (filled in by the lists-core work): the parsers call this.
func CountryCode(name string) string {
	return ""
}
