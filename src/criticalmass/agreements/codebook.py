"""PA-X codebook labels for the codes the pages show (stage, agreement type). Plain Python."""

from __future__ import annotations

STAGES = {
    "Pre": "Pre-negotiation / process",
    "SubPar": "Framework / substantive, partial",
    "SubComp": "Framework / substantive, comprehensive",
    "Imp": "Implementation / renegotiation",
    "Cea": "Ceasefire / related",
    "Ren": "Renewal",
    "Oth": "Other",
}
AGREEMENT_TYPES = {
    "Inter": "Interstate",
    "Intra": "Intrastate",
    "InterIntra": "Interstate / intrastate",
    "IntraLocal": "Intrastate / local",
}


def stage_label(code: str) -> str:
    return STAGES.get(code, code or "not given")


def type_label(code: str) -> str:
    return AGREEMENT_TYPES.get(code, code or "not given")
