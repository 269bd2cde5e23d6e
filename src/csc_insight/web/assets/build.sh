#!/bin/sh
# Build the web app's static assets from the govuk-frontend npm package (run after `npm ci`):
# compiled CSS (Arial, no crown) and GOV.UK Frontend's JavaScript, into assets/dist/.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../.." && pwd)
dist="$here/dist"
govuk="$root/node_modules/govuk-frontend/dist/govuk"

rm -rf "$dist"
mkdir -p "$dist/csc" "$dist/govuk/assets"
"$root/node_modules/.bin/sass" --no-source-map --style=compressed --quiet-deps \
  --pkg-importer=node --load-path="$root/node_modules" \
  "$here/src/app.scss" "$dist/csc/app.css"
cp "$govuk/govuk-frontend.min.js" "$dist/csc/govuk-frontend.min.js"
# Only the images the components draw; not the GOV.UK fonts, crown or crest.
echo "Built $dist"
