#!/usr/bin/env bash
# scripts/wordpress.sh start | stop | status
#
# A disposable WordPress (Debian's package, 6.1) on 127.0.0.1 for Midad's integration tests and
# the sync.wordpress.200 bench: MariaDB with a private data directory on a unix socket, PHP's
# built-in server with a few workers, one user per role with an Application Password.
#
# After `start`, $MIDAD_WP_DIR/credentials.json holds { url, version, users: { admin, editor,
# author, contributor: { user, applicationPassword, role } } }; the tests read it from there.
#
#   MIDAD_WP_DIR      run directory (default /tmp/midad-wordpress); removed by `stop`
#   MIDAD_WP_PORT     port on 127.0.0.1 (default 8089)
#   MIDAD_WP_WORKERS  PHP worker processes (default 4)
#   MIDAD_WP_NO_APT=1 fail instead of installing missing packages
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
run_dir="${MIDAD_WP_DIR:-/tmp/midad-wordpress}"
port="${MIDAD_WP_PORT:-8089}"
workers="${MIDAD_WP_WORKERS:-4}"
site="http://127.0.0.1:${port}"
config_name="midad-${port}"
config_file="/etc/wordpress/config-${config_name}.php"
socket="${run_dir}/db.sock"
packages=(wordpress mariadb-server php-cli php-mysql curl)

say() { echo "wordpress.sh: $*" >&2; }
die() { say "$*"; exit 1; }
clock() { date +%s%N; }
elapsed() { echo "$(( ($(clock) - $1) / 1000000 )) ms"; }

# Starts CMD in its own session with no terminal or inherited output (a CI log would wait for
# it otherwise); the session leader's pid goes to PIDFILE so `stop` can end the whole group.
spawn() {
  local pidfile="$1" logfile="$2"; shift 2
  rm -f "$pidfile"
  setsid sh -c 'echo $$ > "$1"; shift; exec "$@"' spawn "$pidfile" "$@" </dev/null >>"$logfile" 2>&1 &
  local tries=0
  until [[ -s "$pidfile" ]]; do
    tries=$((tries + 1)); ((tries < 200)) || die "could not start $1"
    sleep 0.01
  done
}

running() {  # pid alive and not a zombie
  local state
  state="$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null)" || return 1
  [[ -n "$state" && "$state" != Z ]]
}

end_group() {  # end_group PIDFILE SIGNAL
  local pidfile="$1" signal="$2" pid
  [[ -f "$pidfile" ]] || return 0
  pid="$(<"$pidfile")"
  if running "$pid"; then
    kill "-${signal}" -- "-${pid}" 2>/dev/null || kill "-${signal}" "$pid" 2>/dev/null || true
    local waited=0
    while running "$pid" && ((waited < 150)); do sleep 0.05; waited=$((waited + 1)); done
    kill -KILL -- "-${pid}" 2>/dev/null || true
  fi
  rm -f "$pidfile"
}

install_packages() {
  local missing=() p
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  ((${#missing[@]} == 0)) && return 0
  [[ "${MIDAD_WP_NO_APT:-0}" == 1 ]] && die "missing packages: ${missing[*]}"
  local t; t=$(clock)
  # The packages' maintainer scripts would start apache2 on port 80 and a system MariaDB:
  # a policy-rc.d that answers 101 keeps every service down during the install.
  local policy=/usr/sbin/policy-rc.d ours=0
  if [[ ! -e "$policy" ]]; then printf '#!/bin/sh\nexit 101\n' >"$policy"; chmod 755 "$policy"; ours=1; fi
  local status=0
  apt-get update -qq || status=$?
  if ((status == 0)); then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      -o DPkg::Lock::Timeout=300 "${missing[@]}" >/dev/null || status=$?
  fi
  ((ours)) && rm -f "$policy"
  ((status == 0)) || die "apt-get install ${missing[*]} failed ($status)"
  say "installed ${missing[*]} in $(elapsed "$t")"
}

start_database() {
  local opts=(--no-defaults --datadir="$run_dir/db" --user=root --innodb-buffer-pool-size=128M --innodb-log-file-size=16M)
  mariadb-install-db "${opts[@]}" --auth-root-authentication-method=socket --skip-test-db >"$run_dir/db-install.log" 2>&1 \
    || { cat "$run_dir/db-install.log" >&2; die "mariadb-install-db failed"; }
  spawn "$run_dir/db.pid" "$run_dir/db.log" mariadbd "${opts[@]}" --socket="$socket" --pid-file="$run_dir/mariadbd.pid" \
    --skip-networking --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
    --innodb-flush-log-at-trx-commit=2 --skip-log-bin
  local i
  for i in $(seq 1 200); do
    mariadb-admin --no-defaults --socket="$socket" -uroot ping >/dev/null 2>&1 && return 0
    sleep 0.05
  done
  cat "$run_dir/db.log" >&2
  die "MariaDB did not come up"
}

write_config() {
  local db_password="$1" key
  {
    echo "<?php"
    echo "// Written by Midad's scripts/wordpress.sh for ${run_dir}; removed by 'wordpress.sh stop'."
    echo "define('DB_NAME', 'midad_wp');"
    echo "define('DB_USER', 'midad_wp');"
    echo "define('DB_PASSWORD', '${db_password}');"
    echo "define('DB_HOST', 'localhost:${socket}');"
    echo "define('DB_CHARSET', 'utf8mb4');"
    echo "define('DB_COLLATE', '');"
    echo "define('WP_HOME', '${site}');"
    echo "define('WP_SITEURL', '${site}');"
    echo "define('WP_CONTENT_DIR', '${run_dir}/wp-content');"
    echo "define('WP_CONTENT_URL', '${site}/wp-content');"
    echo "define('WP_ENVIRONMENT_TYPE', 'local'); // Application Passwords over plain http"
    echo "define('WP_HTTP_BLOCK_EXTERNAL', true); // offline: no calls to wordpress.org"
    echo "define('DISABLE_WP_CRON', true);"
    echo "define('AUTOMATIC_UPDATER_DISABLED', true);"
    echo "define('FS_METHOD', 'direct');"
    echo "define('WP_DEBUG', false);"
    for key in AUTH_KEY SECURE_AUTH_KEY LOGGED_IN_KEY NONCE_KEY AUTH_SALT SECURE_AUTH_SALT LOGGED_IN_SALT NONCE_SALT; do
      echo "define('${key}', '$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')');"
    done
    echo "\$table_prefix = 'wp_';"
  } >"$config_file"
}

do_start() {
  local t0; t0=$(clock)
  install_packages
  [[ -e "$run_dir/php.pid" || -e "$run_dir/db.pid" ]] && die "already started in $run_dir (run: $0 stop)"
  curl -s -o /dev/null --max-time 2 "$site/" && die "something already answers on $site"
  rm -rf "$run_dir"
  mkdir -p "$run_dir/db" "$run_dir/wp-content/uploads" "$run_dir/wp-content/plugins" "$run_dir/wp-content/themes"
  chmod 700 "$run_dir"

  start_database
  local db_password; db_password="$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  mariadb --no-defaults --socket="$socket" -uroot -e "
    CREATE DATABASE midad_wp CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
    CREATE USER 'midad_wp'@'localhost' IDENTIFIED BY '${db_password}';
    GRANT ALL ON midad_wp.* TO 'midad_wp'@'localhost';"
  mkdir -p /etc/wordpress
  write_config "$db_password"

  php -d opcache.enable_cli=0 "$here/wordpress/install.php" "$config_name" "127.0.0.1:${port}" "$run_dir/credentials.json" \
    2>>"$run_dir/install.log" || { cat "$run_dir/install.log" >&2; die "WordPress install failed"; }
  chmod 600 "$run_dir/credentials.json"

  spawn "$run_dir/php.pid" "$run_dir/php.log" env MIDAD_WP_CONFIG="$config_name" MIDAD_WP_CONTENT="$run_dir/wp-content" \
    PHP_CLI_SERVER_WORKERS="$workers" php -d opcache.enable_cli=1 -d memory_limit=256M \
    -d upload_max_filesize=32M -d post_max_size=32M -S "127.0.0.1:${port}" -t /usr/share/wordpress "$here/wordpress/router.php"
  local i
  for i in $(seq 1 200); do
    curl -fs -o /dev/null --max-time 2 "$site/wp-json/" && break
    sleep 0.05
  done
  curl -fs -o /dev/null --max-time 5 "$site/wp-json/" || { tail -n 30 "$run_dir/php.log" >&2; die "PHP server did not answer"; }
  local editor_password
  editor_password="$(php -r '$j = json_decode(file_get_contents($argv[1]), true); echo $j["users"]["editor"]["applicationPassword"];' "$run_dir/credentials.json")"
  curl -fs --max-time 10 -K - "$site/wp-json/wp/v2/users/me?context=edit" <<<"user = \"editor:${editor_password}\"" | grep -q '"editor"' \
    || die "the editor's application password was not accepted"
  say "ready at $site in $(elapsed "$t0") (credentials: $run_dir/credentials.json)"
}

do_stop() {
  local t; t=$(clock)
  end_group "$run_dir/php.pid" KILL     # php -S workers are forked children of the group leader
  end_group "$run_dir/db.pid" TERM      # MariaDB shuts down cleanly on TERM
  rm -f "$config_file"
  rm -rf "$run_dir"
  say "stopped in $(elapsed "$t")"
}

do_status() {
  if curl -fs -o /dev/null --max-time 5 "$site/wp-json/"; then
    echo "running at $site (credentials: $run_dir/credentials.json)"
  else
    echo "not running ($site)"
    return 1
  fi
}

case "${1:-}" in
  start) do_start ;;
  stop) do_stop ;;
  status) do_status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
