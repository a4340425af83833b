/*
 * rules.h: the one way records enter a company.  Screens, loads, EDI
 * imports and tests all call biz_insert; nothing else writes a table
 * (dump and restore copy records verbatim and are the one exception,
 * since a restore must give back exactly what was dumped).
 */
#ifndef KONTOR_RULES_H
#define KONTOR_RULES_H

#include "store.h"

/*
 * Checks r and stores it as a new record inside txn, with what follows
 * from it in the same transaction:
 * - an empty F_SEQ key field gets the next number under the rest of
 *   the key (the next order number, the next line of an order);
 * - required fields must be filled, and every code that refers to
 *   another table must exist there;
 * - an order line's amount is worked out from quantity, price and
 *   discount; an order without a currency is in the company's; an
 *   account's parent from its code;
 * - a stock move updates stock on hand for its item and warehouse;
 *   stock on hand itself cannot be written directly.
 * Returns 0, STORE_EUSER with *cause ("item 99 does not exist"), or a
 * Berkeley DB error to give back to store_run.
 */
int	biz_insert(struct store *, DB_TXN *, struct record *r, char **cause);

/*
 * The checks of biz_insert, for a record that is rewritten: required
 * fields, and codes that must exist.  Returns 0, STORE_EUSER or an error.
 */
int	biz_check(struct store *, DB_TXN *, const struct record *r,
	    char **cause);

/* Whether account code lies under account parent (see rules.c). */
int	biz_account_under(const char *parent, const char *code);

/*
 * Fields that take one of a few values (an account's type), and figures
 * that must lie within limits (a line's quantity more than 0).  Returns
 * 0, or STORE_EUSER with *cause.
 */
int	biz_check_choices(const struct record *r, char **cause);

/* Works out r's derived fields (a line's amount, an account's parent). */
int	biz_derive(struct store *, DB_TXN *, struct record *r, char **cause);

/*
 * The line amount: quantity x price x (1 - discount), rounded to the
 * cent, half away from zero.  Returns 0, or -1 if it overflows.
 */
int	biz_line_amount(int64_t quantity, int64_t price, int64_t discount,
	    int64_t *amount);

/* A company setting ("name", "currency"), or def if unset. Allocated. */
char	*biz_setting(struct store *, DB_TXN *, const char *name,
	    const char *def);

/*
 * Who is working: the name that saves, postings and the audit trail
 * record.  It is the login name of the process's real user, from the
 * password database, not $USER, which a caller can set to anything.
 * KONTOR_USER overrides it, for a batch job run by a service account
 * on someone's behalf and for tests that play several clerks; sshd
 * passes no such variable unless told to.  Never NULL; static storage.
 */
const char	*biz_user(void);

#endif
