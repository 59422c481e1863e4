"""The persistent checksum cache: stat-validated, racy entries re-hashed, shared safely."""

import hashlib
import json
import os
import threading
import time
from pathlib import Path

import pytest

from qfieldcloud_plugin.client import Client, checksums
from qfieldcloud_plugin.client.checksums import RACY_NS, ChecksumCache
from tests.support.fake_http import FakeServer, Reply, json_reply

PID = "0b7c2a3e-5b1d-4f7a-9c2e-8d3f4a5b6c7d"


@pytest.fixture(autouse=True)
def private_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("QFIELDCLOUD_CACHE_DIR", str(tmp_path / "cache"))


def age(path: Path, seconds: float = 10.0) -> None:
    """Backdate a file's mtime, as if it had been written a while ago."""
    past = time.time_ns() - int(seconds * 1e9)
    os.utime(path, ns=(past, past))


def settled_folder(tmp_path, files):
    """`tmp_path/p` holding `files` (name -> bytes), written a while ago (see `age`)."""
    root = tmp_path / "p"
    for name, data in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
        age(root / name)
    return root


def test_a_settled_entry_is_used_without_hashing(tmp_path, hashing):
    root = settled_folder(tmp_path, {"a.txt": b"hello"})
    cache = ChecksumCache(root)
    assert cache.etag("a.txt", root / "a.txt") == hashlib.md5(b"hello").hexdigest()
    cache.save()
    again = ChecksumCache(root)  # a later process
    assert again.etag("a.txt", root / "a.txt") == hashlib.md5(b"hello").hexdigest()
    assert hashing == ["a.txt"]


def test_a_file_is_hashed_once_per_session_even_before_the_cache_is_saved(tmp_path, hashing):
    root = tmp_path / "p"
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "a.txt").write_bytes(b"hello")
    age(root / "sub" / "a.txt")
    cache = ChecksumCache(root)
    assert cache.etag("sub/a.txt", root / "sub" / "a.txt") == cache.etag("sub/a.txt", root / "sub" / "a.txt")
    assert cache.lookup("sub/a.txt") == hashlib.md5(b"hello").hexdigest()  # found by its name alone
    assert hashing == ["a.txt"]


def test_a_cached_file_that_is_gone_raises_like_any_missing_file(tmp_path):
    root = settled_folder(tmp_path, {"a.txt": b"hello"})
    cache = ChecksumCache(root)
    cache.etag("a.txt", root / "a.txt")
    (root / "a.txt").unlink()
    with pytest.raises(FileNotFoundError):
        cache.etag("a.txt", root / "a.txt")


def test_where_ctime_says_nothing_an_untrusted_lookup_hashes_again(tmp_path, hashing, monkeypatch):
    """Windows: an edit that keeps the size and sets the mtime back matches the entry, so callers
    that cannot afford that (sync planning) pass trust_cache=False there."""
    monkeypatch.setattr(checksums, "CTIME_IS_CHANGE_TIME", False)
    root = settled_folder(tmp_path, {"a.txt": b"hello"})
    path = root / "a.txt"
    cache = ChecksumCache(root)
    cache.etag("a.txt", path)
    st = path.stat()
    path.write_bytes(b"HELLO")  # the same size
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert cache.etag("a.txt", path) == hashlib.md5(b"hello").hexdigest()  # what trusting the entry gives
    assert cache.etag("a.txt", path, trust_cache=False) == hashlib.md5(b"HELLO").hexdigest()


@pytest.mark.parametrize("change", ["content_same_size", "size", "replaced"])
def test_any_change_invalidates_the_entry(tmp_path, hashing, change):
    root = tmp_path / "p"
    root.mkdir()
    path = root / "a.txt"
    path.write_bytes(b"hello")
    age(path, 20)
    cache = ChecksumCache(root)
    cache.etag("a.txt", path)
    cache.save()
    if change == "content_same_size":
        path.write_bytes(b"HELLO")
        age(path, 10)  # an older-looking but different mtime
    elif change == "size":
        path.write_bytes(b"hello!")
        age(path, 20)
        # same mtime as recorded, different size
    else:
        tmp = root / "new"
        tmp.write_bytes(b"jelly")
        st = path.stat()
        os.utime(tmp, ns=(st.st_atime_ns, st.st_mtime_ns))  # same size and mtime, new inode
        os.replace(tmp, path)
    expected = hashlib.md5(path.read_bytes()).hexdigest()
    assert ChecksumCache(root).etag("a.txt", path) == expected
    assert len(hashing) == 2


def test_a_racy_entry_is_hashed_again(tmp_path, hashing):
    """An entry recorded within RACY_NS of the file's mtime is never trusted (git's racy rule)."""
    root = tmp_path / "p"
    root.mkdir()
    path = root / "a.txt"
    path.write_bytes(b"hello")  # mtime: now
    cache = ChecksumCache(root)
    cache.record("a.txt", path, "not-the-real-etag")  # recorded right after the write
    cache.save()
    assert ChecksumCache(root).lookup("a.txt") is None
    assert ChecksumCache(root).etag("a.txt", path) == hashlib.md5(b"hello").hexdigest()
    assert hashing == ["a.txt"]
    assert RACY_NS >= 1_000_000_000


def test_a_file_changing_while_hashed_is_not_recorded(tmp_path, monkeypatch):
    root = settled_folder(tmp_path, {"a.txt": b"hello"})
    path = root / "a.txt"
    real = checksums.calc_etag

    def modify_then_hash(p, *args, **kwargs):
        value = real(p, *args, **kwargs)
        Path(p).write_bytes(b"hello, world")
        return value

    monkeypatch.setattr(checksums, "calc_etag", modify_then_hash)
    cache = ChecksumCache(root)
    cache.etag("a.txt", path)
    cache.save()
    assert not ChecksumCache(root).path.exists()


def test_concurrent_savers_lose_at_most_entries(tmp_path):
    root = tmp_path / "p"
    root.mkdir()
    for i in range(20):
        (root / f"f{i}").write_bytes(str(i).encode())
        age(root / f"f{i}")

    def worker(names):
        cache = ChecksumCache(root)
        for name in names:
            cache.etag(name, root / name)
            cache.save()

    threads = [threading.Thread(target=worker, args=([f"f{i}" for i in range(k, 20, 4)],)) for k in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    cache = ChecksumCache(root)
    for i in range(20):
        known = cache.lookup(f"f{i}")
        assert known is None or known == hashlib.md5(str(i).encode()).hexdigest()


def test_unreadable_cache_is_ignored(tmp_path):
    root = tmp_path / "p"
    root.mkdir()
    (root / "a").write_bytes(b"x")
    age(root / "a")
    cache = ChecksumCache(root)
    cache.path.parent.mkdir(parents=True)
    cache.path.write_text("{not json")
    assert cache.etag("a", root / "a") == hashlib.md5(b"x").hexdigest()
    cache.save()
    assert ChecksumCache(root).lookup("a") is not None


def test_cache_lives_outside_the_project_folder(tmp_path):
    root = tmp_path / "p"
    root.mkdir()
    assert root not in ChecksumCache(root).path.parents
    assert ChecksumCache(root).path != ChecksumCache(tmp_path / "q").path


def test_second_download_of_an_unchanged_project_hashes_nothing(tmp_path, hashing):
    files = {"a.txt": b"alpha", "sub/b.bin": b"beta" * 1000}
    with FakeServer() as server:
        server.route(
            "GET",
            f"api/v1/files/{PID}/",
            json_reply(
                [
                    {
                        "name": name,
                        "size": len(data),
                        "md5sum": hashlib.md5(data).hexdigest(),
                        "sha256": hashlib.sha256(data).hexdigest(),
                    }
                    for name, data in files.items()
                ]
            ),
        )
        for name, data in files.items():
            server.route(
                "GET", f"api/v1/files/{PID}/{name}/", Reply(200, {"Content-Type": "application/octet-stream"}, data)
            )
        client = Client(server.url, token="tok", max_retries=0)
        out = tmp_path / "out"
        client.download_project(PID, str(out))
        assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()) == sorted(
            [*files, ".qfieldcloud/downloaded.json"]
        )
        gets = len(server.requests)
        # Fresh downloads are recorded but racy: the next run hashes them once more (no GET).
        for name in files:
            assert ChecksumCache(out).lookup(name) is None
        past = time.time_ns() - 10 * 10**9
        for path in (out / "a.txt", out / "sub" / "b.bin"):
            os.utime(path, ns=(past, past))
        result = client.download_project(PID, str(out))
        assert all(f["skipped"] for f in result) and len(server.requests) == gets + 1
        assert sorted(hashing) == ["a.txt", "b.bin"]
        del hashing[:]
        result = client.download_project(PID, str(out))
        assert all(f["skipped"] for f in result) and len(server.requests) == gets + 2
        assert hashing == []  # stat only


def test_only_the_most_recently_used_folders_keep_a_cache_file(tmp_path, monkeypatch):
    monkeypatch.setattr(checksums, "MAX_FOLDERS", 3)
    cache_files = []
    for i in range(5):
        root = tmp_path / f"project-{i}"
        root.mkdir()
        (root / "a.txt").write_bytes(b"x")
        cache = ChecksumCache(root)
        cache.etag("a.txt", root / "a.txt")
        cache.save()
        cache_files.append(cache.path)
        past = time.time_ns() - (10 - i) * 10**9  # saved in this order, a second apart
        os.utime(cache.path, ns=(past, past))
    (cache_files[0].parent / "notes.txt").write_text("not a cache file: never removed")
    root = tmp_path / "project-5"
    root.mkdir()
    (root / "a.txt").write_bytes(b"x")
    cache = ChecksumCache(root)
    cache.etag("a.txt", root / "a.txt")
    cache.save()  # a new file: the oldest ones go
    kept = sorted(p.name for p in cache.path.parent.iterdir())
    assert kept == sorted([p.name for p in cache_files[3:]] + [cache.path.name, "notes.txt"])


def test_checksums_recorded_after_a_verified_download_spare_the_next_hash(tmp_path, hashing):
    root = settled_folder(tmp_path, {"a.txt": b"hello", "b.txt": b"other"})  # no longer "racy"
    cache = ChecksumCache(root)
    cache.record("a.txt", root / "a.txt", hashlib.md5(b"hello").hexdigest())
    cache.record("b.txt", root / "b.txt", None)  # verified by SHA-256 only: no ETag to remember
    cache.save()
    again = ChecksumCache(root)
    assert again.etag("a.txt", root / "a.txt") == hashlib.md5(b"hello").hexdigest()
    assert again.etag("b.txt", root / "b.txt") == hashlib.md5(b"other").hexdigest()
    assert hashing == ["b.txt"]  # a.txt came from the record


@pytest.mark.parametrize(
    "damage", ["other folder", "old format", "short entry", "text size", "text time", "text ctime", "list"]
)
def test_a_cache_file_that_is_not_this_folders_current_one_is_ignored(tmp_path, hashing, damage):
    root = settled_folder(tmp_path, {"a.txt": b"hello"})
    cache = ChecksumCache(root)
    cache.etag("a.txt", root / "a.txt")
    cache.save()
    data = json.loads(cache.path.read_text(encoding="utf-8"))
    entry = data["files"]["a.txt"]
    entry[4] = "0" * 32  # a wrong ETag: served only if the damaged file were trusted
    if damage == "other folder":
        data["root"] = str(tmp_path / "elsewhere")
    elif damage == "old format":
        data["format"] = 2
    elif damage == "short entry":
        data["files"]["a.txt"] = entry[:5]
    elif damage == "text size":
        entry[0] = str(entry[0])
    elif damage == "text time":
        entry[3] = str(entry[3])  # when it was recorded: compared with the mtime
    elif damage == "text ctime":
        entry[5] = str(entry[5])
    else:
        data = [data]
    cache.path.write_text(json.dumps(data), encoding="utf-8")
    assert ChecksumCache(root).etag("a.txt", root / "a.txt") == hashlib.md5(b"hello").hexdigest()
    assert hashing == ["a.txt", "a.txt"]
