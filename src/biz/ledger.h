/*
 * ledger.h: the general ledger's rules: what a posting must be, the
 * balances kept as entries are posted, reversals, and the closing of
 * periods and years.
 *
 * Every journal entry, from a screen, a batch command or a later order
 * flow, is posted through doc_save (biz/document.h), which calls
 * ledger_check before it stores anything and ledger_apply in the same
 * transaction after: so an entry and the balances it changes are stored
 * together or not at all.  Posted entries are never changed or deleted.
 */
#ifndef KONTOR_LEDGER_H
#define KONTOR_LEDGER_H

#include "document.h"
#include "store.h"

/*
 * Checks an entry and its lines: at least two lines, each on an account
 * that exists, is not blocked and has no sub-accounts, with either a
 * debit or a credit and neither below zero, or an amount in another
 * commodity; debits equal credits, and the lines balance in every
 * commodity (see journal_lines in biz/tables.c); its date in a period
 * that is not closed.  Returns 0, STORE_EUSER with
 * *cause, or a database error.
 */
int	ledger_check(struct store *, DB_TXN *, struct ledger_batch *,
	    const struct record *entry, struct record **lines, int n,
	    char **cause);

/*
 * Adds an entry's lines to the balances of their accounts and months:
 * in the balance table, or in batch when it is not NULL.
 */
int	ledger_apply(struct store *, DB_TXN *, struct ledger_batch *,
	    const struct record *entry, struct record **lines, int n,
	    char **cause);

/*
 * A batch: many entries posted in one transaction (a journal import, a
 * file of postings).  Their lines are added up per account, commodity
 * and month in memory, and ledger_batch_flush writes the sums into the
 * balance table once, in the same transaction, instead of one read and
 * one write of it for every line.  What the checks learn of an account,
 * a month and the company's currency is kept too: what this transaction
 * has read, no other can change before it ends.
 *
 * The caller sets doc->batch on each entry it saves with doc_save_in and
 * calls ledger_batch_flush before its transaction function returns 0;
 * until then the balance table does not hold the batch's postings.  A
 * batch serves one try of one transaction: a try that store_run repeats
 * starts with ledger_batch_new.
 */
struct ledger_batch *ledger_batch_new(void);
int	ledger_batch_flush(struct store *, DB_TXN *, struct ledger_batch *,
	    char **cause);
void	ledger_batch_free(struct ledger_batch *);

/*
 * Posts the reversal of entry number: the same lines with debit and
 * credit swapped, dated date (YYYYMMDD; 0 for the entry's own date),
 * pointing back at it.  An entry is reversed once.  Returns 0 with
 * *reversal set to the new entry's number, or -1 with *cause.
 */
int	ledger_reverse(struct store *, int64_t number, int64_t date,
	    const char *user, int64_t *reversal, char **cause);

/* Closes month period (YYYYMM) to postings.  Returns 0, or -1. */
int	ledger_close_period(struct store *, int64_t period, const char *user,
	    char **cause);

/*
 * The year-end close: one entry dated the year's last day that brings
 * every revenue and expense account to zero against profit for the year
 * (4103), and carries that profit to retained earnings (4104); then the
 * year's twelve months are closed.  Cost accounts (type cost, work in
 * progress) keep their balances.  Returns 0 with *entry set
 * (0 if there was nothing to carry), or -1 with *cause.
 */
int	ledger_close_year(struct store *, int year, const char *user,
	    int64_t *entry, char **cause);

/*
 * Whether account itself, not counting its sub-accounts, holds any
 * posting: 1 or 0, read from the balance table, or a database error.
 */
int	ledger_has_postings(struct store *, DB_TXN *, const char *account);

/*
 * The balance of account (and its sub-accounts) over the months from
 * first to last (YYYYMM), read from the balance table: *debit and
 * *credit.  Returns 0 or a database error.
 */
int	ledger_sums(struct store *, DB_TXN *, const char *account,
	    int64_t first, int64_t last, int64_t *debit, int64_t *credit);

/*
 * The same over the days from first to last (YYYYMMDD; 0 for first
 * means from the beginning, 99991231 for last to the end): whole months
 * from the balance table, and the days of a month that the range covers
 * in part from the journal lines of the accounts with postings in it
 * (their index by account and date).  Returns 0 or a database error.
 */
int	ledger_day_sums(struct store *, DB_TXN *, const char *account,
	    int64_t first, int64_t last, int64_t *debit, int64_t *credit);

/*
 * In one reading, the debits and credits of account (and its
 * sub-accounts) dated before first, into before[0] and before[1], and
 * from first to last, into within[0] and within[1]: an account's
 * opening balance and movement.  Dates as for ledger_day_sums.
 */
int	ledger_span_sums(struct store *, DB_TXN *, const char *account,
	    int64_t first, int64_t last, int64_t before[2], int64_t within[2]);

/*
 * Each account's balance in each commodity over the months from first to
 * last (YYYYMM), read from the balance table: each(arg, account,
 * currency, balance) for every balance that is not zero, in account
 * order; currency is "" for the company's and balance is at
 * AMOUNT_SCALE, debit positive.  Returns 0 or a database error.
 */
int	ledger_commodity_sums(struct store *, DB_TXN *, int64_t first,
	    int64_t last, int (*each)(void *, const char *account,
	    const char *currency, int64_t balance), void *arg);

/*
 * kontor check's part: recomputes every balance from the journal lines
 * and reports each difference.  Returns the number of problems.
 */
long	ledger_check_balances(struct store *,
	    void (*report)(void *, const char *), void *arg);

#endif
