/*
 * journal.c: ledger and hledger journals in and out (see journal.h).
 *
 * The import works in two steps.  The parser reads the file into memory:
 * transactions, their postings with amounts in cents, and the accounts
 * named, each with the line that first named it.  It works out elided
 * amounts, checks that each transaction balances, and checks balance
 * assertions against running balances kept per account in file order
 * (as ledger does; hledger checks them in date order).  Only then does
 * one store_run create the missing accounts and post every transaction
 * with doc_save_in, so a retried database transaction simply posts the
 * same memory again.
 *
 * What the parser does not understand it refuses, naming the line: it
 * never skips a posting or a directive that could change a balance.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "document.h"
#include "fixed.h"
#include "journal.h"
#include "ledger.h"
#include "rules.h"
#include "tables.h"

/* A posting as stored for the import; amount is debit positive. */
struct journal_posting {
	int		 account;	/* index in journal_ctx.accounts */
	int64_t		 amount;
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

struct journal_account {
	char		*name;
	long		 line;		/* where the journal first names it */
	long		 posted;	/* its first posting's line, or 0 */
	int64_t		 balance;	/* running, for assertions */
};

/* A posting of the transaction being read, before it is kept. */
struct journal_pending {
	int		 account;
	long		 line;
	int		 elided;
	int64_t		 amount;
	int		 asserted;
	int64_t		 assertion;
	char		*memo;
};

struct journal_ctx {
	const char		*file;
	const char		*user;

	struct journal_account	*accounts;
	int			 naccounts;
	int			 accounts_cap;
	int			*hash;		/* account index + 1, or 0 */
	size_t			 hash_size;

	struct journal_entry	*entries;
	long			 nentries;
	long			 entries_cap;
	struct journal_posting	*postings;
	long			 npostings;
	long			 postings_cap;

	/* The transaction being read. */
	int			 open;
	struct journal_entry	 cur;
	struct journal_pending	*pending;
	int			 npending;
	int			 pending_cap;

	/* The journal's one commodity and how it is written. */
	char			*commodity;
	int			 symbol_first;
	int			 symbol_space;

	long			 posted;
};

static int
journal_error(struct journal_ctx *c, long line, char **cause,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static int
journal_error(struct journal_ctx *c, long line, char **cause,
    const char *fmt, ...)
{
	va_list	 ap;
	char	*what;

	va_start(ap, fmt);
	what = xvasprintf(fmt, ap);
	va_end(ap);
	*cause = xasprintf("%s:%ld: %s", c->file, line, what);
	free(what);
	return (STORE_EUSER);
}

static int
fi(const struct table_def *t, const char *name)
{
	int	i = schema_field_index(t, name);

	if (i < 0)
		fatalx("table %s has no field %s", t->name, name);
	return (i);
}

static const char *
skip_blanks(const char *p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	return (p);
}

/* An amount as the journal writes its commodity: "$-5.00", "5.00 EUR". */
static const char *
journal_amount(struct journal_ctx *c, int64_t v, char *buf, size_t len)
{
	char		 n[FIXED_BUFSIZE];
	const char	*sym = c->commodity != NULL ? c->commodity : "";

	fixed_format(v, MONEY_SCALE, false, n);
	if (*sym == '\0')
		snprintf(buf, len, "%s", n);
	else if (c->symbol_first)
		snprintf(buf, len, "%s%s%s", sym, c->symbol_space ? " " : "",
		    n);
	else
		snprintf(buf, len, "%s%s%s", n, c->symbol_space ? " " : "",
		    sym);
	return (buf);
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
 * Commas may separate thousands.  Sets *value (cents), *commodity
 * (allocated, "" if none) and where and how the symbol was written, and
 * moves *pp past the amount.  Returns 0, or -1 with *why (allocated).
 */
static int
read_amount(const char **pp, int64_t *value, char **commodity, int *first,
    int *space, char **why)
{
	const char	*p = skip_blanks(*pp), *num, *end, *after;
	const char	*what;
	struct buf	 digits = BUF_INIT;
	char		*sym = NULL;
	int		 neg = 0, sign = 0;

	*first = *space = 0;
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
		*first = 1;
		*space = *p == ' ' || *p == '\t';
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
		*why = xasprintf("cannot read the amount \"%.*s\" (write it "
		    "as 1234.56 or 1,234.56, with a commodity before or "
		    "after)", (int)(strcspn(num, " \t;")), num);
		buf_free(&digits);
		free(sym);
		return (-1);
	}
	if (fixed_parse(digits.data, MONEY_SCALE, value, &what) != 0) {
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
		*space = after != end;
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

/* Checks that an amount's commodity is the journal's (the first seen). */
static int
check_commodity(struct journal_ctx *c, long line, const char *sym,
    int first, int space, char **cause)
{
	if (c->commodity == NULL) {
		c->commodity = xstrdup(sym);
		c->symbol_first = first;
		c->symbol_space = space;
		return (0);
	}
	if (strcmp(c->commodity, sym) == 0)
		return (0);
	if (*sym == '\0')
		return (journal_error(c, line, cause, "an amount without a "
		    "commodity, in a journal whose commodity is \"%s\": a "
		    "second commodity is not supported yet", c->commodity));
	return (journal_error(c, line, cause, "a second commodity \"%s\" "
	    "(this journal's is \"%s\") is not supported yet", sym,
	    *c->commodity != '\0' ? c->commodity : "none"));
}

static int
days_in_month(int y, int m)
{
	static const int	days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30,
				    31, 30, 31 };

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return (29);
	return (days[m - 1]);
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
	    part[2] > days_in_month(part[0], part[1]))
		return (-1);
	*date = (int64_t)part[0] * 10000 + part[1] * 100 + part[2];
	*pp = p;
	return (0);
}

/* Keeps the transaction just read, once it balances and its asserts hold. */
static int
journal_finish(struct journal_ctx *c, char **cause)
{
	struct journal_pending	*p;
	struct journal_account	*a;
	char			 want[64], got[64];
	int64_t			 sum = 0;
	int			 i, elided = -1;

	if (!c->open)
		return (0);
	c->open = 0;
	for (i = 0; i < c->npending; i++) {
		p = &c->pending[i];
		if (p->elided && elided >= 0)
			return (journal_error(c, p->line, cause, "a second "
			    "posting without an amount (the first is on line "
			    "%ld); at most one posting of a transaction may "
			    "leave its amount out", c->pending[elided].line));
		if (p->elided)
			elided = i;
		else if (fixed_add(sum, p->amount, &sum) != 0)
			return (journal_error(c, p->line, cause, "the "
			    "transaction's amounts are too large"));
	}
	if (elided >= 0)
		c->pending[elided].amount = -sum;
	else if (sum != 0)
		return (journal_error(c, c->cur.line, cause, "the transaction "
		    "does not balance: its postings add up to %s, not zero",
		    journal_amount(c, sum, got, sizeof got)));
	if (c->npending == 1 && c->pending[0].amount != 0)
		return (journal_error(c, c->cur.line, cause, "a transaction "
		    "needs at least two postings"));

	/* Running balances, in the order of the file. */
	for (i = 0; i < c->npending; i++) {
		p = &c->pending[i];
		a = &c->accounts[p->account];
		if (fixed_add(a->balance, p->amount, &a->balance) != 0)
			return (journal_error(c, p->line, cause, "the balance "
			    "of account %s is too large", a->name));
		if (p->asserted && a->balance != p->assertion)
			return (journal_error(c, p->line, cause, "balance "
			    "assertion failed: account %s should be %s here, "
			    "but is %s", a->name, journal_amount(c,
			    p->assertion, want, sizeof want),
			    journal_amount(c, a->balance, got, sizeof got)));
	}

	/* Postings of zero change nothing: ledger shows none, neither do we. */
	c->cur.first = c->npostings;
	c->cur.n = 0;
	for (i = 0; i < c->npending; i++) {
		p = &c->pending[i];
		if (p->amount == 0) {
			free(p->memo);
			continue;
		}
		if (c->npostings == c->postings_cap) {
			c->postings_cap = c->postings_cap == 0 ? 1024 :
			    c->postings_cap * 2;
			c->postings = xreallocarray(c->postings,
			    c->postings_cap, sizeof *c->postings);
		}
		c->postings[c->npostings].account = p->account;
		c->postings[c->npostings].amount = p->amount;
		c->postings[c->npostings].memo = p->memo;
		c->npostings++;
		c->cur.n++;
		a = &c->accounts[p->account];
		if (a->posted == 0)
			a->posted = p->line;
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
	char			*name, *sym, *why;
	int			 first, space, ret;

	if (*s == '*' || *s == '!')
		s = skip_blanks(s + 1);
	if (*s == '(' || *s == '[')
		return (journal_error(c, n, cause, "a virtual posting (an "
		    "account in parentheses or brackets) is not supported "
		    "yet"));
	for (end = s; *end != '\0' && *end != '\t' &&
	    !(end[0] == ' ' && end[1] == ' '); end++)
		continue;
	while (end > s && end[-1] == ' ')
		end--;
	if (end == s)
		return (journal_error(c, n, cause, "a posting without an "
		    "account"));

	if (c->npending == c->pending_cap) {
		c->pending_cap = c->pending_cap == 0 ? 8 : c->pending_cap * 2;
		c->pending = xreallocarray(c->pending, c->pending_cap,
		    sizeof *c->pending);
	}
	p = &c->pending[c->npending];
	memset(p, 0, sizeof *p);
	p->line = n;
	name = xstrndup(s, end - s);
	p->account = journal_account(c, name, n);
	free(name);

	s = skip_blanks(end);
	if (*s == '\0' || *s == ';')
		p->elided = 1;
	else if (*s == '=')
		return (journal_error(c, n, cause, "a balance assignment (a "
		    "posting with = but no amount) is not supported yet"));
	else {
		if (read_amount(&s, &p->amount, &sym, &first, &space,
		    &why) != 0) {
			ret = journal_error(c, n, cause, "%s", why);
			free(why);
			return (ret);
		}
		ret = check_commodity(c, n, sym, first, space, cause);
		free(sym);
		if (ret != 0)
			return (ret);
		s = skip_blanks(s);
	}
	if (*s == '@')
		return (journal_error(c, n, cause, "a price (@ or @@) is not "
		    "supported yet"));
	if (*s == '{' || *s == '[' || *s == '(')
		return (journal_error(c, n, cause, "a lot price, date or note "
		    "is not supported yet"));
	if (*s == '=') {
		s++;
		if (*s == '=')
			s++;
		if (*s == '*')
			return (journal_error(c, n, cause, "a balance "
			    "assertion that takes in sub-accounts (=*) is not "
			    "supported yet"));
		if (read_amount(&s, &p->assertion, &sym, &first, &space,
		    &why) != 0) {
			ret = journal_error(c, n, cause, "balance assertion: "
			    "%s", why);
			free(why);
			return (ret);
		}
		ret = check_commodity(c, n, sym, first, space, cause);
		free(sym);
		if (ret != 0)
			return (ret);
		p->asserted = 1;
		s = skip_blanks(s);
		if (*s == '@')
			return (journal_error(c, n, cause, "a price (@ or @@) "
			    "is not supported yet"));
	}
	if (*s == ';') {
		s = skip_blanks(s + 1);
		end = s + strlen(s);
		while (end > s && (end[-1] == ' ' || end[-1] == '\t'))
			end--;
		if (end > s)
			p->memo = xstrndup(s, end - s);
	} else if (*s != '\0')
		return (journal_error(c, n, cause, "cannot read the posting "
		    "from \"%s\"", s));
	c->npending++;
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

/* Reads a line at column 0 that is neither a comment nor a transaction. */
static int
journal_directive(struct journal_ctx *c, const char *line, long n,
    int *directive, char **cause)
{
	const char	*p;
	char		*arg, *sym, *why;
	int64_t		 v;
	size_t		 len;
	int		 first, space, ret;

	for (len = 0; line[len] != '\0' && !isspace((unsigned char)line[len]);
	    len++)
		continue;
	*directive = 0;
	if (*line == '=')
		return (journal_error(c, n, cause, "an automated transaction "
		    "(=) is not supported yet"));
	if (*line == '~')
		return (journal_error(c, n, cause, "a periodic transaction "
		    "(~) is not supported yet"));
	if (len == 7 && strncmp(line, "include", len) == 0)
		return (journal_error(c, n, cause, "the include directive is "
		    "not supported yet"));
	if (len == 1 && *line == 'P')
		return (journal_error(c, n, cause, "a market price (P) is not "
		    "supported yet"));
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
		journal_account(c, arg, n);
		free(arg);
		*directive = 1;
		return (0);
	}
	if (len == 9 && strncmp(line, "commodity", len) == 0) {
		arg = directive_argument(line + len);
		p = arg;
		if (read_amount(&p, &v, &sym, &first, &space, &why) == 0 &&
		    *skip_blanks(p) == '\0') {
			ret = check_commodity(c, n, sym, first, space, cause);
			free(sym);
		} else {
			if (*arg == '"' && strlen(arg) > 1 &&
			    arg[strlen(arg) - 1] == '"')
				sym = xstrndup(arg + 1, strlen(arg) - 2);
			else
				sym = xstrdup(arg);
			free(why);
			ret = *sym == '\0' ? journal_error(c, n, cause,
			    "the commodity directive needs a symbol") :
			    check_commodity(c, n, sym, 1, 0, cause);
			free(sym);
		}
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
			if (strncmp(line, "end comment", 11) == 0)
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
			if (*s == ';')
				continue;
			if (c->open)
				ret = journal_posting(c, line, n, cause);
			else if (directive == 2 && strncmp(s, "format", 6) == 0)
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
		    strncmp(line, "comment ", 8) == 0) {
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
	int64_t			 debit, credit;
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
		if (account_type(code, &type, &normal) != 0)
			ret = journal_error(c, a->line, cause, "account %s: "
			    "cannot tell its type from its name (begin it "
			    "with Assets, Liabilities, Equity, Income or "
			    "Expenses)", a->name);
		else if (parent == NULL)
			ret = 0;
		else if ((ret = ledger_sums(s, txn, parent, 0, 999912, &debit,
		    &credit)) == 0 && (debit != 0 || credit != 0))
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

static int
journal_txn(struct store *s, DB_TXN *txn, void *arg, char **cause)
{
	struct journal_ctx	*c = arg;
	const struct table_def	*jt = biz_table("journals");
	const struct table_def	*lt = biz_table("journal_lines");
	struct journal_entry	*e;
	struct journal_posting	*p;
	struct record		*l;
	struct doc		*d;
	char			*why;
	long			 i;
	int			 k, ret = 0;
	int			 fdate = fi(jt, "date"), fref = fi(jt, "reference");
	int			 fdesc = fi(jt, "description");
	int			 facc = fi(lt, "account"), fdr = fi(lt, "debit");
	int			 fcr = fi(lt, "credit"), fmemo = fi(lt, "memo");

	c->posted = 0;
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
		for (k = 0; k < e->n; k++) {
			p = &c->postings[e->first + k];
			l = doc_add_row(d, 0);
			record_set_text(l, facc, c->accounts[p->account].name);
			record_set_num(l, p->amount > 0 ? fdr : fcr,
			    p->amount > 0 ? p->amount : -p->amount);
			if (p->memo != NULL)
				record_set_text(l, fmemo, p->memo);
		}
		ret = doc_save_in(s, txn, d, c->user, &why);
		if (ret == STORE_EUSER) {
			journal_error(c, e->line, cause, "%s", why);
			free(why);
		}
		if (ret == 0)
			c->posted++;
		doc_free(d);
	}
	return (ret);
}

static void
journal_free(struct journal_ctx *c)
{
	long	i;
	int	k;

	for (k = 0; k < c->naccounts; k++)
		free(c->accounts[k].name);
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
		free(c->pending[k].memo);
	free(c->pending);
	if (c->open) {
		free(c->cur.code);
		free(c->cur.description);
	}
	free(c->commodity);
}

int
journal_import(struct store *s, const char *file, const char *user,
    long *entries, char **cause)
{
	struct journal_ctx	c;
	FILE			*f;
	int			 ret;

	memset(&c, 0, sizeof c);
	c.file = file;
	c.user = user;
	if ((f = fopen(file, "r")) == NULL) {
		*cause = xasprintf("cannot read %s: %s", file,
		    strerror(errno));
		return (-1);
	}
	ret = journal_read(&c, f, cause);
	fclose(f);
	if (ret == 0)
		ret = journal_check_tree(&c, cause);
	if (ret == 0)
		ret = store_run(s, journal_txn, &c, cause);
	if (ret == 0)
		*entries = c.posted;
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
	char			*sym, n[FIXED_BUFSIZE];
	int64_t			 number, date, dr, cr;
	int			 ret, lret, fnum = fi(jt->def, "number");
	int			 fdate = fi(jt->def, "date");
	int			 fref = fi(jt->def, "reference");
	int			 fdesc = fi(jt->def, "description");
	int			 fj = fi(lt->def, "journal");
	int			 fa = fi(lt->def, "account");
	int			 fdr = fi(lt->def, "debit");
	int			 fcr = fi(lt->def, "credit");
	int			 fm = fi(lt->def, "memo");

	if (x->tries++ > 0 && (fseek(x->f, 0, SEEK_SET) != 0 ||
	    ftruncate(fileno(x->f), 0) != 0)) {
		*cause = xstrdup("clerks kept records busy while exporting "
		    "to a pipe; export to a file (-o FILE) to let it retry");
		return (STORE_EUSER);
	}
	sym = biz_setting(s, txn, "currency", "");
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
			dr = record_num(l, fdr);
			cr = record_num(l, fcr);
			fprintf(x->f, "    %s  %s", acc,
			    fixed_format(dr - cr, MONEY_SCALE, false, n));
			if (*sym != '\0')
				put_commodity(x->f, sym);
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
