/*
 * page.c: fixed-width pages: a header on each page, an optional footer,
 * form feeds between them (see struct page in report.h).
 *
 *	Northwind Traders        Sales by customer            Page 1 of 2
 *	Run 2026-12-03 19:40  Order date from 1997-01-01
 *
 *	Customer Company                                     Net sales
 *	-------- ---------------------------------------- ------------
 *	ALFKI    Alfreds Futterkiste                          4,273.00
 */
#include <stdio.h>
#include <string.h>

#include "report.h"

#define HEADER_LINES	5
#define FOOTER_LINES	2

int
page_header_lines(void)
{
	return (HEADER_LINES);
}

static void
emit_line(struct page *p, struct buf *b)
{
	/* Trailing blanks help no printer. */
	while (b->len > 0 && b->data[b->len - 1] == ' ')
		b->len--;
	buf_addc(b, '\n');
	p->emit(p->arg, b->data, b->len);
	buf_clear(b);
}

void
page_title_line(const struct page *p, int n, int m, struct buf *out)
{
	struct buf	right = BUF_INIT;
	int		w = p->width, side;

	buf_clear(out);
	buf_printf(&right, "Page %d of %d", n, m);
	side = (w - text_width(p->title)) / 2;
	if (side < text_width(right.data) + 1)
		side = text_width(right.data) + 1; /* the title gives way */
	text_pad(out, p->company, side, TEXT_LEFT, true);
	text_pad(out, p->title, w - 2 * side, TEXT_CENTRE, true);
	text_pad(out, right.data, side, TEXT_RIGHT, false);
	buf_free(&right);
}

static void
page_header(struct page *p)
{
	struct buf	b = BUF_INIT;

	if (p->pages > 0)
		page_title_line(p, p->pageno, p->pages, &b);
	else
		buf_printf(&b, "%s%d", PAGE_MARK, p->pageno);
	emit_line(p, &b);
	text_pad(&b, p->run, p->width, TEXT_LEFT, true);
	emit_line(p, &b);
	emit_line(p, &b);
	text_pad(&b, p->headings, p->width, TEXT_LEFT, false);
	emit_line(p, &b);
	text_pad(&b, p->rule, p->width, TEXT_LEFT, false);
	emit_line(p, &b);
	buf_free(&b);
}

static int
body_lines(const struct page *p)
{
	return (p->length - (p->footer != NULL ? FOOTER_LINES : 0));
}

static void
page_footer(struct page *p)
{
	struct buf	b = BUF_INIT;

	if (p->footer == NULL || p->pageno == 0)
		return;
	while (p->lineno < body_lines(p)) {
		emit_line(p, &b);
		p->lineno++;
	}
	emit_line(p, &b);
	text_pad(&b, p->footer, p->width, TEXT_CENTRE, true);
	emit_line(p, &b);
	p->lineno += FOOTER_LINES;
	buf_free(&b);
}

void
page_line(struct page *p, const char *line)
{
	struct buf	b = BUF_INIT;

	/* A blank line at the top of a page separates nothing. */
	if (*line == '\0' && (p->pageno == 0 || p->break_next ||
	    p->lineno == HEADER_LINES || p->lineno >= body_lines(p)))
		return;

	if (p->pageno == 0 || p->lineno >= body_lines(p) || p->break_next) {
		if (p->pageno > 0) {
			page_footer(p);
			p->emit(p->arg, "\f", 1);
		}
		p->pageno++;
		p->lineno = HEADER_LINES;
		p->break_next = 0;
		page_header(p);
	}
	text_pad(&b, line, p->width, TEXT_LEFT, false);
	emit_line(p, &b);
	buf_free(&b);
	p->lineno++;
}

void
page_break(struct page *p)
{
	if (p->pageno > 0 && p->lineno > HEADER_LINES)
		p->break_next = 1;
}

void
page_need(struct page *p, int n)
{
	if (p->pageno > 0 && p->lineno + n > body_lines(p))
		page_break(p);
}

void
page_end(struct page *p)
{
	page_footer(p);
}
