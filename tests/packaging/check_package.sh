#!/usr/bin/env bash
# check_package.sh BUILD_DIR SOURCE_DIR VERSION
# Packs with cpack, then checks the packages the way a clean machine would meet them.
set -euo pipefail
build="$1"
source="$2"
version="$3"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }

desktop-file-validate "$source/installer/linux/org.signalbox.Signalbox.desktop" \
    || fail "desktop file does not validate"
appstreamcli validate --no-net --pedantic "$source/installer/linux/org.signalbox.Signalbox.metainfo.xml" \
    || fail "metainfo does not validate"

(cd "$build" && cpack --config "$build/CPackConfig.cmake" -B "$work/out") > "$work/cpack.log" 2>&1 \
    || { cat "$work/cpack.log"; fail "cpack failed"; }

deb="$(ls "$work"/out/signalbox_"$version"_*.deb)"
tgz="$(ls "$work"/out/signalbox-"$version"-*.tar.gz)"
[ -f "$deb" ] || fail "no .deb"
[ -f "$tgz" ] || fail "no .tar.gz"

contents="$(dpkg-deb -c "$deb")"
for f in ./usr/bin/signalbox ./usr/bin/sbx \
         ./usr/share/applications/org.signalbox.Signalbox.desktop \
         ./usr/share/metainfo/org.signalbox.Signalbox.metainfo.xml \
         ./usr/share/icons/hicolor/scalable/apps/org.signalbox.Signalbox.svg; do
    grep -q " $f\$" <<<"$contents" || fail "$f missing from the .deb"
done
depends="$(dpkg-deb -f "$deb" Depends)"
grep -q "libqt6widgets6" <<<"$depends" || fail "Depends lacks Qt Widgets: $depends"

dpkg-deb -x "$deb" "$work/root"
desktop-file-validate "$work/root/usr/share/applications/org.signalbox.Signalbox.desktop" \
    || fail "installed desktop file does not validate"
appstreamcli validate --no-net "$work/root/usr/share/metainfo/org.signalbox.Signalbox.metainfo.xml" \
    || fail "installed metainfo does not validate"
grep -q "<svg" "$work/root/usr/share/icons/hicolor/scalable/apps/org.signalbox.Signalbox.svg" \
    || fail "icon is not an SVG"

# The installed programs run from the package alone (no build tree on their path).
[ "$("$work/root/usr/bin/sbx" version)" = "sbx $version" ] || fail "packaged sbx does not run"
studio_version="$(QT_QPA_PLATFORM=offscreen "$work/root/usr/bin/signalbox" --version 2>/dev/null)"
grep -q "$version" <<<"$studio_version" || fail "packaged signalbox does not run"

listing="$(tar -tzf "$tgz")"
grep -q "/bin/sbx$" <<<"$listing" || fail "sbx missing from the .tar.gz"
grep -q "/bin/signalbox$" <<<"$listing" || fail "signalbox missing from the .tar.gz"
echo "packages OK: $(basename "$deb") $(basename "$tgz")"
