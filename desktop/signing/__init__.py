"""Digital signatures: loading the clerk's signing key and signing PDF documents.

Nothing here knows about Qt or the database. :mod:`.keys` turns a PKCS#12 file
or a USB token (PKCS#11) into a ready :class:`~.keys.SigningIdentity`;
:mod:`.pdf` signs a PDF with it (PAdES); :mod:`.certs` inspects certificates;
:mod:`.demo_pki` makes a clearly marked test CA for trying the app out.
"""
