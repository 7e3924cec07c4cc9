"""The Pages workflow publishes only what passed the tests: its deploy waits on its build, its
build on the test workflow (the same one pull requests run)."""

from __future__ import annotations

import yaml

from tests.conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"


def load(name: str) -> dict:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def needs(job: dict) -> set[str]:
    wanted = job.get("needs", [])
    return {wanted} if isinstance(wanted, str) else set(wanted)


def test_pages_deploys_only_after_the_tests_pass():
    pages, test = load("pages.yml"), load("test.yml")
    jobs = pages["jobs"]
    runs_tests = {name for name, job in jobs.items() if job.get("uses") == "./.github/workflows/test.yml"}
    assert runs_tests, "pages.yml does not run the test workflow"
    assert "workflow_call" in test["on"] and "pull_request" in test["on"]
    assert any("make test" in step.get("run", "") for step in test["jobs"]["test"]["steps"])

    def upstream(name: str) -> set[str]:
        found = set()
        for parent in needs(jobs[name]):
            found |= {parent} | upstream(parent)
        return found

    publishing = [name for name, job in jobs.items()
                  if any("deploy-pages" in step.get("uses", "") or "upload-pages-artifact" in step.get("uses", "")
                         for step in job.get("steps", []))]
    assert publishing
    for name in publishing:
        assert upstream(name) & runs_tests, f"pages.yml: job {name} publishes without waiting for the tests"
