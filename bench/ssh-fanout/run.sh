#!/usr/bin/env bash
# End-to-end SSH fan-out: `show version` on N inventory hosts with W workers, through Genja and through
# `xargs -P W ssh`, against one real OpenSSH sshd on 127.0.0.1 that this script starts and stops.
# Prints both wall times, their ratio, and the JVM's peak RSS. Not part of the test command.
#
#   bench/ssh-fanout/run.sh [hosts=200] [workers=50]
#
# Needs: /usr/sbin/sshd (openssh-server), ssh, ssh-keygen, Java 17, Maven. Run from anywhere.
set -euo pipefail
HOSTS="${1:-200}"
WORKERS="${2:-50}"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
SSHD=/usr/sbin/sshd
[ -x "$SSHD" ] || { echo "sshd not found: apt-get install openssh-server" >&2; exit 2; }

WORK="$(mktemp -d)"
trap 'kill "$(cat "$WORK/sshd.pid" 2>/dev/null)" 2>/dev/null || true; rm -rf "$WORK"' EXIT
chmod 755 "$WORK"

ssh-keygen -q -t ed25519 -N '' -f "$WORK/host_key"
ssh-keygen -q -t ed25519 -N '' -f "$WORK/id_ed25519"
cp "$WORK/id_ed25519.pub" "$WORK/authorized_keys"
cat > "$WORK/device.sh" <<'DEVICE'
#!/bin/sh
case "$SSH_ORIGINAL_COMMAND" in
  "show version") echo "Cisco IOS Software, Version 15.2(7)E8 (simulated by ForceCommand)"; echo "uptime is 12 weeks";;
  *) echo "% Invalid input" >&2; exit 1;;
esac
DEVICE
chmod 755 "$WORK/device.sh"
# a free port: one that nothing answers on
PORT=$((20000 + RANDOM % 20000))
while (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; do PORT=$((20000 + RANDOM % 20000)); done
mkdir -p /run/sshd 2>/dev/null || true
cat > "$WORK/sshd_config" <<CONFIG
Port $PORT
ListenAddress 127.0.0.1
HostKey $WORK/host_key
PidFile $WORK/sshd.pid
AuthorizedKeysFile $WORK/authorized_keys
StrictModes no
UsePAM no
PermitRootLogin yes
PasswordAuthentication no
KbdInteractiveAuthentication no
# both clients open $WORKERS handshakes at once; the default (10:30:100) would drop some
MaxStartups 1000
ForceCommand $WORK/device.sh
LogLevel ERROR
CONFIG
"$SSHD" -f "$WORK/sshd_config" -E "$WORK/sshd.log"
for _ in $(seq 1 100); do
  (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break
  sleep 0.05
done
echo "[127.0.0.1]:$PORT $(cut -d' ' -f1,2 "$WORK/host_key.pub")" > "$WORK/known_hosts"

# sshd runs the ForceCommand through the login user's shell, and bash started by sshd sources ~/.bashrc; a
# developer's rc files (pyenv, nvm, conda init) then cost the server far more than SSH does and dominate both
# clients' times. So the sessions log in as a user whose shell is /bin/sh: BENCH_USER if set, else (as root) a
# dedicated `genja-bench` user created on first use, else the current user, with a warning when its shell is bash.
USER_NAME="${BENCH_USER:-}"
if [ -z "$USER_NAME" ] && [ "$(id -u)" = 0 ]; then
  USER_NAME=genja-bench
  # no password ("*", not the locked "!" that sshd refuses even for key logins); the key below is its only way in
  id "$USER_NAME" >/dev/null 2>&1 || useradd -m -s /bin/sh -p "*" "$USER_NAME"
fi
USER_NAME="${USER_NAME:-$(id -un)}"
USER_SHELL="$(getent passwd "$USER_NAME" | cut -d: -f7)"
case "$USER_SHELL" in
  */bash) echo "warning: $USER_NAME's login shell is bash: its ~/.bashrc runs in every session and is measured too" >&2;;
esac

JAR="$ROOT/bench/target/benchmarks.jar"
if [ ! -f "$JAR" ] || [ -n "$(find "$ROOT/genja-ssh/src" "$ROOT/genja-runtime/src" "$ROOT/bench/src" -newer "$JAR" -print -quit)" ]; then
  (cd "$ROOT" && mvn -B -q -Pbench -pl bench -am package -DskipTests)
fi

now() { date +%s.%N; }
ROUNDS="${ROUNDS:-2}"
# A short-lived run: C1 only and the serial collector cost less CPU than the JVM's server defaults.
JAVA_OPTS="${JAVA_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC}"

run_openssh() {
  seq 1 "$HOSTS" | /usr/bin/time -f '%U %S' -o "$WORK/openssh.cpu" xargs -P "$WORKERS" -I{} ssh -q -i "$WORK/id_ed25519" -p "$PORT" \
    -o BatchMode=yes -o UserKnownHostsFile="$WORK/known_hosts" -o StrictHostKeyChecking=yes \
    -o ControlMaster=no -o ControlPath=none "$USER_NAME@127.0.0.1" "show version" > "$WORK/openssh.out"
  local lines; lines="$(grep -c 'Cisco IOS Software' "$WORK/openssh.out")"
  [ "$lines" = "$HOSTS" ] || { echo "openssh: only $lines/$HOSTS outputs" >&2; exit 1; }
}

run_genja() {
  # shellcheck disable=SC2086
  /usr/bin/time -v -o "$WORK/time.txt" java $JAVA_OPTS -cp "$JAR" io.genja.bench.ssh.SshFanout \
    "$PORT" "$USER_NAME" "$WORK/id_ed25519" "$WORK/known_hosts" "$HOSTS" "$WORKERS" "show version"
  grep 'Maximum resident set size' "$WORK/time.txt" | awk '{print $NF}' >> "$WORK/rss.txt"
}

# Alternate the two, ROUNDS times each, so a change in the machine's load hits both; the best of each counts.
BEST_OPENSSH=""; BEST_GENJA=""
for round in $(seq 1 "$ROUNDS"); do
  T0="$(now)"; run_openssh; T1="$(now)"
  O="$(echo "$T1 - $T0" | bc -l)"
  printf 'round %s: openssh xargs -P %s: %7.3f s  (client CPU %s s)\n' "$round" "$WORKERS" "$O" \
    "$(awk '{print $1 + $2}' "$WORK/openssh.cpu")"
  T2="$(now)"; run_genja; T3="$(now)"
  G="$(echo "$T3 - $T2" | bc -l)"
  printf 'round %s: genja %s workers:     %7.3f s  (client CPU %s s, whole JVM process)\n' "$round" "$WORKERS" "$G" \
    "$(awk -F': ' '/User time|System time/ {sum += $2} END {print sum}' "$WORK/time.txt")"
  if [ -z "$BEST_OPENSSH" ] || [ "$(echo "$O < $BEST_OPENSSH" | bc -l)" = 1 ]; then BEST_OPENSSH="$O"; fi
  if [ -z "$BEST_GENJA" ] || [ "$(echo "$G < $BEST_GENJA" | bc -l)" = 1 ]; then BEST_GENJA="$G"; fi
done
RSS_KB="$(sort -n "$WORK/rss.txt" | tail -1)"

printf '\n%s hosts, %s workers, best of %s, user %s (shell %s), load average now: %s\n' "$HOSTS" "$WORKERS" "$ROUNDS" \
  "$USER_NAME" "$USER_SHELL" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf 'openssh xargs -P %s: %7.3f s\n' "$WORKERS" "$BEST_OPENSSH"
printf 'genja   %s workers:  %7.3f s (JVM start included; %s)\n' "$WORKERS" "$BEST_GENJA" "$JAVA_OPTS"
printf 'ratio genja/openssh: %.2f   JVM peak RSS: %s MiB\n' "$(echo "$BEST_GENJA / $BEST_OPENSSH" | bc -l)" "$((RSS_KB / 1024))"
