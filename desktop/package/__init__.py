"""The signed dossier package sent to the provincial department (Sở).

A package is an ASiC-E container (ETSI EN 319 162-1) in its CAdES form: a ZIP
holding the dossier's files, a manifest listing each file's SHA-256, and one
detached CMS signature over that manifest. :mod:`.asice` builds it,
:mod:`.verify` checks it (:mod:`.cms_check` accepts a plain valid signature
quickly, :mod:`.pades_check` a plain signed PDF, :mod:`.hashing` hashes the files on a second thread
meanwhile), :mod:`.names` makes safe file names, :mod:`.manifest` reads and
writes the manifest and :mod:`.zipfmt` holds the strict ZIP layout both sides
agree on.
"""
