//go:build !race

package translit

const raceEnabled = false
