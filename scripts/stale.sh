# Sourced by ./rewire: whether the CLI build is out of date.
# rewire_build_stale ROOT STAMP: prints why the build under ROOT needs rebuilding ("first use" when
# the STAMP file, the CLI's class path written by the last build, is missing; "sources changed"
# when a main source file or a pom is newer than it), or nothing when it is up to date. Only
# src/main/** and pom.xml count: tests, generated sources and everything under target/, runs/ and
# .git do not.
rewire_build_stale() {
  local root=$1 stamp=$2
  if [ ! -f "$stamp" ]; then
    echo "first use"
  elif [ -n "$(find "$root" \( -path "$root/.git" -o -name target -o -path "$root/runs" \) -prune -o \
                 \( -path '*/src/main/*' -o -name pom.xml \) -type f -newer "$stamp" -print -quit)" ]; then
    echo "sources changed"
  fi
}
