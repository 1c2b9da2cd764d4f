#!/bin/sh
# hjem in the desktop's menu, for the folder this script lies in (the unpacked app):
#   ./menu-entry.sh            adds "hjem" to the menu (~/.local/share/applications)
#   ./menu-entry.sh remove     takes it away again; then delete the folder to uninstall hjem
# Neither touches the workspace (platformdirs' user_data_dir on Linux); `remove` says where.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
entry="${XDG_DATA_HOME:-$HOME/.local/share}/applications/hjem.desktop"
workspace="${XDG_DATA_HOME:-$HOME/.local/share}/hjem"

if [ "${1:-}" = "remove" ]; then
  rm -f "$entry"
  echo "hjem er fjernet fra menuen. Slet mappen $here for at fjerne programmet."
  echo "Dit arbejdsområde er IKKE slettet; det ligger i $workspace"
  exit 0
fi
mkdir -p "$(dirname "$entry")"
cat > "$entry" <<DESKTOP
[Desktop Entry]
Type=Application
Name=hjem
Comment=Planlæg det nye hjem sammen med familien
Exec="$here/hjem" %f
Icon=$here/_internal/hjem/assets/icon/hjem.png
Terminal=false
Categories=Office;Graphics;
DESKTOP
echo "hjem er lagt i menuen ($entry)."
