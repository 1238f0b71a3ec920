#!/usr/bin/env bash
# Follows the README's "Add your implementation" section literally, on a copy of the repository: writes the snippet to
# the file the README names, runs the README's verify command, and checks the new implementation is verified.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
copy="$(mktemp -d)"
trap 'rm -rf "$copy"' EXIT
git -C "$root" ls-files -z | (cd "$root" && xargs -0 cp --parents -t "$copy")

readme="$copy/README.md"
target=$(sed -n 's/^<!-- add-implementation:begin \(.*\) -->$/\1/p' "$readme")
[ -n "$target" ] || { echo "add-implementation: the README names no file"; exit 1; }
mkdir -p "$copy/$(dirname "$target")"
sed -n '/^<!-- add-implementation:begin/,/^<!-- add-implementation:end -->/p' "$readme" | sed '1,2d;$d' | sed '$d' > "$copy/$target"
command=$(sed -n '/^<!-- add-implementation:command -->/,/^```$/p' "$readme" | sed -n '3p')
[ -n "$command" ] || { echo "add-implementation: the README gives no command"; exit 1; }

echo "add-implementation: wrote $target, running: $command"
set +e
output=$(cd "$copy" && bash -c "$command" 2>&1)
status=$?
set -e
printf '%s\n' "$output" | tail -n 5
# verify's 0 is the only pass: 1 is a contradiction, and 4 an inconclusive cell the example does not accept (a README
# example the engine cannot judge would teach users to write code it cannot control).
if [ "$status" -ne 0 ] || ! printf '%s\n' "$output" | grep -Eq '^my-connection-pool[[:space:]].*[[:space:]]yes([[:space:]]|$)'; then
  [ "$status" -eq 4 ] && echo "add-implementation: the example has inconclusive cells (verify exit 4); the README's example must be judged on every property"
  echo "add-implementation: FAILED (exit $status)"
  exit 1
fi
echo "add-implementation: the README's example implementation was picked up and verified"
