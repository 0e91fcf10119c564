#!/bin/sh
# The newest glibc a folder's ELF files need: the highest GLIBC_x.y symbol version over every one of them
# (objdump -T). A machine whose glibc is older cannot run the bundle. Usage: glibc-floor.sh FOLDER [--each]
# (--each also lists every file needing more than 2.28, the floor of UOS 20 and Kylin V10).
set -eu
folder=$1
find "$folder" -type f -print0 | xargs -0 file -N -0 | tr '\0' '\t' | awk -F'\t' '/ELF/{print $1}' | while read -r elf; do
    floor=$(objdump -T "$elf" 2>/dev/null | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -V | tail -1)
    [ -n "$floor" ] && echo "$floor $elf"
done | sort -V > "${TMPDIR:-/tmp}/glibc-floor.$$"
if [ "${2:-}" = "--each" ]; then
    awk '{ split($1, v, "."); if (v[1] > 2 || v[2] > 28) print }' "${TMPDIR:-/tmp}/glibc-floor.$$"
fi
tail -1 "${TMPDIR:-/tmp}/glibc-floor.$$" | cut -d' ' -f1
rm -f "${TMPDIR:-/tmp}/glibc-floor.$$"
