# Fill the local server with a realistic account for the screenshots.
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(REPO))
from qfieldcloud_plugin.client import Client  # noqa: E402 (from the clone, not an installed copy)

url = sys.argv[1]
c = Client(url=url + "api/v1/")
c.login("alice", "alice-secret-1")
src = Path(tempfile.mkdtemp())
for f in (REPO / "tests" / "server" / "demo").iterdir():
    shutil.copy(f, src / ("field-survey.qgs" if f.suffix == ".qgs" else f.name))
p = c.create_project("field-survey", description="Tree inventory of the city parks, spring campaign")
c.upload_files(p["id"], "project", str(src), throw_on_error=True)
time.sleep(2)
j = c.job_trigger(p["id"], "package")
c.job_wait(j["id"], timeout=60, poll_interval=0.3)
for name, public in [
    ("bridges-inspection", False),
    ("wetlands-2026", True),
    ("hydrants", False),
    ("bike-parking", True),
    ("noise-survey", False),
]:
    q = c.create_project(name, is_public=public, description="")
e = c.create_project("empty-draft", description="no QGIS project yet")
j = c.job_trigger(e["id"], "process_projectfile")
c.create_project("street-trees", owner="acme", description="Organisation project")
print("ok")
