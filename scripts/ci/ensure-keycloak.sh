#!/usr/bin/env bash
# Makes sure a Keycloak server distribution is downloaded (from Maven Central, checksum
# verified) and built for the test database, and prints its folder. The download and the
# build are cached in ~/.cache/okno/keycloak/<version>, so only the first run pays for them.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

# 26.7 runs on the JDK 17 these machines have (and on 21 and 25).
version=${KEYCLOAK_VERSION:-26.7.3}
cache=${OKNO_CACHE_DIR:-$HOME/.cache/okno}/keycloak
home="$cache/keycloak-$version"
# The build-time options every test Keycloak shares; a change here triggers a rebuild.
build_options=(--db=dev-file --health-enabled=true)

ensure_debian_package java openjdk-17-jre-headless
ensure_debian_package curl curl

if [ ! -x "$home/bin/kc.sh" ]; then
  mkdir -p "$cache"
  base="https://repo1.maven.org/maven2/org/keycloak/keycloak-quarkus-dist/$version"
  archive="$cache/keycloak-quarkus-dist-$version.tar.gz"
  echo "downloading Keycloak $version from Maven Central" >&2
  curl -fsSL --retry 3 -o "$archive.part" "$base/keycloak-quarkus-dist-$version.tar.gz"
  expected=$(curl -fsSL --retry 3 "$base/keycloak-quarkus-dist-$version.tar.gz.sha1" | cut -c1-40)
  actual=$(sha1sum "$archive.part" | cut -c1-40)
  [ "$expected" = "$actual" ] || fail "Keycloak archive checksum mismatch: $actual, expected $expected"
  rm -rf "$home.part" && mkdir -p "$home.part"
  tar -xzf "$archive.part" -C "$home.part" --strip-components=1
  rm -f "$archive.part"
  mv "$home.part" "$home"
fi

stamp="$home/.okno-build"
if [ "$(cat "$stamp" 2>/dev/null || true)" != "${build_options[*]}" ]; then
  echo "building Keycloak $version (${build_options[*]})" >&2
  "$home/bin/kc.sh" build "${build_options[@]}" >"$home/build.log" 2>&1 \
    || { tail -n 40 "$home/build.log" >&2; fail "Keycloak build failed"; }
  echo "${build_options[*]}" >"$stamp"
fi
echo "$home"
