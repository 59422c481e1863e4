<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>@default</name>
    <message>
        <location filename="../qfieldcloud_plugin/core/session.py" line="24"/>
        <source>Cannot reach the server {server}. Check your network connection and the server address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/session.py" line="29"/>
        <source>Too many failed login attempts. Wait 30 minutes and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/session.py" line="31"/>
        <source>Wrong username, email or password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/session.py" line="32"/>
        <source>Your QFieldCloud session has expired. Please log in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/session.py" line="34"/>
        <source>You are not allowed to do this on QFieldCloud ({message}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/session.py" line="36"/>
        <source>Not found on QFieldCloud; it may have been deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/base.py" line="161"/>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/session.py" line="40"/>
        <source>A downloaded file is corrupt ({error}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/session.py" line="42"/>
        <source>QFieldCloud answered: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/session.py" line="44"/>
        <source>Local file error: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/session.py" line="46"/>
        <source>Unexpected error: {error}. Details are in the QFieldCloud log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/session.py" line="111"/>
        <source>Logging in to QFieldCloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/session.py" line="135"/>
        <source>Remember me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/session.py" line="135"/>
        <source>QGIS could not keep the login in its password manager (master password not entered?). You are logged in for this session only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/session.py" line="142"/>
        <source>Logged in to {server} as {user}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/session.py" line="149"/>
        <source>Login to {server} failed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/session.py" line="161"/>
        <source>Checking the QFieldCloud login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/session.py" line="176"/>
        <source>Your saved QFieldCloud login has expired. Please log in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/session.py" line="187"/>
        <source>Logging out of QFieldCloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/session.py" line="217"/>
        <source>Please log in to QFieldCloud.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/plugin.py" line="37"/>
        <source>&amp;QFieldCloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/plugin.py" line="60"/>
        <source>QFieldCloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/plugin.py" line="64"/>
        <source>QFieldCloud projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/plugin.py" line="65"/>
        <source>Upload the open project to QFieldCloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/plugin.py" line="71"/>
        <source>Open the QFieldCloud package in the map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/plugin.py" line="75"/>
        <source>Log in to QFieldCloud…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/plugin.py" line="77"/>
        <source>Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/plugin.py" line="176"/>
        <source>Select a project in the QFieldCloud dock first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/browser.py" line="83"/>
        <source>Your QFieldCloud projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/browser.py" line="88"/>
        <source>Log in to QFieldCloud to see your projects.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/browser.py" line="134"/>
        <source>{name}: {size} bytes on QFieldCloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/browser.py" line="142"/>
        <source>Latest package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/browser.py" line="156"/>
        <source>No package yet ({error}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/browser.py" line="162"/>
        <source>The latest package is {status}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/browser.py" line="181"/>
        <source>{name}: not downloaded yet (Open the latest package, in the context menu)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/browser_menu.py" line="26"/>
        <source>Open the latest package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/browser_menu.py" line="29"/>
        <source>Download project files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/plugin.py" line="67"/>
        <source>Synchronize the open project with QFieldCloud…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/base.py" line="57"/>
        <source>No QFieldCloud login: log in with the plugin and remember the login, or give a token (TOKEN parameter or QFIELDCLOUD_TOKEN environment variable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/base.py" line="117"/>
        <source>Project (owner/name or id)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/base.py" line="135"/>
        <source>API token (empty: the stored login)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/base.py" line="136"/>
        <source>Server URL (empty: the stored login&apos;s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/base.py" line="189"/>
        <source>No QFieldCloud project {project}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/base.py" line="190"/>
        <source>Several QFieldCloud projects are named {project}: write it as owner/name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/base.py" line="203"/>
        <source>{count} file(s) failed: {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/download.py" line="22"/>
        <source>Download project files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/download.py" line="25"/>
        <source>Downloads the files of a QFieldCloud project into a folder. Files that are already identical locally are not downloaded again unless Force is checked; nothing in the folder changes when a file fails.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/upload.py" line="56"/>
        <source>Only files matching (glob)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/base.py" line="122"/>
        <source>Download unchanged files too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/package.py" line="51"/>
        <source>Destination folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/package.py" line="57"/>
        <source>Files downloaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/upload.py" line="68"/>
        <source>Files unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/download.py" line="38"/>
        <source>Downloaded files (one per line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/download.py" line="53"/>
        <source>Downloaded {downloaded} file(s) of {owner}/{name}, {skipped} unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/job.py" line="32"/>
        <source>Trigger a job and wait for it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/job.py" line="35"/>
        <source>Starts a job on QFieldCloud (package for QField, process the project file, or apply the deltas sent from QField) and, unless Wait is unchecked, waits until it has finished. A failed job makes the algorithm fail. A running package job is reused unless Force is checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/job.py" line="44"/>
        <source>Job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/job.py" line="44"/>
        <source>Package for QField</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/job.py" line="44"/>
        <source>Process the project file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/job.py" line="44"/>
        <source>Apply deltas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/job.py" line="52"/>
        <source>Start a new job even if one runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/job.py" line="55"/>
        <source>Wait until the job has finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/job.py" line="58"/>
        <source>Give up waiting after (seconds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/job.py" line="68"/>
        <source>Job id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/job.py" line="69"/>
        <source>Job status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/job.py" line="75"/>
        <source>Job {job_id} ({job_type}) is {status}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/job.py" line="90"/>
        <source>Job {job_id} has not finished after {seconds} s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/job.py" line="97"/>
        <source>Job {job_id} ended with status {status}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/job.py" line="100"/>
        <source>Job {job_id} has finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/package.py" line="36"/>
        <source>Download the latest package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/package.py" line="39"/>
        <source>Downloads the files of the project&apos;s latest finished package, the offline copy QField uses. Without a destination folder it goes where the plugin keeps packages. With Load layers checked, the package&apos;s GeoPackage layers are added to the open project when the algorithm ends. Outputs the path of the package&apos;s QGIS project file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/package.py" line="49"/>
        <source>Load the package&apos;s layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/package.py" line="56"/>
        <source>Package project file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/package.py" line="58"/>
        <source>Package layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/package.py" line="85"/>
        <source>Package of {owner}/{name} in {folder}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/projects.py" line="49"/>
        <source>List projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/projects.py" line="52"/>
        <source>Writes the QFieldCloud projects you have a role on (and, if asked, the public ones) into a table: id, owner, name, description, your role, status, dates and storage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/projects.py" line="58"/>
        <source>Include public projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/projects.py" line="62"/>
        <source>Projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/projects.py" line="65"/>
        <source>Number of projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/projects.py" line="79"/>
        <source>{count} project(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/provider.py" line="37"/>
        <source>QFieldCloud projects, files, jobs and packages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/upload.py" line="38"/>
        <source>Upload project folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/upload.py" line="51"/>
        <source>Local folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/upload.py" line="57"/>
        <source>Upload unchanged files too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/upload.py" line="66"/>
        <source>Project id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/upload.py" line="67"/>
        <source>Files uploaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/upload.py" line="69"/>
        <source>Uploaded files (one per line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/upload.py" line="78"/>
        <source>{name} is in use elsewhere; its latest edits may be missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/upload.py" line="89"/>
        <source>Uploaded {uploaded} file(s) to {owner}/{name}, {skipped} unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/base.py" line="214"/>
        <source>{count} local file(s) differed and were replaced; their previous versions are in {folder}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="25"/>
        <source>Download the project files into</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="33"/>
        <source>Downloaded {name} into {folder}: {done} downloaded, {skipped} unchanged, {failed} failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="51"/>
        <source>Downloading {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="72"/>
        <source>Replace local files?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="72"/>
        <source>These files in {folder} differ from QFieldCloud and will be replaced by its version:
{files}

Your versions will be kept in {trash}. Replace them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="79"/>
        <source>Nothing was downloaded: your local files are unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="109"/>
        <source>Comparing {folder} with {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="99"/>
        <source>Unsaved layer edits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="99"/>
        <source>These layers have edits that are not saved to their files yet: {layers}.

QFieldCloud may replace or send those files. Save the edits first, or discard them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="99"/>
        <source>Save the edits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="99"/>
        <source>Discard the edits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="108"/>
        <source>Nothing was transferred: {layers} still have unsaved edits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="116"/>
        <source>Could not save the edits of {layer}: {errors}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="130"/>
        <source>Reloaded the layers {layers}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="135"/>
        <source>Your previous versions of {count} replaced files are in {folder}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="149"/>
        <source>{name} has no finished package yet: packaging it now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="153"/>
        <source>Package out of date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="153"/>
        <source>The data of {name} changed since it was last packaged. Create a fresh package first?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="171"/>
        <source>Checking the package of {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="193"/>
        <source>The package of {name} holds no QGIS project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="204"/>
        <source>Downloading the package of {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="218"/>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="218"/>
        <source>The current project has unsaved changes. Save them before opening {name}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="218"/>
        <source>Save and open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="218"/>
        <source>Discard changes and open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="224"/>
        <source>The package of {name} was not opened; it is in {folder}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="229"/>
        <source>Could not save the current project: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="245"/>
        <source>Opened {name}, but these layers are invalid: {layers}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="252"/>
        <source>Opened the package of {name}: %n layer(s).</source>
        <translation type="unfinished">
            <numerusform>Opened the package of {name}: %n layer.</numerusform>
            <numerusform>Opened the package of {name}: %n layers.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/projects_flows.py" line="27"/>
        <source>Created the cloud project {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/projects_flows.py" line="37"/>
        <source>Creating the cloud project {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/projects_flows.py" line="48"/>
        <source>Delete cloud project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/projects_flows.py" line="48"/>
        <source>Delete the cloud project {name} and all its files from QFieldCloud? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/projects_flows.py" line="57"/>
        <source>Deleted the cloud project {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/projects_flows.py" line="60"/>
        <source>Deleting the cloud project {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/projects_flows.py" line="77"/>
        <source>Started a {job_type} job on {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/projects_flows.py" line="81"/>
        <source>Starting a {job_type} job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/projects_flows.py" line="101"/>
        <source>The {job_type} job of {name} failed. Select it in the Jobs tab and click &quot;Show output&quot; for details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/projects_flows.py" line="114"/>
        <source>Checking a QFieldCloud job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/projects_flows.py" line="131"/>
        <source>This job has no output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/projects_flows.py" line="132"/>
        <source>Output of the {job_type} job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/projects_flows.py" line="134"/>
        <source>Loading the job output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/projects_flows.py" line="140"/>
        <source>Loading jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/projects_flows.py" line="140"/>
        <source>Could not load the jobs: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/projects_flows.py" line="152"/>
        <source>Comparing files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/projects_flows.py" line="152"/>
        <source>Could not load the files: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/projects_flows.py" line="164"/>
        <source>Loading collaborators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/projects_flows.py" line="164"/>
        <source>Could not load the collaborators: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="28"/>
        <source>Save the QGIS project to a file first: its folder is what gets uploaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="34"/>
        <source>This is a QFieldCloud package, the offline copy QField uses, not your project: it is never uploaded or synchronized. Open the project you uploaded, or get a working copy with &quot;Download files…&quot; in the QFieldCloud dock, and upload or synchronize from there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="61"/>
        <source>Save the project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="52"/>
        <source>The project has unsaved changes. Save it before synchronizing? Synchronizing may replace the project file with the QFieldCloud version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="59"/>
        <source>Synchronization cancelled: save the project first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="61"/>
        <source>The project has unsaved changes. Save it before uploading? Otherwise the last saved version is uploaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="68"/>
        <source>Uploading the last saved version of the project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="71"/>
        <source>Could not save the project: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="162"/>
        <source>Synchronization of {name} stopped: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="257"/>
        <source>Could not flush recent edits of {files}; stop editing those layers and retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="129"/>
        <source>Synchronization cancelled: nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="135"/>
        <source>Synchronized {name}: {uploaded} uploaded, {downloaded} downloaded, {deleted_local} deleted here, {deleted_remote} deleted on QFieldCloud, {failed} failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="147"/>
        <source>QFieldCloud&apos;s copies kept beside yours: {files}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="151"/>
        <source>Replaced and deleted local files were moved to {folder}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="164"/>
        <source>Synchronizing {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="194"/>
        <source>The project file was updated from QFieldCloud; reopen it to see the changes (your unsaved changes are still in the open project).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="207"/>
        <source>Create the cloud project {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="210"/>
        <source>Link to {owner}/{name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="211"/>
        <source>Link to QFieldCloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="211"/>
        <source>This project is not linked to a QFieldCloud project yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="231"/>
        <source>{file} changed on QFieldCloud since your last sync, and here too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="233"/>
        <source>{file} differs on QFieldCloud and was never synced from this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="234"/>
        <source>Keep QFieldCloud&apos;s version: nothing is uploaded for this file, and yours stays here; Synchronize can then settle it. Overwrite it with mine: your file replaces QFieldCloud&apos;s, which stays in the file&apos;s version history on QFieldCloud.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="243"/>
        <source>Changed on QFieldCloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="243"/>
        <source>Keep QFieldCloud&apos;s version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="243"/>
        <source>Overwrite it with mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/upload_review.py" line="42"/>
        <source>Upload cancelled: nothing was uploaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="281"/>
        <source>Not uploaded, changed or deleted only on QFieldCloud: {files}. Use Synchronize to bring those changes here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="290"/>
        <source>Nothing was uploaded. These files differ from QFieldCloud and were left as they are on both sides: {files}. Use Synchronize to settle them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="299"/>
        <source>{name} is up to date: {skipped} files unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="309"/>
        <source>Uploaded {name}: {uploaded} uploaded, {skipped} unchanged, {failed} failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="316"/>
        <source>Left as they are on QFieldCloud, and different from yours: {files}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="327"/>
        <source>Upload of {name} stopped: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="329"/>
        <source>Uploading {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/project_check.py" line="39"/>
        <source>The project is not saved yet: save it in a folder of its own, which is what gets uploaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/project_check.py" line="56"/>
        <source>The project stores absolute paths: on a phone or tablet they point nowhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/project_check.py" line="56"/>
        <source>Save with relative paths</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/project_check.py" line="105"/>
        <source>Write them into the GeoPackage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/project_check.py" line="162"/>
        <source>The project is saved in {folder}, a folder of all your files. Only the files you tick in the upload list are sent, but a folder of its own (Project ▸ Save As…) keeps the project together.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/project_check.py" line="167"/>
        <source>{folder} holds more than {count} files: more than a project usually has. Check the upload list, or save the project in a folder of its own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/layer_check.py" line="48"/>
        <source>The layer &quot;{name}&quot; has no data: its source is missing. The packager leaves it out. Repair its source (right-click ▸ Repair Data Source), or leave it out of the package.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/layer_check.py" line="114"/>
        <source>Leave it out of the package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/layer_check.py" line="62"/>
        <source>The layer &quot;{name}&quot; is a scratch layer: its features exist only in this QGIS session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/layer_check.py" line="62"/>
        <source>Save it into a GeoPackage in the project folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/layer_check.py" line="75"/>
        <source>The layer &quot;{name}&quot; has edits that are not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/layer_check.py" line="75"/>
        <source>The layer &quot;{name}&quot; is in edit mode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/layer_check.py" line="75"/>
        <source>Save the edits and stop editing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/layer_check.py" line="100"/>
        <source>The data of &quot;{name}&quot; is outside the project folder ({path}): it would not be uploaded, and QField would get a broken layer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/layer_check.py" line="100"/>
        <source>Copy it into the project folder (the original stays as it is)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/layer_check.py" line="114"/>
        <source>QField cannot open &quot;{name}&quot; ({file}): the packager leaves it out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/layer_check.py" line="128"/>
        <source>The data of &quot;{name}&quot; is {size}: every device downloads all of it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/layer_check.py" line="165"/>
        <source>The layer &quot;{name}&quot; logs in with the QGIS authentication configuration {id}, which exists only in this QGIS: QField has no such configuration, so the layer will fail or ask there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/layer_check.py" line="177"/>
        <source>The layer &quot;{name}&quot; has no usable primary key (one column, or a field named fid): QField gets it read-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/layer_check.py" line="194"/>
        <source>The layer &quot;{name}&quot; ({provider}) is copied for offline editing when the project is packaged: the QFieldCloud server must reach its source then, and edits made in QField are sent back to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/layer_check.py" line="199"/>
        <source>The layer &quot;{name}&quot; ({provider}) stays online: QField needs the network and access to the database server on the device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/layer_check.py" line="204"/>
        <source>The layer &quot;{name}&quot; ({provider}) is a web service: QField shows it only with a network connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/layer_check.py" line="215"/>
        <source>The attachment field &quot;{field}&quot; of &quot;{name}&quot; stores absolute paths: photos taken in QField would point outside the project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/layer_check.py" line="215"/>
        <source>Store paths relative to the project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/layer_check.py" line="243"/>
        <source>The attachments of &quot;{field}&quot; in &quot;{name}&quot; are kept in {root}, outside the project folder: they are not uploaded. Move them into the project folder&apos;s attachment folders.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/project_fixes.py" line="79"/>
        <source>Saving the project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/project_fixes.py" line="124"/>
        <source>Could not read {source}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/project_fixes.py" line="172"/>
        <source>The copy in {path} could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/project_fixes.py" line="206"/>
        <source>{name} is in use by another program; close it and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/qfield_settings.py" line="111"/>
        <source>Offline editing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/qfield_settings.py" line="113"/>
        <source>Copy the file as it is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/qfield_settings.py" line="113"/>
        <source>Keep online (direct access)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/qfield_settings.py" line="115"/>
        <source>Remove from the package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/qfield_settings.py" line="117"/>
        <source>Copy (cable export only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="277"/>
        <source>Nothing was uploaded: every file was left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="320"/>
        <source>Not uploaded, as you chose: {count} files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/upload_review.py" line="26"/>
        <source>The open project has no layers yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/upload_review.py" line="30"/>
        <source>QField settings set: they are saved with the project, and used at its next packaging.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/upload_review.py" line="54"/>
        <source>Some fixes could not be applied: {errors}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/upload_review.py" line="64"/>
        <source>The fixes stopped: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/upload_review.py" line="70"/>
        <source>Fixing the project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/upload_review.py" line="92"/>
        <source>Could not write .qfieldcloudignore: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/plugin.py" line="79"/>
        <source>QField settings of the project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/upload.py" line="41"/>
        <source>Uploads the files of a local folder to a QFieldCloud project: only the files that differ from the server&apos;s unless Force is checked, GeoPackages flushed first, the QGIS project file last. Hidden files and those in .qfieldcloudignore stay local. The QGIS project in the folder is checked first, as the toolbar&apos;s Upload does: what would reach QField broken stops the upload unless accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/upload.py" line="60"/>
        <source>Upload even when the project check finds what blocks it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/upload.py" line="109"/>
        <source>Could not read {file} to check it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/upload.py" line="121"/>
        <source>The project check found what would reach QField broken: {findings}. Fix it (the toolbar&apos;s Upload offers the fixes), or run again with &quot;Upload even when the project check finds what blocks it&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/project_check.py" line="105"/>
        <source>{name} has edits not yet written into the GeoPackage itself (its -wal file). The upload writes them in first, unless another program holds the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/layer_check.py" line="230"/>
        <source>In &quot;{name}&quot;, {count} attachments of &quot;{field}&quot; are files outside the project folder, such as {example}: they are not uploaded, and QField shows them as missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/layer_check.py" line="141"/>
        <source>The file of &quot;{name}&quot; has letters outside ASCII in its path ({file}): some devices may not open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/layer_check.py" line="153"/>
        <source>The layer &quot;{name}&quot; is encoded in {encoding}, not UTF-8: QField may show its text wrongly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/project_check.py" line="66"/>
        <source>The project sets its own home path ({path}): QField does not support it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/project_check.py" line="66"/>
        <source>Use the project file&apos;s folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/project_check.py" line="82"/>
        <source>QFieldCloud refuses these file names, so they cannot be uploaded: {names}. Rename them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/project_check.py" line="94"/>
        <source>Other files share the project&apos;s base name, which may confuse QField: {names}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CloudActions</name>
    <message>
        <location filename="../qfieldcloud_plugin/gui/workflows.py" line="47"/>
        <source>QFieldCloud</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CloudDock</name>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="49"/>
        <source>QFieldCloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="140"/>
        <source>Log out (QFieldCloud ends your sessions on every device, QField included)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="153"/>
        <source>Upload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="154"/>
        <source>Upload the open project&apos;s changed files to QFieldCloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="174"/>
        <source>Search projects by name or owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="176"/>
        <source>Public</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="177"/>
        <source>Also list the public projects of other users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="179"/>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="181"/>
        <source>New cloud project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="183"/>
        <source>Delete the selected project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="202"/>
        <source>Double-click a project to open its package in the map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="344"/>
        <source>Load more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="237"/>
        <source>Open in map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="238"/>
        <source>Download the latest package and open it in QGIS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="240"/>
        <source>Package again, then open in map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="248"/>
        <source>Download files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="250"/>
        <source>Package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="251"/>
        <source>Start a package job (what QField downloads)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="253"/>
        <source>Process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="254"/>
        <source>Start a process_projectfile job (re-reads the QGIS project)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="281"/>
        <source>You are not logged in to QFieldCloud.
Log in to see your projects, their jobs and files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="281"/>
        <source>Log in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="344"/>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="295"/>
        <source>{user} on {server}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="307"/>
        <source>Open project ↔ {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="309"/>
        <source>Open project: not linked yet (the upload button offers to link it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="311"/>
        <source>Open project: not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="327"/>
        <source>Could not load the projects: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="329"/>
        <source>Loading projects…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="329"/>
        <source>%n project(s), loading more…</source>
        <translation>
            <numerusform>%n project, loading more…</numerusform>
            <numerusform>%n projects, loading more…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="331"/>
        <source>No project matches &quot;{search}&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="333"/>
        <source>You have no QFieldCloud projects yet. Create one with the + button, or upload the open QGIS project from the toolbar.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="338"/>
        <source>%n project(s)</source>
        <translation>
            <numerusform>%n project</numerusform>
            <numerusform>%n projects</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="340"/>
        <source>%n project(s) shown, more on the server</source>
        <translation>
            <numerusform>%n project shown, more on the server</numerusform>
            <numerusform>%n projects shown, more on the server</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="373"/>
        <source>Select a project to see its jobs, files and collaborators.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="375"/>
        <source>no description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="156"/>
        <source>Synchronize</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="157"/>
        <source>Compare the open project&apos;s folder with QFieldCloud, show what would change, then upload, download and delete as you confirm</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CollaboratorsModel</name>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="319"/>
        <source>Collaborator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="319"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CreateProjectDialog</name>
    <message>
        <location filename="../qfieldcloud_plugin/gui/create_dialog.py" line="15"/>
        <source>New QFieldCloud project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/create_dialog.py" line="19"/>
        <source>letters, digits, - _ . only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/create_dialog.py" line="21"/>
        <source>Your username, or an organization where you may create projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/create_dialog.py" line="23"/>
        <source>Public (anyone can read it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/create_dialog.py" line="24"/>
        <source>Upload the open QGIS project into it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/create_dialog.py" line="28"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/create_dialog.py" line="29"/>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/create_dialog.py" line="30"/>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilesModel</name>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="288"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="288"/>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="288"/>
        <source>Local copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="299"/>
        <source>up to date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="300"/>
        <source>differs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="301"/>
        <source>not downloaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="302"/>
        <source>project not linked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="303"/>
        <source>checking…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobsModel</name>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="253"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="253"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="253"/>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="253"/>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="257"/>
        <source>Package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="258"/>
        <source>Process project file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="259"/>
        <source>Apply changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="260"/>
        <source>Create project</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../qfieldcloud_plugin/gui/login_dialog.py" line="30"/>
        <source>Log in to QFieldCloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/login_dialog.py" line="34"/>
        <source>Log in with your QFieldCloud account. Self-hosted servers work too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/login_dialog.py" line="36"/>
        <source>This address is not encrypted (http://): your password and data would travel in clear text. Use https:// unless the server is on this machine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/login_dialog.py" line="54"/>
        <source>The QFieldCloud server, e.g. https://app.qfield.cloud/ or your own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/login_dialog.py" line="64"/>
        <source>Username or email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/login_dialog.py" line="65"/>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/login_dialog.py" line="59"/>
        <source>Remember me (the token is kept in the QGIS password manager)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/login_dialog.py" line="63"/>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/login_dialog.py" line="70"/>
        <source>Log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/login_dialog.py" line="123"/>
        <source>Logging in to {server}…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProjectCheckDialog</name>
    <message>
        <location filename="../qfieldcloud_plugin/gui/check_dialog.py" line="34"/>
        <source>Check the project before uploading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/check_dialog.py" line="44"/>
        <source>Finding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/check_dialog.py" line="44"/>
        <source>Fix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/check_dialog.py" line="59"/>
        <source>(no automatic fix)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/check_dialog.py" line="68"/>
        <source>Upload anyway, with what blocks: I know QField will miss it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/check_dialog.py" line="72"/>
        <source>Apply the ticked fixes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/check_dialog.py" line="73"/>
        <source>Upload without fixing</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../qfieldcloud_plugin/gui/check_dialog.py" line="95"/>
        <source>%n finding(s) block the upload</source>
        <translation>
            <numerusform>%n finding blocks the upload</numerusform>
            <numerusform>%n findings block the upload</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qfieldcloud_plugin/gui/check_dialog.py" line="97"/>
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qfieldcloud_plugin/gui/check_dialog.py" line="99"/>
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/check_dialog.py" line="100"/>
        <source>Each fix is done only when you click Apply: data outside the folder is copied in, and the originals stay as they are.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProjectTabs</name>
    <message>
        <location filename="../qfieldcloud_plugin/gui/project_tabs.py" line="51"/>
        <source>Show output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/project_tabs.py" line="59"/>
        <source>Jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/project_tabs.py" line="60"/>
        <source>Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/project_tabs.py" line="61"/>
        <source>Collaborators</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProjectsModel</name>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="122"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="123"/>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="124"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="125"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="126"/>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="127"/>
        <source>Visibility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="141"/>
        <source>Public</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="141"/>
        <source>Private</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="149"/>
        <source>Ready: the QGIS project was processed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="150"/>
        <source>A job is pending or running on this project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="151"/>
        <source>No processed QGIS project file yet (upload one), or too many collaborators for the plan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="193"/>
        <source>Loading QFieldCloud projects</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QFieldSettingsDialog</name>
    <message>
        <location filename="../qfieldcloud_plugin/gui/qfield_settings_dialog.py" line="55"/>
        <source>QField settings of the project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/qfield_settings_dialog.py" line="61"/>
        <source>What QField gets of each layer when QFieldCloud packages the project. The settings are those of QFieldSync, saved in the project file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/qfield_settings_dialog.py" line="89"/>
        <source>Layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/qfield_settings_dialog.py" line="69"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/qfield_settings_dialog.py" line="69"/>
        <source>In QField</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/qfield_settings_dialog.py" line="109"/>
        <source>Folders of the project that hold photos and other attachments, separated by commas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/qfield_settings_dialog.py" line="113"/>
        <source>Attachment folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/qfield_settings_dialog.py" line="89"/>
        <source>Attachment field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/qfield_settings_dialog.py" line="89"/>
        <source>File name in QField</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/qfield_settings_dialog.py" line="106"/>
        <source>A QGIS expression naming each new photo or file taken in QField.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/qfield_settings_dialog.py" line="180"/>
        <source>scratch layer, in memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/qfield_settings_dialog.py" line="130"/>
        <source>Create a base map when the project is packaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/qfield_settings_dialog.py" line="134"/>
        <source>Map theme:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/qfield_settings_dialog.py" line="136"/>
        <source>Layer: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/qfield_settings_dialog.py" line="152"/>
        <source>Use the current map extent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/qfield_settings_dialog.py" line="155"/>
        <source>Rendered from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/qfield_settings_dialog.py" line="156"/>
        <source>Map theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/qfield_settings_dialog.py" line="157"/>
        <source>Zoom level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/qfield_settings_dialog.py" line="158"/>
        <source>Area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/qfield_settings_dialog.py" line="163"/>
        <source>{crs}: {wkt}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/qfield_settings_dialog.py" line="163"/>
        <source>(none yet)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../qfieldcloud_plugin/gui/settings_dialog.py" line="13"/>
        <source>QFieldCloud settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/settings_dialog.py" line="27"/>
        <source>Packages go to &lt;folder&gt;/&lt;owner&gt;/&lt;project&gt;/.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/settings_dialog.py" line="30"/>
        <source>Download folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/settings_dialog.py" line="32"/>
        <source>Transfers running at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/settings_dialog.py" line="33"/>
        <source>Files per transfer in parallel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/settings_dialog.py" line="34"/>
        <source>Projects per page</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncPlanDialog</name>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="42"/>
        <source>Synchronize with QFieldCloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="49"/>
        <source>&lt;b&gt;{name}&lt;/b&gt;: this is what synchronizing will do. Nothing changes until you click Synchronize.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="59"/>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="59"/>
        <source>What happens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="59"/>
        <source>Your choice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="68"/>
        <source>First synchronization of this folder: nothing is deleted, and files that differ are shown as conflicts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="75"/>
        <source>Local files that are deleted or replaced are moved to the .qfieldcloud/trash folder of the project, never erased.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="86"/>
        <source>Synchronize</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="100"/>
        <source>Conflicts: changed on both sides (%n)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="101"/>
        <source>Upload to QFieldCloud (%n)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="102"/>
        <source>Download from QFieldCloud (%n)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="103"/>
        <source>Delete on this computer (%n)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="104"/>
        <source>Delete on QFieldCloud (%n)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="105"/>
        <source>Unchanged (%n)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="112"/>
        <source>{upload} to upload, {download} to download, {delete_local} to delete here, {delete_remote} to delete on QFieldCloud, {conflicts} conflicts, {unchanged} unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="128"/>
        <source>changed here and on QFieldCloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="129"/>
        <source>differs here and on QFieldCloud, never synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="130"/>
        <source>deleted here, changed on QFieldCloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="131"/>
        <source>changed here, deleted on QFieldCloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="135"/>
        <source>changed here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="135"/>
        <source>new here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="138"/>
        <source>changed on QFieldCloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="138"/>
        <source>new on QFieldCloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="141"/>
        <source>deleted on QFieldCloud; moved to the trash here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="143"/>
        <source>deleted here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="145"/>
        <source>same change on both sides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="146"/>
        <source>identical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="173"/>
        <source>Restore it from QFieldCloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="178"/>
        <source>Delete it on QFieldCloud too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="186"/>
        <source>Keep mine (upload it again)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="238"/>
        <source>untick to keep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="87"/>
        <source>Choose what to do with each conflict first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="154"/>
        <source>%n edit(s) from {user}</source>
        <translation>
            <numerusform>%n edit from {user}</numerusform>
            <numerusform>%n edits from {user}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="154"/>
        <source>since your last sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="163"/>
        <source>%n new version(s) on QFieldCloud since your last sync</source>
        <translation>
            <numerusform>%n new version on QFieldCloud since your last sync</numerusform>
            <numerusform>%n new versions on QFieldCloud since your last sync</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="168"/>
        <source>yours is moved to the .qfieldcloud/trash folder here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="170"/>
        <source>QFieldCloud&apos;s copy ({news})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="170"/>
        <source>QFieldCloud&apos;s copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="173"/>
        <source>{theirs} is downloaded here again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="178"/>
        <source>{theirs} is deleted on QFieldCloud, with its version history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="186"/>
        <source>Your copy is uploaded to QFieldCloud again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="191"/>
        <source>Delete it here too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="191"/>
        <source>It is deleted here too: {trash}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="198"/>
        <source>Keep both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="206"/>
        <source>Keep mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="206"/>
        <source>Yours replaces {theirs} on QFieldCloud; it stays in the file&apos;s version history there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="213"/>
        <source>Keep QFieldCloud&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="213"/>
        <source>{theirs} replaces yours here; {trash}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="247"/>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="253"/>
        <source>Choose what happens to this file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="255"/>
        <source>On QFieldCloud: {news}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="198"/>
        <source>Yours is uploaded and replaces {theirs} on QFieldCloud, where that stays in the file&apos;s version history and is also saved here beside yours.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UploadListDialog</name>
    <message>
        <location filename="../qfieldcloud_plugin/gui/upload_list_dialog.py" line="29"/>
        <source>What to upload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/upload_list_dialog.py" line="33"/>
        <source>The project file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/upload_list_dialog.py" line="34"/>
        <source>Data of its layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/upload_list_dialog.py" line="35"/>
        <source>Attachments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/upload_list_dialog.py" line="36"/>
        <source>Other files in the folder, not used by the project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/upload_list_dialog.py" line="39"/>
        <source>unticked: looks private (document, archive, video)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/upload_list_dialog.py" line="40"/>
        <source>unticked: large, and not used by the project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/upload_list_dialog.py" line="43"/>
        <source>&lt;b&gt;{name}&lt;/b&gt;: these files are new or changed. Untick what should stay on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/upload_list_dialog.py" line="51"/>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/upload_list_dialog.py" line="51"/>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/upload_list_dialog.py" line="51"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/upload_list_dialog.py" line="71"/>
        <source>Remember: never upload the unticked files (in .qfieldcloudignore)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/upload_list_dialog.py" line="75"/>
        <source>Upload</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../qfieldcloud_plugin/gui/upload_list_dialog.py" line="97"/>
        <source>%n file(s) will be uploaded</source>
        <translation>
            <numerusform>%n file will be uploaded</numerusform>
            <numerusform>%n files will be uploaded</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qfieldcloud_plugin/gui/upload_list_dialog.py" line="97"/>
        <source>%n left out</source>
        <translation>
            <numerusform>%n left out</numerusform>
            <numerusform>%n left out</numerusform>
        </translation>
    </message>
</context>
</TS>
