#!/usr/bin/env bash
# Builds docs/ into a static site in docs/_site, with the API reference generated from the XML docs of the
# packages' projects (docs/docfx.json), using docfx from the repository's tool manifest (.config/dotnet-tools.json).
# Extra arguments go to docfx, e.g. --serve to look at the site on http://localhost:8080.
set -euo pipefail
cd "$(dirname "$0")/.."

dotnet tool restore >/dev/null
dotnet docfx docs/docfx.json "$@"
echo "site: docs/_site/index.html"
