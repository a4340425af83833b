/*
 * figures.h: the figures that financial statements add up.  An account's
 * balance, or its movement over a range of months, on the account's own
 * normal side (a debit account's debits less credits, a credit account's
 * credits less debits), read from the ledger's balance table through
 * ledger_sums, never from the postings.
 *
 * What a statement's lines are made of is the report definition's
 * business (reports/balance-sheet.rpt); this file knows accounts, months
 * and the year-end close, and no line of any statement.
 */
#ifndef KONTOR_FIGURES_H
#define KONTOR_FIGURES_H

#include <stdint.h>

#include "store.h"

/*
 * The figure of account code (with its sub-accounts) over the months
 * first to last (YYYYMM; 0 for first means from the beginning), on the
 * account's normal side.  With without_close, the lines of each
 * year-end close entry (ledger_close_year) dated in the range are left
 * out, so that a year's revenue and expense still show after the year
 * is closed; these are the only postings read, one entry per year.
 * Returns 0 with *amount, or -1 with *cause (allocated) if the account
 * does not exist or the database fails.
 */
int	figures_account(struct store *, const char *code, int64_t first,
	    int64_t last, int without_close, int64_t *amount, char **cause);

/*
 * The same summed over every account whose code lies from from to to
 * (to's sub-accounts included), each on its own normal side and each
 * counted once: a sub-account whose parent lies in the range is in its
 * parent's figure.  Codes compare as text.  Returns 0 or -1 with *cause.
 */
int	figures_range(struct store *, const char *from, const char *to,
	    int64_t first, int64_t last, int without_close, int64_t *amount,
	    char **cause);

#endif
