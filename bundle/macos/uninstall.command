#!/bin/bash
# Afinstallér hjem: removes /Applications/hjem.app and leaves the workspace alone.
workspace="$HOME/Library/Application Support/hjem"
if [ -d /Applications/hjem.app ]; then
  rm -rf /Applications/hjem.app && echo "hjem er fjernet fra Programmer."
else
  echo "hjem ligger ikke i Programmer."
fi
echo
echo "Dit arbejdsområde (sager, lager og planer, krypteret) er IKKE slettet. Det ligger i:"
echo "  $workspace"
echo "Installerer du hjem igen, åbner det arbejdsområdet igen. Skal det slettes, så slet mappen selv."
