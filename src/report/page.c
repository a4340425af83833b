/*
 * page.c: fixed-width pages: a header on each page, form feeds between
 * them (see struct page in report.h).
 *
 *	Northwind Traders        Sales by customer                 Page 1
 *	Run 2026-12-03 19:40
 *
 *	Customer Company                                     Net sales
 *	-------- ---------------------------------------- ------------
 *	ALFKI    Alfreds Futterkiste                          4,273.00
 */
#include <string.h>

#include "report.h"

#define HEADER_LINES	5

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

/* company on the left, title in the middle, page number on the right. */
static void
page_header(struct page *p)
{
	struct buf	 b = BUF_INIT, right = BUF_INIT;
	int		 w = p->width, side;

	buf_printf(&right, "Page %d", p->pageno);
	side = (w - text_width(p->title)) / 2;
	if (side < text_width(right.data) + 1)
		side = text_width(right.data) + 1;	/* the title gives way */
	text_pad(&b, p->company, side, TEXT_LEFT, true);
	text_pad(&b, p->title, w - 2 * side, TEXT_CENTRE, true);
	text_pad(&b, right.data, side, TEXT_RIGHT, false);
	emit_line(p, &b);

	buf_printf(&b, "Run %s", p->run);
	emit_line(p, &b);
	emit_line(p, &b);
	text_pad(&b, p->headings, w, TEXT_LEFT, false);
	emit_line(p, &b);

	text_pad(&b, p->rule, w, TEXT_LEFT, false);
	emit_line(p, &b);
	buf_free(&b);
	buf_free(&right);
}

void
page_line(struct page *p, const char *line)
{
	struct buf	b = BUF_INIT;

	if (p->pageno == 0 || p->lineno >= p->length) {
		if (p->pageno > 0)
			p->emit(p->arg, "\f", 1);
		p->pageno++;
		p->lineno = HEADER_LINES;
		page_header(p);
	}
	text_pad(&b, line, p->width, TEXT_LEFT, false);
	emit_line(p, &b);
	buf_free(&b);
	p->lineno++;
}
