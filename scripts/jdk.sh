# Sourced by ./rewire, ./run-tests and .ci/run: selects a JDK 25 and exports JAVA_HOME.
# Order: $JAVA_HOME if it is a JDK 25 or newer, Temurin 25 at its Debian path, any
# /usr/lib/jvm/*25* JDK, then `java` on the PATH.
rewire_java_feature() { # prints the feature version of the java binary $1, or nothing
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n 1
}
rewire_select_jdk() {
  local candidate version
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*25* \
                   "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")"; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    version=$(rewire_java_feature "$candidate/bin/java")
    if [ -n "$version" ] && [ "${version%%.*}" -ge 25 ] 2>/dev/null; then
      export JAVA_HOME="$candidate"
      return 0
    fi
  done
  echo "rewire: no JDK 25 found. Install one (for example Temurin 25 into /usr/lib/jvm/temurin-25-jdk-amd64)" >&2
  echo "        or set JAVA_HOME to a JDK 25." >&2
  return 1
}
# Installs a Debian package when missing and we are root; otherwise says the exact command.
# Usage: rewire_ensure_package PACKAGE FILE-IT-PROVIDES [required|optional]
rewire_ensure_package() {
  local package=$1 file=$2 need=${3:-optional}
  [ -e "$file" ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "rewire: installing $package (apt-get)..." >&2
    if (apt-get install -y -q "$package" >/dev/null 2>&1 || { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q "$package" >/dev/null 2>&1; }) && [ -e "$file" ]; then
      return 0
    fi
    echo "rewire: could not install $package with apt-get." >&2
  fi
  if [ "$need" = required ]; then
    echo "rewire: $package is required. Install it with: sudo apt-get install -y $package" >&2
    return 1
  fi
  echo "rewire: note: $package is missing (install it with: sudo apt-get install -y $package); continuing without it." >&2
  return 0
}
export MAVEN_OPTS="${MAVEN_OPTS:---sun-misc-unsafe-memory-access=allow}"
