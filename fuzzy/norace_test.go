//go:build !race

package fuzzy

const raceEnabled = false
