package screening

import (
	"slices"
	"time"
)

// Reporting deadlines and retention. Dates are computed in UTC from the
// decision time; a bank in another time zone should read a deadline as the
// calendar date it names.

// usFederalHoliday reports whether d (a UTC calendar date) is a US federal
// holiday as observed under 5 U.S.C. 6103: a holiday on a Saturday is
// observed the Friday before, on a Sunday the Monday after.
func usFederalHoliday(d time.Time) bool {
	return slices.ContainsFunc(usFederalHolidays(d.Year()), d.Equal)
}

// usFederalHolidays returns the federal holidays observed in year y (and
// next year's New Year's Day, which can be observed on 31 December).
func usFederalHolidays(y int) []time.Time {
	hs := []time.Time{
		observed(date(y, time.January, 1)),
		observed(date(y+1, time.January, 1)),
		observed(date(y, time.July, 4)),
		observed(date(y, time.November, 11)),
		observed(date(y, time.December, 25)),
		nthWeekday(y, time.January, time.Monday, 3),    // Birthday of Martin Luther King, Jr.
		nthWeekday(y, time.February, time.Monday, 3),   // Washington's Birthday
		lastWeekday(y, time.May, time.Monday),          // Memorial Day
		nthWeekday(y, time.September, time.Monday, 1),  // Labor Day
		nthWeekday(y, time.October, time.Monday, 2),    // Columbus Day
		nthWeekday(y, time.November, time.Thursday, 4), // Thanksgiving Day
	}
	if y >= 2021 { // Juneteenth, since 2021
		hs = append(hs, observed(date(y, time.June, 19)))
	}
	return hs
}

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func observed(d time.Time) time.Time {
	switch d.Weekday() {
	case time.Saturday:
		return d.AddDate(0, 0, -1)
	case time.Sunday:
		return d.AddDate(0, 0, 1)
	}
	return d
}

func nthWeekday(y int, m time.Month, wd time.Weekday, n int) time.Time {
	d := date(y, m, 1)
	for d.Weekday() != wd {
		d = d.AddDate(0, 0, 1)
	}
	return d.AddDate(0, 0, 7*(n-1))
}

func lastWeekday(y int, m time.Month, wd time.Weekday) time.Time {
	d := date(y, m+1, 1).AddDate(0, 0, -1)
	for d.Weekday() != wd {
		d = d.AddDate(0, 0, -1)
	}
	return d
}

// usBusinessDays returns the calendar date n US business days after t's
// date, skipping weekends and federal holidays. The day of t itself does
// not count.
func usBusinessDays(t time.Time, n int) time.Time {
	t = t.UTC()
	d := date(t.Year(), t.Month(), t.Day())
	var hs []time.Time // the holidays of year y, computed once a year crossed
	y := 0
	for n > 0 {
		d = d.AddDate(0, 0, 1)
		if d.Year() != y {
			y, hs = d.Year(), usFederalHolidays(d.Year())
		}
		if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday || slices.ContainsFunc(hs, d.Equal) {
			continue
		}
		n--
	}
	return d
}
