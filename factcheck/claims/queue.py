"""The queue's query: filters, search, order and keyset pages (shared by the queue screen, the JSON API
and the web bench). Views render; this module builds querysets, and runs the one raw query that counts a
search's matches and picks its page in a single pass (counted_page_ids)."""

import json
from datetime import datetime, time

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import BooleanField, Exists, F, OuterRef, Q
from django.db.models.expressions import Expression
from django.utils import timezone

from factcheck.claims.models import Claim
from factcheck.core.db import as_bigint, lazy_commit

PAGE_SIZE = 50
COUNT_CAP = 1000


class _SearchMatch(Expression):
    """`search_vector @@ websearch_to_tsquery('english', term)` on the query's own statements table, under
    the alias the query gives it. (A RawSQL naming `claims_claim` binds, inside a subquery whose table is
    aliased U0, to the outer query's table: the wrong rows, silently.) The column is not a model field
    (claims 0009), so no F() can name it."""

    output_field = BooleanField()

    def __init__(self, term):
        super().__init__()
        self.term = term

    def as_sql(self, compiler, connection):
        table = compiler.quote_name_unless_alias(next(iter(compiler.query.alias_map)))  # the base table comes first
        return f"{table}.search_vector @@ websearch_to_tsquery('english', %s)", (self.term,)


def search(queryset, term):
    """PostgreSQL full-text search over the stored `search_vector` (claims 0009); a portable substring
    match elsewhere."""
    if connection.vendor == "postgresql":
        return queryset.filter(_SearchMatch(term))
    return queryset.filter(text__icontains=term)


def cursor_parse(value, sort):
    try:
        if sort == "score":
            score, pk = value.split(":")
            return float(score), int(pk)
        return None, int(value)
    except (ValueError, AttributeError):
        return None


def queue_filter(membership, data):
    """The queue's statements filtered by `data` (cleaned form data), not ordered yet."""
    # A bigint newsroom id: the search index is GIN over (newsroom_id, search_vector) with btree_gin, whose
    # int8 class cannot compare the smaller integer type a plain parameter arrives as (core.db.as_bigint).
    qs = Claim.objects.filter(newsroom_id=as_bigint(membership.newsroom.pk))
    # The verdict filters say which statements are open work themselves: a returned correction's statement
    # is "published" (its earlier version is live), so the default "open" does not apply to them.
    status = data.get("status") or ("all" if data.get("review") else "open")
    if status == "open":
        qs = qs.open()
    elif status != "all":
        qs = qs.filter(status=status)
    if data.get("type"):
        qs = qs.filter(types__contains=data["type"])
    if data.get("outlet"):
        qs = qs.filter(article__outlet=data["outlet"])
    if data.get("article"):
        qs = qs.filter(article_id=data["article"])
    if data.get("assignee") == "mine":
        qs = qs.filter(assignee=membership.user_id)
    elif data.get("assignee") == "unassigned":
        qs = qs.filter(assignee=None)
    elif str(data.get("assignee") or "").isdigit():  # one person (forms.AssigneeFilterField)
        qs = qs.filter(assignee_id=int(data["assignee"]))
    if data.get("review"):
        qs = review_filter(qs, membership, data["review"])
    if data.get("min_score") is not None:
        qs = qs.filter(checkworthiness__gte=data["min_score"])
    if data.get("max_score") is not None:
        qs = qs.filter(checkworthiness__lte=data["max_score"])
    if data.get("failed"):
        qs = qs.filter(has_failed_check=True)
    if data.get("matched"):
        qs = qs.filter(has_known_match=True)
    tz = timezone.get_current_timezone()
    if data.get("since"):
        qs = qs.filter(created_at__gte=datetime.combine(data["since"], time.min, tzinfo=tz))
    if data.get("until"):
        qs = qs.filter(created_at__lte=datetime.combine(data["until"], time.max, tzinfo=tz))
    if data.get("q"):
        qs = search(qs, data["q"])
    return qs


def returned_lookups(prefix=""):
    """What makes a verdict "returned", as filter() keywords: a draft a reviewer sent back with a comment, not
    submitted again since (submitting makes it "in review") nor withdrawn since (withdraw leaves the old review on
    the row and stamps withdrawn_at). `prefix` reaches the verdict through a relation, e.g. "verdicts__". The one
    definition behind the Verdict filter "Returned to me", the queue rows' "Returned" chip and the dashboard."""
    return {f"{prefix}status": "draft", f"{prefix}reviewer__isnull": False, f"{prefix}withdrawn_at__isnull": True}


def returned_exists():
    """A statement's open verdict is a returned draft (returned_lookups), as a boolean column of the statements'
    own query: one EXISTS a row, read through verdict_one_open_per_claim (no query of its own). The verdict model
    is reached through the `verdicts` relation, as claims never imports verdicts."""
    verdicts = Claim._meta.get_field("verdicts").related_model.objects
    return Exists(verdicts.filter(claim=OuterRef("pk"), **returned_lookups()))


def review_filter(qs, membership, which):
    """Statements whose open verdict waits on this person: "returned", a draft they wrote that a reviewer
    returned (and that its author has not withdrawn since: withdraw leaves the old review on the row); "waiting",
    a verdict in review they may review, i.e. an editor who neither wrote nor touched it (the four-eyes rule of
    factcheck.verdicts). Through the statements' `verdicts` relation, as claims never imports verdicts; a
    statement has at most one open verdict, so the join adds no duplicate rows."""
    newsroom_id, user_id = as_bigint(membership.newsroom.pk), membership.user_id
    if which == "returned":
        return qs.filter(
            verdicts__newsroom_id=newsroom_id,  # verdict_published_idx (newsroom, status, …) finds the few open ones
            verdicts__author_id=user_id,
            **returned_lookups("verdicts__"),
        )
    if not membership.can_edit:  # nothing, as SQL: the page's count is compiled (capped_count_sql), none() is not
        return qs.filter(pk__isnull=True)
    in_review = {"verdicts__newsroom_id": newsroom_id, "verdicts__status": "in_review"}
    touched = Claim.objects.filter(Q(verdicts__author_id=user_id) | Q(verdicts__contributors=user_id), **in_review)
    return qs.filter(**in_review).exclude(pk__in=touched.values("pk"))


def queue_order(qs, data, *, many_matches=False):
    """`qs` in the queue's order (`data["sort"]`), and that sort's name for the keyset cursor.

    A search on PostgreSQL takes one of two plans. A term with up to COUNT_CAP matches: find them through
    claim_search_idx and sort them (`+ 0` hides the columns from the btree indexes, or the planner may walk
    the score index testing every row: 6.4 s at a million statements for a term with no matches). A term
    with more (`many_matches`, known from the page's capped count): walk the score-ordered index and test
    each row's stored vector, which stops after a page of matches, so the cost follows how common the
    term is, not how many statements the newsroom has (10 ms for a term in 3% of a million statements,
    against 30-70 ms to fetch and sort its 14,000 matches). The keyset filter compares the columns
    themselves either way.
    """
    sort = data.get("sort") or "score"
    order = {"score": ("-checkworthiness", "-pk"), "newest": ("-pk",), "oldest": ("pk",)}[sort]
    if data.get("q") and connection.vendor == "postgresql" and not many_matches:
        hidden = {
            "score": ((F("checkworthiness") + 0).desc(), (F("id") + 0).desc()),
            "newest": ((F("id") + 0).desc(),),
            "oldest": ((F("id") + 0).asc(),),
        }
        return qs.order_by(*hidden[sort]), sort
    return qs.order_by(*order), sort


def capped_count(qs):
    """How many rows `qs` has, counted up to COUNT_CAP + 1 (more reads as "over COUNT_CAP")."""
    return qs.order_by()[: COUNT_CAP + 1].count()


def capped_count_sql(qs):
    """capped_count(qs) as (sql, params) of a query of one value, for page_fetch's `extras`."""
    sql, params = qs.order_by().values("pk")[: COUNT_CAP + 1].query.sql_with_params()
    return f"SELECT count(*) FROM ({sql}) c", params  # noqa: S608 -- Django's own SQL; values are parameters


def pairs_sql(qs, label, *more):
    """(sql, params) of a query of one value: the rows of `qs`, a values_list("pk", label, *more), as one JSON
    array of [pk, label, *more] rows in `label` order (then pk), for page_fetch's `extras`; a select's choices."""
    sql, params = qs.query.sql_with_params()
    label, *more = (connection.ops.quote_name(name) for name in (label, *more))
    columns = ", ".join(f"x.{name}" for name in (label, *more))
    if connection.vendor == "postgresql":
        pairs = f"coalesce(json_agg(json_build_array(x.pk, {columns}) ORDER BY x.{label}, x.pk), '[]')"
    else:  # SQLite (make run): its aggregate keeps the order of the subquery's rows
        pairs = f"json_group_array(json_array(x.pk, {columns}))"
    return f"SELECT {pairs} FROM ({sql}) x", params  # noqa: S608 -- Django's own SQL; values are parameters


def pairs(value):
    """The value of a pairs_sql query as [(pk, label, ...), ...]: psycopg decodes json, SQLite gives text."""
    return [tuple(pair) for pair in (json.loads(value) if isinstance(value, str) else value)]


def page_fetch(rows, extras, write=None):
    """A page of rows and the page's other figures in one round trip: ([row tuples], {name: value}).

    `rows` is a sliced values_list queryset; `extras` {name: (sql, params)} are queries of one value each (a
    capped count, a select's choices from pairs_sql). Each of these was a round trip of its
    own, and PostgreSQL's waits and Django's and psycopg's work for each query (~0.2-0.5 ms on the bench
    machine) were a good part of the queue page's time. On PostgreSQL the two statements (the extras as one
    row, then the rows) go in one execute: Django's psycopg cursors bind parameters on the client and send
    the text with the simple query protocol, which runs several statements and returns a result for each.

    `write`, (sql, params) of an UPDATE, goes first in the same round trip: the queue's "last visit" stamp
    (newsrooms.services.membership_queue_seen_sql). The statements of one simple query are one transaction;
    outside any transaction of Django's, its commit does not wait for the WAL flush (`SET LOCAL
    synchronous_commit TO OFF`, as core.db.lazy_commit: a stamp, not work; a crash may lose the last few). Inside
    an outer transaction the UPDATE is one more statement of it, and the setting is left alone. Where the
    statements go one by one, the UPDATE goes first through lazy_commit itself.
    """
    names = list(extras)
    heads = ", ".join(f"({sql}) AS x{i}" for i, (sql, _) in enumerate(extras.values())) or "NULL"
    heads_params = [p for _, extra_params in extras.values() for p in extra_params]
    compiler = rows.query.get_compiler(using=rows.db)
    try:
        rows_sql, rows_params = compiler.as_sql()
    except EmptyResultSet:  # e.g. no ids to fetch: no query
        rows_sql = None
    statements = [(f"SELECT {heads}", heads_params)]  # noqa: S608 -- Django's own SQL; values are parameters
    if rows_sql is not None:
        statements.append((rows_sql, rows_params))
    # Several statements an execute need client-side binding (Django's default for psycopg; the settings do not
    # turn on server_side_binding); SQLite takes one at a time, and has no round trips to save.
    together = connection.vendor == "postgresql" and not connection.settings_dict["OPTIONS"].get("server_side_binding")
    if write is not None and together:
        statements.insert(0, write)
        if not connection.in_atomic_block and connection.get_autocommit():
            statements.insert(0, ("SET LOCAL synchronous_commit TO OFF", ()))
    elif write is not None:
        with lazy_commit(), connection.cursor() as db:
            db.execute(*write)
    with connection.cursor() as db:
        if together:
            db.execute("; ".join(sql for sql, _ in statements), [p for _, params in statements for p in params])
            results = [db.fetchall() if db.description is not None else None]
            while db.nextset():
                results.append(db.fetchall() if db.description is not None else None)
        else:
            results = []
            for sql, params in statements:
                db.execute(sql, params)
                results.append(db.fetchall())
    results = [result for result in results if result is not None]  # the SET and the UPDATE have no rows
    head, found = results[0][0], (results[1] if rows_sql is not None else [])
    values = dict(zip(names, head, strict=False))
    if found and (converters := compiler.get_converters([expression for expression, _, _ in compiler.select])):
        found = list(compiler.apply_converters(found, converters))  # none on PostgreSQL; SQLite's datetimes
    return found, values


def queue_query(membership, data):
    """Filtered, sorted queryset of the queue plus its sort's name. `data` is cleaned form data."""
    qs = queue_filter(membership, data)
    many = bool(data.get("q")) and connection.vendor == "postgresql" and capped_count(qs) > COUNT_CAP
    return queue_order(qs, data, many_matches=many)


def keyset(qs, sort, after):
    cursor = cursor_parse(after, sort) if after else None
    if cursor is None:
        return qs
    score, pk = cursor
    if sort == "score":
        return qs.filter(Q(checkworthiness__lt=score) | Q(checkworthiness=score, pk__lt=pk))
    return qs.filter(pk__lt=pk) if sort == "newest" else qs.filter(pk__gt=pk)


def cursor_of(claim, sort):
    return f"{claim.checkworthiness!r}:{claim.pk}" if sort == "score" else str(claim.pk)


_PAGE_ORDER = {"score": "score DESC, id DESC", "newest": "id DESC", "oldest": "id ASC"}
_AFTER = {"score": "(score, id) < (%s, %s)", "newest": "id < %s", "oldest": "id > %s"}


# A search the planner expects to match this many statements is not counted: its matches' bitmap is built whole
# before any LIMIT applies (GIN has no plain index scan), 10 ms for a term in 15,000 of a million statements,
# to learn only that there are more than COUNT_CAP. The planner's figure for a frequent word comes from the
# column's statistics of its most common words; ten times the cap leaves room for its error.
SURELY_OVER_CAP = 10 * COUNT_CAP


def _estimated_rows(sql, params):
    """The planner's estimate of how many rows `sql` returns before its LIMIT (EXPLAIN: no row is read)."""
    with connection.cursor() as db:
        db.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)  # noqa: S608 -- Django's own SQL; values are parameters
        plan = db.fetchone()[0]
    plan = (json.loads(plan) if isinstance(plan, str) else plan)[0]["Plan"]
    while plan.get("Node Type") == "Limit" and plan.get("Plans"):
        plan = plan["Plans"][0]
    return plan.get("Plan Rows", 0)


def counted_page_ids(qs, sort, after, size):
    """A search on PostgreSQL in one pass over its matches: (how many, counted up to COUNT_CAP + 1; the ids of
    the `size` statements after the cursor `after` in `sort` order, or None when there are more than
    COUNT_CAP matches, for which queue_order's walk of the score index finds a page sooner).

    The matches are read once through claim_search_idx into a CTE (materialised, as it is used twice) that
    both counts them and sorts them; a term the planner expects in more than SURELY_OVER_CAP statements is not
    read at all (more than COUNT_CAP, None). Before, the capped count and the page each read every match, and the
    page joined each one to its article, outlet and assignee before its top-50 sort: for a term with 962
    matches in a million statements, 3.2 ms + 6.5 ms in the database, against ~3.5 ms for this query.
    """
    matches, params = qs.order_by().values_list("id", "checkworthiness")[: COUNT_CAP + 1].query.sql_with_params()
    if _estimated_rows(matches, params) > SURELY_OVER_CAP:
        return COUNT_CAP + 1, None
    where, extra = "", []
    cursor = cursor_parse(after, sort) if after else None
    if cursor is not None:
        score, pk = cursor
        where, extra = f"WHERE {_AFTER[sort]}", ([score, pk] if sort == "score" else [pk])
    sql = (
        f"WITH m (id, score) AS ({matches}) "  # noqa: S608 -- Django's own SQL for `qs`; values are parameters
        f"SELECT (SELECT count(*) FROM m), ARRAY(SELECT id FROM m {where} ORDER BY {_PAGE_ORDER[sort]} LIMIT %s)"
    )
    with connection.cursor() as db:
        db.execute(sql, [*params, *extra, size])
        count, ids = db.fetchone()
    return count, (ids if count <= COUNT_CAP else None)
