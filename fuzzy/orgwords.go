package fuzzy

// Words common in the names of the world's companies.
//
// The lists' own token frequencies say which words are common among
// sanctioned names, not among the companies a bank pays: ACCESS, KEY,
// UNITED or STREET are rare on the lists and everywhere in business
// names (Access Bank, KeyCorp, United Airlines, State Street). Taken for
// rare, one of them alone would make a well-known company a listed one's
// namesake. In an organisation's name (not a person's: Wise and Key are
// surnames) these words are generic: they weigh little, and a name made
// only of them identifies by all of them (see promote).
//
// The table is curated by hand from the words that recur in the names of
// large companies and banks (the Fortune Global 500, the largest banks by
// assets, stock-exchange listings), in English and in the languages of
// the main markets, and checked against the lists: none of them is the
// distinctive part of a listed name on its own. It does not hold brand
// names: a listed company named as a brand is (OTTO, JSC NEC) a real
// namesake, and a reviewer should see it; one named after the brand's
// word and more (LEGO INVESTMENTS EOOD for Lego A/S) is not (see
// orgWordsMissing).
var commonOrgWords = set(
	// English
	"access", "advanced", "agri", "alliance", "allied", "american", "apex", "applied", "asset", "assets",
	"associated", "atlantic", "auto", "automotive", "bancorp", "bankcorp", "bancshares", "brands", "bridge",
	"british", "builders", "business", "capital", "care", "central", "chemical", "chemicals", "city",
	"communications", "community", "computer", "consolidated", "construction", "consulting", "continental",
	"credit", "data", "digital", "diversified", "dynamics", "eastern", "electric", "electronics", "energy",
	"equity", "euro", "express", "federal", "finance", "financial", "first", "food", "foods", "freight",
	"future", "gas", "global", "gold", "golden", "green", "health", "healthcare", "home", "homes", "hotel",
	"hotels", "housing", "infrastructure", "innovation", "innovations", "instruments", "insurance",
	"integrated", "key", "life", "machinery", "machines", "marine", "media", "medical", "metals", "micro",
	"mining", "mobile", "motor", "motors", "mutual", "natural", "networks", "new", "north", "northern",
	"ocean", "oil", "pacific", "partners", "pharma", "pharmaceutical", "pharmaceuticals", "power", "premier",
	"prime", "products", "properties", "property", "real", "estate", "resources", "retail", "royal",
	"savings", "securities", "security", "semiconductor", "smart", "software", "south", "southern",
	"standard", "star", "steel", "strategic", "street", "supply", "telecom", "telecommunications",
	"transport", "transportation", "trust", "union", "united", "universal", "ventures", "western", "wise",
	"world", "worldwide", "east", "west", "asia", "asian", "africa", "african", "europe", "european",
	"america", "americas", "post", "postal",
	// French, Spanish, Portuguese, Italian
	"banque", "banco", "banca", "credito", "credit", "generale", "nacional", "nationale", "nazionale",
	"popular", "populaire", "popolare", "grupo", "groupe", "gruppo", "industrias", "industrie", "comercial",
	"commerciale", "internacional", "international", "compagnie", "seguros", "assurances", "assicurazioni",
	"energia", "energie", "petroleos", "petroleo", "inversiones", "investimentos", "servicios",
	// German, Dutch, Nordic
	"deutsche", "bank", "versicherung", "holding", "beteiligungs", "industrie", "werke", "handels",
	"verwaltungs", "gruppe", "groep", "nederland", "nordic", "norsk", "svenska", "dansk",
	// transliterated Russian, Turkish, others
	"rossii", "rossiya", "rossiyskiy", "natsionalnyi", "tsentr", "promyshlennyi", "türkiye", "turkiye",
	"sanayi", "ticaret", "enerji", "holding", "yatirim",
)
