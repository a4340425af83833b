/*
 * tables.c: every table of a company, its fields and its secondary
 * indices.  Adding a field is one line here (with a new id); old records
 * read it as empty.  Screens and reports name these fields.
 */
#include <string.h>

#include "tables.h"

#define N(a)	((int)(sizeof (a) / sizeof (a)[0]))
#define KEY	(F_KEY | F_REQUIRED)
#define CODE	(F_KEY | F_REQUIRED | F_UPPER)
#define M	MONEY_SCALE
#define Q	QTY_SCALE
#define R	RATE_SCALE

/*
 * The change stamp of a record that clerks edit: a counter raised by each
 * save from a screen, and who saved it when.  A save that finds a higher
 * counter than the clerk's screen read is refused (biz/document.c).
 */
#define STAMP \
	{ 90, "changed", FT_INT, 0, 0, NULL, "Changes" }, \
	{ 91, "changed_by", FT_TEXT, 0, 0, NULL, "Changed by" }

/* Company-wide settings: name, currency. */
static const struct field_def settings_fields[] = {
	{ 1, "name", FT_CODE, 0, KEY, NULL, "Setting" },
	{ 2, "value", FT_TEXT, 0, 0, NULL, "Value" },
};

static const struct field_def customers_fields[] = {
	{ 1, "code", FT_CODE, 0, CODE, NULL, "Customer" },
	{ 2, "name", FT_TEXT, 0, F_REQUIRED, NULL, "Company name" },
	{ 3, "contact", FT_TEXT, 0, 0, NULL, "Contact" },
	{ 4, "contact_title", FT_TEXT, 0, 0, NULL, "Contact title" },
	{ 5, "address", FT_TEXT, 0, 0, NULL, "Address" },
	{ 6, "city", FT_TEXT, 0, 0, NULL, "City" },
	{ 7, "region", FT_TEXT, 0, 0, NULL, "Region" },
	{ 8, "postal_code", FT_TEXT, 0, 0, NULL, "Postal code" },
	{ 9, "country", FT_TEXT, 0, 0, NULL, "Country" },
	{ 10, "phone", FT_TEXT, 0, 0, NULL, "Phone" },
	{ 11, "fax", FT_TEXT, 0, 0, NULL, "Fax" },
	{ 12, "credit_limit", FT_MONEY, M, 0, NULL, "Credit limit" },
	STAMP,
};
static const struct index_def customers_indexes[] = {
	{ "by-name", { "name", NULL }, IX_FOLD },
	{ "by-country", { "country", "name", NULL }, IX_FOLD },
};

/* Persons at a customer. */
static const struct field_def contacts_fields[] = {
	{ 1, "customer", FT_CODE, 0, CODE, "customers", "Customer" },
	{ 2, "seq", FT_INT, 0, F_KEY | F_SEQ, NULL, "No." },
	{ 3, "name", FT_TEXT, 0, F_REQUIRED, NULL, "Name" },
	{ 4, "title", FT_TEXT, 0, 0, NULL, "Title" },
	{ 5, "phone", FT_TEXT, 0, 0, NULL, "Phone" },
	{ 6, "email", FT_TEXT, 0, 0, NULL, "E-mail" },
};
static const struct index_def contacts_indexes[] = {
	{ "by-name", { "name", NULL }, IX_FOLD },
};

static const struct field_def suppliers_fields[] = {
	{ 1, "code", FT_CODE, 0, CODE, NULL, "Supplier" },
	{ 2, "name", FT_TEXT, 0, F_REQUIRED, NULL, "Company name" },
	{ 3, "contact", FT_TEXT, 0, 0, NULL, "Contact" },
	{ 4, "contact_title", FT_TEXT, 0, 0, NULL, "Contact title" },
	{ 5, "address", FT_TEXT, 0, 0, NULL, "Address" },
	{ 6, "city", FT_TEXT, 0, 0, NULL, "City" },
	{ 7, "region", FT_TEXT, 0, 0, NULL, "Region" },
	{ 8, "postal_code", FT_TEXT, 0, 0, NULL, "Postal code" },
	{ 9, "country", FT_TEXT, 0, 0, NULL, "Country" },
	{ 10, "phone", FT_TEXT, 0, 0, NULL, "Phone" },
	{ 11, "fax", FT_TEXT, 0, 0, NULL, "Fax" },
	{ 12, "homepage", FT_TEXT, 0, 0, NULL, "Home page" },
	STAMP,
};
static const struct index_def suppliers_indexes[] = {
	{ "by-name", { "name", NULL }, IX_FOLD },
};

static const struct field_def categories_fields[] = {
	{ 1, "code", FT_CODE, 0, CODE, NULL, "Category" },
	{ 2, "name", FT_TEXT, 0, F_REQUIRED, NULL, "Name" },
	{ 3, "description", FT_TEXT, 0, 0, NULL, "Description" },
	STAMP,
};
static const struct index_def categories_indexes[] = {
	{ "by-name", { "name", NULL }, IX_FOLD },
};

/* Stock items. */
static const struct field_def items_fields[] = {
	{ 1, "code", FT_CODE, 0, CODE, NULL, "Item" },
	{ 2, "name", FT_TEXT, 0, F_REQUIRED, NULL, "Description" },
	{ 3, "category", FT_CODE, 0, F_UPPER, "categories", "Category" },
	{ 4, "supplier", FT_CODE, 0, F_UPPER, "suppliers", "Supplier" },
	{ 5, "unit", FT_TEXT, 0, 0, NULL, "Unit" },
	{ 6, "price", FT_MONEY, M, 0, NULL, "Sale price" },
	{ 7, "cost", FT_MONEY, M, 0, NULL, "Cost" },
	{ 8, "reorder_level", FT_QTY, Q, 0, NULL, "Reorder level" },
	{ 9, "discontinued", FT_INT, 0, 0, NULL, "Discontinued" },
	STAMP,
};
static const struct index_def items_indexes[] = {
	{ "by-name", { "name", NULL }, IX_FOLD },
	{ "by-category", { "category", "name", NULL }, IX_FOLD },
};

static const struct field_def warehouses_fields[] = {
	{ 1, "code", FT_CODE, 0, CODE, NULL, "Warehouse" },
	{ 2, "name", FT_TEXT, 0, F_REQUIRED, NULL, "Name" },
	{ 3, "address", FT_TEXT, 0, 0, NULL, "Address" },
	{ 4, "city", FT_TEXT, 0, 0, NULL, "City" },
	{ 5, "country", FT_TEXT, 0, 0, NULL, "Country" },
	STAMP,
};
static const struct index_def warehouses_indexes[] = {
	{ "by-name", { "name", NULL }, IX_FOLD },
};

/*
 * Stock on hand per item and warehouse: a figure derived from the stock
 * moves, kept in the same transaction as each move (see biz/rules.c).
 */
static const struct field_def stock_fields[] = {
	{ 1, "item", FT_CODE, 0, CODE, "items", "Item" },
	{ 2, "warehouse", FT_CODE, 0, CODE, "warehouses", "Warehouse" },
	{ 3, "on_hand", FT_QTY, Q, 0, NULL, "On hand" },
};
static const struct index_def stock_indexes[] = {
	{ "by-warehouse", { "warehouse", "item", NULL }, 0 },
};

/* Every receipt and issue of stock; never changed once written. */
static const struct field_def stock_moves_fields[] = {
	{ 1, "number", FT_INT, 0, F_KEY | F_SEQ, NULL, "Move" },
	{ 2, "date", FT_DATE, 0, F_REQUIRED, NULL, "Date" },
	{ 3, "item", FT_CODE, 0, F_REQUIRED | F_UPPER, "items", "Item" },
	{ 4, "warehouse", FT_CODE, 0, F_REQUIRED | F_UPPER, "warehouses",
	    "Warehouse" },
	{ 5, "quantity", FT_QTY, Q, F_REQUIRED, NULL, "Quantity" },
	{ 6, "reason", FT_TEXT, 0, 0, NULL, "Reason" },
	{ 7, "document", FT_TEXT, 0, 0, NULL, "Document" },
};
static const struct index_def stock_moves_indexes[] = {
	{ "by-item", { "item", "warehouse", NULL }, 0 },
};

static const struct field_def employees_fields[] = {
	{ 1, "code", FT_CODE, 0, CODE, NULL, "Employee" },
	{ 2, "last_name", FT_TEXT, 0, F_REQUIRED, NULL, "Last name" },
	{ 3, "first_name", FT_TEXT, 0, 0, NULL, "First name" },
	{ 4, "title", FT_TEXT, 0, 0, NULL, "Title" },
	{ 5, "courtesy", FT_TEXT, 0, 0, NULL, "Courtesy title" },
	{ 6, "birth_date", FT_DATE, 0, 0, NULL, "Birth date" },
	{ 7, "hire_date", FT_DATE, 0, 0, NULL, "Hire date" },
	{ 8, "address", FT_TEXT, 0, 0, NULL, "Address" },
	{ 9, "city", FT_TEXT, 0, 0, NULL, "City" },
	{ 10, "region", FT_TEXT, 0, 0, NULL, "Region" },
	{ 11, "postal_code", FT_TEXT, 0, 0, NULL, "Postal code" },
	{ 12, "country", FT_TEXT, 0, 0, NULL, "Country" },
	{ 13, "phone", FT_TEXT, 0, 0, NULL, "Home phone" },
	{ 14, "extension", FT_TEXT, 0, 0, NULL, "Extension" },
	{ 15, "notes", FT_TEXT, 0, 0, NULL, "Notes" },
	{ 16, "reports_to", FT_CODE, 0, F_UPPER, "employees", "Reports to" },
	STAMP,
};
static const struct index_def employees_indexes[] = {
	{ "by-name", { "last_name", "first_name", NULL }, IX_FOLD },
};

static const struct field_def shippers_fields[] = {
	{ 1, "code", FT_CODE, 0, CODE, NULL, "Shipper" },
	{ 2, "name", FT_TEXT, 0, F_REQUIRED, NULL, "Company name" },
	{ 3, "phone", FT_TEXT, 0, 0, NULL, "Phone" },
	STAMP,
};
static const struct index_def shippers_indexes[] = {
	{ "by-name", { "name", NULL }, IX_FOLD },
};

static const struct field_def orders_fields[] = {
	{ 1, "number", FT_INT, 0, F_KEY | F_SEQ, NULL, "Order" },
	{ 2, "customer", FT_CODE, 0, F_REQUIRED | F_UPPER, "customers",
	    "Customer" },
	{ 3, "employee", FT_CODE, 0, F_UPPER, "employees", "Employee" },
	{ 4, "order_date", FT_DATE, 0, F_REQUIRED, NULL, "Order date" },
	{ 5, "required_date", FT_DATE, 0, 0, NULL, "Required date" },
	{ 6, "shipped_date", FT_DATE, 0, 0, NULL, "Shipped date" },
	{ 7, "shipper", FT_CODE, 0, F_UPPER, "shippers", "Shipper" },
	{ 8, "freight", FT_MONEY, M, 0, NULL, "Freight" },
	{ 9, "ship_name", FT_TEXT, 0, 0, NULL, "Ship to" },
	{ 10, "ship_address", FT_TEXT, 0, 0, NULL, "Address" },
	{ 11, "ship_city", FT_TEXT, 0, 0, NULL, "City" },
	{ 12, "ship_region", FT_TEXT, 0, 0, NULL, "Region" },
	{ 13, "ship_postal_code", FT_TEXT, 0, 0, NULL, "Postal code" },
	{ 14, "ship_country", FT_TEXT, 0, 0, NULL, "Country" },
	{ 15, "currency", FT_CODE, 0, F_UPPER, NULL, "Currency" },
	STAMP,
};
static const struct index_def orders_indexes[] = {
	{ "by-customer", { "customer", "order_date", NULL }, 0 },
	{ "by-date", { "order_date", NULL }, 0 },
};

/* amount is kept by the business layer: quantity x price less discount. */
static const struct field_def order_lines_fields[] = {
	{ 1, "order", FT_INT, 0, KEY, "orders", "Order" },
	{ 2, "line", FT_INT, 0, F_KEY | F_SEQ, NULL, "Line" },
	{ 3, "item", FT_CODE, 0, F_REQUIRED | F_UPPER, "items", "Item" },
	{ 4, "quantity", FT_QTY, Q, F_REQUIRED, NULL, "Quantity" },
	{ 5, "price", FT_MONEY, M, 0, NULL, "Price" },
	{ 6, "discount", FT_RATE, R, 0, NULL, "Discount" },
	{ 7, "amount", FT_MONEY, M, 0, NULL, "Amount" },
};
static const struct index_def order_lines_indexes[] = {
	{ "by-item", { "item", NULL }, 0 },
};

/* Journal entries: posted once, never changed (see biz/document.c). */
static const struct field_def journals_fields[] = {
	{ 1, "number", FT_INT, 0, F_KEY | F_SEQ, NULL, "Entry" },
	{ 2, "date", FT_DATE, 0, F_REQUIRED, NULL, "Date" },
	{ 3, "reference", FT_TEXT, 0, 0, NULL, "Reference" },
	{ 4, "description", FT_TEXT, 0, 0, NULL, "Description" },
	{ 5, "kind", FT_CODE, 0, 0, NULL, "Kind" },
	{ 6, "reverses", FT_INT, 0, 0, "journals", "Reverses" },
	{ 7, "posted_by", FT_TEXT, 0, 0, NULL, "Posted by" },
	STAMP,
};
static const struct index_def journals_indexes[] = {
	{ "by-date", { "date", NULL }, 0 },
	{ "by-reverses", { "reverses", NULL }, 0 },
};

static const struct field_def journal_lines_fields[] = {
	{ 1, "journal", FT_INT, 0, KEY, "journals", "Entry" },
	{ 2, "line", FT_INT, 0, F_KEY | F_SEQ, NULL, "Line" },
	{ 3, "account", FT_TEXT, 0, F_REQUIRED, "accounts",
	    "Account" },
	{ 4, "debit", FT_MONEY, M, 0, NULL, "Debit" },
	{ 5, "credit", FT_MONEY, M, 0, NULL, "Credit" },
	{ 6, "memo", FT_TEXT, 0, 0, NULL, "Memo" },
	{ 7, "date", FT_DATE, 0, 0, NULL, "Date" },	/* the entry's */
	/*
	 * A line in another commodity than the company's currency: its
	 * amount (debit positive) in currency; and, when it was bought or
	 * sold at a price, what it cost (value, debit positive) in
	 * value_currency ("" for the company's).  debit and credit hold the
	 * line's worth in the company's currency: its own amount, its cost
	 * in that currency, or nothing when it has no price in it.
	 */
	{ 8, "currency", FT_TEXT, 0, 0, NULL, "Currency" },
	{ 9, "amount", FT_QTY, AMOUNT_SCALE, 0, NULL, "Amount" },
	{ 10, "value_currency", FT_TEXT, 0, 0, NULL, "Cost currency" },
	{ 11, "value", FT_QTY, AMOUNT_SCALE, 0, NULL, "Cost" },
	{ 12, "virtual", FT_INT, 0, 0, NULL, "Virtual" },
};
static const struct index_def journal_lines_indexes[] = {
	{ "by-account-date", { "account", "date", NULL }, 0 },
};

/*
 * Debits and credits per account, commodity and month, kept by the
 * ledger in the same transaction as each posting (biz/ledger.c): a trial
 * balance reads these, never the postings.  period is YYYYMM; currency
 * is "" for the company's own.  debit and credit are in the company's
 * currency (a line's worth in it); amount_debit and amount_credit add up
 * the lines' amounts in currency.
 */
static const struct field_def balances_fields[] = {
	{ 1, "account", FT_TEXT, 0, KEY, "accounts", "Account" },
	{ 5, "currency", FT_TEXT, 0, F_KEY, NULL, "Currency" },
	{ 2, "period", FT_INT, 0, KEY, NULL, "Period" },
	{ 3, "debit", FT_MONEY, M, 0, NULL, "Debits" },
	{ 4, "credit", FT_MONEY, M, 0, NULL, "Credits" },
	{ 6, "amount_debit", FT_QTY, AMOUNT_SCALE, 0, NULL, "Amount debits" },
	{ 7, "amount_credit", FT_QTY, AMOUNT_SCALE, 0, NULL,
	    "Amount credits" },
};

/* Months of the ledger that are closed to postings.  period is YYYYMM. */
static const struct field_def periods_fields[] = {
	{ 1, "period", FT_INT, 0, KEY, NULL, "Period" },
	{ 2, "closed", FT_INT, 0, 0, NULL, "Closed" },
	{ 3, "closed_by", FT_TEXT, 0, 0, NULL, "Closed by" },
};

/*
 * The chart of accounts; parent is found from the code (biz/rules.c).
 * An account's code is text kept as typed: "1001" in the Chinese chart,
 * or a name such as "Assets:Bank:Checking" from a plain-text journal.
 */
static const struct field_def accounts_fields[] = {
	{ 1, "code", FT_TEXT, 0, KEY, NULL, "Account" },
	{ 2, "name_zh", FT_TEXT, 0, 0, NULL, "名称" },
	{ 3, "name_en", FT_TEXT, 0, 0, NULL, "Name" },
	{ 4, "type", FT_CODE, 0, F_REQUIRED, NULL, "Type" },
	{ 5, "normal", FT_CODE, 0, F_REQUIRED | F_UPPER, NULL, "Normal side" },
	{ 6, "parent", FT_CODE, 0, 0, "accounts", "Parent" },
	{ 7, "blocked", FT_INT, 0, 0, NULL, "Blocked" },
	STAMP,
};
static const struct index_def accounts_indexes[] = {
	{ "by-name", { "name_en", NULL }, IX_FOLD },
	{ "by-chinese-name", { "name_zh", NULL }, IX_FOLD },
};

#define TABLE(name, label, ix) \
	{ #name, label, name##_fields, N(name##_fields), ix, \
	    ix == NULL ? 0 : N(name##_indexes) }
#define TABLE0(name, label) \
	{ #name, label, name##_fields, N(name##_fields), NULL, 0 }

/* settings comes first: its file marks a directory as a company. */
const struct table_def biz_tables[] = {
	TABLE0(settings, "setting"),
	TABLE(customers, "customer", customers_indexes),
	TABLE(contacts, "contact", contacts_indexes),
	TABLE(suppliers, "supplier", suppliers_indexes),
	TABLE(categories, "category", categories_indexes),
	TABLE(items, "item", items_indexes),
	TABLE(warehouses, "warehouse", warehouses_indexes),
	TABLE(stock, "stock", stock_indexes),
	TABLE(stock_moves, "stock move", stock_moves_indexes),
	TABLE(employees, "employee", employees_indexes),
	TABLE(shippers, "shipper", shippers_indexes),
	TABLE(orders, "order", orders_indexes),
	TABLE(order_lines, "order line", order_lines_indexes),
	TABLE(accounts, "account", accounts_indexes),
	TABLE(journals, "journal entry", journals_indexes),
	TABLE(journal_lines, "journal line", journal_lines_indexes),
	TABLE0(balances, "balance"),
	TABLE0(periods, "period"),
};
const int biz_ntables = N(biz_tables);

const struct table_def *
biz_table(const char *name)
{
	int	i;

	for (i = 0; i < biz_ntables; i++)
		if (strcmp(biz_tables[i].name, name) == 0)
			return (&biz_tables[i]);
	return (NULL);
}
