#!/usr/bin/env bash
# hjem for macOS: the app (dist/hjem.app, made by `python -m bundle.build` on a Mac) in a disk
# image with a link to Applications, so installing is one drag; from /Applications it shows in
# Launchpad. Run from the checkout's top on macOS: bash bundle/macos/make_dmg.sh
# It makes dist/hjem-VERSION-macos.dmg. The app is not signed or notarised (the programme has no
# Apple developer account yet): docs/install.md tells the volunteer to open it the first time
# with right-click → Åbn.
set -euo pipefail
cd "$(dirname "$0")/../.."

app=dist/hjem.app
[ -d "$app" ] || { echo "$app is missing: run python -m bundle.build first" >&2; exit 1; }
version=$(/usr/libexec/PlistBuddy -c "Print :CFBundleShortVersionString" "$app/Contents/Info.plist")
staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT

cp -R "$app" "$staging/"
ln -s /Applications "$staging/Programmer"
# Uninstalling is dragging hjem.app to the bin; this script does it and says where the
# workspace stays (platformdirs' user_data_dir on macOS), which it never touches.
cp bundle/macos/uninstall.command "$staging/Afinstallér hjem.command"
chmod +x "$staging/Afinstallér hjem.command"

hdiutil create -volname "hjem $version" -srcfolder "$staging" -fs HFS+ -format UDZO -ov \
  "dist/hjem-$version-macos.dmg"
echo "dist/hjem-$version-macos.dmg"
