"""Schemathesis hooks for Scripts/api-conformance (SCHEMATHESIS_HOOKS): a tus piece
(application/offset+octet-stream, PATCH /api/files/{id}) is sent as the raw bytes generated for it."""
import schemathesis


@schemathesis.serializer("application/offset+octet-stream")
def offset_stream(ctx, value):
    if value is None:
        return None
    if isinstance(value, (bytes, bytearray)):
        return bytes(value)
    return str(value).encode("utf-8")
