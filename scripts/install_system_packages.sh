#!/usr/bin/env bash
# Installs the Debian packages the portal needs, only those missing:
#   libgdal32  GDAL/GEOS, which django-leaflet's admin widget and django-geojson load at import
#   gettext    msgfmt, to compile the Vietnamese and English translations
#   npm        to install the pinned front-end package (Leaflet.markercluster)
#   chromium   the browser the browser tests drive (only with --with-browser)
set -euo pipefail

need=()
ldconfig -p 2>/dev/null | grep -q 'libgdal\.so' || need+=(libgdal32)
command -v msgfmt >/dev/null || need+=(gettext)
command -v npm >/dev/null || need+=(npm)
if [[ "${1:-}" == "--with-browser" ]]; then
  [[ -x /usr/bin/chromium ]] || need+=(chromium)
fi

if [[ ${#need[@]} -eq 0 ]]; then
  exit 0
fi

echo "Installing Debian packages: ${need[*]}"
sudo=""
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "Need root (or sudo) to install: ${need[*]}" >&2; exit 1; }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${need[@]}"
