"""The national reporting form's categories (La Coop de la médiation numérique).

Staff copy the kiosk's figures into the form digital mediators fill in: its
duration bands, its themes and its autonomy levels. Procedures carry a content
theme (``content/*.yaml``: first_steps, email, identity, job, family, housing,
health, taxes, papers, safety); the form has its own list, so a procedure maps
by id first (when its content theme is too broad) and by theme otherwise.
Imports no Kivy.
"""

from __future__ import annotations

#: Duration bands of the form, in its order: (key, upper bound in seconds, exclusive).
DURATION_BANDS: tuple[tuple[str, float], ...] = (
    ("<30 min", 30 * 60),
    ("30-60 min", 60 * 60),
    ("1-2 h", 2 * 3600),
    ("2 h+", float("inf")),
)

#: The form's themes: key -> label as the form words it (French) and in English.
THEMES: dict[str, tuple[str, str]] = {
    "equipment": ("Prendre en main du matériel", "Using a computer or a phone"),
    "email": ("Courriels", "Email"),
    "safety": ("Sécurité numérique", "Online safety"),
    "job_search": ("Emploi, insertion professionnelle", "Job search"),
    "health": ("Santé", "Health"),
    "admin_papers": ("Démarche administrative : papiers", "Administrative: papers"),
    "admin_family": ("Démarche administrative : famille", "Administrative: family"),
    "admin_social_health": ("Démarche administrative : social, santé", "Administrative: social, health"),
    "admin_work": ("Démarche administrative : travail", "Administrative: work"),
    "admin_housing": ("Démarche administrative : logement", "Administrative: housing"),
    "admin_money": ("Démarche administrative : argent, impôts", "Administrative: money, taxes"),
    "other": ("Autre", "Other"),
}

#: Content theme -> form theme.
BY_THEME: dict[str, str] = {
    "first_steps": "equipment",
    "email": "email",
    "safety": "safety",
    "job": "job_search",
    "identity": "admin_papers",
    "papers": "admin_papers",
    "family": "admin_family",
    "health": "admin_social_health",
    "housing": "admin_housing",
    "taxes": "admin_money",
}

#: Procedure id -> form theme, where the content theme says less than the form wants
#: (registering with France Travail is an administrative procedure, not job search).
BY_PROCEDURE: dict[str, str] = {
    "france_travail_registration": "admin_work",
    "france_travail_update": "admin_work",
    "cv": "job_search",
}

#: Autonomy levels of the form, in its order.
AUTONOMY: tuple[str, ...] = ("accompanied", "partly_autonomous", "autonomous")


def national_theme(procedure_id: str, theme: str) -> str:
    """The form's theme for a procedure (``other`` when nothing maps)."""
    return BY_PROCEDURE.get(procedure_id) or BY_THEME.get(theme, "other")


def duration_band(seconds: float) -> str:
    """The form's duration band for a visit lasting ``seconds``."""
    for band, upper in DURATION_BANDS:
        if seconds < upper:
            return band
    return DURATION_BANDS[-1][0]


def autonomy(launched_by: str, help_requests: int) -> str:
    """The autonomy the kiosk can vouch for.

    A visit staff started counts as accompanied; a visitor who asked for help
    is partly autonomous; one who needed none is autonomous. (The kiosk cannot
    see a mediator standing beside the visitor: staff correct the form then.)
    """
    if launched_by == "staff":
        return "accompanied"
    return "partly_autonomous" if help_requests else "autonomous"
