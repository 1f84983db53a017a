"""Each page's last commit, asked of git once per commit of the repository, not at every build.

The git-revision-date-localized plugin runs `git log --follow` for every page of both languages, and
`git tag --points-at` for every commit it finds: 460 processes, more than half a second of every rebuild. What they
answer depends on the history only, so the answers are kept in `.cache/git-dates/<HEAD>.json`, beside the tags'
state: a new commit or a new tag starts a new file. A page git knows nothing of (not committed yet) is asked every
time, so that the plugin still says so. Without git, nothing is kept.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
from pathlib import Path

from mkdocs_git_revision_date_localized_plugin import util

_state: dict = {"file": None, "answers": {}, "dirty": False}


def _original(name: str):
    kept = f"_uncached_{name}"
    if not hasattr(util.Util, kept):
        setattr(util.Util, kept, getattr(util.Util, name))
    return getattr(util.Util, kept)


def _commit_timestamp(self, path: str, is_first_commit: bool = False):
    key = (
        f"log|{os.path.realpath(path)}|{is_first_commit}|{self.config.get('enable_git_follow')}|{self.ignored_commits}"
    )
    if _state["file"] is not None and key in _state["answers"]:
        return tuple(_state["answers"][key])
    answer = _original("get_git_commit_timestamp")(self, path, is_first_commit)
    if _state["file"] is not None and answer[0]:  # a commit was found: it stays the answer until HEAD moves
        _state["answers"][key], _state["dirty"] = list(answer), True
    return answer


def _tag_for_commit(self, commit_hash: str) -> str:
    key = f"tag|{commit_hash}"
    if _state["file"] is not None and key in _state["answers"]:
        return _state["answers"][key]
    answer = _original("_lookup_tag_name_for_commit")(self, commit_hash)
    if _state["file"] is not None:
        _state["answers"][key], _state["dirty"] = answer, True
    return answer


def _repository_state(root: Path) -> str | None:
    """HEAD's commit and a digest of the tags, or None where git cannot tell."""
    try:
        head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True, timeout=30)
        tags = subprocess.run(
            ["git", "for-each-ref", "--format=%(objectname) %(refname)", "refs/tags"],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=30,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    if head.returncode != 0 or tags.returncode != 0:
        return None
    return f"{head.stdout.strip()}-{hashlib.sha256(tags.stdout.encode()).hexdigest()[:16]}"


def on_config(config):
    root = Path(config.config_file_path).resolve().parent
    state = _repository_state(root)
    _state["file"] = None if state is None else root / ".cache" / "git-dates" / f"{state}.json"
    _state["answers"], _state["dirty"] = {}, False
    if _state["file"] is not None and _state["file"].is_file():
        try:
            _state["answers"] = json.loads(_state["file"].read_text(encoding="utf-8"))
        except ValueError:
            _state["answers"] = {}
    _original("get_git_commit_timestamp")
    _original("_lookup_tag_name_for_commit")
    util.Util.get_git_commit_timestamp = _commit_timestamp
    util.Util._lookup_tag_name_for_commit = _tag_for_commit
    return config


def on_post_build(config):
    path = _state["file"]
    if path is None or not _state["dirty"]:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    for stale in path.parent.glob("*.json"):  # answers for earlier commits are never asked again
        if stale != path:
            stale.unlink(missing_ok=True)
    scratch = path.with_suffix(f".{os.getpid()}.tmp")
    scratch.write_text(json.dumps(_state["answers"], sort_keys=True), encoding="utf-8")
    scratch.replace(path)
    _state["dirty"] = False
