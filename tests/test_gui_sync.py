"""Synchronizing the open project: the plan shown first, conflicts, deletions into the trash, the base."""

import re
from pathlib import Path

from qgis.core import Qgis, QgsProject
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QDialogButtonBox

from qfieldcloud_plugin.client import Client, calc_etag
from qfieldcloud_plugin.core.project_link import ProjectLink, write_link
from qfieldcloud_plugin.core.sync import Resolution, SyncKind, project_files_last
from qfieldcloud_plugin.core.sync_execution import SyncResult
from qfieldcloud_plugin.core.sync_state import SyncStateStore
from qfieldcloud_plugin.gui.sync_dialog import SyncPlanDialog
from qfieldcloud_plugin.gui.workflows import CloudActions
from tests.support.fault_server import fault_stats, format_stats, set_faults
from tests.support.gui_flows import sync, upload
from tests.support.local_server import LocalServer
from tests.support.qgis_plugin_env import ScriptedAsker, local_names, make_project_folder, wait_for_tasks, wait_until


class DialogAsker(ScriptedAsker):
    """Shows the real SyncPlanDialog, records what it lists, applies scripted choices and clicks a button."""

    def __init__(self, resolutions=None, untick=(), accept=True):
        super().__init__(confirm=True, choice=0)
        self.resolutions = resolutions or {}
        self.untick = untick
        self.accept = accept
        self.shown = []  # per dialog: {group title: [(file, detail)]}
        self.plans = []
        self.effects = []  # per dialog: {conflict: what its chosen resolution does}
        self.ok_enabled = []
        self.summaries = []

    def review_sync(self, project_name, plan):
        dialog = SyncPlanDialog(project_name, plan)
        self.plans.append(plan)

        def answer():
            groups = {}
            for i in range(dialog.tree.topLevelItemCount()):
                group = dialog.tree.topLevelItem(i)
                groups[group.text(0)] = [
                    (group.child(j).text(0), group.child(j).text(1)) for j in range(group.childCount())
                ]
            self.shown.append(groups)
            self.summaries.append(dialog.summary_label.text())
            for name, resolution in self.resolutions.items():
                dialog.set_choice(name, resolution)
            for name in self.untick:
                dialog.deletions[name].setCheckState(0, 0)
            self.effects.append({name: dialog.effect(name) for name in dialog.combos})
            ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
            self.ok_enabled.append(ok.isEnabled())
            # A conflict left without a choice keeps Synchronize disabled: the dialog can only be cancelled.
            button = (
                QDialogButtonBox.StandardButton.Ok
                if self.accept and ok.isEnabled()
                else QDialogButtonBox.StandardButton.Cancel
            )
            dialog.buttons.button(button).click()

        QTimer.singleShot(0, answer)
        try:
            return dialog.choices() if dialog.exec() else None
        finally:
            dialog.deleteLater()


def _linked_project(client, folder, name):
    path = make_project_folder(folder, name)
    project = client.create_project(name)
    assert QgsProject.instance().read(str(path))
    write_link(ProjectLink("", project["id"], "alice", name))
    assert QgsProject.instance().write()
    return project


def _first_sync(plugin_iface, session, client, tmp_path, name):
    """A linked project in tmp_path/proj, synchronized once through the real plan dialog; (folder, id)."""
    folder = tmp_path / "proj"
    pid = _linked_project(client, folder, name)["id"]
    results = []
    actions = CloudActions(plugin_iface, session, DialogAsker())
    actions.syncFinished.connect(results.append)
    assert not sync(actions, results).failed
    return folder, pid


def _remote(client, project_id):
    return {f["name"]: f for f in client.list_remote_files(project_id, skip_metadata=False)}


def _server_edit(client, tmp_path, project_id, name, text):
    source = tmp_path / "colleague" / name
    source.parent.mkdir(parents=True, exist_ok=True)
    source.write_text(text)
    client.upload_file(project_id, "project", source, name)


def test_sync_shows_the_plan_then_keeps_both_and_trashes_server_deletions(
    qfc_server, session, plugin_iface, tmp_path, unique_name
):
    client = Client(url=qfc_server.url, token=session._token)
    folder = tmp_path / "proj"
    project = _linked_project(client, folder, unique_name)
    pid = project["id"]
    for name in ("notes.csv", "mine.txt", "theirs.txt", "gone_there.txt", "gone_here.txt"):
        (folder / name).write_text("{} as first synced\n".format(name))
    asker = DialogAsker()
    actions = CloudActions(plugin_iface, session, asker)
    results = []
    actions.syncFinished.connect(results.append)

    # First sync: everything is new here, so everything is uploaded; nothing is deleted anywhere.
    result = sync(actions, results)
    assert isinstance(result, SyncResult), result
    assert asker.plans[0].first_sync
    assert sorted(result.uploaded) == local_names(folder) and not result.failed
    assert result.uploaded[-1] == unique_name + ".qgs"
    assert set(SyncStateStore(folder).load(pid)) == set(local_names(folder))

    # Then: a conflict, a change on each side, a deletion on each side.
    (folder / "notes.csv").write_text("my notes\n")
    _server_edit(client, tmp_path, pid, "notes.csv", "their notes\n")
    (folder / "mine.txt").write_text("changed here\n")
    _server_edit(client, tmp_path, pid, "theirs.txt", "changed on the server\n")
    client.delete_file(pid, "gone_there.txt")
    (folder / "gone_here.txt").unlink()

    # Cancelling the plan changes nothing, here or there.
    asker.accept = False
    assert sync(actions, results) is None
    shown = asker.shown[-1]
    assert shown == {
        "Conflicts: changed on both sides (1)": [("notes.csv", "changed here and on QFieldCloud")],
        "Upload to QFieldCloud (1)": [("mine.txt", "changed here (13 B)")],
        "Download from QFieldCloud (1)": [("theirs.txt", "changed on QFieldCloud (22 B)")],
        "Delete on this computer (1)": [("gone_there.txt", "deleted on QFieldCloud; moved to the trash here")],
        "Delete on QFieldCloud (1)": [("gone_here.txt", "deleted here")],
        "Unchanged ({})".format(len(local_names(folder)) - 4): [
            (n, "identical")
            for n in project_files_last(local_names(folder))
            if n not in ("notes.csv", "mine.txt", "gone_there.txt", "theirs.txt")
        ],
    }
    unchanged = len(local_names(folder)) - 4
    assert asker.summaries[-1] == (
        "1 to upload, 1 to download, 1 to delete here, 1 to delete on QFieldCloud, 1 conflicts, {} unchanged.".format(
            unchanged
        )
    )
    assert (folder / "gone_there.txt").is_file() and "gone_here.txt" in _remote(client, pid)
    assert (folder / "notes.csv").read_text() == "my notes\n"

    # Confirmed, with "keep both" for the conflict.
    asker.accept = True
    asker.resolutions = {"notes.csv": Resolution.KEEP_BOTH}
    result = sync(actions, results)
    assert isinstance(result, SyncResult) and not result.failed, result
    assert {a.name: a.kind for a in asker.plans[-1].actions if a.kind != SyncKind.UNCHANGED} == {
        "notes.csv": SyncKind.CONFLICT,
        "mine.txt": SyncKind.UPLOAD,
        "theirs.txt": SyncKind.DOWNLOAD,
        "gone_there.txt": SyncKind.DELETE_LOCAL,
        "gone_here.txt": SyncKind.DELETE_REMOTE,
    }
    copy = result.kept_both["notes.csv"]
    assert re.fullmatch(r"notes\.server-\d{8}-\d{6}\.csv", copy), copy  # the time of the sync
    assert (folder / "notes.csv").read_text() == "my notes\n"
    assert (folder / copy).read_text() == "their notes\n"
    assert (folder / "theirs.txt").read_text() == "changed on the server\n"
    assert not (folder / "gone_there.txt").exists()
    trashed = list((folder / ".qfieldcloud" / "trash").rglob("gone_there.txt"))
    assert [p.read_text() for p in trashed] == ["gone_there.txt as first synced\n"]
    remote = _remote(client, pid)
    assert "gone_here.txt" not in remote and "gone_there.txt" not in remote
    assert remote["notes.csv"]["md5sum"] == calc_etag(folder / "notes.csv")
    assert remote["mine.txt"]["md5sum"] == calc_etag(folder / "mine.txt")
    base = SyncStateStore(folder).load(pid)
    assert "gone_here.txt" not in base and "gone_there.txt" not in base
    for name in ("notes.csv", "mine.txt", "theirs.txt"):
        assert base[name].sha256 == remote[name]["sha256"] and base[name].etag == calc_etag(folder / name)
    success = plugin_iface.messageBar().get_messages(Qgis.Success)
    assert any(
        "2 uploaded, 1 downloaded, 1 deleted here, 1 deleted on QFieldCloud, 0 failed" in m and copy in m
        for m in success
    ), success

    # The server copy kept beside mine is mine to read: it never comes back as a new upload.
    asker.resolutions = {}
    shown_before = len(asker.plans)
    result = sync(actions, results)
    assert len(asker.plans) == shown_before  # in sync: no dialog at all
    assert result.uploaded == [] and result.downloaded == [] and not result.failed
    assert copy not in _remote(client, pid) and (folder / copy).is_file()
    QgsProject.instance().clear()


def test_a_deletion_unticked_in_the_plan_is_not_carried_out(qfc_server, session, plugin_iface, tmp_path, unique_name):
    client = Client(url=qfc_server.url, token=session._token)
    folder = tmp_path / "proj"
    pid = _linked_project(client, folder, unique_name)["id"]
    for name in ("keep_mine.txt", "let_go.txt"):
        (folder / name).write_text(name)
    asker = DialogAsker()
    actions = CloudActions(plugin_iface, session, asker)
    results = []
    actions.syncFinished.connect(results.append)
    assert isinstance(sync(actions, results), SyncResult)
    client.delete_file(pid, "keep_mine.txt")
    client.delete_file(pid, "let_go.txt")
    asker.untick = ["keep_mine.txt"]
    result = sync(actions, results)
    assert isinstance(result, SyncResult) and not result.failed, result
    assert asker.shown[-1]["Delete on this computer (2)"] == [
        ("keep_mine.txt", "deleted on QFieldCloud; moved to the trash here"),
        ("let_go.txt", "deleted on QFieldCloud; moved to the trash here"),
    ]
    assert (folder / "keep_mine.txt").read_text() == "keep_mine.txt"  # unticked: left alone
    assert not (folder / "let_go.txt").exists()
    QgsProject.instance().clear()


def test_the_project_file_changed_on_the_server_is_downloaded_and_reopened(
    qfc_server, session, plugin_iface, tmp_path, unique_name
):
    client = Client(url=qfc_server.url, token=session._token)
    folder = tmp_path / "proj"
    project = _linked_project(client, folder, unique_name)
    actions = CloudActions(plugin_iface, session, DialogAsker())
    results = []
    actions.syncFinished.connect(results.append)
    sync(actions, results)
    other = QgsProject()
    assert other.read(str(folder / (unique_name + ".qgs")))
    other.setTitle("edited by a colleague")
    other.setFileName(str(tmp_path / "colleague" / (unique_name + ".qgs")))
    (tmp_path / "colleague").mkdir()
    assert other.write()
    client.upload_file(project["id"], "project", tmp_path / "colleague" / (unique_name + ".qgs"), unique_name + ".qgs")
    result = sync(actions, results)
    assert result.downloaded == [unique_name + ".qgs"]
    assert QgsProject.instance().title() == "edited by a colleague"
    QgsProject.instance().clear()


def test_qfieldcloudignore_is_honoured_by_upload_and_sync(qfc_server, session, plugin_iface, tmp_path, unique_name):
    client = Client(url=qfc_server.url, token=session._token)
    folder = tmp_path / "proj"
    project = _linked_project(client, folder, unique_name)
    (folder / ".qfieldcloudignore").write_text("# local only\n*.tmp\nscratch/\n!keep.tmp\n")
    (folder / "work.tmp").write_text("temporary")
    (folder / "keep.tmp").write_text("kept")
    (folder / "scratch").mkdir()
    (folder / "scratch" / "big.bin").write_bytes(b"x" * 1000)
    (folder / "data.csv").write_text("a,b\n")
    actions = CloudActions(plugin_iface, session, DialogAsker())
    uploads, syncs = [], []
    actions.uploadFinished.connect(uploads.append)
    actions.syncFinished.connect(syncs.append)
    upload(actions, uploads)
    remote = set(_remote(client, project["id"]))
    assert {"data.csv", "keep.tmp", "points.gpkg", unique_name + ".qgs"} <= remote
    assert not remote & {"work.tmp", "scratch/big.bin", ".qfieldcloudignore"}

    # A file the folder ignores that exists on the server is neither downloaded nor deleted.
    _server_edit(client, tmp_path, project["id"], "other.tmp", "someone else's temp file")
    result = sync(actions, syncs)
    names = [a.name for a in actions.asker.plans[-1].actions] if actions.asker.plans else []
    assert "other.tmp" not in names and "work.tmp" not in names
    assert not (folder / "other.tmp").exists() and "other.tmp" in _remote(client, project["id"])
    assert isinstance(result, SyncResult)
    QgsProject.instance().clear()


def test_only_transferred_and_verified_files_enter_the_base_under_network_faults(
    plugin_iface, clean_settings, download_root, tmp_path
):
    from qfieldcloud_plugin.core.session import CloudSession

    with LocalServer(data_dir=tmp_path / "data", extra_args=["--faults", "reset:0.3", "--fault-seed", "3"]) as server:
        set_faults(server, "")  # log in and set up without faults
        cloud = CloudSession()
        cloud.login(server.root_url, "alice", server.users["alice"], remember=False)
        wait_until(lambda: cloud.is_logged_in, message="login")
        client = Client(url=server.url, token=cloud._token)
        folder = tmp_path / "proj"
        project = _linked_project(client, folder, "faulty")
        for i in range(40):
            (folder / "f{:02d}.bin".format(i)).write_bytes(bytes([i]) * (50_000 + i))
        for i in range(10):
            _server_edit(client, tmp_path, project["id"], "remote{:02d}.txt".format(i), "from the server {}".format(i))
        actions = CloudActions(plugin_iface, cloud, DialogAsker())
        results = []
        actions.syncFinished.connect(results.append)
        set_faults(server, "reset:0.6", seed=3)
        try:
            result = sync(actions, results)
        finally:
            stats = fault_stats(server)
            set_faults(server, "")
        print("\nfaults:", format_stats(stats))
        assert stats["injected_total"] > 0  # the faults were on: at 60% over dozens of requests, never none
        # What must hold whatever the retries managed (all, some or none of the transfers, or not even
        # the listing): a failed file is never in the base, and every base entry matches both the
        # local file and the server's copy, byte for byte (sha256).
        base = SyncStateStore(folder).load(project["id"]) or {}
        remote = _remote(client, project["id"])
        if isinstance(result, SyncResult):
            print(
                "uploaded {}, downloaded {}, failed {}".format(
                    len(result.uploaded), len(result.downloaded), len(result.failed)
                )
            )
            assert not set(result.failed) & set(base)
        for name, state in base.items():
            assert state.sha256 == remote[name]["sha256"], name
            assert calc_etag(folder / name) == state.etag, name
        # What is not in the base is proposed again by the next sync (faults off): nothing is lost.
        result = sync(actions, results)
        assert isinstance(result, SyncResult) and not result.failed
        base = SyncStateStore(folder).load(project["id"])
        assert set(base) == set(local_names(folder)) == set(_remote(client, project["id"]))
        cloud.shutdown()
        wait_for_tasks()
    QgsProject.instance().clear()


def test_sync_state_is_atomic_survives_reopen_and_a_damaged_file_means_no_base(tmp_path):
    from qfieldcloud_plugin.core.sync import FileState

    store = SyncStateStore(tmp_path)
    assert store.load("p1") is None
    store.update("p1", {"a.txt": FileState(size=1, etag="e", sha256="s", version_id="v")})
    store.update("p2", {"b.txt": FileState(size=2, etag="f")})
    store.update("p1", {"c.txt": FileState(size=3, etag="g")}, removed=["a.txt"])
    reopened = SyncStateStore(tmp_path)
    assert reopened.load("p1") == {"c.txt": FileState(size=3, etag="g")}
    assert reopened.load("p2") == {"b.txt": FileState(size=2, etag="f")}
    assert sorted(p.name for p in (tmp_path / ".qfieldcloud").iterdir()) == ["sync-state.json"]  # no temp file left
    store.update("p3", {})
    assert reopened.load("p3") == {}  # synced once, with no files: a base, not a first sync
    (tmp_path / ".qfieldcloud" / "sync-state.json").write_text("{not json")
    assert reopened.load("p1") is None
    assert Path(store.path).parent.name == ".qfieldcloud"
