#!/bin/sh
# Rotates the link-signing key: a deliberate step (yearly, or at once if the key may have leaked).
#
#   infra/hooks/rotate-signing-key.sh [GRACE_DAYS]    # default 90: a resident's link lasts 90 days
#
# With a grace period, no link stops working early:
#   1. notes the version of token-signing-key that signed the links handed out so far;
#   2. sets DISPATCH_PREVIOUS_SIGNING_KEY_VERSION and DISPATCH_PREVIOUS_KEY_VALID_UNTIL in the azd environment and
#      runs `azd provision`: the app now also accepts that version until the date (Dispatch__PreviousSigningKey,
#      Dispatch__PreviousKeyValidUntil);
#   3. writes a new random key as the secret's new version and makes the app fetch it: new links are signed
#      with it, and old links still open until the date.
# With GRACE_DAYS=0 (a leaked key), step 2 clears any previous key instead, and old links stop at once.
# Rotating again during a grace period replaces the previous key: links from two rotations ago stop.
# After the grace period, tidy up (optional; an expired previous key is ignored):
#   azd env set DISPATCH_PREVIOUS_SIGNING_KEY_VERSION "" && azd env set DISPATCH_PREVIOUS_KEY_VALID_UNTIL "" && azd provision
set -eu

grace_days="${1:-90}"
case "$grace_days" in
  '' | *[!0-9]*) echo "usage: $0 [GRACE_DAYS]" >&2; exit 2 ;;
esac

command -v azd > /dev/null 2>&1 || { echo "rotate: azd is needed." >&2; exit 1; }
eval "$(azd env get-values)"
. "$(dirname "$0")/signing-key.sh"
signing_key_require rotate

old_version="$(signing_key_version)" || signing_key_fail "rotate: could not read the current version of $TOKEN_SIGNING_KEY_SECRET_NAME."

if [ "$grace_days" -gt 0 ]; then
  until="$(date -u -d "+$grace_days days" +%Y-%m-%dT%H:%M:%SZ 2> /dev/null || date -u -v+"$grace_days"d +%Y-%m-%dT%H:%M:%SZ)"
  azd env set DISPATCH_PREVIOUS_SIGNING_KEY_VERSION "$old_version"
  azd env set DISPATCH_PREVIOUS_KEY_VALID_UNTIL "$until"
  echo "rotate: links signed with version $old_version will open until $until; provisioning that first."
else
  azd env set DISPATCH_PREVIOUS_SIGNING_KEY_VERSION ""
  azd env set DISPATCH_PREVIOUS_KEY_VALID_UNTIL ""
  echo "rotate: no grace period; links signed with version $old_version stop working."
fi
azd provision

signing_key_put_new
signing_key_refresh_app
echo "rotate: new signing key in place; new links are signed with it."
