#!/usr/bin/env bash
# Build GOV.UK Frontend (Arial, no GOV.UK branding) into static/govuk/.
#
# Usage: bash frontend/build.sh   (from any directory)
#
# Output (committed):
#   static/govuk/govuk-frontend.min.css  compiled from frontend/scss/application.scss
#   static/govuk/govuk-frontend.min.js   govuk-frontend ES module build
#   static/govuk/assets/                 non-branded assets (see ASSET_FILES below)
#   static/govuk/LICENSE.txt             govuk-frontend licence
set -euo pipefail

FRONTEND_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(cd "$FRONTEND_DIR/.." && pwd)"
OUT_DIR="$REPO_DIR/static/govuk"
PKG_DIR="$FRONTEND_DIR/node_modules/govuk-frontend"
DIST_DIR="$PKG_DIR/dist/govuk"

# Assets to copy from govuk-frontend's dist/govuk/assets/, relative to it.
# Every image govuk-frontend 5 ships (favicon, app icons, mask icon, Open Graph
# image, footer crest) is GOV.UK crown/crest branding, the manifest only lists
# those icons, and fonts/ is GDS Transport: none of it is copied. Add a path
# here only if it carries no GOV.UK branding.
ASSET_FILES=()

cd "$FRONTEND_DIR"
npm ci --no-audit --no-fund

VERSION="$(node -p "require('govuk-frontend/package.json').version")"
LICENSE_ID="$(node -p "require('govuk-frontend/package.json').license")"
echo "Building govuk-frontend $VERSION"

rm -rf "$OUT_DIR"
mkdir -p "$OUT_DIR"

# CSS: compressed, no source map. govuk-frontend 5 uses @import and slash
# division, which current Dart Sass reports as deprecated; silence that noise.
npx --no-install sass \
  --load-path=node_modules \
  --style=compressed \
  --no-source-map \
  --quiet-deps \
  --silence-deprecation=import \
  scss/application.scss "$OUT_DIR/govuk-frontend.min.css"

# JS: ES module build, without the pointer to a source map we do not ship.
sed -e 's|//# sourceMappingURL=[^[:space:]]*$||' \
  "$DIST_DIR/govuk-frontend.min.js" > "$OUT_DIR/govuk-frontend.min.js"

# Assets (non-branded only).
for f in "${ASSET_FILES[@]+"${ASSET_FILES[@]}"}"; do
  mkdir -p "$OUT_DIR/assets/$(dirname "$f")"
  cp "$DIST_DIR/assets/$f" "$OUT_DIR/assets/$f"
done

# Licence. The npm package ships no LICENSE file (only "license": "MIT" in
# package.json), so use its LICENSE file if a future version has one and
# otherwise write the upstream MIT licence text.
if [ -f "$PKG_DIR/LICENSE.txt" ]; then
  cp "$PKG_DIR/LICENSE.txt" "$OUT_DIR/LICENSE.txt"
elif [ -f "$PKG_DIR/LICENSE" ]; then
  cp "$PKG_DIR/LICENSE" "$OUT_DIR/LICENSE.txt"
else
  if [ "$LICENSE_ID" != "MIT" ]; then
    echo "govuk-frontend licence is '$LICENSE_ID', not MIT: update build.sh" >&2
    exit 1
  fi
  cat > "$OUT_DIR/LICENSE.txt" <<LICENSE
govuk-frontend $VERSION (https://github.com/alphagov/govuk-frontend)
Files in this directory are built from it; see frontend/ for how.

The MIT License (MIT)

Copyright (C) 2017 Crown Copyright (Government Digital Service)

Permission is hereby granted, free of charge, to any person obtaining a copy of
this software and associated documentation files (the "Software"), to deal in
the Software without restriction, including without limitation the rights to
use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies
of the Software, and to permit persons to whom the Software is furnished to do
so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
LICENSE
fi

# Checks: no GOV.UK font in the CSS, Arial present.
CSS="$OUT_DIR/govuk-frontend.min.css"
if grep -qi 'GDS Transport' "$CSS" || grep -qi '@font-face' "$CSS"; then
  echo "error: compiled CSS still references GDS Transport / @font-face" >&2
  exit 1
fi
grep -q 'arial' "$CSS" || { echo "error: compiled CSS has no arial" >&2; exit 1; }

echo "Built into static/govuk:"
(cd "$OUT_DIR" && find . -type f -exec ls -l {} + | awk '{print $5, $9}')
