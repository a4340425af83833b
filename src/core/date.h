/*
 * date.h: days kept as the integer YYYYMMDD and months as YYYYMM, the
 * way every table stores them, and the few steps of the calendar that
 * the ledger and the readers of dates need.  Gregorian calendar only.
 */
#ifndef KONTOR_DATE_H
#define KONTOR_DATE_H

#include <stdint.h>

/* The number of days of month m (1 to 12) of year y. */
int	date_days_in_month(int y, int m);

/* Whether day (YYYYMMDD) is a real day of the calendar. */
int	date_valid(int64_t day);

/* The month (YYYYMM) after and before month. */
int64_t	date_next_month(int64_t month);
int64_t	date_prev_month(int64_t month);

/* The last day (YYYYMMDD) of month (YYYYMM). */
int64_t	date_month_end(int64_t month);

/* The day before day (YYYYMMDD), which must be valid. */
int64_t	date_prev_day(int64_t day);

#endif
