#!/usr/bin/env bash
# Installs the Debian packages the portal needs, only those missing:
#   libgdal32  GDAL/GEOS, which django-leaflet's admin widget and django-geojson load at import
#   gettext    msgfmt, to compile the Vietnamese and English translations
#   npm        to install the pinned front-end package (Leaflet.markercluster)
#   chromium   the browser the browser tests drive (only with --with-browser)
#   nginx      the production front server (only with --with-nginx: make serve, production-check)
#   wrk        the benchmark's load generator (only with --with-bench: make bench)
set -euo pipefail

need=()
ldconfig -p 2>/dev/null | grep -q 'libgdal\.so' || need+=(libgdal32)
command -v msgfmt >/dev/null || need+=(gettext)
command -v npm >/dev/null || need+=(npm)
for option in "$@"; do
  case "$option" in
    --with-browser) [[ -x /usr/bin/chromium ]] || need+=(chromium) ;;
    --with-nginx) command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || need+=(nginx) ;;
    --with-bench) command -v wrk >/dev/null || need+=(wrk) ;;
  esac
done

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
