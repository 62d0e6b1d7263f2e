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
USER_NAME="$(id -un)"

JAR="$ROOT/bench/target/benchmarks.jar"
if [ ! -f "$JAR" ] || [ -n "$(find "$ROOT/genja-ssh/src" "$ROOT/genja-runtime/src" "$ROOT/bench/src" -newer "$JAR" -print -quit)" ]; then
  (cd "$ROOT" && mvn -B -q -Pbench -pl bench -am package -DskipTests)
fi

now() { date +%s.%N; }

echo "== OpenSSH client: seq $HOSTS | xargs -P $WORKERS ssh ... 'show version'"
T0="$(now)"
seq 1 "$HOSTS" | xargs -P "$WORKERS" -I{} ssh -q -i "$WORK/id_ed25519" -p "$PORT" \
  -o BatchMode=yes -o UserKnownHostsFile="$WORK/known_hosts" -o StrictHostKeyChecking=yes \
  -o ControlMaster=no -o ControlPath=none "$USER_NAME@127.0.0.1" "show version" > "$WORK/openssh.out"
T1="$(now)"
OPENSSH_LINES="$(grep -c 'Cisco IOS Software' "$WORK/openssh.out")"
OPENSSH="$(echo "$T1 - $T0" | bc -l)"

echo "== Genja: $HOSTS hosts, $WORKERS workers (JVM start included in the wall time)"
T2="$(now)"
/usr/bin/time -v -o "$WORK/time.txt" java -cp "$JAR" io.genja.bench.ssh.SshFanout \
  "$PORT" "$USER_NAME" "$WORK/id_ed25519" "$WORK/known_hosts" "$HOSTS" "$WORKERS" "show version"
T3="$(now)"
GENJA="$(echo "$T3 - $T2" | bc -l)"
RSS_KB="$(grep 'Maximum resident set size' "$WORK/time.txt" | awk '{print $NF}')"

printf '\nopenssh xargs -P %s: %6.3f s (%s/%s outputs)\n' "$WORKERS" "$OPENSSH" "$OPENSSH_LINES" "$HOSTS"
printf 'genja   %s workers: %6.3f s (whole JVM process)\n' "$WORKERS" "$GENJA"
printf 'ratio genja/openssh: %.2f   JVM peak RSS: %s MiB\n' "$(echo "$GENJA / $OPENSSH" | bc -l)" "$((RSS_KB / 1024))"
