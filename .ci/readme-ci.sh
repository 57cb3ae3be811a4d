#!/usr/bin/env bash
# Runs the README's CI snippets as written, against this repository: the
# GitHub Actions job (its run steps, in order, with its env), the SARIF
# steps, the GitLab job's script, and the pre-commit framework's hook. Each
# runs in a scratch "data team" repository holding the shipped examples as
# submissions/, once as they are (must pass) and once with a rating of 7
# (must fail, saying where). NEST_REPO is this repository, NEST_REF a tag
# made on its HEAD in a scratch clone; nothing else is changed.
# Usage: bash .ci/readme-ci.sh   (needs git, go, python3 with PyYAML;
# pre-commit for the last part, which .ci/run installs)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "readme-ci: $*" >&2; exit 1; }

python=python3
$python -c 'import yaml' 2>/dev/null || python=/usr/bin/python3

# The README's fenced blocks, by the language after the fence and a line
# the block starts with (or contains, for the SARIF steps).
block() { # LANG MARKER -> the block's text
	$python - "$ROOT/README.md" "$1" "$2" <<'PY'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
lang, marker = sys.argv[2], sys.argv[3]
parts = text.split("```" + lang + "\n")
for p in parts[1:]:
    body = p.split("```", 1)[0]
    if marker in body:
        sys.stdout.write(body)
        sys.exit(0)
sys.exit("no ```%s block with %r in README.md" % (lang, marker))
PY
}

# A copy of nest to clone, with a tag on HEAD: what NEST_REPO and NEST_REF
# point at.
git clone --quiet --bare "$ROOT" "$work/nest.git"
git -C "$work/nest.git" tag readme-ci HEAD
export NEST_REPO="file://$work/nest.git" NEST_REF=readme-ci

# A data team's repository: the seven regions as submissions.
data() { # DIR [broken]
	rm -rf "$1" && mkdir -p "$1/submissions"
	cp "$ROOT"/examples/2024/regions/*.yaml "$1/submissions/"
	if [ "${2:-}" = broken ]; then
		sed -i '0,/    rating: 2/s//    rating: 7/' "$1/submissions/powys.yaml"
	fi
	git -C "$1" init --quiet && git -C "$1" config user.email ci@example.org && git -C "$1" config user.name ci
	git -C "$1" add . && git -C "$1" commit --quiet -m submissions
}

# run_steps YAML_FILE JQ_PATH: the shell commands of a job, one a line,
# with the job's env exported first.
github_steps() { # YAML -> "name<TAB>script" lines, base64 to keep newlines
	$python - "$1" <<'PY'
import sys, yaml, base64, shlex
doc = yaml.safe_load(open(sys.argv[1]))
env = "".join("export %s=%s\n" % (k, shlex.quote(str(v))) for k, v in (doc.get("env") or {}).items())
for job in doc["jobs"].values():
    for step in job["steps"]:
        if "run" in step:
            print(base64.b64encode((env + step["run"]).encode()).decode())
PY
}

echo "readme-ci: GitHub Actions job"
yml=$work/github.yml
block yaml '# .github/workflows/nest.yml' >"$yml"
for state in good broken; do
	data "$work/gh-$state" "$state"
	out=$work/gh-$state.out
	status=0
	(
		cd "$work/gh-$state"
		export RUNNER_TEMP=$work/gh-$state-runner
		mkdir -p "$RUNNER_TEMP"
		# The job's own env would send the clone to GitHub: this
		# repository's copy stands in for it.
		for step in $(github_steps "$yml"); do
			echo "$step" | base64 -d | sed "s|^export NEST_REPO=.*|export NEST_REPO=$NEST_REPO|; s|^export NEST_REF=.*|export NEST_REF=$NEST_REF|" | bash -e
		done
	) >"$out" 2>&1 || status=$?
	case $state in
	good) [ $status = 0 ] || { cat "$out"; fail "the GitHub job failed on good files"; } ;;
	broken)
		[ $status != 0 ] || fail "the GitHub job passed a file with a rating of 7"
		grep -q '^::error file=submissions/powys.yaml,line=[0-9]*,col=13,title=nest rating-range::rating 7 is out of range' "$out" ||
			{ cat "$out"; fail "the GitHub job did not annotate the bad rating"; }
		;;
	esac
done

echo "readme-ci: SARIF steps"
sarif=$work/sarif.yml
{
	echo "env: {NEST_REPO: x, NEST_REF: x}"
	echo "jobs: {j: {steps: ["
	block yaml '"$RUNNER_TEMP/nest" validate --format sarif' | $python -c 'import sys,yaml,json; print(",".join(json.dumps(s) for s in yaml.safe_load(sys.stdin.read())))'
	echo "]}}"
} >"$sarif"
(
	cd "$work/gh-broken"
	export RUNNER_TEMP=$work/gh-broken-runner
	for step in $(github_steps "$sarif"); do
		echo "$step" | base64 -d | grep -v '^export' | bash || true # exit 1 with findings, as the README says
	done
)
$python -c 'import json,sys; d=json.load(open(sys.argv[1])); r=d["runs"][0]["results"]; assert any(x["ruleId"]=="rating-range" for x in r), r' "$work/gh-broken/nest.sarif" ||
	fail "the SARIF step did not write a SARIF file with the finding"

echo "readme-ci: GitLab job"
gl=$work/gitlab.yml
block yaml $'nest:\n  image:' >"$gl"
for state in good broken; do
	data "$work/gl-$state" "$state"
	script=$($python - "$gl" "$work/gl-$state-bin" <<'PY'
import sys, yaml, shlex
job = yaml.safe_load(open(sys.argv[1]))["nest"]
print("set -e")
for k, v in job.get("variables", {}).items():
    print("export %s=%s" % (k, shlex.quote(str(v))))
for line in job["script"]:
    # The job runs as root in its own image; here /usr/local/bin and /tmp
    # are this machine's: use a scratch folder for both.
    print(line.replace("/usr/local/bin/nest", sys.argv[2] + "/nest").replace("/tmp/nest-src", sys.argv[2] + "/src"))
PY
)
	status=0
	(cd "$work/gl-$state" && mkdir -p "$work/gl-$state-bin" && export PATH="$work/gl-$state-bin:$PATH" &&
		echo "$script" | sed "s|^export NEST_REPO=.*|export NEST_REPO=$NEST_REPO|; s|^export NEST_REF=.*|export NEST_REF=$NEST_REF|" | bash) >"$work/gl.out" 2>&1 || status=$?
	$python -c 'import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])' "$work/gl-$state/nest-junit.xml" ||
		fail "the GitLab job wrote no JUnit XML ($state)"
	case $state in
	good) [ $status = 0 ] || { cat "$work/gl.out"; fail "the GitLab job failed on good files"; } ;;
	broken)
		[ $status != 0 ] || fail "the GitLab job passed a file with a rating of 7"
		grep -q 'rating 7 is out of range' "$work/gl-$state/nest-junit.xml" || fail "the JUnit report lacks the finding"
		;;
	esac
done

echo "readme-ci: pre-commit framework"
if ! command -v pre-commit >/dev/null; then
	fail "pre-commit is not installed (Debian: pre-commit); .ci/run installs it"
fi
for state in good broken; do
	data "$work/pc-$state" "$state"
	block yaml '# .pre-commit-config.yaml' | sed "s|repo: https://github.com/nest-nyth/nest|repo: $NEST_REPO|; s|rev: v0.1.0|rev: $NEST_REF|" >"$work/pc-$state/.pre-commit-config.yaml"
	status=0
	(cd "$work/pc-$state" && PRE_COMMIT_HOME=$work/pre-commit-home pre-commit run --all-files) >"$work/pc.out" 2>&1 || status=$?
	case $state in
	good) [ $status = 0 ] || { cat "$work/pc.out"; fail "pre-commit failed on good files"; } ;;
	broken)
		[ $status != 0 ] || fail "pre-commit passed a file with a rating of 7"
		grep -q 'submissions/powys.yaml:[0-9]*:13: error: rating 7 is out of range' "$work/pc.out" || { cat "$work/pc.out"; fail "pre-commit did not show the finding"; }
		;;
	esac
done
echo "readme-ci: every CI snippet of the README ran as written: ok"
