/*
 * journal.h: plain-text journals as ledger(1) and hledger(1) write them
 * (kontor import journal, kontor export journal).
 *
 * An import reads the whole file first and refuses it, with FILE:LINE,
 * unless every transaction balances and everything in it is something
 * kontor's ledger can hold.  It reads several commodities, prices (@, @@,
 * (@), (@@)) and prices left to be worked out between two commodities,
 * elided amounts (one posting per commodity left), balanced [ ] and
 * unbalanced ( ) virtual postings, balance assertions and assignments,
 * automated transactions written = /REGEX/, and the account, commodity
 * and D directives; periodic transactions, P, N, payee, tag and apply
 * tag change no balance and are passed over.  It refuses includes,
 * aliases, lots, value expressions, and amounts in the company's currency
 * with more than two decimals.  The company's currency is the commodity
 * spelled as the company's currency setting, or else the first commodity
 * the journal names (and a company without one takes it as its own).
 *
 * Then every transaction is posted through the ledger's rules
 * (doc_save_in) in one database transaction, so that a journal is posted
 * whole or not at all.  Accounts the company lacks are created first,
 * their type told by an account directive's "type:" tag, by the
 * top-level name (Assets, Liabilities, Equity, Income or Revenue,
 * Expenses), or by the type the caller gives for the rest.
 *
 * An export writes every posted entry, in number order, in the subset of
 * the format that both programs read: a line in another commodity with
 * its total cost (@@), and the company's currency named first.
 */
#ifndef KONTOR_JOURNAL_H
#define KONTOR_JOURNAL_H

#include <stdio.h>

#include "store.h"

/*
 * Posts every transaction of the journal in file, as clerk user.  An
 * account whose type neither its name nor an account directive tells is
 * given other_type (asset, liability, ...), or refused if that is NULL.
 * Returns 0 with *entries set to the number of entries posted (a
 * transaction whose amounts are all zero posts nothing) and *company to
 * the journal's commodity taken as the company's currency (allocated),
 * or -1 with *cause set (allocated; "FILE:LINE: what is wrong") and
 * nothing stored.
 */
int	journal_import(struct store *, const char *file, const char *user,
	    const char *other_type, long *entries, char **company,
	    char **cause);

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
