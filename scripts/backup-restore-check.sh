#!/usr/bin/env bash
# Backup and restore drill for CEC Portal, end to end and on throwaway resources only:
#   1. creates a PostgreSQL cluster in a temporary directory (the distribution's server binaries, a free port);
#   2. seeds the demo database with the portal's own command (`seed-demo`, which migrates first);
#   3. dumps it with `pg_dump -Fc`, drops it, creates it empty and restores it with `pg_restore`;
#   4. checks that every table of the `public` and `hangfire` schemas holds as many rows as before;
#   5. starts the portal on the restored database, waits for /health/ready and signs in as a demo member.
# Usage: scripts/backup-restore-check.sh        (from anywhere; needs the .NET SDK, PostgreSQL 15+ and curl)
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# Debian puts symlinks on PATH; the real directory also holds pg_dump, pg_restore and psql of the same version.
pg_ctl=$(command -v pg_ctl 2>/dev/null || ls -d /usr/lib/postgresql/*/bin/pg_ctl 2>/dev/null | sort -V | tail -n 1 || true)
bin=$(dirname "$(readlink -f "${pg_ctl:-/nonexistent}")")
[ -x "$bin/initdb" ] || { echo "PostgreSQL server binaries not found (apt-get install postgresql)." >&2; exit 1; }

work=$(mktemp -d /tmp/cecportal-backup-XXXXXX)
chmod 755 "$work"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
pg_port=$(free_port)
web_port=$(free_port)
password=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
database=cecportal
portal_pid=

# initdb and the server refuse root: run them as the postgres OS user then.
as_cluster_user() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

cleanup() {
    [ -n "$portal_pid" ] && kill "$portal_pid" 2>/dev/null && wait "$portal_pid" 2>/dev/null || true
    as_cluster_user "$bin/pg_ctl" stop -D "$work/pgdata" -m fast -w >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

echo "== Throwaway cluster on 127.0.0.1:$pg_port"
mkdir -p "$work/pgdata"
echo "$password" > "$work/pw"
[ "$(id -u)" -eq 0 ] && chown -R postgres:postgres "$work/pgdata" "$work/pw"
(cd / && as_cluster_user "$bin/initdb" -D "$work/pgdata" -U portal --pwfile="$work/pw" --auth-host=scram-sha-256 --auth-local=peer -E UTF8 --no-locale >/dev/null)
(cd / && as_cluster_user "$bin/pg_ctl" start -D "$work/pgdata" -w -l "$work/pgdata/server.log" \
    -o "-p $pg_port -c listen_addresses=127.0.0.1 -c unix_socket_directories=''" >/dev/null)
export PGHOST=127.0.0.1 PGPORT=$pg_port PGUSER=portal PGPASSWORD=$password
"$bin/createdb" "$database"

export ConnectionStrings__Portal="Host=127.0.0.1;Port=$pg_port;Username=portal;Password=$password;Database=$database"
export ASPNETCORE_ENVIRONMENT=Development Portal__DataDirectory="$work/data" Demo__Password="Backup-Check-2026!"

echo "== Seeding the demo database (the portal's seed-demo command)"
dotnet build src/CecPortal.Web -v quiet -nologo >/dev/null
dotnet run --project src/CecPortal.Web --no-build -- seed-demo | tail -n 1

counts() {
    "$bin/psql" -d "$database" -At -c "SELECT table_schema || '.' || table_name FROM information_schema.tables
        WHERE table_schema IN ('public', 'hangfire') AND table_type = 'BASE TABLE' ORDER BY 1" |
    while read -r table; do
        echo "$table $("$bin/psql" -d "$database" -At -c "SELECT count(*) FROM $(echo "$table" | sed 's/\([^.]*\)\.\(.*\)/"\1"."\2"/')")"
    done
}
counts > "$work/before.txt"

echo "== pg_dump -Fc, drop, create, pg_restore"
"$bin/pg_dump" -Fc -d "$database" -f "$work/cecportal.dump"
"$bin/dropdb" "$database"
"$bin/createdb" "$database"
"$bin/pg_restore" --no-owner --exit-on-error -d "$database" "$work/cecportal.dump"
counts > "$work/after.txt"
if ! diff -u "$work/before.txt" "$work/after.txt"; then
    echo "FAILED: row counts differ after the restore." >&2
    exit 1
fi
echo "Row counts match in $(wc -l < "$work/before.txt") tables ($(awk '{s+=$2} END {print s}' "$work/after.txt") rows)."

echo "== Portal on the restored database (http://127.0.0.1:$web_port)"
Demo__SeedOnStartup=false dotnet run --project src/CecPortal.Web --no-build --no-launch-profile -- --urls "http://127.0.0.1:$web_port" > "$work/portal.log" 2>&1 &
portal_pid=$!
base="http://127.0.0.1:$web_port"
for _ in $(seq 1 120); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/health/ready" || true)" = 200 ] && break
    sleep 1
done
[ "$(curl -s -o /dev/null -w '%{http_code}' "$base/health/ready")" = 200 ] || { echo "FAILED: /health/ready is not 200." >&2; tail -n 30 "$work/portal.log" >&2; exit 1; }
echo "/health/ready: 200"

jar="$work/cookies.txt"
token=$(curl -s -c "$jar" "$base/account/login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//')
status=$(curl -s -b "$jar" -c "$jar" -o /dev/null -w '%{http_code} %{redirect_url}' \
    --data-urlencode "Input.Email=member@demo.cec.example" --data-urlencode "Input.Password=$Demo__Password" \
    --data-urlencode "__RequestVerificationToken=$token" "$base/account/login")
profile=$(curl -s -b "$jar" -o /dev/null -w '%{http_code}' "$base/profile")
if [ "${status%% *}" != 302 ] || [ "$profile" != 200 ]; then
    echo "FAILED: the demo member could not sign in on the restored database (login: $status, /profile: $profile)." >&2
    exit 1
fi
echo "Demo member signed in (/profile: 200)."
echo "Backup and restore check passed."
