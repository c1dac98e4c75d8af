package screening

import (
	"testing"
	"time"
)

func TestUSFederalHolidays(t *testing.T) {
	for _, tc := range []struct {
		day  string
		want bool
	}{
		{"2026-01-01", true},  // New Year's Day
		{"2026-01-19", true},  // MLK Day, third Monday
		{"2026-02-16", true},  // Washington's Birthday
		{"2026-05-25", true},  // Memorial Day, last Monday
		{"2026-06-19", true},  // Juneteenth
		{"2020-06-19", false}, // before Juneteenth became a holiday
		{"2026-07-03", true},  // Independence Day (Saturday) observed Friday
		{"2026-07-04", false}, // the Saturday itself is a weekend, not a weekday holiday
		{"2026-09-07", true},  // Labor Day
		{"2026-10-12", true},  // Columbus Day
		{"2026-11-11", true},  // Veterans Day
		{"2026-11-26", true},  // Thanksgiving, fourth Thursday
		{"2026-12-25", true},  // Christmas
		{"2021-12-31", true},  // New Year's Day 2022 (Saturday) observed Friday
		{"2023-01-02", true},  // New Year's Day 2023 (Sunday) observed Monday
		{"2026-07-02", false},
	} {
		d, _ := time.Parse(time.DateOnly, tc.day)
		if got := usFederalHoliday(d); got != tc.want {
			t.Errorf("usFederalHoliday(%s) = %v, want %v", tc.day, got, tc.want)
		}
	}
}

func TestUSBusinessDays(t *testing.T) {
	for _, tc := range []struct{ from, want string }{
		{"2026-07-02T14:30:00Z", "2026-07-17"}, // skips observed 4 July and two weekends
		{"2026-12-24T09:00:00Z", "2027-01-11"}, // skips Christmas and New Year's Day
		{"2026-11-20T23:59:00Z", "2026-12-07"}, // skips Thanksgiving
		{"2026-08-01T00:00:00Z", "2026-08-14"}, // from a Saturday
	} {
		from, _ := time.Parse(time.RFC3339, tc.from)
		if got := usBusinessDays(from, 10).Format(time.DateOnly); got != tc.want {
			t.Errorf("10 business days after %s = %s, want %s", tc.from, got, tc.want)
		}
	}
}
