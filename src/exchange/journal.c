/*
 * journal.c: ledger and hledger journals in and out (see journal.h).
 *
 * The import works in two steps.  The parser reads the file into memory:
 * transactions, their postings with amounts at AMOUNT_SCALE in their
 * commodities and costs, and the accounts named, each with the line that
 * first named it.  It works out costs, elided amounts and automated
 * postings, checks that each transaction balances in every commodity,
 * and checks balance assertions against running balances kept per
 * account and commodity in file order (as ledger does; hledger checks
 * them in date order).  Only then does
 * one store_run create the missing accounts and post every transaction
 * with doc_save_in, so a retried database transaction simply posts the
 * same memory again.
 *
 * What the parser does not understand it refuses, naming the line: it
 * never skips a posting or a directive that could change a balance.
 */
#include <ctype.h>
#include <regex.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "date.h"
#include "document.h"
#include "fixed.h"
#include "journal.h"
#include "ledger.h"
#include "rules.h"
#include "tables.h"
#include "text.h"

/*
 * Kinds of posting: real, balanced virtual [A], unbalanced virtual (A).
 * The kind is kept as the journal line's "virtual" field.
 */
enum { REAL, VIRTUAL = LINE_BALANCED_VIRTUAL, UNBALANCED = LINE_UNBALANCED };

/*
 * A posting as stored for the import.  amount is in commodity, debit
 * positive, at AMOUNT_SCALE; cost, when cost_commodity >= 0, is what the
 * amount was bought or sold for, with the same sign.
 */
struct journal_posting {
	long		 line;
	int		 account;	/* index in journal_ctx.accounts */
	int		 commodity;	/* index in journal_ctx.commodities */
	int64_t		 amount;
	int		 cost_commodity;	/* or -1 */
	int64_t		 cost;
	int		 kind;
	char		*memo;
};

struct journal_entry {
	long		 line;
	int64_t		 date;		/* YYYYMMDD */
	char		*code;
	char		*description;
	long		 first;		/* index of its first posting */
	int		 n;
};

/* An account's running balance in one commodity, for assertions. */
struct journal_balance {
	int			 commodity;
	int64_t			 real;		/* real postings only */
	int64_t			 all;		/* and balanced virtual */
	struct journal_balance	*next;
};

struct journal_account {
	char			*name;
	long			 line;	/* where the journal first names it */
	long			 posted;/* its first posting's line, or 0 */
	const char		*type;	/* from "; type:" on its directive */
	struct journal_balance	*balances;
};

/* A posting of the transaction being read, before it is kept. */
struct journal_pending {
	struct journal_posting	 p;
	int			 elided;
	int			 bare;		/* amount without commodity */
	int			 priced;	/* 0, '@' per unit, '=' total */
	int			 price_commodity;
	int64_t			 price;
	int			 asserted;	/* 1 for =, 2 for == */
	int			 assertion_commodity;
	int64_t			 assertion;
};

struct journal_rule {
	regex_t			 re;
	struct journal_pending	*postings;
	int			 n;
};

struct journal_ctx {
	const char		*file;
	const char		*user;
	const char		*other_type;	/* of accounts not told */

	struct journal_account	*accounts;
	int			 naccounts;
	int			 accounts_cap;
	int			*hash;		/* account index + 1, or 0 */
	size_t			 hash_size;

	char			**commodities;
	int			 ncommodities;
	int			 default_commodity;	/* D, or -1 */
	const char		*company_code;	/* the company's currency */
	int			 company;	/* its commodity, or -1 */

	struct journal_entry	*entries;
	long			 nentries;
	long			 entries_cap;
	struct journal_posting	*postings;
	long			 npostings;
	long			 postings_cap;

	/* Automated transactions (= /REGEX/): their postings, added to
	 * every later transaction with a posting whose account matches. */
	struct journal_rule	*rules;
	int			 nrules;
	int			 rule_open;	/* reading one's postings */
	int			 bare;	/* the last amount read had none */

	/* The transaction being read. */
	int			 open;
	struct journal_entry	 cur;
	struct journal_pending	*pending;
	int			 npending;
	int			 pending_cap;

	long			 posted;
};

static int
journal_error(struct journal_ctx *c, long line, char **cause,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static int
journal_error(struct journal_ctx *c, long line, char **cause,
    const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	*cause = xvasprintf_at(c->file, line, fmt, ap);
	va_end(ap);
	return (STORE_EUSER);
}

/* The index of a field this file relies on being there. */
#define fi(t, name)	schema_field_needed(t, name)

static const char *
skip_blanks(const char *p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	return (p);
}

/* v at AMOUNT_SCALE without the zeros after its second decimal. */
static char *
format_amount(int64_t v, char *buf)
{
	char	*end;

	fixed_format(v, AMOUNT_SCALE, false, buf);
	end = buf + strlen(buf);
	while (end[-1] == '0' && end[-3] != '.')
		*--end = '\0';
	return (buf);
}

/* An amount for a message: "-5.00 EUR". */
static const char *
journal_amount(struct journal_ctx *c, int64_t v, int commodity, char *buf,
    size_t len)
{
	const char	*sym = c->commodities[commodity];
	char		 n[FIXED_BUFSIZE];
	uint32_t	 cp;
	int		 len1;

	/* A sign of one character goes before, as in $5.00; a name
	 * after, as in 5.00 EUR. */
	format_amount(v, n);
	len1 = utf8_decode(sym, strlen(sym), &cp);
	if (*sym != '\0' && len1 > 0 && sym[len1] == '\0' &&
	    !isalpha((unsigned char)*sym))
		snprintf(buf, len, "%s%s", sym, n);
	else
		snprintf(buf, len, "%s%s%s", n, *sym != '\0' ? " " : "", sym);
	return (buf);
}

/* The index of commodity sym, added if new. */
static int
journal_commodity(struct journal_ctx *c, const char *sym)
{
	int	i;

	for (i = 0; i < c->ncommodities; i++)
		if (strcmp(c->commodities[i], sym) == 0)
			return (i);
	c->commodities = xreallocarray(c->commodities,
	    (size_t)c->ncommodities + 1, sizeof *c->commodities);
	c->commodities[c->ncommodities] = xstrdup(sym);
	return (c->ncommodities++);
}

static uint64_t
name_hash(const char *s)
{
	uint64_t	h = 14695981039346656037ULL;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return (h);
}

static void
hash_rebuild(struct journal_ctx *c)
{
	size_t	i, k;

	free(c->hash);
	c->hash_size = c->hash_size == 0 ? 256 : c->hash_size * 2;
	c->hash = xcalloc(c->hash_size, sizeof *c->hash);
	for (i = 0; i < (size_t)c->naccounts; i++) {
		k = name_hash(c->accounts[i].name) & (c->hash_size - 1);
		while (c->hash[k] != 0)
			k = (k + 1) & (c->hash_size - 1);
		c->hash[k] = (int)i + 1;
	}
}

/* The index of account name, added (first named on line) if new. */
static int
journal_account(struct journal_ctx *c, const char *name, long line)
{
	struct journal_account	*a;
	size_t			 k;
	int			 i;

	if ((size_t)c->naccounts * 2 >= c->hash_size)
		hash_rebuild(c);
	k = name_hash(name) & (c->hash_size - 1);
	while ((i = c->hash[k]) != 0) {
		if (strcmp(c->accounts[i - 1].name, name) == 0)
			return (i - 1);
		k = (k + 1) & (c->hash_size - 1);
	}
	if (c->naccounts == c->accounts_cap) {
		c->accounts_cap = c->accounts_cap == 0 ? 64 :
		    c->accounts_cap * 2;
		c->accounts = xreallocarray(c->accounts, c->accounts_cap,
		    sizeof *c->accounts);
	}
	a = &c->accounts[c->naccounts];
	memset(a, 0, sizeof *a);
	a->name = xstrdup(name);
	a->line = line;
	c->hash[k] = ++c->naccounts;
	return (c->naccounts - 1);
}

/* Whether byte ch may be part of a commodity symbol written bare. */
static int
commodity_char(int ch)
{
	if (ch == '\0' || isdigit(ch) || isspace(ch))
		return (0);
	return (strchr("-+.,@*;\"{}=()[]/", ch) == NULL);
}

/*
 * Reads a commodity at *pp: "..." or a run of commodity_char bytes.
 * Returns it (allocated) and moves *pp past it, or NULL if there is none.
 */
static char *
read_commodity(const char **pp)
{
	const char	*p = *pp, *end;

	if (*p == '"') {
		if ((end = strchr(p + 1, '"')) == NULL)
			return (NULL);
		*pp = end + 1;
		return (xstrndup(p + 1, end - p - 1));
	}
	for (end = p; commodity_char((unsigned char)*end); end++)
		continue;
	if (end == p)
		return (NULL);
	*pp = end;
	return (xstrndup(p, end - p));
}

/*
 * Copies the number from start to end into out without its thousands
 * commas: 1,234.56 gives 1234.56.  A comma must stand between groups of
 * three digits before the point.  Returns 0, or -1 if the text is no
 * such number.
 */
static int
number_digits(const char *start, const char *end, struct buf *out)
{
	const char	*p, *point;
	int		 group = -1;

	if (start == end)
		return (-1);
	if ((point = memchr(start, '.', end - start)) == NULL)
		point = end;
	else if (memchr(point + 1, '.', end - point - 1) != NULL ||
	    memchr(point + 1, ',', end - point - 1) != NULL)
		return (-1);
	for (p = start; p < point; p++) {
		if (*p != ',') {
			buf_addc(out, *p);
			if (group >= 0)
				group++;
			continue;
		}
		if (p == start || (group >= 0 && group != 3) ||
		    (group < 0 && p - start > 3))
			return (-1);
		group = 0;
	}
	if (group >= 0 && group != 3)
		return (-1);
	buf_add(out, point, end - point);
	return (out->len == 0 || strcmp(out->data, ".") == 0 ? -1 : 0);
}

/*
 * Reads an amount at *pp: a number with an optional minus or plus, and
 * an optional commodity before or after it, with or without a blank.
 * Commas may separate thousands.  Sets *value (at AMOUNT_SCALE) and
 * *commodity (allocated, "" if none), and moves *pp past the amount.
 * Returns 0, or -1 with *why (allocated).
 */
static int
read_amount(const char **pp, int64_t *value, char **commodity, char **why)
{
	const char	*p = skip_blanks(*pp), *num, *end, *after;
	const char	*what, *start = p;
	size_t		 len;
	struct buf	 digits = BUF_INIT;
	char		*sym = NULL;
	int		 neg = 0, sign = 0;

	if (*p == '-' || *p == '+') {
		neg = *p++ == '-';
		sign = 1;
		p = skip_blanks(p);
	}
	if (*p == '(') {
		*why = xstrdup("an amount expression in parentheses is not "
		    "supported yet");
		return (-1);
	}
	if (!isdigit((unsigned char)*p) && *p != '.' &&
	    (sym = read_commodity(&p)) != NULL) {
		p = skip_blanks(p);
		if (!sign && (*p == '-' || *p == '+')) {
			neg = *p++ == '-';
			p = skip_blanks(p);
		}
	}

	/* The number: digits, thousands commas, a decimal point. */
	num = p;
	for (end = p; isdigit((unsigned char)*end) || *end == ',' ||
	    *end == '.'; end++)
		continue;
	if (number_digits(num, end, &digits) != 0) {
		for (len = strcspn(start, "\t;"); len > 0 &&
		    start[len - 1] == ' '; len--)
			continue;
		*why = xasprintf("cannot read the amount \"%.*s\" (write it "
		    "as 1234.56 or 1,234.56, with a commodity before or "
		    "after)", (int)len, start);
		buf_free(&digits);
		free(sym);
		return (-1);
	}
	if (fixed_parse(digits.data, AMOUNT_SCALE, value, &what) != 0) {
		*why = xasprintf("amount %.*s: %s", (int)(end - num), num,
		    what);
		buf_free(&digits);
		free(sym);
		return (-1);
	}
	buf_free(&digits);
	if (neg)
		*value = -*value;

	/* A commodity after the number. */
	after = skip_blanks(end);
	if (sym == NULL && (*after == '"' || commodity_char(
	    (unsigned char)*after))) {
		if ((sym = read_commodity(&after)) == NULL) {
			*why = xstrdup("a quoted commodity is not closed");
			return (-1);
		}
		end = after;
	}
	*commodity = sym != NULL ? sym : xstrdup("");
	*pp = end;
	return (0);
}

/*
 * Reads an amount and its commodity at *pp, giving an amount without one
 * the journal's default commodity (D).  Returns 0, or STORE_EUSER.
 */
static int
journal_read_amount(struct journal_ctx *c, const char **pp, long line,
    const char *what, int64_t *value, int *commodity, char **cause)
{
	char	*sym, *why;
	int	 ret;

	if (read_amount(pp, value, &sym, &why) != 0) {
		ret = journal_error(c, line, cause, "%s%s", what, why);
		free(why);
		return (ret);
	}
	c->bare = *sym == '\0';
	if (*sym == '\0' && c->default_commodity >= 0)
		*commodity = c->default_commodity;
	else if (*sym == '\0' && c->rule_open)
		*commodity = -1;	/* an automated posting's multiplier */
	else
		*commodity = journal_commodity(c, sym);
	free(sym);
	return (0);
}

/*
 * Reads a date YYYY-MM-DD, YYYY/MM/DD or YYYY.MM.DD (month and day of
 * one or two digits) at *pp.  Returns 0 with *date (YYYYMMDD), or -1.
 */
static int
read_date(const char **pp, int64_t *date)
{
	const char	*p = *pp;
	int		 part[3], i, n;
	char		 sep = 0;

	for (i = 0; i < 3; i++) {
		for (n = 0, part[i] = 0; isdigit((unsigned char)*p) && n < 4;
		    n++, p++)
			part[i] = part[i] * 10 + (*p - '0');
		if ((i == 0 && n != 4) || (i > 0 && (n < 1 || n > 2)))
			return (-1);
		if (i == 2)
			break;
		if (sep == 0 && (*p == '-' || *p == '/' || *p == '.'))
			sep = *p;
		if (*p != sep)
			return (-1);
		p++;
	}
	if (part[1] < 1 || part[1] > 12 || part[2] < 1 ||
	    part[2] > date_days_in_month(part[0], part[1]))
		return (-1);
	*date = (int64_t)part[0] * 10000 + part[1] * 100 + part[2];
	*pp = p;
	return (0);
}

/* An account's running balance in commodity (added if new). */
static struct journal_balance *
account_balance(struct journal_account *a, int commodity)
{
	struct journal_balance	*b;

	for (b = a->balances; b != NULL; b = b->next)
		if (b->commodity == commodity)
			return (b);
	b = xcalloc(1, sizeof *b);
	b->commodity = commodity;
	b->next = a->balances;
	a->balances = b;
	return (b);
}

/* What a posting weighs when its transaction is balanced: its cost, or
 * its own amount when it has none. */
static int
weight_commodity(const struct journal_posting *p)
{
	return (p->cost_commodity >= 0 ? p->cost_commodity : p->commodity);
}

static int64_t
weight(const struct journal_posting *p)
{
	return (p->cost_commodity >= 0 ? p->cost : p->amount);
}

/* Adds v to the sum of commodity in sums (one slot per commodity). */
static int
add_sum(int64_t *sums, int commodity, int64_t v)
{
	return (fixed_add(sums[commodity], v, &sums[commodity]));
}

/* A new pending posting, copied from *from (which may move). */
static struct journal_pending *
pending_add(struct journal_ctx *c)
{
	struct journal_pending	*p;

	if (c->npending == c->pending_cap) {
		c->pending_cap = c->pending_cap == 0 ? 8 : c->pending_cap * 2;
		c->pending = xreallocarray(c->pending, c->pending_cap,
		    sizeof *c->pending);
	}
	p = &c->pending[c->npending++];
	memset(p, 0, sizeof *p);
	p->p.cost_commodity = -1;
	return (p);
}

/*
 * Gives each posting its cost: from its price (@ per unit, @@ in total),
 * and, for a balance assignment (an account with = but no amount), the
 * amount that brings the account to the balance asserted.
 */
static int
journal_costs(struct journal_ctx *c, char **cause)
{
	struct journal_pending	*p, *q;
	struct journal_balance	*b;
	int64_t			 have;
	int			 i, k;

	for (i = 0; i < c->npending; i++) {
		p = &c->pending[i];
		if (p->priced) {
			if (p->price_commodity == p->p.commodity)
				return (journal_error(c, p->p.line, cause, "a "
				    "price in the amount's own commodity"));
			if (p->price < 0)
				return (journal_error(c, p->p.line, cause, "a "
				    "price below zero"));
			p->p.cost_commodity = p->price_commodity;
			if (p->priced == '=')
				p->p.cost = p->p.amount < 0 ? -p->price :
				    p->price;
			else if (fixed_muldiv(p->p.amount, p->price,
			    fixed_pow10(AMOUNT_SCALE), &p->p.cost) != 0)
				return (journal_error(c, p->p.line, cause,
				    "the cost is too large"));
		}
		if (!p->elided || !p->asserted)
			continue;
		b = account_balance(&c->accounts[p->p.account],
		    p->assertion_commodity);
		have = p->p.kind == REAL ? b->real : b->all;
		for (k = 0; k < i; k++) {
			q = &c->pending[k];
			if (!q->elided && q->p.account == p->p.account &&
			    q->p.commodity == p->assertion_commodity &&
			    (p->p.kind != REAL || q->p.kind == REAL))
				have += q->p.amount;
		}
		p->elided = 0;
		p->p.commodity = p->assertion_commodity;
		p->p.amount = p->assertion - have;
	}
	return (0);
}

/* The commodity the company's currency is, as far as the file has got. */
static int
company_so_far(struct journal_ctx *c)
{
	int	i;

	for (i = 0; i < c->ncommodities; i++)
		if (strcmp(c->commodities[i], c->company_code) == 0)
			return (i);
	return (0);
}

/*
 * ledger's rule for a transaction in exactly two commodities without
 * prices that does not balance in each: the postings in one are priced
 * in the other, so that the other's total is their cost.  ledger prices
 * the commodity named first; kontor prices the one that is not the
 * company's currency, as the ledger keeps worth in that currency.
 */
static void
journal_infer_price(struct journal_ctx *c, int kind, int64_t *sums)
{
	struct journal_pending	*p;
	int64_t			 total, given = 0;
	int			 cand[2], n = 0, i, k, first = -1, second;
	int			 last = -1;

	for (k = 0; k < c->ncommodities; k++)
		if (sums[k] != 0) {
			if (n == 2)
				return;
			cand[n++] = k;
		}
	if (n != 2)
		return;
	for (i = 0; i < c->npending; i++) {
		p = &c->pending[i];
		if (p->p.kind != kind)
			continue;
		if (p->priced || p->elided)
			return;
		if (first < 0 && (p->p.commodity == cand[0] ||
		    p->p.commodity == cand[1]))
			first = p->p.commodity;
	}
	k = company_so_far(c);
	if (first == k)
		first = first == cand[0] ? cand[1] : cand[0];
	second = first == cand[0] ? cand[1] : cand[0];

	total = -sums[second];
	for (i = 0; i < c->npending; i++)
		if (c->pending[i].p.kind == kind &&
		    c->pending[i].p.commodity == first)
			last = i;
	for (i = 0; i <= last; i++) {
		p = &c->pending[i];
		if (p->p.kind != kind || p->p.commodity != first)
			continue;
		p->p.cost_commodity = second;
		if (i == last)
			p->p.cost = total - given;
		else if (fixed_muldiv(p->p.amount, total, sums[first],
		    &p->p.cost) != 0)
			p->p.cost = 0;	/* caught by the balance check */
		given += p->p.cost;
	}
	sums[second] = 0;
	sums[first] = 0;
}

/*
 * Balances the postings of one kind (real, or balanced virtual): an
 * elided amount takes what is left in each commodity (one posting per
 * commodity), and what is left otherwise is an error.
 */
static int
journal_balance_kind(struct journal_ctx *c, int kind, char **cause)
{
	struct journal_pending	*p, *e;
	char			 buf[128];
	int64_t			*sums;
	int			 i, k, elided = -1, ret = 0, n = c->npending;

	sums = xcalloc((size_t)c->ncommodities + 1, sizeof *sums);
	for (i = 0; i < n && ret == 0; i++) {
		p = &c->pending[i];
		if (p->p.kind != kind)
			continue;
		if (p->elided && elided >= 0)
			ret = journal_error(c, p->p.line, cause, "a second "
			    "posting without an amount (the first is on line "
			    "%ld); at most one posting of a transaction may "
			    "leave its amount out", c->pending[elided].p.line);
		else if (p->elided)
			elided = i;
		else if (add_sum(sums, weight_commodity(&p->p),
		    weight(&p->p)) != 0)
			ret = journal_error(c, p->p.line, cause, "the "
			    "transaction's amounts are too large");
	}
	if (ret == 0 && elided < 0)
		journal_infer_price(c, kind, sums);
	for (k = 0; k < c->ncommodities && ret == 0; k++) {
		if (sums[k] == 0)
			continue;
		if (elided < 0) {
			ret = journal_error(c, c->cur.line, cause, "the "
			    "transaction does not balance: its %spostings add "
			    "up to %s, not zero", kind == VIRTUAL ? "virtual " :
			    "", journal_amount(c, sums[k], k, buf, sizeof buf));
			break;
		}
		e = &c->pending[elided];
		if (e->elided) {
			e->elided = 0;
			e->p.commodity = k;
			e->p.amount = -sums[k];
		} else {
			p = pending_add(c);
			e = &c->pending[elided];
			p->p = e->p;
			p->p.memo = e->p.memo != NULL ? xstrdup(e->p.memo) :
			    NULL;
			p->p.commodity = k;
			p->p.amount = -sums[k];
		}
	}
	if (ret == 0 && elided >= 0 && c->pending[elided].elided) {
		/*
		 * Nothing was left: a posting of zero, which is dropped with
		 * the others of zero.  It takes a commodity of its
		 * transaction's, so that no commodity "" is made up.
		 */
		e = &c->pending[elided];
		e->elided = 0;
		e->p.amount = 0;
		e->p.commodity = elided > 0 ? c->pending[0].p.commodity :
		    n > 1 ? c->pending[1].p.commodity :
		    journal_commodity(c, "");
	}
	free(sums);
	return (ret);
}

/*
 * Adds the postings of the automated transactions to the transaction
 * just read: for each of its postings on an account that a rule's
 * expression matches, each of the rule's postings, whose amount is a
 * multiple of the matched one's when written without a commodity.
 */
static int
journal_apply_rules(struct journal_ctx *c, char **cause)
{
	const struct journal_pending	*t;
	struct journal_pending		*q;
	const char			*name;
	int64_t				 v;
	int				 n = c->npending, r, i, k, com;
	int				 added = 0;
	long				 line;

	for (r = 0; r < c->nrules; r++)
		for (i = 0; i < n; i++) {
			name = c->accounts[c->pending[i].p.account].name;
			if (regexec(&c->rules[r].re, name, 0, NULL, 0) != 0)
				continue;
			for (k = 0; k < c->rules[r].n; k++) {
				t = &c->rules[r].postings[k];
				line = c->pending[i].p.line;
				com = t->bare ? c->pending[i].p.commodity :
				    t->p.commodity;
				if (!t->bare)
					v = t->p.amount;
				else if (fixed_muldiv(c->pending[i].p.amount,
				    t->p.amount, fixed_pow10(AMOUNT_SCALE),
				    &v) != 0)
					return (journal_error(c, line, cause,
					    "the automated posting on line %ld "
					    "gives too large an amount",
					    t->p.line));
				q = pending_add(c);
				q->p = t->p;
				q->p.line = line;
				q->p.commodity = com;
				q->p.amount = v;
				q->p.memo = t->p.memo != NULL ?
				    xstrdup(t->p.memo) : NULL;
				added |= t->p.kind != UNBALANCED;
			}
		}
	if (!added)
		return (0);
	if (journal_balance_kind(c, REAL, cause) != 0 ||
	    journal_balance_kind(c, VIRTUAL, cause) != 0)
		return (STORE_EUSER);
	return (0);
}

/* Keeps the postings of the automated transaction just read. */
static int
journal_keep_rule(struct journal_ctx *c, char **cause)
{
	struct journal_rule	*r = &c->rules[c->nrules - 1];
	int			 i;

	c->rule_open = 0;
	for (i = 0; i < c->npending; i++)
		if (c->pending[i].elided || c->pending[i].priced ||
		    c->pending[i].asserted)
			return (journal_error(c, c->pending[i].p.line, cause,
			    "an automated posting takes an amount or a "
			    "multiplier, and no price or assertion"));
	r->postings = xreallocarray(NULL, (size_t)c->npending + 1,
	    sizeof *r->postings);
	memcpy(r->postings, c->pending, c->npending * sizeof *c->pending);
	r->n = c->npending;
	c->npending = 0;
	return (0);
}

/* Keeps the transaction just read, once it balances and its asserts hold. */
static int
journal_finish(struct journal_ctx *c, char **cause)
{
	struct journal_pending	*p;
	struct journal_account	*a;
	struct journal_balance	*b;
	char			 want[128], got[128];
	int64_t			 have;
	int			 i, ret;

	if (!c->open)
		return (0);
	c->open = 0;
	if (c->rule_open)
		return (journal_keep_rule(c, cause));
	if ((ret = journal_costs(c, cause)) != 0 ||
	    (ret = journal_balance_kind(c, REAL, cause)) != 0 ||
	    (ret = journal_balance_kind(c, VIRTUAL, cause)) != 0 ||
	    (ret = journal_apply_rules(c, cause)) != 0)
		return (ret);

	/* Running balances, in the order of the file. */
	for (i = 0; i < c->npending; i++) {
		p = &c->pending[i];
		a = &c->accounts[p->p.account];
		b = account_balance(a, p->p.commodity);
		if (fixed_add(b->all, p->p.amount, &b->all) != 0 ||
		    (p->p.kind == REAL && fixed_add(b->real, p->p.amount,
		    &b->real) != 0))
			return (journal_error(c, p->p.line, cause, "the "
			    "balance of account %s is too large", a->name));
		if (!p->asserted)
			continue;
		b = account_balance(a, p->assertion_commodity);
		have = p->p.kind == REAL ? b->real : b->all;
		if (have != p->assertion)
			return (journal_error(c, p->p.line, cause, "balance "
			    "assertion failed: account %s should be %s here, "
			    "but is %s", a->name, journal_amount(c,
			    p->assertion, p->assertion_commodity, want,
			    sizeof want), journal_amount(c, have,
			    p->assertion_commodity, got, sizeof got)));
		for (b = a->balances; p->asserted == 2 && b != NULL;
		    b = b->next) {
			have = p->p.kind == REAL ? b->real : b->all;
			if (b->commodity != p->assertion_commodity &&
			    have != 0)
				return (journal_error(c, p->p.line, cause,
				    "balance assertion failed: account %s "
				    "should hold only %s here, but also holds "
				    "%s", a->name, journal_amount(c,
				    p->assertion, p->assertion_commodity,
				    want, sizeof want), journal_amount(c,
				    have, b->commodity, got, sizeof got)));
		}
	}

	/* Postings of zero change nothing: ledger shows none, neither do we. */
	c->cur.first = c->npostings;
	c->cur.n = 0;
	for (i = 0; i < c->npending; i++) {
		p = &c->pending[i];
		if (p->p.amount == 0) {
			free(p->p.memo);
			continue;
		}
		if (c->npostings == c->postings_cap) {
			c->postings_cap = c->postings_cap == 0 ? 1024 :
			    c->postings_cap * 2;
			c->postings = xreallocarray(c->postings,
			    c->postings_cap, sizeof *c->postings);
		}
		c->postings[c->npostings++] = p->p;
		c->cur.n++;
		a = &c->accounts[p->p.account];
		if (a->posted == 0)
			a->posted = p->p.line;
	}
	c->npending = 0;
	if (c->cur.n == 0) {
		free(c->cur.code);
		free(c->cur.description);
		return (0);
	}
	if (c->nentries == c->entries_cap) {
		c->entries_cap = c->entries_cap == 0 ? 256 :
		    c->entries_cap * 2;
		c->entries = xreallocarray(c->entries, c->entries_cap,
		    sizeof *c->entries);
	}
	c->entries[c->nentries++] = c->cur;
	return (0);
}

/*
 * Whether a comment inside a transaction gives its postings a date of
 * their own: ledger's [DATE] or hledger's date: tag.  kontor keeps one
 * date an entry, so such a journal is refused rather than read with the
 * postings on the wrong day.  An auxiliary date ([=DATE], date2:) is
 * left aside, as on a transaction's first line: balances do not use it.
 */
static int
comment_dates(const char *comment)
{
	const char	*p;

	for (p = comment; (p = strchr(p, '[')) != NULL; p++)
		if (isdigit((unsigned char)p[1]))
			return (1);
	for (p = comment; (p = strstr(p, "date:")) != NULL; p++)
		if (p == comment || p[-1] == ' ' || p[-1] == ',' ||
		    p[-1] == ';' || p[-1] == '\t')
			return (1);
	return (0);
}

static int
refuse_posting_date(struct journal_ctx *c, long n, char **cause)
{
	return (journal_error(c, n, cause, "a posting date in a comment "
	    "([DATE] or date:) is not supported: kontor keeps one date an "
	    "entry; make each posting date a transaction of its own"));
}

/* Reads a transaction's first line: DATE[=DATE] [*|!] [(CODE)] TEXT. */
static int
journal_header(struct journal_ctx *c, const char *line, long n,
    char **cause)
{
	const char	*p = line, *end;
	int64_t		 aux;

	memset(&c->cur, 0, sizeof c->cur);
	c->cur.line = n;
	if (read_date(&p, &c->cur.date) != 0) {
		for (end = line; *end != '\0' && !isspace((unsigned char)*end);
		    end++)
			continue;
		return (journal_error(c, n, cause, "not a date: \"%.*s\" "
		    "(YYYY-MM-DD, YYYY/MM/DD or YYYY.MM.DD)",
		    (int)(end - line), line));
	}
	if (*p == '=' && (p++, read_date(&p, &aux) != 0))
		return (journal_error(c, n, cause, "the auxiliary date after "
		    "= is not a date"));
	if (*p != '\0' && *p != ' ' && *p != '\t')
		return (journal_error(c, n, cause, "the date must be followed "
		    "by a blank"));
	p = skip_blanks(p);
	if (*p == '*' || *p == '!')
		p = skip_blanks(p + 1);
	if (*p == '(') {
		if ((end = strchr(p, ')')) == NULL)
			return (journal_error(c, n, cause, "the code in "
			    "parentheses is not closed"));
		c->cur.code = xstrndup(p + 1, end - p - 1);
		p = skip_blanks(end + 1);
	}
	for (end = p; *end != '\0' && *end != ';'; end++)
		continue;
	if (*end == ';' && comment_dates(end))
		return (refuse_posting_date(c, n, cause));
	while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
		end--;
	c->cur.description = xstrndup(p, end - p);
	c->open = 1;
	return (0);
}

/* Reads an indented line inside a transaction: a posting. */
static int
journal_posting(struct journal_ctx *c, const char *line, long n,
    char **cause)
{
	struct journal_pending	*p;
	const char		*s = skip_blanks(line), *end;
	char			*name;
	int			 kind = REAL, ret;

	if (*s == '*' || *s == '!')
		s = skip_blanks(s + 1);
	if (*s == '(' || *s == '[') {
		kind = *s == '(' ? UNBALANCED : VIRTUAL;
		s++;
		if ((end = strchr(s, kind == VIRTUAL ? ']' : ')')) == NULL)
			return (journal_error(c, n, cause, "the virtual "
			    "account in %s is not closed", kind == VIRTUAL ?
			    "brackets" : "parentheses"));
	} else
		for (end = s; *end != '\0' && *end != '\t' &&
		    !(end[0] == ' ' && end[1] == ' '); end++)
			continue;
	while (end > s && end[-1] == ' ')
		end--;
	if (end == s)
		return (journal_error(c, n, cause, "a posting without an "
		    "account"));

	p = pending_add(c);
	p->p.line = n;
	p->p.kind = kind;
	name = xstrndup(s, end - s);
	p->p.account = journal_account(c, name, n);
	free(name);
	s = skip_blanks(end + (kind != REAL));

	if (*s == '\0' || *s == ';' || *s == '=')
		p->elided = 1;
	else if ((ret = journal_read_amount(c, &s, n, "", &p->p.amount,
	    &p->p.commodity, cause)) != 0)
		return (ret);
	else
		p->bare = c->bare;
	if (p->elided && kind == UNBALANCED)
		return (journal_error(c, n, cause, "an unbalanced virtual "
		    "posting needs an amount"));
	s = skip_blanks(s);

	/* A price: @ per unit, @@ in total, (@) and (@@) alike here. */
	if (strncmp(s, "(@", 2) == 0 || *s == '@') {
		if (*s == '(')
			s++;
		p->priced = s[1] == '@' ? '=' : '@';
		s += p->priced == '=' ? 2 : 1;
		if (*s == ')')
			s++;
		if (p->elided)
			return (journal_error(c, n, cause, "a price needs an "
			    "amount before it"));
		if ((ret = journal_read_amount(c, &s, n, "price: ", &p->price,
		    &p->price_commodity, cause)) != 0)
			return (ret);
		s = skip_blanks(s);
	}
	if (*s == '{' || *s == '[' || *s == '(')
		return (journal_error(c, n, cause, "a lot price, date or note "
		    "is not supported yet"));
	if (*s == '=') {
		p->asserted = 1;
		s++;
		if (*s == '=') {
			p->asserted = 2;	/* and no other commodity */
			s++;
		}
		if (*s == '*')
			return (journal_error(c, n, cause, "a balance "
			    "assertion that takes in sub-accounts (=*) is not "
			    "supported yet"));
		if ((ret = journal_read_amount(c, &s, n, "balance assertion: ",
		    &p->assertion, &p->assertion_commodity, cause)) != 0)
			return (ret);
		s = skip_blanks(s);
		if (*s == '@')
			return (journal_error(c, n, cause, "a price on a "
			    "balance assertion is not supported yet"));
	}
	if (*s == ';') {
		if (comment_dates(s))
			return (refuse_posting_date(c, n, cause));
		s = skip_blanks(s + 1);
		end = s + strlen(s);
		while (end > s && (end[-1] == ' ' || end[-1] == '\t'))
			end--;
		if (end > s)
			p->p.memo = xstrndup(s, end - s);
	} else if (*s != '\0')
		return (journal_error(c, n, cause, "cannot read the posting "
		    "from \"%s\"", s));
	return (0);
}

/* The argument of a directive: up to two blanks, a tab or a comment. */
static char *
directive_argument(const char *p)
{
	const char	*end;

	p = skip_blanks(p);
	for (end = p; *end != '\0' && *end != '\t' &&
	    !(end[0] == ' ' && (end[1] == ' ' || end[1] == ';')); end++)
		continue;
	return (xstrndup(p, end - p));
}

/*
 * An account's type from hledger's "type:" tag in the comment of its
 * account directive (A, L, E, R, X, C, V or the words), or NULL.
 */
static const char *
declared_type(const char *line)
{
	static const struct {
		const char	*tag;
		const char	*type;
	} types[] = {
		{ "asset", "asset" }, { "a", "asset" }, { "cash", "asset" },
		{ "c", "asset" }, { "liability", "liability" },
		{ "l", "liability" }, { "equity", "equity" },
		{ "e", "equity" }, { "conversion", "equity" },
		{ "v", "equity" }, { "revenue", "revenue" },
		{ "r", "revenue" }, { "expense", "expense" },
		{ "x", "expense" },
	};
	const char	*p;
	size_t		 i, len;

	if ((p = strchr(line, ';')) == NULL || (p = strstr(p, "type:")) ==
	    NULL)
		return (NULL);
	p = skip_blanks(p + 5);
	len = strcspn(p, " \t,");
	for (i = 0; i < sizeof types / sizeof types[0]; i++)
		if (strlen(types[i].tag) == len &&
		    strncasecmp(types[i].tag, p, len) == 0)
			return (types[i].type);
	return (NULL);
}

/*
 * Starts an automated transaction: "= /REGEX/", a POSIX extended regular
 * expression matched against account names without regard to case, as
 * ledger matches them.  ledger's other value expressions are refused.
 */
static int
journal_rule(struct journal_ctx *c, const char *line, long n, char **cause)
{
	struct journal_rule	*r;
	const char		*p = skip_blanks(line + 1), *end;
	char			*expr, why[128];
	int			 ret;

	end = p + strlen(p);
	while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
		end--;
	if (*p != '/' || end - p < 3 || end[-1] != '/')
		return (journal_error(c, n, cause, "an automated transaction "
		    "is read only as = /REGEX/ on account names; other "
		    "expressions are not supported yet"));
	c->rules = xreallocarray(c->rules, (size_t)c->nrules + 1,
	    sizeof *c->rules);
	r = &c->rules[c->nrules];
	memset(r, 0, sizeof *r);
	expr = xstrndup(p + 1, end - p - 2);
	ret = regcomp(&r->re, expr, REG_EXTENDED | REG_ICASE | REG_NOSUB);
	free(expr);
	if (ret != 0) {
		regerror(ret, &r->re, why, sizeof why);
		return (journal_error(c, n, cause, "the automated "
		    "transaction's expression: %s", why));
	}
	c->nrules++;
	memset(&c->cur, 0, sizeof c->cur);
	c->cur.line = n;
	c->open = 1;
	c->rule_open = 1;
	return (0);
}

/* Directives that change no balance, accepted and passed over. */
static const char *const harmless[] = {
	"apply", "end", "payee", "tag", "N", "P", "decimal-mark",
};

/*
 * Reads a line at column 0 that is neither a comment nor a transaction.
 * *directive is set to 1 after an account directive, 2 after a
 * commodity directive, 3 after a periodic transaction (whose indented
 * lines are passed over), 4 after another harmless one.
 */
static int
journal_directive(struct journal_ctx *c, const char *line, long n,
    int *directive, char **cause)
{
	const char	*p;
	char		*arg;
	int64_t		 v;
	size_t		 len, i;
	int		 k, ret;

	for (len = 0; line[len] != '\0' && !isspace((unsigned char)line[len]);
	    len++)
		continue;
	*directive = 0;
	if (*line == '=')
		return (journal_rule(c, line, n, cause));
	if (*line == '~') {
		/* A budget rule: balances do not change (ledger --budget). */
		*directive = 3;
		return (0);
	}
	if (len == 7 && strncmp(line, "include", len) == 0)
		return (journal_error(c, n, cause, "the include directive is "
		    "not supported yet"));
	if (len == 12 && strncmp(line, "decimal-mark", len) == 0 &&
	    *skip_blanks(line + len) != '.')
		return (journal_error(c, n, cause, "a decimal mark other than "
		    "the point is not supported yet"));
	for (i = 0; i < sizeof harmless / sizeof harmless[0]; i++)
		if (strlen(harmless[i]) == len &&
		    strncmp(line, harmless[i], len) == 0) {
			*directive = 4;
			return (0);
		}
	if (len == 1 && *line == 'D') {
		p = line + 1;
		if ((ret = journal_read_amount(c, &p, n, "D: ", &v, &k,
		    cause)) != 0)
			return (ret);
		c->default_commodity = k;
		return (0);
	}
	if (len == 7 && strncmp(line, "account", len) == 0) {
		arg = directive_argument(line + len);
		if (*arg == '\0') {
			free(arg);
			return (journal_error(c, n, cause, "the account "
			    "directive needs an account name"));
		}
		if (*arg == '(' || *arg == '[') {
			free(arg);
			return (journal_error(c, n, cause, "a virtual account "
			    "is not supported yet"));
		}
		k = journal_account(c, arg, n);
		if (declared_type(line) != NULL)
			c->accounts[k].type = declared_type(line);
		free(arg);
		*directive = 1;
		return (0);
	}
	if (len == 9 && strncmp(line, "commodity", len) == 0) {
		arg = directive_argument(line + len);
		p = arg;
		ret = 0;
		if (*arg == '\0')
			ret = journal_error(c, n, cause, "the commodity "
			    "directive needs a symbol");
		else if (strpbrk(arg, "0123456789") != NULL)
			ret = journal_read_amount(c, &p, n, "commodity: ", &v,
			    &k, cause);
		else if (*arg == '"' && strlen(arg) > 1 &&
		    arg[strlen(arg) - 1] == '"') {
			arg[strlen(arg) - 1] = '\0';
			journal_commodity(c, arg + 1);
		} else
			journal_commodity(c, arg);
		free(arg);
		*directive = 2;
		return (ret);
	}
	return (journal_error(c, n, cause, "the directive \"%.*s\" is not "
	    "supported yet", (int)len, line));
}

/* Reads the whole file into c.  Returns 0, or STORE_EUSER with *cause. */
static int
journal_read(struct journal_ctx *c, FILE *f, char **cause)
{
	char		*line = NULL, *s;
	size_t		 cap = 0;
	ssize_t		 len;
	long		 n = 0;
	int		 ret = 0, directive = 0, block = 0;

	while (ret == 0 && (len = getline(&line, &cap, f)) != -1) {
		n++;
		while (len > 0 && (line[len - 1] == '\n' ||
		    line[len - 1] == '\r'))
			line[--len] = '\0';
		if (strlen(line) != (size_t)len) {
			ret = journal_error(c, n, cause, "the line holds a NUL "
			    "byte; is this a text file?");
			break;
		}
		if (block) {
			if (strncmp(line, "end comment", 11) == 0 ||
			    strncmp(line, "end test", 8) == 0)
				block = 0;
			continue;
		}
		s = (char *)skip_blanks(line);
		if (*s == '\0') {
			ret = journal_finish(c, cause);
			directive = 0;
			continue;
		}
		if (s != line) {
			if (*s == ';' && c->open && comment_dates(s))
				ret = refuse_posting_date(c, n, cause);
			if (*s == ';')
				continue;
			if (c->open)
				ret = journal_posting(c, line, n, cause);
			else if ((directive == 2 &&
			    (strncmp(s, "format", 6) == 0 ||
			    strncmp(s, "note", 4) == 0)) || directive >= 3)
				continue;
			else
				ret = journal_error(c, n, cause, "an indented "
				    "line that belongs to no transaction%s",
				    directive ? " (sub-directives are not "
				    "supported yet)" : "");
			continue;
		}
		if ((ret = journal_finish(c, cause)) != 0)
			break;
		directive = 0;
		if (strchr(";#%|*", *line) != NULL)
			continue;
		if (strcmp(line, "comment") == 0 ||
		    strncmp(line, "comment ", 8) == 0 ||
		    strcmp(line, "test") == 0 ||
		    strncmp(line, "test ", 5) == 0) {
			/* ledger reads test blocks (its own test files'
			 * expected output) as comments too. */
			block = 1;
			continue;
		}
		if (isdigit((unsigned char)*line))
			ret = journal_header(c, line, n, cause);
		else
			ret = journal_directive(c, line, n, &directive, cause);
	}
	if (ret == 0 && ferror(f))
		ret = journal_error(c, n, cause, "cannot read: %s",
		    strerror(errno));
	if (ret == 0)
		ret = journal_finish(c, cause);
	free(line);
	return (ret);
}

/* An account of the journal or one of its parents, for the tree check. */
struct journal_node {
	char	*name;
	long	 line;		/* where the journal first names it */
	long	 posted;	/* its first posting's line, or 0 */
};

static int
by_name(const void *a, const void *b)
{
	const struct journal_node	*x = a, *y = b;

	return (strcmp(x->name, y->name));
}

/*
 * The ledger takes postings only on accounts without sub-accounts.  A
 * journal may post to Assets:Bank and to Assets:Bank:Checking both; such
 * a journal is refused here, naming both, before anything is posted,
 * rather than at whichever posting happens to come second.
 */
static int
journal_check_tree(struct journal_ctx *c, char **cause)
{
	struct journal_node	*all;
	struct journal_account	*a;
	const char		*p;
	size_t			 n = 0, cap, i, j, len;
	int			 k, ret = 0;

	cap = (size_t)c->naccounts + 1;
	all = xreallocarray(NULL, cap, sizeof *all);
	for (k = 0; k < c->naccounts; k++) {
		a = &c->accounts[k];
		for (p = a->name; p != NULL; p = strchr(p + 1, ':')) {
			if (n == cap) {
				cap *= 2;
				all = xreallocarray(all, cap, sizeof *all);
			}
			if (*p == ':') {
				all[n].name = xstrndup(a->name, p - a->name);
				all[n].posted = 0;
			} else {
				all[n].name = xstrdup(a->name);
				all[n].posted = a->posted;
			}
			all[n++].line = a->line;
		}
	}
	qsort(all, n, sizeof *all, by_name);
	for (i = 0; i < n && ret == 0; i++) {
		if (all[i].posted == 0)
			continue;
		len = strlen(all[i].name);
		for (j = i + 1; j < n && ret == 0 &&
		    strncmp(all[j].name, all[i].name, len) == 0; j++)
			if (biz_account_under(all[i].name, all[j].name))
				ret = journal_error(c, all[i].posted, cause,
				    "account %s takes a posting here but also "
				    "has the sub-account %s (line %ld); kontor "
				    "posts only to accounts without "
				    "sub-accounts, so post this to a "
				    "sub-account such as %s:Other",
				    all[i].name, all[j].name, all[j].line,
				    all[i].name);
	}
	for (i = 0; i < n; i++)
		free(all[i].name);
	free(all);
	return (ret);
}

/* An account's type and normal side from its top-level name, or -1. */
static int
account_type(const char *name, const char **type, const char **normal)
{
	static const struct {
		const char	*top;
		const char	*type;
		const char	*normal;
	} tops[] = {
		{ "assets", "asset", "D" },
		{ "asset", "asset", "D" },
		{ "liabilities", "liability", "C" },
		{ "liability", "liability", "C" },
		{ "equity", "equity", "C" },
		{ "income", "revenue", "C" },
		{ "revenue", "revenue", "C" },
		{ "revenues", "revenue", "C" },
		{ "expenses", "expense", "D" },
		{ "expense", "expense", "D" },
	};
	size_t	 i, len = strcspn(name, ":");

	for (i = 0; i < sizeof tops / sizeof tops[0]; i++)
		if (strlen(tops[i].top) == len &&
		    strncasecmp(tops[i].top, name, len) == 0) {
			*type = tops[i].type;
			*normal = tops[i].normal;
			return (0);
		}
	return (-1);
}

/*
 * The type and normal side of account code: as an account directive of
 * the journal declares it for the account, one above it or one under it,
 * or else by its top-level name.  Returns 0, or -1 if neither tells.
 */
static int
journal_type(struct journal_ctx *c, const char *code, const char **type,
    const char **normal)
{
	const struct journal_account	*a;
	int				 k;

	for (k = 0; k < c->naccounts; k++) {
		a = &c->accounts[k];
		if (a->type == NULL || (strcmp(a->name, code) != 0 &&
		    !biz_account_under(a->name, code) &&
		    !biz_account_under(code, a->name)))
			continue;
		*type = a->type;
		*normal = strcmp(a->type, "asset") == 0 ||
		    strcmp(a->type, "expense") == 0 ? "D" : "C";
		return (0);
	}
	if (account_type(code, type, normal) == 0)
		return (0);
	if (c->other_type == NULL)
		return (-1);
	*type = c->other_type;
	*normal = strcmp(*type, "asset") == 0 || strcmp(*type, "expense") ==
	    0 || strcmp(*type, "cost") == 0 ? "D" : "C";
	return (0);
}

/* 0 if account code exists, DB_NOTFOUND if not, or a database error. */
static int
account_exists(struct store *s, DB_TXN *txn, const char *code)
{
	struct store_table	*t = store_table(s, "accounts");
	struct record		*r = record_new(t->def);
	struct buf		 key = BUF_INIT;
	int			 ret;

	record_set_text(r, 0, code);
	record_primary_key(r, &key);
	ret = store_exists(t, txn, &key);
	buf_free(&key);
	record_free(r);
	return (ret);
}

/*
 * Creates account a and the parents it lacks (Assets, Assets:Bank, then
 * Assets:Bank:Checking).  An account of the company that already has
 * postings may not be given a sub-account: the ledger would then hold
 * postings on a parent.
 */
static int
journal_create(struct store *s, DB_TXN *txn, struct journal_ctx *c,
    const struct journal_account *a, char **cause)
{
	const struct table_def	*t = biz_table("accounts");
	struct record		*r;
	const char		*type = NULL, *normal = NULL, *leaf;
	char			*code, *why, *parent = NULL;
	size_t			 i, len = strlen(a->name);
	int			 ret = 0;

	for (i = 1; i <= len && ret == 0; i++) {
		if (i < len && a->name[i] != ':')
			continue;
		code = xstrndup(a->name, i);
		if ((ret = account_exists(s, txn, code)) != DB_NOTFOUND) {
			free(parent);
			parent = code;
			continue;
		}
		if (journal_type(c, code, &type, &normal) != 0)
			ret = journal_error(c, a->line, cause, "account %s: "
			    "cannot tell its type from its name (begin it "
			    "with Assets, Liabilities, Equity, Income or "
			    "Expenses, declare it: account %s  ; type: A, or "
			    "import with --type asset, liability, equity, "
			    "revenue, expense or cost)", a->name, code);
		else if (parent == NULL)
			ret = 0;
		else if ((ret = ledger_has_postings(s, txn, parent)) == 1)
			ret = journal_error(c, a->line, cause, "account %s "
			    "already has postings, so it cannot be given the "
			    "sub-account %s", parent, code);
		if (ret == 0) {
			r = record_new(t);
			leaf = strrchr(code, ':');
			record_set_text(r, fi(t, "code"), code);
			record_set_text(r, fi(t, "name_en"), leaf != NULL ?
			    leaf + 1 : code);
			record_set_text(r, fi(t, "type"), type);
			record_set_text(r, fi(t, "normal"), normal);
			ret = biz_insert(s, txn, r, &why);
			record_free(r);
			if (ret == STORE_EUSER) {
				journal_error(c, a->line, cause, "%s", why);
				free(why);
			}
		}
		free(parent);
		parent = code;
	}
	free(parent);
	return (ret);
}

/*
 * Sets line l from posting p: in the company's currency a debit or a
 * credit; in another commodity its amount, and its cost as debit or
 * credit when that is in the company's currency, or as value in a third.
 */
static int
journal_line(struct journal_ctx *c, const struct journal_posting *p,
    struct record *l, char **cause)
{
	const struct table_def	*lt = l->table;
	char			 buf[128];
	int64_t			 v;
	int			 money;

	if (p->kind != REAL)
		record_set_num(l, fi(lt, "virtual"), p->kind);
	if (p->commodity == c->company && p->cost_commodity >= 0)
		return (journal_error(c, p->line, cause, "a price on an amount "
		    "in the company's currency (%s) is not supported",
		    c->commodities[c->company]));
	if (p->cost_commodity >= 0 && (p->cost < 0) != (p->amount < 0))
		return (journal_error(c, p->line, cause, "the cost and the "
		    "amount must have the same sign"));
	if (p->commodity == c->company)
		v = p->amount;
	else {
		record_set_text(l, fi(lt, "currency"),
		    c->commodities[p->commodity]);
		record_set_num(l, fi(lt, "amount"), p->amount);
		if (p->cost_commodity < 0)
			return (0);
		if (p->cost_commodity != c->company) {
			record_set_text(l, fi(lt, "value_currency"),
			    c->commodities[p->cost_commodity]);
			record_set_num(l, fi(lt, "value"), p->cost);
			return (0);
		}
		v = p->cost;
	}
	money = fixed_pow10(AMOUNT_SCALE - MONEY_SCALE);
	if (v % money != 0)
		return (journal_error(c, p->line, cause, "%s: the company's "
		    "currency takes at most %d decimals", journal_amount(c, v,
		    c->company, buf, sizeof buf), MONEY_SCALE));
	v /= money;
	record_set_num(l, fi(lt, v > 0 ? "debit" : "credit"), v > 0 ? v : -v);
	return (0);
}

/* A company without a currency takes the journal's (the setting). */
static int
set_currency(struct store *s, DB_TXN *txn, const char *commodity)
{
	struct store_table	*t = store_table(s, "settings");
	struct record		*r = record_new(t->def);
	int			 ret;

	record_set_text(r, fi(t->def, "name"), "currency");
	record_set_text(r, fi(t->def, "value"), commodity);
	ret = store_put(t, txn, r, 0);
	record_free(r);
	return (ret);
}

static int
journal_txn(struct store *s, DB_TXN *txn, void *arg, char **cause)
{
	struct journal_ctx	*c = arg;
	const struct table_def	*jt = biz_table("journals");
	const struct table_def	*lt = biz_table("journal_lines");
	struct journal_entry	*e;
	struct journal_posting	*p;
	struct ledger_batch	*batch;
	struct record		*l;
	struct doc		*d;
	char			*why;
	long			 i;
	int			 k, ret = 0;
	int			 fdate = fi(jt, "date");
	int			 fref = fi(jt, "reference");
	int			 fdesc = fi(jt, "description");
	int			 facc = fi(lt, "account");
	int			 fmemo = fi(lt, "memo");

	c->posted = 0;
	batch = ledger_batch_new();
	if (*c->company_code == '\0' && *c->commodities[c->company] != '\0')
		ret = set_currency(s, txn, c->commodities[c->company]);
	for (k = 0; k < c->naccounts && ret == 0; k++)
		ret = journal_create(s, txn, c, &c->accounts[k], cause);
	for (i = 0; i < c->nentries && ret == 0; i++) {
		e = &c->entries[i];
		d = doc_new(jt);
		doc_add_grid(d, lt, "journal", 0);
		record_set_num(d->master, fdate, e->date);
		if (e->code != NULL)
			record_set_text(d->master, fref, e->code);
		record_set_text(d->master, fdesc, e->description);
		for (k = 0; k < e->n && ret == 0; k++) {
			p = &c->postings[e->first + k];
			l = doc_add_row(d, 0);
			record_set_text(l, facc, c->accounts[p->account].name);
			if (p->memo != NULL)
				record_set_text(l, fmemo, p->memo);
			ret = journal_line(c, p, l, cause);
		}
		d->batch = batch;
		if (ret == 0 && (ret = doc_save_in(s, txn, d, c->user,
		    &why)) == STORE_EUSER) {
			journal_error(c, e->line, cause, "%s", why);
			free(why);
		}
		if (ret == 0)
			c->posted++;
		doc_free(d);
	}
	if (ret == 0)
		ret = ledger_batch_flush(s, txn, batch, cause);
	ledger_batch_free(batch);
	return (ret);
}

static void
journal_free(struct journal_ctx *c)
{
	long	i;
	int	k;

	for (k = 0; k < c->naccounts; k++) {
		struct journal_balance *b, *next;

		free(c->accounts[k].name);
		for (b = c->accounts[k].balances; b != NULL; b = next) {
			next = b->next;
			free(b);
		}
	}
	for (k = 0; k < c->nrules; k++) {
		int i;

		for (i = 0; i < c->rules[k].n; i++)
			free(c->rules[k].postings[i].p.memo);
		free(c->rules[k].postings);
		regfree(&c->rules[k].re);
	}
	free(c->rules);
	for (k = 0; k < c->ncommodities; k++)
		free(c->commodities[k]);
	free(c->commodities);
	free(c->accounts);
	free(c->hash);
	for (i = 0; i < c->nentries; i++) {
		free(c->entries[i].code);
		free(c->entries[i].description);
	}
	free(c->entries);
	for (i = 0; i < c->npostings; i++)
		free(c->postings[i].memo);
	free(c->postings);
	for (k = 0; k < c->npending; k++)
		free(c->pending[k].p.memo);
	free(c->pending);
	if (c->open) {
		free(c->cur.code);
		free(c->cur.description);
	}
}

int
journal_import(struct store *s, const char *file, const char *user,
    const char *other_type, long *entries, char **company, char **cause)
{
	struct journal_ctx	c;
	FILE			*f;
	char			*code;
	int			 ret, k;

	memset(&c, 0, sizeof c);
	c.file = file;
	c.user = user;
	c.other_type = other_type;
	c.default_commodity = -1;
	if ((f = fopen(file, "r")) == NULL) {
		*cause = xasprintf("cannot read %s: %s", file,
		    strerror(errno));
		return (-1);
	}
	code = biz_setting(s, NULL, "currency", "");
	c.company_code = code;
	ret = journal_read(&c, f, cause);
	fclose(f);
	if (ret == 0)
		ret = journal_check_tree(&c, cause);
	if (ret == 0) {
		/* The company's currency by its code, or else the first
		 * commodity the journal names. */
		if (c.ncommodities == 0)
			journal_commodity(&c, code);
		c.company = company_so_far(&c);
		for (k = 0; k < c.ncommodities; k++)
			if (k != c.company && *c.commodities[k] == '\0') {
				*cause = xasprintf("%s: amounts without a "
				    "commodity beside amounts in %s, which is "
				    "taken as the company's currency: name "
				    "their commodity, or give a default with "
				    "a D directive", file,
				    c.commodities[c.company]);
				ret = STORE_EUSER;
			}
	}
	if (ret == 0)
		ret = store_run(s, journal_txn, &c, cause);
	if (ret == 0) {
		*entries = c.posted;
		*company = xstrdup(c.commodities[c.company]);
	}
	free(code);
	journal_free(&c);
	return (ret == 0 ? 0 : -1);
}

struct export_ctx {
	FILE	*f;
	int	 tries;
};

/* A commodity as both programs read it after a number: quoted if odd. */
static void
put_commodity(FILE *f, const char *sym)
{
	const char	*p;

	for (p = sym; *p != '\0'; p++)
		if (!commodity_char((unsigned char)*p))
			break;
	if (*p == '\0')
		fprintf(f, " %s", sym);
	else
		fprintf(f, " \"%s\"", sym);
}

/* Why an account name cannot be written in a journal, or NULL. */
static const char *
bad_account(const char *name)
{
	if (*name == '\0')
		return ("it is empty");
	if (strstr(name, "  ") != NULL || strchr(name, '\t') != NULL)
		return ("it holds two blanks or a tab, which end an account "
		    "name in a journal");
	if (*name == ' ' || name[strlen(name) - 1] == ' ')
		return ("it begins or ends with a blank");
	if (*name == '(' || *name == '[' || *name == ';' || *name == '*' ||
	    *name == '!')
		return ("it begins with a character that means something "
		    "else in a journal");
	return (NULL);
}

/* An amount and its commodity (none for ""): "-2.50 EUR". */
static void
put_amount(FILE *f, int64_t v, const char *sym)
{
	char	n[FIXED_BUFSIZE];

	fputs(format_amount(v, n), f);
	if (*sym != '\0')
		put_commodity(f, sym);
}

/*
 * A journal line as a posting: the account (in brackets if virtual), the
 * amount in its commodity, and what it cost (@@, the total) when it has a
 * cost in the company's currency (sym) or in another.
 */
static void
put_line(FILE *f, const struct record *l, const char *acc, const char *sym)
{
	const struct table_def	*lt = l->table;
	const char		*cur = record_text(l, fi(lt, "currency"));
	const char		*vcur;
	int64_t			 worth, value;

	vcur = record_text(l, fi(lt, "value_currency"));
	fixed_rescale(record_num(l, fi(lt, "debit")) - record_num(l,
	    fi(lt, "credit")), MONEY_SCALE, AMOUNT_SCALE, &worth);
	value = record_num(l, fi(lt, "value"));
	if (record_num(l, fi(lt, "virtual")) == VIRTUAL)
		fprintf(f, "    [%s]  ", acc);
	else if (record_num(l, fi(lt, "virtual")) == UNBALANCED)
		fprintf(f, "    (%s)  ", acc);
	else
		fprintf(f, "    %s  ", acc);
	if (*cur == '\0') {
		put_amount(f, worth, sym);
		return;
	}
	put_amount(f, record_num(l, fi(lt, "amount")), cur);
	if (*vcur != '\0') {
		fputs(" @@ ", f);
		put_amount(f, value < 0 ? -value : value, vcur);
	} else if (worth != 0) {
		fputs(" @@ ", f);
		put_amount(f, worth < 0 ? -worth : worth, sym);
	}
}

static int
export_txn(struct store *s, DB_TXN *txn, void *arg, char **cause)
{
	struct export_ctx	*x = arg;
	struct store_table	*jt = store_table(s, "journals");
	struct store_table	*lt = store_table(s, "journal_lines");
	struct store_cursor	*jc, *lc;
	struct record		*j = record_new(jt->def);
	struct record		*l = record_new(lt->def);
	const char		*why, *ref, *desc, *acc, *memo;
	char			*sym;
	int64_t			 number, date;
	int			 ret, lret, fnum = fi(jt->def, "number");
	int			 fdate = fi(jt->def, "date");
	int			 fref = fi(jt->def, "reference");
	int			 fdesc = fi(jt->def, "description");
	int			 fj = fi(lt->def, "journal");
	int			 fa = fi(lt->def, "account");
	int			 fm = fi(lt->def, "memo");

	if (x->tries++ > 0 && (fseek(x->f, 0, SEEK_SET) != 0 ||
	    ftruncate(fileno(x->f), 0) != 0)) {
		*cause = xstrdup("clerks kept records busy while exporting "
		    "to a pipe; export to a file (-o FILE) to let it retry");
		return (STORE_EUSER);
	}
	sym = biz_setting(s, txn, "currency", "");
	if (*sym != '\0') {
		/* Named first: the commodity an import takes as the
		 * company's currency. */
		fputs("commodity", x->f);
		put_commodity(x->f, sym);
		fputs("\n\n", x->f);
	}
	jc = store_cursor_open(jt, NULL, txn);
	lc = store_cursor_open(lt, NULL, txn);
	lret = store_cursor_seek(lc, NULL, l);
	for (ret = store_cursor_seek(jc, NULL, j); ret == 0;
	    ret = store_cursor_next(jc, j)) {
		number = record_num(j, fnum);
		date = record_num(j, fdate);
		ref = record_text(j, fref);
		desc = record_text(j, fdesc);
		if (strchr(ref, ')') != NULL || strchr(desc, ';') != NULL ||
		    strchr(ref, '\n') != NULL || strchr(desc, '\n') != NULL) {
			*cause = xasprintf("entry %lld: its reference or "
			    "description holds ')', ';' or a line break, "
			    "which a journal cannot hold as it is",
			    (long long)number);
			ret = STORE_EUSER;
			break;
		}
		fprintf(x->f, "%04d-%02d-%02d", (int)(date / 10000),
		    (int)(date / 100 % 100), (int)(date % 100));
		if (*ref != '\0')
			fprintf(x->f, " (%s)", ref);
		if (*desc != '\0')
			fprintf(x->f, " %s", desc);
		fputc('\n', x->f);

		while (lret == 0 && record_num(l, fj) < number)
			lret = store_cursor_next(lc, l);
		for (; lret == 0 && record_num(l, fj) == number;
		    lret = store_cursor_next(lc, l)) {
			acc = record_text(l, fa);
			if ((why = bad_account(acc)) != NULL) {
				*cause = xasprintf("entry %lld: account "
				    "\"%s\" cannot be written in a journal: "
				    "%s", (long long)number, acc, why);
				ret = STORE_EUSER;
				break;
			}
			put_line(x->f, l, acc, sym);
			memo = record_text(l, fm);
			if (*memo != '\0' && strchr(memo, '\n') == NULL)
				fprintf(x->f, "  ; %s", memo);
			fputc('\n', x->f);
		}
		if (ret != 0)
			break;
		if (lret != 0 && lret != DB_NOTFOUND) {
			ret = lret;
			break;
		}
		fputc('\n', x->f);
	}
	store_cursor_close(lc);
	store_cursor_close(jc);
	record_free(j);
	record_free(l);
	free(sym);
	if (ret == DB_NOTFOUND)
		ret = 0;
	if (ret == 0 && ferror(x->f)) {
		*cause = xasprintf("cannot write the journal: %s",
		    strerror(errno));
		ret = STORE_EUSER;
	}
	return (ret);
}

int
journal_export(struct store *s, FILE *f, char **cause)
{
	struct export_ctx	x = { f, 0 };

	return (store_run(s, export_txn, &x, cause) == 0 ? 0 : -1);
}
