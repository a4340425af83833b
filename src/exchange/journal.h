/*
 * journal.h: plain-text journals as ledger(1) and hledger(1) write them
 * (kontor import journal, kontor export journal).
 *
 * An import reads the whole file first and refuses it, with FILE:LINE,
 * unless every transaction balances and everything in it is something
 * kontor's ledger can hold: one commodity, no prices, no virtual,
 * automated or periodic transactions, no includes, money with at most
 * two decimals.  Then every transaction is posted through the ledger's
 * rules (doc_save_in) in one database transaction, so that a journal is
 * posted whole or not at all.  Accounts the company lacks are created
 * first, their type told by the top-level name (Assets, Liabilities,
 * Equity, Income or Revenue, Expenses).
 *
 * An export writes every posted entry, in number order, in the subset of
 * the format that both programs read.
 */
#ifndef KONTOR_JOURNAL_H
#define KONTOR_JOURNAL_H

#include <stdio.h>

#include "store.h"

/*
 * Posts every transaction of the journal in file, as clerk user.
 * Returns 0 with *entries set to the number of entries posted (a
 * transaction whose amounts are all zero posts nothing), or -1 with
 * *cause set (allocated; "FILE:LINE: what is wrong") and nothing stored.
 */
int	journal_import(struct store *, const char *file, const char *user,
	    long *entries, char **cause);

/*
 * Writes every posted entry to f as a journal: a line "YYYY-MM-DD
 * (REFERENCE) DESCRIPTION", then one line per journal line with the
 * account and the amount (debits positive, credits negative) followed
 * by the company's currency.  f should be a file that can be rewound:
 * a read retried after a deadlock starts it again.  Returns 0, or -1
 * with *cause set (allocated).
 */
int	journal_export(struct store *, FILE *f, char **cause);

#endif
