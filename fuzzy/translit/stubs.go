package translit

func greek(ws []word) [][]string    { return fallback(ws) }
func hebrew(ws []word) [][]string   { return fallback(ws) }
func georgian(ws []word) [][]string { return fallback(ws) }
func armenian(ws []word) [][]string { return fallback(ws) }
func kana(ws []word) [][]string     { return fallback(ws) }
func indic(ws []word) [][]string    { return fallback(ws) }
func hangul(ws []word) rendering    { return rendering{words: fallback(ws)} }
func han(ws []word) rendering       { return rendering{words: fallback(ws)} }
