#!/usr/bin/env bash
# Checks the HTML report in a real headless browser: Debian's chromium renders report.html, and the rendered DOM must show
# the verdict matrix (table#matrix) with one row per implementation in report.json, each with a verdict cell per property,
# and a screenshot must come out. Installs chromium with apt-get if it is missing (as root, or through sudo).
#
#   tools/check-report.sh REPORT_DIR      (the folder verify --out wrote: report.html, report.json)
#
# Leaves report.dom.html (the DOM as rendered) and report.png (a screenshot) beside the report.
set -euo pipefail

dir="${1:?usage: tools/check-report.sh REPORT_DIR}"
html="$dir/report.html"
json="$dir/report.json"
for file in "$html" "$json"; do
  [ -f "$file" ] || { echo "check-report: $file is missing; run verify --out $dir first" >&2; exit 1; }
done

started=$(date +%s)
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then
  echo "check-report: chromium is not installed; installing Debian's package"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium >/dev/null
  browser=$(command -v chromium)
  echo "check-report: installed $("$browser" --version 2>/dev/null | head -n 1) in $(( $(date +%s) - started )) s"
fi

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
# No sandbox (CI runs as root), no GPU, and nothing that reaches the network.
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --disable-extensions --user-data-dir="$profile")
url="file://$(cd "$dir" && pwd)/report.html"
dom="$dir/report.dom.html"
png="$dir/report.png"

rendered=$(date +%s)
if ! timeout 120 "$browser" "${flags[@]}" --dump-dom "$url" >"$dom" 2>"$profile/dom.log"; then
  echo "check-report: chromium could not render $html:" >&2
  tail -n 20 "$profile/dom.log" >&2
  exit 1
fi
timeout 120 "$browser" "${flags[@]}" --hide-scrollbars --window-size=1600,1100 --screenshot="$png" "$url" >/dev/null 2>"$profile/png.log" || true

fail() { echo "check-report: FAIL: $*" >&2; exit 1; }

# The matrix as the browser built it: from its opening tag to the end of the table.
matrix=$(sed -n '/<table id="matrix"/,/<\/table>/p' "$dom")
[ -n "$matrix" ] || fail "the rendered page has no table#matrix"

mapfile -t names < <(grep -o '"name": "[^"]*"' "$json" | sed 's/"name": "\(.*\)"/\1/')
[ "${#names[@]}" -gt 0 ] || fail "report.json lists no implementation"
properties=$(tr -d '\n' <"$json" | grep -o '"properties": *\[[^]]*\]' | head -n 1 | grep -o '"[A-Z]*"' | wc -l)
[ "$properties" -gt 0 ] || fail "report.json lists no property"
rows=$(grep -o '<tr data-implementation="[^"]*"' <<<"$matrix" | wc -l)
[ "$rows" -eq "${#names[@]}" ] || fail "the matrix has $rows rows, report.json has ${#names[@]} implementations"
for name in "${names[@]}"; do
  row=$(grep -o "<tr data-implementation=\"$name\".*</tr>" <<<"$matrix" || true)
  [ -n "$row" ] || fail "no matrix row for $name"
  cells=$(grep -o 'class="verdict \(pass\|fail\|inconclusive\|na\)" data-property="[A-Z]*"' <<<"$row" | wc -l)
  [ "$cells" -eq "$properties" ] || fail "the row of $name has $cells verdict cells, expected $properties"
done
[ -s "$png" ] || fail "chromium wrote no screenshot"

echo "check-report: chromium rendered $html: table#matrix with ${#names[@]} implementation rows of $properties verdicts each; screenshot $png ($(( $(date +%s) - rendered )) s to render, $(( $(date +%s) - started )) s in all)"
