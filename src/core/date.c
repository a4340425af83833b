/*
 * date.c: the calendar steps of date.h, on YYYYMMDD and YYYYMM integers.
 */
#include "date.h"

int
date_days_in_month(int y, int m)
{
	static const int	days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30,
				    31, 30, 31 };

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return (29);
	return (days[m - 1]);
}

int
date_valid(int64_t day)
{
	int	y = (int)(day / 10000), m = (int)(day / 100 % 100);
	int	d = (int)(day % 100);

	return (y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
	    d <= date_days_in_month(y, m));
}

int64_t
date_next_month(int64_t month)
{
	return (month % 100 == 12 ? (month / 100 + 1) * 100 + 1 : month + 1);
}

int64_t
date_prev_month(int64_t month)
{
	return (month % 100 == 1 ? (month / 100 - 1) * 100 + 12 : month - 1);
}

int64_t
date_month_end(int64_t month)
{
	return (month * 100 + date_days_in_month((int)(month / 100),
	    (int)(month % 100)));
}

int64_t
date_prev_day(int64_t day)
{
	if (day % 100 > 1)
		return (day - 1);
	return (date_month_end(date_prev_month(day / 100)));
}
