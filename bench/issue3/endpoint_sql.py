#!/usr/bin/env python3
"""The SQL an endpoint runs, taken from PostgreSQL's log, as pgbench scripts.

bench/issue3/run logs every statement (log_statement = 'all') while coach serves ONE request,
then calls this. The statements and their parameters are what the server sent, byte for byte:
the server's named SQL files (src/<area>/sql/<name>.sql), each found here by its text, with the
parameters of that request. Statements of other requests (coach's background work, on any
pooled connection) are left out: a statement is the request's when one of its parameters is
the subject id or one of the request's own values (the token's hash, the viewer's id).
The pgbench scripts carry each statement without its "--" comment lines (the named files'
header comments), where pgbench would take a ':' for a variable; the rest is the same text.

  endpoint_sql.py LOG FROM TO OUT_PREFIX SUBJECT_ID SUBJECT_FILE [REQUEST_VALUE...]

LOG FROM TO: the log and the byte range of the request (with the BEGIN and COMMIT of its
transactions; a NULL parameter becomes the literal NULL). SUBJECT_ID: the id in the URL (team
leader or agent); SUBJECT_FILE: one id per line, the ids pgbench rotates over (one script per
id, equal weights, like the wrk script rotates over the same ids; "-": SUBJECT_ID only). Writes:
  OUT_PREFIX.<k>.pgbench   the statements, in order: every parameter becomes a pgbench variable
                           (:p<statement>_<n>, or :subject<k> where the value is SUBJECT_ID);
                           all but the last end with ';' (bench/issue3/run checks with
                           EXPLAIN ANALYZE that the session lookup finds the session), and
                           every one in a pipeline;
                           statements the server sent in one pipeline (consecutive ones with
                           the same virtual transaction id, %v in log_line_prefix) are sent
                           the same way, between \\startpipeline and \\endpipeline;
  OUT_PREFIX.vars          the -D arguments, one per line (subject<k>=<id>, p<s>_<n>=<value>);
  OUT_PREFIX.statements    the statements as logged, NUL-separated (for EXPLAIN, the check);
  OUT_PREFIX.params        their parameters, one line per statement, tab-separated (\\N: NULL);
  OUT_PREFIX.names         the named SQL file of each statement, one line per statement
                           (<area>/<name>, or "?" for a text no file holds);
and prints "<n statements> <protocol>": protocol "extended" when the server used unnamed
statements (pgbench -M extended), "prepared" when it executed named prepared statements.
"""
import re
import sys
from pathlib import Path


def fail(msg: str) -> None:
    sys.exit(f"endpoint_sql.py: {msg}")


def parse_params(text: str) -> dict[int, str | None]:
    """'$1 = 'a', $2 = NULL, $3 = 'it''s'' -> {1: 'a', 2: None, 3: "it's"}."""
    out: dict[int, str | None] = {}
    pos = 0
    pat = re.compile(r"\s*\$(\d+) = (NULL|'((?:[^']|'')*)')\s*(,|$)", re.S)
    while pos < len(text):
        m = pat.match(text, pos)
        if not m:
            fail(f"cannot read the parameters: {text[pos:pos + 80]!r}")
        out[int(m.group(1))] = None if m.group(2) == "NULL" else m.group(3).replace("''", "'")
        pos = m.end()
    return out


ROOT = Path(__file__).resolve().parents[2]


def code(text: str) -> str:
    """The statement without its "--" comment lines."""
    return "".join(line for line in text.splitlines(keepends=True)
                   if not line.lstrip().startswith("--"))


def named_statements() -> dict[str, str]:
    """The code of every named SQL file (src/<area>/sql/<name>.sql, without its comment
    lines, as the server sends it) -> "<area>/<name>"."""
    return {code(f.read_text()).strip(): f"{f.parent.parent.name}/{f.stem}"
            for f in sorted(ROOT.glob("src/*/sql/*.sql"))}


def statements(chunk: str) -> tuple[list[tuple[str, dict, str]], str]:
    """(text, params, virtual transaction id) of each execute logged in chunk, in order, and
    the protocol."""
    out: list = []
    protocol = "extended"
    for e in re.split(r"\n(?=\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)", chunk):
        e = e.replace("\n\t", "\n")  # continuation lines
        if m := re.search(r"\] (\S*) ?LOG:  execute ([^:]*): (.*)$", e, re.S):
            if m.group(2) != "<unnamed>":
                protocol = "prepared"
            out.append([m.group(3), {}, m.group(1)])
        elif (m := re.search(r"DETAIL:  parameters: (.*)$", e, re.S)) and out:
            out[-1][1] = parse_params(m.group(1).strip())
    return out, protocol


def main() -> None:
    args = sys.argv[1:]
    if len(args) < 6:
        sys.exit(__doc__)
    log, a, b, prefix, subject, subject_file, *known = args
    data = Path(log).read_bytes()[int(a):int(b)].decode("utf-8", "replace")
    found, protocol = statements(data)
    mine = {subject, *known}
    stmts = [(t, p, x) for t, p, x in found if mine & {v for v in p.values() if v is not None}]
    # The BEGIN and COMMIT of the request's transactions (no parameters of their own): the
    # statements with the virtual transaction id of one of the request's.
    ours = {x for _, _, x in stmts if x}
    stmts = [(t, p, x) for t, p, x in found
             if (mine & {v for v in p.values() if v is not None})
             or (x in ours and code(t).strip().upper() in ("BEGIN", "COMMIT"))]
    if not any(subject in p.values() for _, p, _ in stmts):
        fail(f"no logged statement has {subject} as a parameter")
    ids = ([subject] if subject_file == "-" else
           [line.strip() for line in Path(subject_file).read_text().splitlines() if line.strip()])
    if not ids:
        fail("no subject ids")
    variables = [f"subject{k}={v}" for k, v in enumerate(ids, 1)]
    body_parts = []
    # The runs of statements with one virtual transaction id: pipelines of the server.
    group = [x if x else f"alone{s}" for s, (_, _, x) in enumerate(stmts)]
    pipelined = [group.count(g) > 1 for g in group]
    for s, (logged, params, _) in enumerate(stmts, 1):
        text = code(logged)
        used = sorted(set(int(x) for x in re.findall(r"\$(\d+)", text)))
        if used != sorted(params):
            fail(f"statement {s}: placeholders {used} but parameters {sorted(params)}")
        if ":" in re.sub(r"::", "", text):
            fail(f"statement {s}: a lone ':' would be taken for a pgbench variable")
        names = {}
        for n, v in params.items():
            if v is None:
                # pgbench -D cannot pass a NULL: the statement gets the literal (its cast, as
                # "$n::uuid", stays). The planner then folds "NULL IS NULL" where the server's
                # plan tests a parameter: if anything, the baseline gets the easier plan.
                names[n] = "NULL"
            elif v == subject:
                names[n] = "SUBJECT"
            else:
                names[n] = f"p{s}_{n}"
                variables.append(f"p{s}_{n}={v}")
        # Replace $10 before $1.
        out = text
        for n in sorted(names, reverse=True):
            out = out.replace(f"${n}", "NULL" if names[n] == "NULL" else f":{names[n]}")
        # All but the last end with ';' (pgbench sends it; it changes nothing in the plan). Not
        # \gset: a column without a name (?column?) is no valid variable name for it.
        i = s - 1
        opens = pipelined[i] and (i == 0 or group[i - 1] != group[i])
        closes = pipelined[i] and (i == len(stmts) - 1 or group[i + 1] != group[i])
        body_parts.append(("\\startpipeline\n" if opens else "") + out +
                          (";\n" if pipelined[i] or s < len(stmts) else "") +
                          ("\\endpipeline\n" if closes else ""))
    body = "".join(body_parts)
    for k in range(1, len(ids) + 1):
        Path(f"{prefix}.{k}.pgbench").write_text(
            "-- Generated by bench/issue3/endpoint_sql.py from PostgreSQL's log of one request.\n"
            + body.replace(":SUBJECT", f":subject{k}"))
    Path(f"{prefix}.vars").write_text("".join(v + "\n" for v in variables))
    Path(f"{prefix}.statements").write_text("".join(t + "\0" for t, _, _ in stmts))
    named = named_statements()
    Path(f"{prefix}.names").write_text(
        "".join(named.get(code(t).strip(), code(t).strip() if code(t).strip() in
                          ("BEGIN", "COMMIT") else "?") + "\n" for t, _, _ in stmts))
    Path(f"{prefix}.params").write_text("".join(
        "\t".join("\\N" if p[n] is None else p[n] for n in sorted(p)) + "\n"
        for _, p, _ in stmts))
    print(len(stmts), protocol)


if __name__ == "__main__":
    main()
