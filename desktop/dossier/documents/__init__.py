"""The award-proposal dossier: legal forms as data, the document model, and its PDF/DOCX renderings.

Modules, one concept each:

- :mod:`.model`: what a document says (header, title, sections, signatures);
- :mod:`.richtext`: the markup the clerk edits section text in;
- :mod:`.forms`: loading and choosing the form files in ``forms/``;
- :mod:`.sources`: the parts built from records (candidates, ballot, profile …);
- :mod:`.compose`: form + context → document;
- :mod:`.sample`: a worked context (Sở Tư pháp tỉnh Hà Tĩnh) for form previews;
- :mod:`.layout`: the NĐ 30/2020 page rules both renderers follow;
- :mod:`.fonts`: which TrueType files the PDF embeds;
- :mod:`.render_pdf`, :mod:`.render_docx`: the two renderings, each written all at once
  (:func:`desktop.files.atomic_write`).

Nothing here imports Qt.
"""
