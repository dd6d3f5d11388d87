/** Help text of each command; `liftbook <command> --help` prints it, usage errors print it too. */
export const USAGE: Record<string, string> = {
  main: `liftbook — did your personalization work? Recipes and notebooks from the command line.

Usage: liftbook <command> [options]

Commands:
  recipes                 list the recipes (ids, titles, inputs, parameters)
  recipe <id>             run one recipe on your files and print its result
  run <notebook.md>       run a notebook headless (HTML report, JSON summary)
  serve                   start the workbench server
  generate                write the generated bookstore's tables to files
  user <subcommand>       add users, give out and revoke their API tokens
  source <subcommand>     add, list, test and remove the server's SQL sources

Run "liftbook <command> --help" for a command's options.`,
  recipes: `Usage: liftbook recipes [--json]

Lists every recipe: id and title, or with --json the full descriptors
(id, title, description, inputs and roles, parameter JSON Schema).`,
  recipe: `Usage: liftbook recipe <id> --input <name>=<file> ... [--param <key>=<value> ...]
                       [--source <NAME>=<URL> ...] [--params <file.json>] [--format json|table|html] [--out <file>]

Runs one recipe on your data.
  --input name=file   an input table (CSV/TSV with any of , ; tab |, JSON rows, Parquet, Arrow;
                      .gz allowed); a bundled dataset by name also works (e.g. shop/units);
                      SOURCE:table or "SOURCE:SELECT …" reads a table or query of a source (text
                      after the colon with a space in it is a query); an existing file always wins
  --source NAME=URL   a source: clickhouse://user:pass@host:8123/db or postgres://user:pass@host/db
                      (also read from LIFTBOOK_SOURCE_<NAME>=URL, which keeps passwords out of history)
  --param key=value   a parameter; the value is JSON when it parses (3, true, ["a","b"]),
                      otherwise a string. Repeatable; wins over --params.
  --params file.json  parameters as a JSON object
  --format            json (default: one object on stdout), table (readable text), html (report)
  --out file          write the output to a file instead of stdout

Exit status: 0 success, 1 bad data or parameters (message on stderr), 2 usage error.
Example:
  liftbook recipe lift --input units=units.csv --param variant=variant \\
    --param metrics='["converted","revenue"]' --format table`,
  run: `Usage: liftbook run <notebook.md> [--param <key>=<value> ...] [--source <name>=<url> ...]
                    [--html <file>] [--json] [--snapshot]

Runs every cell of a notebook headless, in a worker thread of this process.
  --param key=value   override a parameter declared in the notebook's front matter
  --source name=url   a source for SQL cells with source=name (clickhouse://… or postgres://…);
                      LIFTBOOK_SOURCE_<NAME>=url works too and keeps the password out of history
  --html file         write a self-contained HTML report (prose, tables, charts as SVG)
  --json              print each cell's id, status, time (ms) and value summary as JSON
  --snapshot          write the outputs sidecar (<notebook>.snapshot.json) beside the notebook

In cells, load(name) reads a file (relative to the notebook's folder) or a bundled dataset
(shop/<table>, open/<name>; options { seed, customers } for the generated shop), and
recipe(id, inputs, params) runs a recipe. SQL cells (\`\`\`sql id=name source=…) query the embedded
DuckDB, where files next to the notebook and bundled datasets are tables ("orders.csv",
"shop/units"), or a source.
Exit status: 0 when every cell ran, 1 when a cell failed (named on stderr), 2 usage error.`,
  serve: `Usage: liftbook serve [--port N] [--host H] [--data DIR] [--build] [team options]

Starts the workbench server. On a data directory without users it first creates the admin
"admin"; every start prints a sign-in link for the admin (its token is valid for 7 days) and
revokes the links printed by earlier starts. Add teammates with "liftbook user add <name> --data DIR".
  --port N               port to listen on (default 4100, or $PORT; 0 picks a free one)
  --host H               interface to bind (default 127.0.0.1; 0.0.0.0 to share on a network)
  --data DIR             where notebooks, users and datasets are stored (default ./.liftbook)
  --build                build the web client first when it is missing or stale
  --trusted-proxy IP     a reverse proxy in front of the server (repeatable): for requests from
                         it, the client's address is read from X-Forwarded-For (sign-in limits)
  --max-notebook-mb N    largest notebook a save may send (default 5, or $LIFTBOOK_NOTEBOOK_LIMIT)
  --no-sign-in-link      print no sign-in link (admins sign in with their own tokens)
  --keep-links           do not revoke the sign-in links printed by earlier starts`,
  generate: `Usage: liftbook generate [--out DIR] [--seed N] [--customers N] [--format csv|json]

Writes the generated bookstore (a shop like Sarah's, with a planted personalization experiment)
as one file per table plus truth.json with the planted effects.
  --out DIR        folder to write to (default ./shop-data)
  --seed N         random seed (default 42); the same seed gives the same shop
  --customers N    number of customers (default 4000)
  --format         csv (default) or json`,
  user: `Usage: liftbook user add <name> [--role admin|member]   add a user; prints their first API token
       liftbook user list                               the users, their roles, when they were added
       liftbook user token <name> [--label L]           a new API token for a user
       liftbook user tokens [<name>]                    the tokens: id, user, label, prefix, dates
       liftbook user revoke <token-id>                  revoke a token; its sessions end too
       liftbook user disable <name>                     stop all of a user's tokens and sessions at once
       liftbook user enable <name>                      let a disabled user sign in again

Manages who may use the workbench. Each subcommand also takes
  --data DIR   the data directory, as for "liftbook serve --data DIR" (default ./.liftbook);
               the server may be running on it
  --json       print one JSON object (add: {"user", "token"}) or, for list and tokens, an array

A token is printed once: liftbook keeps only its hash, so a lost one cannot be shown again.
Give a new one with "liftbook user token <name>" and revoke the old one.
User names: lowercase letters, digits, ".", "_" and "-", at most 40, starting with a letter or digit.
Exit status: 0 success, 1 a bad or taken name or an unknown user or token (message on stderr),
2 usage error.
Example:
  liftbook user add ana --data /srv/liftbook`,
  source: `Usage: liftbook source add <name> [<url>] [--test] [--replace]   add a source (the URL defaults to $LIFTBOOK_SOURCE_<NAME>)
       liftbook source list                                  the sources: name, kind, URL with the password hidden
       liftbook source test <name>                           connect and run SELECT 1
       liftbook source remove <name>                         remove a source

The named databases a server's SQL cells query besides "local" (the embedded engine over the
datasets): clickhouse://user:password@host:8123/database or postgres://user:password@host:5432/database.
Use a read-only database user: every signed-in member can query a source (they never see its URL).
  --data DIR   the data directory, as for "liftbook serve --data DIR" (default ./.liftbook)
  --json       print JSON instead of text
  --test       (add) connect and run SELECT 1 first; nothing is stored when that fails
  --replace    (add) replace a source of the same name
Exit status: 0 success, 1 a bad name or URL, an unknown source or a failed test, 2 usage error.`,
};
