"""The plan shown is the plan run: what changes between the review and the run is left alone.

Real QGIS, the real plan dialog, the local server: while the dialog is open, a local file
planned for download is edited and a server file planned to be overwritten is changed by a
colleague. Neither change may be lost; the rest of the plan still runs.
"""

from qgis.PyQt.QtCore import QTimer

from qfieldcloud_plugin.client import Client
from qfieldcloud_plugin.core.sync import Resolution
from qfieldcloud_plugin.core.sync_execution import SyncResult
from qfieldcloud_plugin.gui.workflows import CloudActions
from tests.support.gui_flows import sync
from tests.test_gui_sync import DialogAsker, _first_sync, _linked_project, _remote, _server_edit


class ChangingAsker(DialogAsker):
    """Runs `meanwhile()` while the plan dialog is open, then answers it."""

    def __init__(self, meanwhile, **kwargs):
        super().__init__(**kwargs)
        self.meanwhile = meanwhile

    def review_sync(self, project_name, plan):
        QTimer.singleShot(0, self.meanwhile)
        return super().review_sync(project_name, plan)


def _download(client, pid, name, tmp_path):
    target = tmp_path / "check" / name
    client.download_file(pid, "project", target, name)
    return target.read_text()


def test_what_changed_after_the_plan_was_shown_is_left_alone_and_keep_server_trashes_mine(
    qfc_server, session, plugin_iface, tmp_path, unique_name
):
    client = Client(url=qfc_server.url, token=session._token)
    folder = tmp_path / "proj"
    pid = _linked_project(client, folder, unique_name)["id"]
    for name in ("a.txt", "b.txt", "c.txt", "d.txt"):
        (folder / name).write_text(f"{name} v1\n")
    results = []
    first = CloudActions(plugin_iface, session, DialogAsker())
    first.syncFinished.connect(results.append)
    assert not sync(first, results).failed

    _server_edit(client, tmp_path, pid, "a.txt", "a from the field\n")  # planned: download
    (folder / "b.txt").write_text("b from the office\n")  # planned: upload
    _server_edit(client, tmp_path, pid, "c.txt", "c from the field\n")  # conflict ...
    (folder / "c.txt").write_text("c from the office\n")  # ... resolved "keep QFieldCloud's"
    _server_edit(client, tmp_path, pid, "d.txt", "d from the field\n")  # planned: download, untouched

    def meanwhile():
        (folder / "a.txt").write_text("a edited in the office while the plan was shown\n")
        _server_edit(client, tmp_path, pid, "b.txt", "b edited in the field while the plan was shown\n")

    asker = ChangingAsker(meanwhile, resolutions={"c.txt": Resolution.KEEP_SERVER})
    actions = CloudActions(plugin_iface, session, asker)
    actions.syncFinished.connect(results.append)
    result = sync(actions, results)

    assert isinstance(result, SyncResult), result
    assert (folder / "a.txt").read_text() == "a edited in the office while the plan was shown\n"
    assert "since the plan was shown" in result.failed["a.txt"]
    assert _download(client, pid, "b.txt", tmp_path) == "b edited in the field while the plan was shown\n"
    assert "since the plan was shown" in result.failed["b.txt"]
    assert (folder / "c.txt").read_text() == "c from the field\n"
    assert (folder / "d.txt").read_text() == "d from the field\n"
    kept = sorted((folder / ".qfieldcloud" / "trash").rglob("c.txt"))
    assert [p.read_text() for p in kept] == ["c from the office\n"]
    assert sorted(result.failed) == ["a.txt", "b.txt"]
    assert _remote(client, pid)["c.txt"]["size"] == len("c from the field\n")


def test_keeping_both_copies_of_the_project_file_never_sends_a_second_project_file(
    qfc_server, session, plugin_iface, tmp_path, unique_name
):
    client = Client(url=qfc_server.url, token=session._token)
    folder, pid = _first_sync(plugin_iface, session, client, tmp_path, unique_name)
    results = []
    qgs = unique_name + ".qgs"
    theirs = tmp_path / "colleague" / qgs
    theirs.parent.mkdir()
    theirs.write_text((folder / qgs).read_text().replace("<title>", "<title>field "))
    client.upload_file(pid, "project", theirs, qgs)
    from qgis.core import QgsProject

    QgsProject.instance().setTitle("office title")
    assert QgsProject.instance().write()

    asker = DialogAsker(resolutions={qgs: Resolution.KEEP_BOTH})
    actions = CloudActions(plugin_iface, session, asker)
    actions.syncFinished.connect(results.append)
    result = sync(actions, results)
    copy = result.kept_both[qgs]
    assert copy.endswith(".qgs") and (folder / copy).is_file()

    again = DialogAsker()
    actions = CloudActions(plugin_iface, session, again)
    actions.syncFinished.connect(results.append)
    result = sync(actions, results)
    assert again.plans == [] and result.uploaded == []
    assert [n for n in _remote(client, pid) if n.endswith(".qgs")] == [qgs]


def _push_field_edits(bob, pid, tmp_path, count):
    import json
    import uuid

    deltafile = tmp_path / f"deltas-{uuid.uuid4().hex}.json"
    deltafile.write_text(
        json.dumps(
            {
                "version": "1.0",
                "id": str(uuid.uuid4()),
                "project": pid,
                "files": [],
                "deltas": [
                    {
                        "uuid": str(uuid.uuid4()),
                        "clientId": str(uuid.uuid4()),
                        "localLayerId": "points",
                        "sourceLayerId": "points",
                        "localPk": str(i),
                        "sourcePk": str(i),
                        "method": "patch",
                        "old": {"attributes": {"name": "p{}".format(i)}},
                        "new": {"attributes": {"name": "field"}},
                    }
                    for i in range(count)
                ],
            }
        )
    )
    bob.push_delta(pid, str(deltafile))
    job = [j for j in bob.list_jobs(pid) if j["type"] == "delta_apply"][-1]
    assert bob.job_wait(job["id"], timeout=60, poll_interval=1)["status"] == "finished"


def test_a_conflict_has_no_default_and_says_who_changed_what_and_what_each_choice_does(
    qfc_server, test_users, session, plugin_iface, tmp_path, unique_name
):
    from qgis.core import QgsFeature, QgsProject

    from tests.support.qgis_plugin_env import make_project_folder

    client = Client(url=qfc_server.url, token=session._token)
    folder = tmp_path / "proj"
    pid = _linked_project(client, folder, unique_name)["id"]
    client.add_project_collaborator(pid, "bob", "editor")
    results = []
    first = CloudActions(plugin_iface, session, DialogAsker())
    first.syncFinished.connect(results.append)
    assert not sync(first, results).failed

    bob = Client(url=qfc_server.url)
    bob.login("bob", test_users["bob"])
    _push_field_edits(bob, pid, tmp_path, 2)
    field_copy = make_project_folder(tmp_path / "field", "f", n_points=4).parent / "points.gpkg"
    bob.upload_file(pid, "project", field_copy, "points.gpkg")  # the applied edits, as the server writes them
    layer = QgsProject.instance().mapLayersByName("points")[0]
    layer.startEditing()
    layer.addFeature(QgsFeature(layer.fields()))
    assert layer.commitChanges()

    undecided = DialogAsker()  # no choice made: Synchronize stays disabled, so the dialog is cancelled
    actions = CloudActions(plugin_iface, session, undecided)
    actions.syncFinished.connect(results.append)
    assert sync(actions, results) is None
    assert undecided.ok_enabled == [False]
    # (the English plural forms are not loaded in the test process, hence "edit(s)")
    assert undecided.effects == [
        {"points.gpkg": "On QFieldCloud: 2 edit(s) from bob since your last sync. Choose what happens to this file."}
    ]

    mine = DialogAsker(resolutions={"points.gpkg": Resolution.KEEP_LOCAL})
    actions = CloudActions(plugin_iface, session, mine)
    actions.syncFinished.connect(results.append)
    result = sync(actions, results)
    assert mine.ok_enabled == [True] and result.uploaded == ["points.gpkg"]
    assert mine.effects[0]["points.gpkg"] == (
        "Yours replaces QFieldCloud's copy (2 edit(s) from bob since your last sync) on QFieldCloud; "
        "it stays in the file's version history there."
    )
