"""The bundled e-mail module with self-checks of a test's own: one tap task, written as content is."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import ROOT

#: the label of each element a task may target, quoted in its instruction
LABELS = {"login": "Se connecter", "create": "Créer un compte"}

TASK = """
  - id: {id}
    task: {{fr: "Touchez « {label} ».", en: "Tap « {label} ».", ar: "المس « {label} »."}}
    skills: [{skill}]
    replica:
      heading: {{fr: "Messagerie", en: "Mail", ar: "البريد"}}
      elements:
        - {{id: login, kind: button, label: {{fr: "Se connecter", en: "Log in", ar: "الدخول"}}}}
        - {{id: create, kind: button, label: {{fr: "Créer un compte", en: "Create an account", ar: "إنشاء حساب"}}}}
      target: {target}
      action: tap
"""


def without_checks(text: str) -> str:
    """A module's text without its self-checks (which name its outcomes too)."""
    return text[:text.index("\nchecks:")] + "\n" if "\nchecks:" in text else text


def email_skills() -> list[str]:
    """The outcomes the bundled e-mail module teaches, in its order."""
    text = (ROOT / "content" / "email.yaml").read_text(encoding="utf-8")
    return text.split("\nskills: [", 1)[1].split("]", 1)[0].split(", ")


def email_with_checks(folder: Path, tasks: list[tuple[str, str]], target: str = "login",
                      catalogue: bool = False) -> Path:
    """Write ``folder/email.yaml``: the bundled module, its checks replaced by ``tasks`` ((id, outcome) each,
    all tapping ``target``); with ``catalogue``, the bundled skills.yaml beside it. The module's path."""
    folder.mkdir(parents=True, exist_ok=True)
    text = without_checks((ROOT / "content" / "email.yaml").read_text(encoding="utf-8"))
    checks = "checks:" + "".join(TASK.format(id=name, skill=skill, target=target, label=LABELS.get(target, target))
                                 for name, skill in tasks)
    (folder / "email.yaml").write_text(text + checks, encoding="utf-8")
    if catalogue:
        (folder / "skills.yaml").write_text((ROOT / "content" / "skills.yaml").read_text(encoding="utf-8"),
                                            encoding="utf-8")
    return folder / "email.yaml"
