"""The campaign-plan importer: from a Sở's plan or letter to structured fields.

``extract_text(path)`` reads a .docx, .pdf, .txt or .md file;
``parse_plan_text(text)`` reads the fields of a "kế hoạch phát động phong trào
thi đua" or its launch letter (công văn) into a :class:`PlanExtraction`;
``parse_plan(path)`` does both. No Qt here: the review dialog and the command
line both use this package.
"""
from desktop.campaigns.plans.extract import extract_text
from desktop.campaigns.plans.model import AwardItem, DossierItem, Period, Phase, PlanExtraction, Signer
from desktop.campaigns.plans.parser import parse_plan, parse_plan_text

__all__ = [
    "AwardItem", "DossierItem", "Period", "Phase", "PlanExtraction", "Signer",
    "extract_text", "parse_plan", "parse_plan_text",
]
