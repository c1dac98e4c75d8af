// Package depcheck holds no code: its test keeps the full-text engine
// (github.com/blevesearch/bleve and its ~25 modules) out of the packages a
// bank embeds on the screening path.
//
// bleve serves the analysts' search (package fulltext and the CLI's
// "lists search"). The packages that screen parties and payments (lists,
// fuzzy, screening, payments and everything under them) must not import
// it, directly or through another package: an embedder who links only
// those should not inherit bleve's module graph. The test runs
// "go list -deps" on them and fails naming the import chain that reaches
// bleve. It also keeps github.com/antzucaro/matchr (GPL-2.0-or-later), the
// reference package fuzzy's tests compare against, out of every package of
// the module: tests only. docs/dependencies.md lists what each package
// costs and every licence.
package depcheck
