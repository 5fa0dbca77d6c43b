"""The award dossier of a campaign, from the first draft to the signed package and the printed copy.

Modules, one concept each:

- :mod:`.drafts`: documents drafted from forms, their saved versions, numbering and finalising,
  and the context each form is filled from;
- :mod:`.build`: which documents the plan requires and their state, and the package (or signed
  PDFs) built from the finalised ones through :mod:`desktop.package`;
- :mod:`.attachments`: files the app does not draft (another body's document) attached to an item;
- :mod:`.nomination_list`: the Excel list of nominations that goes with the Tờ trình;
- :mod:`.printing`: printing a document and the print log;
- :mod:`.documents`: forms as data, the document model, and its PDF/DOCX renderings.

Nothing here imports Qt.
"""
