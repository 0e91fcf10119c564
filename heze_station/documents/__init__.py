"""Printed mediation documents: content dataclasses in, signed PDF bytes out.

``content`` holds what a builder needs; one module per document kind builds it on the GB/T 9704 page of
``layout``; ``issuing`` validates, builds and signs; ``signing`` keeps the station's key; ``verify`` checks a file.
Nothing here reads the database or imports Qt: services fill the content, the GUI shows and prints the bytes.
"""
