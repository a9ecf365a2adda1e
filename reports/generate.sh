#!/usr/bin/env bash
# Regenerates the sample evaluation reports of the demo school: Highland High, wave 2025-26,
# compared with 2024-25, in both editions. Run from anywhere: reports/generate.sh
set -euo pipefail
cd "$(dirname "$0")/.."
npm run build --silent
D=fixtures/demo/highland
for edition in named anonymised; do
  node bin/leadmap.js report \
    --roster "$D/2025-26/roster.csv" --ties "$D/2025-26/ties.csv" --respondents "$D/2025-26/respondents.csv" \
    --previous-roster "$D/2024-25/roster.csv" --previous-ties "$D/2024-25/ties.csv" \
    --previous-respondents "$D/2024-25/respondents.csv" --previous-wave 2024-25 \
    --school "Highland High" --wave 2025-26 --edition "$edition" \
    --out "reports/highland-high-2025-26-$edition.pdf"
done
