# bash completion for salesfab: commands, each command's options, the values of --format and
# --lang, the shipped scenarios after --example and the scenario's keys after --set. The program
# itself says what fits (`salesfab complete LINE`), so this file never lists a command or an
# option; where nothing fits (a FILE, --out DIR), bash completes file names.
_salesfab() {
  local line=${COMP_LINE:0:COMP_POINT}
  # The word salesfab completes runs from the last blank; bash's own current word may be only
  # its end (bash splits at '=' and ':'): offer each candidate from where bash's word starts.
  local token=${line##*[[:space:]]}
  local cur=${COMP_WORDS[COMP_CWORD]}
  [[ $token == *"$cur" ]] || cur=$token
  local strip=$((${#token} - ${#cur}))
  local out candidate
  out=$("${COMP_WORDS[0]}" complete "$line" 2>/dev/null) || return 0
  COMPREPLY=()
  local IFS=$'\n'
  for candidate in $out; do
    COMPREPLY+=("${candidate:strip}")
  done
  # A key of --set is followed by its value, not a blank.
  if [[ ${#COMPREPLY[@]} -eq 1 && ${COMPREPLY[0]} == *= ]]; then
    compopt -o nospace 2>/dev/null
  fi
  return 0
}
complete -o default -F _salesfab salesfab
