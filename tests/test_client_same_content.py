"""The one rule of "same content" (client.hashing.same_content), which downloads, uploads and the
sync planner all apply to two descriptions of a file: a listing entry, a local file, a base."""

import pytest

from qfieldcloud_plugin.client.hashing import same_content

SHA, OTHER_SHA = "ab" * 32, "cd" * 32
ETAG = "0123456789abcdef" * 2  # pragma: allowlist secret (a made-up ETag)
OTHER_ETAG = "fedcba9876543210" * 2  # pragma: allowlist secret (a made-up ETag)


@pytest.mark.parametrize(
    "a, b, same",
    [
        # sizes, when both are known, must agree, whatever the checksums say
        ({"size": 3, "sha256": SHA}, {"size": 4, "sha256": SHA}, False),
        ({"size": 3, "sha256": SHA}, {"sha256": SHA}, True),
        ({"sha256": SHA}, {"size": 4, "sha256": SHA}, True),
        ({"size": "3", "md5sum": ETAG}, {"size": 3, "md5sum": ETAG}, True),  # a size written as text
        # SHA-256 decides when both have one, in any case of letters
        ({"sha256": SHA.upper(), "md5sum": ETAG}, {"sha256": SHA, "md5sum": OTHER_ETAG}, True),
        ({"sha256": SHA, "md5sum": ETAG}, {"sha256": OTHER_SHA, "md5sum": ETAG}, False),
        # else the ETag, from `md5sum` or `etag`, quoted or not
        ({"sha256": SHA, "md5sum": ETAG}, {"etag": '"' + ETAG.upper() + '"'}, True),
        ({"etag": ETAG}, {"md5sum": ETAG}, True),
        ({"md5sum": ETAG}, {"etag": ETAG}, True),
        ({"etag": ETAG}, {"etag": OTHER_ETAG}, False),
        # without a checksum on both sides, nothing is proven
        ({"size": 3, "etag": ETAG}, {"size": 3}, False),
        ({"size": 3}, {"size": 3, "sha256": SHA}, False),
        ({}, {}, False),
    ],
)
def test_what_proves_two_files_hold_the_same_bytes(a, b, same):
    assert same_content(a, b) is same
    assert same_content(b, a) is same
