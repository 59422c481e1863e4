<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>@default</name>
    <message>
        <location filename="../qfieldcloud_plugin/core/session.py" line="24"/>
        <source>Cannot reach the server {server}. Check your network connection and the server address.</source>
        <translation>Der Server {server} ist nicht erreichbar. Prüfen Sie die Netzwerkverbindung und die Serveradresse.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/session.py" line="29"/>
        <source>Too many failed login attempts. Wait 30 minutes and try again.</source>
        <translation>Zu viele fehlgeschlagene Anmeldeversuche. Warten Sie 30 Minuten und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/session.py" line="31"/>
        <source>Wrong username, email or password.</source>
        <translation>Falscher Benutzername, falsche E-Mail-Adresse oder falsches Passwort.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/session.py" line="32"/>
        <source>Your QFieldCloud session has expired. Please log in again.</source>
        <translation>Ihre QFieldCloud-Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/session.py" line="34"/>
        <source>You are not allowed to do this on QFieldCloud ({message}).</source>
        <translation>Dazu fehlt Ihnen auf QFieldCloud die Berechtigung ({message}).</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/session.py" line="36"/>
        <source>Not found on QFieldCloud; it may have been deleted.</source>
        <translation>Auf QFieldCloud nicht gefunden; möglicherweise wurde es gelöscht.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/base.py" line="161"/>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/session.py" line="40"/>
        <source>A downloaded file is corrupt ({error}).</source>
        <translation>Eine heruntergeladene Datei ist beschädigt ({error}).</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/session.py" line="42"/>
        <source>QFieldCloud answered: {message}</source>
        <translation>QFieldCloud antwortete: {message}</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/session.py" line="44"/>
        <source>Local file error: {error}</source>
        <translation>Fehler bei einer lokalen Datei: {error}</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/session.py" line="46"/>
        <source>Unexpected error: {error}. Details are in the QFieldCloud log.</source>
        <translation>Unerwarteter Fehler: {error}. Details stehen im QFieldCloud-Protokoll.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/session.py" line="111"/>
        <source>Logging in to QFieldCloud</source>
        <translation>Anmeldung bei QFieldCloud</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/session.py" line="135"/>
        <source>Remember me</source>
        <translation>Angemeldet bleiben</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/session.py" line="135"/>
        <source>QGIS could not keep the login in its password manager (master password not entered?). You are logged in for this session only.</source>
        <translation>QGIS konnte die Anmeldung nicht in seiner Passwortverwaltung speichern (Master-Passwort nicht eingegeben?). Sie sind nur für diese Sitzung angemeldet.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/session.py" line="142"/>
        <source>Logged in to {server} as {user}</source>
        <translation>Bei {server} als {user} angemeldet</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/session.py" line="149"/>
        <source>Login to {server} failed: {error}</source>
        <translation>Anmeldung bei {server} fehlgeschlagen: {error}</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/session.py" line="161"/>
        <source>Checking the QFieldCloud login</source>
        <translation>QFieldCloud-Anmeldung wird geprüft</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/session.py" line="176"/>
        <source>Your saved QFieldCloud login has expired. Please log in again.</source>
        <translation>Ihre gespeicherte QFieldCloud-Anmeldung ist abgelaufen. Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/session.py" line="187"/>
        <source>Logging out of QFieldCloud</source>
        <translation>Abmeldung von QFieldCloud</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/session.py" line="217"/>
        <source>Please log in to QFieldCloud.</source>
        <translation>Bitte melden Sie sich bei QFieldCloud an.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/plugin.py" line="37"/>
        <source>&amp;QFieldCloud</source>
        <translation>&amp;QFieldCloud</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/plugin.py" line="60"/>
        <source>QFieldCloud</source>
        <translation>QFieldCloud</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/plugin.py" line="64"/>
        <source>QFieldCloud projects</source>
        <translation>QFieldCloud-Projekte</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/plugin.py" line="65"/>
        <source>Upload the open project to QFieldCloud</source>
        <translation>Offenes Projekt zu QFieldCloud hochladen</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/plugin.py" line="71"/>
        <source>Open the QFieldCloud package in the map</source>
        <translation>QFieldCloud-Paket in der Karte öffnen</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/plugin.py" line="75"/>
        <source>Log in to QFieldCloud…</source>
        <translation>Bei QFieldCloud anmelden…</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/plugin.py" line="77"/>
        <source>Settings…</source>
        <translation>Einstellungen…</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/plugin.py" line="176"/>
        <source>Select a project in the QFieldCloud dock first.</source>
        <translation>Wählen Sie zuerst ein Projekt im QFieldCloud-Bedienfeld aus.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/browser.py" line="83"/>
        <source>Your QFieldCloud projects</source>
        <translation>Ihre QFieldCloud-Projekte</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/browser.py" line="88"/>
        <source>Log in to QFieldCloud to see your projects.</source>
        <translation>Melden Sie sich bei QFieldCloud an, um Ihre Projekte zu sehen.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/browser.py" line="134"/>
        <source>{name}: {size} bytes on QFieldCloud</source>
        <translation>{name}: {size} Bytes auf QFieldCloud</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/browser.py" line="142"/>
        <source>Latest package</source>
        <translation>Neuestes Paket</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/browser.py" line="156"/>
        <source>No package yet ({error}).</source>
        <translation>Noch kein Paket ({error}).</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/browser.py" line="162"/>
        <source>The latest package is {status}.</source>
        <translation>Das neueste Paket ist {status}.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/browser.py" line="181"/>
        <source>{name}: not downloaded yet (Open the latest package, in the context menu)</source>
        <translation>{name}: noch nicht heruntergeladen (Neuestes Paket öffnen, im Kontextmenü)</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/browser_menu.py" line="26"/>
        <source>Open the latest package</source>
        <translation>Neuestes Paket öffnen</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/browser_menu.py" line="29"/>
        <source>Download project files…</source>
        <translation>Projektdateien herunterladen…</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/plugin.py" line="67"/>
        <source>Synchronize the open project with QFieldCloud…</source>
        <translation>Offenes Projekt mit QFieldCloud synchronisieren…</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/base.py" line="57"/>
        <source>No QFieldCloud login: log in with the plugin and remember the login, or give a token (TOKEN parameter or QFIELDCLOUD_TOKEN environment variable).</source>
        <translation>Keine QFieldCloud-Anmeldung: Melden Sie sich im Plugin an und lassen Sie die Anmeldung speichern, oder geben Sie ein Token an (Parameter TOKEN oder Umgebungsvariable QFIELDCLOUD_TOKEN).</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/base.py" line="117"/>
        <source>Project (owner/name or id)</source>
        <translation>Projekt (Besitzer/Name oder ID)</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/base.py" line="135"/>
        <source>API token (empty: the stored login)</source>
        <translation>API-Token (leer: die gespeicherte Anmeldung)</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/base.py" line="136"/>
        <source>Server URL (empty: the stored login&apos;s)</source>
        <translation>Server-URL (leer: die der gespeicherten Anmeldung)</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/base.py" line="189"/>
        <source>No QFieldCloud project {project}.</source>
        <translation>Kein QFieldCloud-Projekt {project}.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/base.py" line="190"/>
        <source>Several QFieldCloud projects are named {project}: write it as owner/name.</source>
        <translation>Mehrere QFieldCloud-Projekte heißen {project}: Schreiben Sie es als Besitzer/Name.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/base.py" line="203"/>
        <source>{count} file(s) failed: {names}</source>
        <translation>{count} Datei(en) fehlgeschlagen: {names}</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/download.py" line="22"/>
        <source>Download project files</source>
        <translation>Projektdateien herunterladen</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/download.py" line="25"/>
        <source>Downloads the files of a QFieldCloud project into a folder. Files that are already identical locally are not downloaded again unless Force is checked; nothing in the folder changes when a file fails.</source>
        <translation>Lädt die Dateien eines QFieldCloud-Projekts in einen Ordner herunter. Lokal bereits identische Dateien werden nur mit „Erzwingen“ erneut heruntergeladen; schlägt eine Datei fehl, bleibt der Ordner unverändert.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/upload.py" line="56"/>
        <source>Only files matching (glob)</source>
        <translation>Nur passende Dateien (Glob-Muster)</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/base.py" line="122"/>
        <source>Download unchanged files too</source>
        <translation>Auch unveränderte Dateien herunterladen</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/package.py" line="51"/>
        <source>Destination folder</source>
        <translation>Zielordner</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/package.py" line="57"/>
        <source>Files downloaded</source>
        <translation>Heruntergeladene Dateien</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/upload.py" line="68"/>
        <source>Files unchanged</source>
        <translation>Unveränderte Dateien</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/download.py" line="38"/>
        <source>Downloaded files (one per line)</source>
        <translation>Heruntergeladene Dateien (eine pro Zeile)</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/download.py" line="53"/>
        <source>Downloaded {downloaded} file(s) of {owner}/{name}, {skipped} unchanged.</source>
        <translation>{downloaded} Datei(en) von {owner}/{name} heruntergeladen, {skipped} unverändert.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/job.py" line="32"/>
        <source>Trigger a job and wait for it</source>
        <translation>Job starten und abwarten</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/job.py" line="35"/>
        <source>Starts a job on QFieldCloud (package for QField, process the project file, or apply the deltas sent from QField) and, unless Wait is unchecked, waits until it has finished. A failed job makes the algorithm fail. A running package job is reused unless Force is checked.</source>
        <translation>Startet einen Job auf QFieldCloud (Paket für QField, Projektdatei verarbeiten oder die von QField gesendeten Deltas anwenden) und wartet, sofern „Warten“ aktiviert ist, bis er beendet ist. Ein fehlgeschlagener Job lässt den Algorithmus fehlschlagen. Ein laufender Paket-Job wird wiederverwendet, außer „Erzwingen“ ist aktiviert.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/job.py" line="44"/>
        <source>Job</source>
        <translation>Job</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/job.py" line="44"/>
        <source>Package for QField</source>
        <translation>Paket für QField</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/job.py" line="44"/>
        <source>Process the project file</source>
        <translation>Projektdatei verarbeiten</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/job.py" line="44"/>
        <source>Apply deltas</source>
        <translation>Deltas anwenden</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/job.py" line="52"/>
        <source>Start a new job even if one runs</source>
        <translation>Neuen Job starten, auch wenn einer läuft</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/job.py" line="55"/>
        <source>Wait until the job has finished</source>
        <translation>Warten, bis der Job beendet ist</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/job.py" line="58"/>
        <source>Give up waiting after (seconds)</source>
        <translation>Warten abbrechen nach (Sekunden)</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/job.py" line="68"/>
        <source>Job id</source>
        <translation>Job-ID</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/job.py" line="69"/>
        <source>Job status</source>
        <translation>Job-Status</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/job.py" line="75"/>
        <source>Job {job_id} ({job_type}) is {status}.</source>
        <translation>Job {job_id} ({job_type}) ist {status}.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/job.py" line="90"/>
        <source>Job {job_id} has not finished after {seconds} s.</source>
        <translation>Job {job_id} ist nach {seconds} s nicht beendet.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/job.py" line="97"/>
        <source>Job {job_id} ended with status {status}.</source>
        <translation>Job {job_id} endete mit Status {status}.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/job.py" line="100"/>
        <source>Job {job_id} has finished.</source>
        <translation>Job {job_id} ist beendet.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/package.py" line="36"/>
        <source>Download the latest package</source>
        <translation>Neuestes Paket herunterladen</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/package.py" line="39"/>
        <source>Downloads the files of the project&apos;s latest finished package, the offline copy QField uses. Without a destination folder it goes where the plugin keeps packages. With Load layers checked, the package&apos;s GeoPackage layers are added to the open project when the algorithm ends. Outputs the path of the package&apos;s QGIS project file.</source>
        <translation>Lädt die Dateien des neuesten fertigen Pakets des Projekts herunter, die Offline-Kopie, die QField verwendet. Ohne Zielordner landet es dort, wo das Plugin Pakete ablegt. Mit „Layer laden“ werden die GeoPackage-Layer des Pakets am Ende des Algorithmus dem offenen Projekt hinzugefügt. Gibt den Pfad der QGIS-Projektdatei des Pakets aus.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/package.py" line="49"/>
        <source>Load the package&apos;s layers</source>
        <translation>Layer des Pakets laden</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/package.py" line="56"/>
        <source>Package project file</source>
        <translation>Projektdatei des Pakets</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/package.py" line="58"/>
        <source>Package layers</source>
        <translation>Layer des Pakets</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/package.py" line="85"/>
        <source>Package of {owner}/{name} in {folder}.</source>
        <translation>Paket von {owner}/{name} in {folder}.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/projects.py" line="49"/>
        <source>List projects</source>
        <translation>Projekte auflisten</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/projects.py" line="52"/>
        <source>Writes the QFieldCloud projects you have a role on (and, if asked, the public ones) into a table: id, owner, name, description, your role, status, dates and storage.</source>
        <translation>Schreibt die QFieldCloud-Projekte, in denen Sie eine Rolle haben (und auf Wunsch die öffentlichen), in eine Tabelle: ID, Besitzer, Name, Beschreibung, Ihre Rolle, Status, Daten und Speicherplatz.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/projects.py" line="58"/>
        <source>Include public projects</source>
        <translation>Öffentliche Projekte einschließen</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/projects.py" line="62"/>
        <source>Projects</source>
        <translation>Projekte</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/projects.py" line="65"/>
        <source>Number of projects</source>
        <translation>Anzahl der Projekte</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/projects.py" line="79"/>
        <source>{count} project(s).</source>
        <translation>{count} Projekt(e).</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/provider.py" line="37"/>
        <source>QFieldCloud projects, files, jobs and packages</source>
        <translation>QFieldCloud-Projekte, -Dateien, -Jobs und -Pakete</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/upload.py" line="38"/>
        <source>Upload project folder</source>
        <translation>Projektordner hochladen</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/upload.py" line="51"/>
        <source>Local folder</source>
        <translation>Lokaler Ordner</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/upload.py" line="57"/>
        <source>Upload unchanged files too</source>
        <translation>Auch unveränderte Dateien hochladen</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/upload.py" line="66"/>
        <source>Project id</source>
        <translation>Projekt-ID</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/upload.py" line="67"/>
        <source>Files uploaded</source>
        <translation>Hochgeladene Dateien</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/upload.py" line="69"/>
        <source>Uploaded files (one per line)</source>
        <translation>Hochgeladene Dateien (eine pro Zeile)</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/upload.py" line="78"/>
        <source>{name} is in use elsewhere; its latest edits may be missing.</source>
        <translation>{name} wird anderswo verwendet; die letzten Änderungen fehlen möglicherweise.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/upload.py" line="89"/>
        <source>Uploaded {uploaded} file(s) to {owner}/{name}, {skipped} unchanged.</source>
        <translation>{uploaded} Datei(en) nach {owner}/{name} hochgeladen, {skipped} unverändert.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/base.py" line="214"/>
        <source>{count} local file(s) differed and were replaced; their previous versions are in {folder}.</source>
        <translation>{count} lokale Datei(en) wichen ab und wurden ersetzt; die bisherigen Fassungen liegen in {folder}.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="25"/>
        <source>Download the project files into</source>
        <translation>Projektdateien herunterladen nach</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="33"/>
        <source>Downloaded {name} into {folder}: {done} downloaded, {skipped} unchanged, {failed} failed.</source>
        <translation>{name} nach {folder} heruntergeladen: {done} heruntergeladen, {skipped} unverändert, {failed} fehlgeschlagen.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="51"/>
        <source>Downloading {name}</source>
        <translation>{name} wird heruntergeladen</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="72"/>
        <source>Replace local files?</source>
        <translation>Lokale Dateien ersetzen?</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="72"/>
        <source>These files in {folder} differ from QFieldCloud and will be replaced by its version:
{files}

Your versions will be kept in {trash}. Replace them?</source>
        <translation>Diese Dateien in {folder} weichen von QFieldCloud ab und werden durch die dortige Fassung ersetzt:
{files}

Ihre Fassungen werden in {trash} aufbewahrt. Ersetzen?</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="79"/>
        <source>Nothing was downloaded: your local files are unchanged.</source>
        <translation>Nichts wurde heruntergeladen: Ihre lokalen Dateien sind unverändert.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="109"/>
        <source>Comparing {folder} with {name}</source>
        <translation>{folder} wird mit {name} verglichen</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="99"/>
        <source>Unsaved layer edits</source>
        <translation>Ungespeicherte Layer-Änderungen</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="99"/>
        <source>These layers have edits that are not saved to their files yet: {layers}.

QFieldCloud may replace or send those files. Save the edits first, or discard them?</source>
        <translation>Diese Layer haben Änderungen, die noch nicht in ihre Dateien gespeichert sind: {layers}.

QFieldCloud kann diese Dateien ersetzen oder hochladen. Die Änderungen zuerst speichern oder verwerfen?</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="99"/>
        <source>Save the edits</source>
        <translation>Änderungen speichern</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="99"/>
        <source>Discard the edits</source>
        <translation>Änderungen verwerfen</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="108"/>
        <source>Nothing was transferred: {layers} still have unsaved edits.</source>
        <translation>Nichts wurde übertragen: {layers} haben noch ungespeicherte Änderungen.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="116"/>
        <source>Could not save the edits of {layer}: {errors}</source>
        <translation>Die Änderungen von {layer} konnten nicht gespeichert werden: {errors}</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="130"/>
        <source>Reloaded the layers {layers}.</source>
        <translation>Layer neu geladen: {layers}.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="135"/>
        <source>Your previous versions of {count} replaced files are in {folder}.</source>
        <translation>Ihre bisherigen Fassungen der {count} ersetzten Dateien liegen in {folder}.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="149"/>
        <source>{name} has no finished package yet: packaging it now.</source>
        <translation>{name} hat noch kein fertiges Paket: es wird jetzt erstellt.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="153"/>
        <source>Package out of date</source>
        <translation>Paket veraltet</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="153"/>
        <source>The data of {name} changed since it was last packaged. Create a fresh package first?</source>
        <translation>Die Daten von {name} haben sich seit dem letzten Paketieren geändert. Zuerst ein neues Paket erstellen?</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="171"/>
        <source>Checking the package of {name}</source>
        <translation>Paket von {name} wird geprüft</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="193"/>
        <source>The package of {name} holds no QGIS project.</source>
        <translation>Das Paket von {name} enthält kein QGIS-Projekt.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="204"/>
        <source>Downloading the package of {name}</source>
        <translation>Paket von {name} wird heruntergeladen</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="218"/>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="218"/>
        <source>The current project has unsaved changes. Save them before opening {name}?</source>
        <translation>Das aktuelle Projekt hat ungespeicherte Änderungen. Vor dem Öffnen von {name} speichern?</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="218"/>
        <source>Save and open</source>
        <translation>Speichern und öffnen</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="218"/>
        <source>Discard changes and open</source>
        <translation>Änderungen verwerfen und öffnen</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="224"/>
        <source>The package of {name} was not opened; it is in {folder}.</source>
        <translation>Das Paket von {name} wurde nicht geöffnet; es liegt in {folder}.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="229"/>
        <source>Could not save the current project: {error}</source>
        <translation>Das aktuelle Projekt konnte nicht gespeichert werden: {error}</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="245"/>
        <source>Opened {name}, but these layers are invalid: {layers}</source>
        <translation>{name} geöffnet, aber diese Layer sind ungültig: {layers}</translation>
    </message>
    <message numerus="yes">
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="252"/>
        <source>Opened the package of {name}: %n layer(s).</source>
        <translation>
            <numerusform>Paket von {name} geöffnet: %n Layer.</numerusform>
            <numerusform>Paket von {name} geöffnet: %n Layer.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/projects_flows.py" line="27"/>
        <source>Created the cloud project {name}.</source>
        <translation>Cloud-Projekt {name} erstellt.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/projects_flows.py" line="37"/>
        <source>Creating the cloud project {name}</source>
        <translation>Cloud-Projekt {name} wird erstellt</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/projects_flows.py" line="48"/>
        <source>Delete cloud project</source>
        <translation>Cloud-Projekt löschen</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/projects_flows.py" line="48"/>
        <source>Delete the cloud project {name} and all its files from QFieldCloud? This cannot be undone.</source>
        <translation>Das Cloud-Projekt {name} mit allen Dateien aus QFieldCloud löschen? Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/projects_flows.py" line="57"/>
        <source>Deleted the cloud project {name}.</source>
        <translation>Cloud-Projekt {name} gelöscht.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/projects_flows.py" line="60"/>
        <source>Deleting the cloud project {name}</source>
        <translation>Cloud-Projekt {name} wird gelöscht</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/projects_flows.py" line="77"/>
        <source>Started a {job_type} job on {name}.</source>
        <translation>Auftrag {job_type} für {name} gestartet.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/projects_flows.py" line="81"/>
        <source>Starting a {job_type} job</source>
        <translation>Auftrag {job_type} wird gestartet</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/projects_flows.py" line="101"/>
        <source>The {job_type} job of {name} failed. Select it in the Jobs tab and click &quot;Show output&quot; for details.</source>
        <translation>Der Auftrag {job_type} von {name} ist fehlgeschlagen. Wählen Sie ihn im Reiter „Aufträge“ aus und klicken Sie auf „Ausgabe anzeigen“, um Details zu sehen.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/projects_flows.py" line="114"/>
        <source>Checking a QFieldCloud job</source>
        <translation>QFieldCloud-Auftrag wird geprüft</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/projects_flows.py" line="131"/>
        <source>This job has no output.</source>
        <translation>Dieser Auftrag hat keine Ausgabe.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/projects_flows.py" line="132"/>
        <source>Output of the {job_type} job</source>
        <translation>Ausgabe des Auftrags {job_type}</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/projects_flows.py" line="134"/>
        <source>Loading the job output</source>
        <translation>Auftragsausgabe wird geladen</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/projects_flows.py" line="140"/>
        <source>Loading jobs</source>
        <translation>Aufträge werden geladen</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/projects_flows.py" line="140"/>
        <source>Could not load the jobs: {error}</source>
        <translation>Die Aufträge konnten nicht geladen werden: {error}</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/projects_flows.py" line="152"/>
        <source>Comparing files</source>
        <translation>Dateien werden verglichen</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/projects_flows.py" line="152"/>
        <source>Could not load the files: {error}</source>
        <translation>Die Dateien konnten nicht geladen werden: {error}</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/projects_flows.py" line="164"/>
        <source>Loading collaborators</source>
        <translation>Mitarbeitende werden geladen</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/projects_flows.py" line="164"/>
        <source>Could not load the collaborators: {error}</source>
        <translation>Die Mitarbeitenden konnten nicht geladen werden: {error}</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="28"/>
        <source>Save the QGIS project to a file first: its folder is what gets uploaded.</source>
        <translation>Speichern Sie das QGIS-Projekt zuerst in eine Datei: hochgeladen wird sein Ordner.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="34"/>
        <source>This is a QFieldCloud package, the offline copy QField uses, not your project: it is never uploaded or synchronized. Open the project you uploaded, or get a working copy with &quot;Download files…&quot; in the QFieldCloud dock, and upload or synchronize from there.</source>
        <translation>Dies ist ein QFieldCloud-Paket, die Offline-Kopie für QField, nicht Ihr Projekt: Es wird nie hochgeladen oder synchronisiert. Öffnen Sie das Projekt, das Sie hochgeladen haben, oder holen Sie sich mit „Dateien herunterladen…“ im QFieldCloud-Bedienfeld eine Arbeitskopie und laden Sie von dort hoch oder synchronisieren Sie dort.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="61"/>
        <source>Save the project</source>
        <translation>Projekt speichern</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="52"/>
        <source>The project has unsaved changes. Save it before synchronizing? Synchronizing may replace the project file with the QFieldCloud version.</source>
        <translation>Das Projekt hat ungespeicherte Änderungen. Vor dem Synchronisieren speichern? Die Synchronisierung kann die Projektdatei durch die Version aus QFieldCloud ersetzen.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="59"/>
        <source>Synchronization cancelled: save the project first.</source>
        <translation>Synchronisierung abgebrochen: Speichern Sie zuerst das Projekt.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="61"/>
        <source>The project has unsaved changes. Save it before uploading? Otherwise the last saved version is uploaded.</source>
        <translation>Das Projekt hat ungespeicherte Änderungen. Vor dem Hochladen speichern? Sonst wird die zuletzt gespeicherte Fassung hochgeladen.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="68"/>
        <source>Uploading the last saved version of the project.</source>
        <translation>Die zuletzt gespeicherte Fassung des Projekts wird hochgeladen.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="71"/>
        <source>Could not save the project: {error}</source>
        <translation>Das Projekt konnte nicht gespeichert werden: {error}</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="162"/>
        <source>Synchronization of {name} stopped: {error}</source>
        <translation>Synchronisierung von {name} abgebrochen: {error}</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="257"/>
        <source>Could not flush recent edits of {files}; stop editing those layers and retry.</source>
        <translation>Die letzten Änderungen an {files} konnten nicht geschrieben werden; beenden Sie die Bearbeitung dieser Layer und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="129"/>
        <source>Synchronization cancelled: nothing was changed.</source>
        <translation>Synchronisierung abgebrochen: Es wurde nichts geändert.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="135"/>
        <source>Synchronized {name}: {uploaded} uploaded, {downloaded} downloaded, {deleted_local} deleted here, {deleted_remote} deleted on QFieldCloud, {failed} failed.</source>
        <translation>{name} synchronisiert: {uploaded} hochgeladen, {downloaded} heruntergeladen, {deleted_local} hier gelöscht, {deleted_remote} auf QFieldCloud gelöscht, {failed} fehlgeschlagen.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="147"/>
        <source>QFieldCloud&apos;s copies kept beside yours: {files}.</source>
        <translation>Kopien aus QFieldCloud neben Ihren aufbewahrt: {files}.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="151"/>
        <source>Replaced and deleted local files were moved to {folder}.</source>
        <translation>Ersetzte und gelöschte lokale Dateien wurden nach {folder} verschoben.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="164"/>
        <source>Synchronizing {name}</source>
        <translation>{name} wird synchronisiert</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="194"/>
        <source>The project file was updated from QFieldCloud; reopen it to see the changes (your unsaved changes are still in the open project).</source>
        <translation>Die Projektdatei wurde aus QFieldCloud aktualisiert; öffnen Sie sie erneut, um die Änderungen zu sehen (Ihre ungespeicherten Änderungen sind noch im offenen Projekt).</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="207"/>
        <source>Create the cloud project {name}</source>
        <translation>Cloud-Projekt {name} erstellen</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="210"/>
        <source>Link to {owner}/{name}</source>
        <translation>Mit {owner}/{name} verknüpfen</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="211"/>
        <source>Link to QFieldCloud</source>
        <translation>Mit QFieldCloud verknüpfen</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="211"/>
        <source>This project is not linked to a QFieldCloud project yet.</source>
        <translation>Dieses Projekt ist noch mit keinem QFieldCloud-Projekt verknüpft.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="231"/>
        <source>{file} changed on QFieldCloud since your last sync, and here too.</source>
        <translation>{file} wurde seit Ihrer letzten Synchronisierung auf QFieldCloud geändert, und hier ebenfalls.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="233"/>
        <source>{file} differs on QFieldCloud and was never synced from this computer.</source>
        <translation>{file} ist auf QFieldCloud anders und wurde von diesem Computer nie synchronisiert.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="234"/>
        <source>Keep QFieldCloud&apos;s version: nothing is uploaded for this file, and yours stays here; Synchronize can then settle it. Overwrite it with mine: your file replaces QFieldCloud&apos;s, which stays in the file&apos;s version history on QFieldCloud.</source>
        <translation>QFieldCloud-Fassung behalten: Für diese Datei wird nichts hochgeladen, Ihre bleibt hier; „Synchronisieren“ kann sie danach klären. Mit meiner überschreiben: Ihre Datei ersetzt die von QFieldCloud, die im Versionsverlauf der Datei auf QFieldCloud bleibt.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="243"/>
        <source>Changed on QFieldCloud</source>
        <translation>Auf QFieldCloud geändert</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="243"/>
        <source>Keep QFieldCloud&apos;s version</source>
        <translation>QFieldCloud-Fassung behalten</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="243"/>
        <source>Overwrite it with mine</source>
        <translation>Mit meiner überschreiben</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/upload_review.py" line="42"/>
        <source>Upload cancelled: nothing was uploaded.</source>
        <translation>Hochladen abgebrochen: nichts wurde hochgeladen.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="281"/>
        <source>Not uploaded, changed or deleted only on QFieldCloud: {files}. Use Synchronize to bring those changes here.</source>
        <translation>Nicht hochgeladen, nur auf QFieldCloud geändert oder gelöscht: {files}. Verwenden Sie „Synchronisieren“, um diese Änderungen hierher zu holen.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="290"/>
        <source>Nothing was uploaded. These files differ from QFieldCloud and were left as they are on both sides: {files}. Use Synchronize to settle them.</source>
        <translation>Nichts wurde hochgeladen. Diese Dateien unterscheiden sich von QFieldCloud und wurden auf beiden Seiten belassen: {files}. Klären Sie sie mit „Synchronisieren“.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="299"/>
        <source>{name} is up to date: {skipped} files unchanged.</source>
        <translation>{name} ist aktuell: {skipped} Dateien unverändert.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="309"/>
        <source>Uploaded {name}: {uploaded} uploaded, {skipped} unchanged, {failed} failed.</source>
        <translation>{name} hochgeladen: {uploaded} hochgeladen, {skipped} unverändert, {failed} fehlgeschlagen.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="316"/>
        <source>Left as they are on QFieldCloud, and different from yours: {files}.</source>
        <translation>Auf QFieldCloud belassen und anders als Ihre: {files}.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="327"/>
        <source>Upload of {name} stopped: {error}</source>
        <translation>Hochladen von {name} abgebrochen: {error}</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="329"/>
        <source>Uploading {name}</source>
        <translation>{name} wird hochgeladen</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/project_check.py" line="39"/>
        <source>The project is not saved yet: save it in a folder of its own, which is what gets uploaded.</source>
        <translation>Das Projekt ist noch nicht gespeichert: Speichern Sie es in einem eigenen Ordner; dieser wird hochgeladen.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/project_check.py" line="56"/>
        <source>The project stores absolute paths: on a phone or tablet they point nowhere.</source>
        <translation>Das Projekt speichert absolute Pfade: Auf einem Telefon oder Tablet zeigen sie ins Leere.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/project_check.py" line="56"/>
        <source>Save with relative paths</source>
        <translation>Mit relativen Pfaden speichern</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/project_check.py" line="105"/>
        <source>Write them into the GeoPackage</source>
        <translation>In das GeoPackage schreiben</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/project_check.py" line="162"/>
        <source>The project is saved in {folder}, a folder of all your files. Only the files you tick in the upload list are sent, but a folder of its own (Project ▸ Save As…) keeps the project together.</source>
        <translation>Das Projekt ist in {folder} gespeichert, einem Ordner für all Ihre Dateien. Nur die Dateien, die Sie in der Upload-Liste ankreuzen, werden gesendet; ein eigener Ordner (Projekt ▸ Speichern unter…) hält das Projekt aber zusammen.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/project_check.py" line="167"/>
        <source>{folder} holds more than {count} files: more than a project usually has. Check the upload list, or save the project in a folder of its own.</source>
        <translation>{folder} enthält mehr als {count} Dateien: mehr, als ein Projekt meist hat. Prüfen Sie die Upload-Liste, oder speichern Sie das Projekt in einem eigenen Ordner.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/layer_check.py" line="48"/>
        <source>The layer &quot;{name}&quot; has no data: its source is missing. The packager leaves it out. Repair its source (right-click ▸ Repair Data Source), or leave it out of the package.</source>
        <translation>Der Layer „{name}“ hat keine Daten: Seine Quelle fehlt. Das Paketieren lässt ihn weg. Reparieren Sie seine Quelle (Rechtsklick ▸ Datenquelle reparieren), oder lassen Sie ihn aus dem Paket.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/layer_check.py" line="114"/>
        <source>Leave it out of the package</source>
        <translation>Aus dem Paket weglassen</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/layer_check.py" line="62"/>
        <source>The layer &quot;{name}&quot; is a scratch layer: its features exist only in this QGIS session.</source>
        <translation>Der Layer „{name}“ ist ein temporärer Layer: Seine Objekte gibt es nur in dieser QGIS-Sitzung.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/layer_check.py" line="62"/>
        <source>Save it into a GeoPackage in the project folder</source>
        <translation>In einem GeoPackage im Projektordner speichern</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/layer_check.py" line="75"/>
        <source>The layer &quot;{name}&quot; has edits that are not saved.</source>
        <translation>Der Layer „{name}“ hat ungespeicherte Änderungen.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/layer_check.py" line="75"/>
        <source>The layer &quot;{name}&quot; is in edit mode.</source>
        <translation>Der Layer „{name}“ ist im Bearbeitungsmodus.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/layer_check.py" line="75"/>
        <source>Save the edits and stop editing</source>
        <translation>Änderungen speichern und Bearbeitung beenden</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/layer_check.py" line="100"/>
        <source>The data of &quot;{name}&quot; is outside the project folder ({path}): it would not be uploaded, and QField would get a broken layer.</source>
        <translation>Die Daten von „{name}“ liegen außerhalb des Projektordners ({path}): Sie würden nicht hochgeladen, und QField bekäme einen defekten Layer.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/layer_check.py" line="100"/>
        <source>Copy it into the project folder (the original stays as it is)</source>
        <translation>In den Projektordner kopieren (das Original bleibt, wie es ist)</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/layer_check.py" line="114"/>
        <source>QField cannot open &quot;{name}&quot; ({file}): the packager leaves it out.</source>
        <translation>QField kann „{name}“ ({file}) nicht öffnen: Das Paketieren lässt ihn weg.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/layer_check.py" line="128"/>
        <source>The data of &quot;{name}&quot; is {size}: every device downloads all of it.</source>
        <translation>Die Daten von „{name}“ umfassen {size}: Jedes Gerät lädt sie ganz herunter.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/layer_check.py" line="165"/>
        <source>The layer &quot;{name}&quot; logs in with the QGIS authentication configuration {id}, which exists only in this QGIS: QField has no such configuration, so the layer will fail or ask there.</source>
        <translation>Der Layer „{name}“ meldet sich mit der QGIS-Authentifizierungskonfiguration {id} an, die es nur in diesem QGIS gibt: QField hat keine solche Konfiguration, der Layer schlägt dort fehl oder fragt nach.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/layer_check.py" line="177"/>
        <source>The layer &quot;{name}&quot; has no usable primary key (one column, or a field named fid): QField gets it read-only.</source>
        <translation>Der Layer „{name}“ hat keinen brauchbaren Primärschlüssel (eine Spalte, oder ein Feld namens fid): QField erhält ihn schreibgeschützt.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/layer_check.py" line="194"/>
        <source>The layer &quot;{name}&quot; ({provider}) is copied for offline editing when the project is packaged: the QFieldCloud server must reach its source then, and edits made in QField are sent back to it.</source>
        <translation>Der Layer „{name}“ ({provider}) wird beim Paketieren für die Offline-Bearbeitung kopiert: Der QFieldCloud-Server muss seine Quelle dann erreichen, und in QField gemachte Änderungen werden dorthin zurückgeschickt.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/layer_check.py" line="199"/>
        <source>The layer &quot;{name}&quot; ({provider}) stays online: QField needs the network and access to the database server on the device.</source>
        <translation>Der Layer „{name}“ ({provider}) bleibt online: QField braucht auf dem Gerät das Netz und Zugang zum Datenbankserver.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/layer_check.py" line="204"/>
        <source>The layer &quot;{name}&quot; ({provider}) is a web service: QField shows it only with a network connection.</source>
        <translation>Der Layer „{name}“ ({provider}) ist ein Webdienst: QField zeigt ihn nur mit Netzverbindung.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/layer_check.py" line="215"/>
        <source>The attachment field &quot;{field}&quot; of &quot;{name}&quot; stores absolute paths: photos taken in QField would point outside the project.</source>
        <translation>Das Anhangsfeld „{field}“ von „{name}“ speichert absolute Pfade: In QField aufgenommene Fotos würden aus dem Projekt heraus zeigen.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/layer_check.py" line="215"/>
        <source>Store paths relative to the project</source>
        <translation>Pfade relativ zum Projekt speichern</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/layer_check.py" line="243"/>
        <source>The attachments of &quot;{field}&quot; in &quot;{name}&quot; are kept in {root}, outside the project folder: they are not uploaded. Move them into the project folder&apos;s attachment folders.</source>
        <translation>Die Anhänge von „{field}“ in „{name}“ liegen in {root}, außerhalb des Projektordners: Sie werden nicht hochgeladen. Verschieben Sie sie in die Anhangsordner des Projektordners.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/project_fixes.py" line="79"/>
        <source>Saving the project</source>
        <translation>Speichern des Projekts</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/project_fixes.py" line="124"/>
        <source>Could not read {source}.</source>
        <translation>{source} konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/project_fixes.py" line="172"/>
        <source>The copy in {path} could not be opened.</source>
        <translation>Die Kopie in {path} konnte nicht geöffnet werden.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/project_fixes.py" line="206"/>
        <source>{name} is in use by another program; close it and try again.</source>
        <translation>{name} wird von einem anderen Programm benutzt; schließen Sie es und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/qfield_settings.py" line="111"/>
        <source>Offline editing</source>
        <translation>Offline-Bearbeitung</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/qfield_settings.py" line="113"/>
        <source>Copy the file as it is</source>
        <translation>Datei unverändert kopieren</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/qfield_settings.py" line="113"/>
        <source>Keep online (direct access)</source>
        <translation>Online lassen (direkter Zugriff)</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/qfield_settings.py" line="115"/>
        <source>Remove from the package</source>
        <translation>Aus dem Paket entfernen</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/qfield_settings.py" line="117"/>
        <source>Copy (cable export only)</source>
        <translation>Kopieren (nur Kabel-Export)</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="277"/>
        <source>Nothing was uploaded: every file was left out.</source>
        <translation>Nichts wurde hochgeladen: Alle Dateien wurden weggelassen.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="320"/>
        <source>Not uploaded, as you chose: {count} files.</source>
        <translation>Nicht hochgeladen, wie von Ihnen gewählt: {count} Dateien.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/upload_review.py" line="26"/>
        <source>The open project has no layers yet.</source>
        <translation>Das geöffnete Projekt hat noch keine Layer.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/upload_review.py" line="30"/>
        <source>QField settings set: they are saved with the project, and used at its next packaging.</source>
        <translation>QField-Einstellungen gesetzt: Sie werden mit dem Projekt gespeichert und beim nächsten Paketieren verwendet.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/upload_review.py" line="54"/>
        <source>Some fixes could not be applied: {errors}</source>
        <translation>Einige Korrekturen konnten nicht angewendet werden: {errors}</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/upload_review.py" line="64"/>
        <source>The fixes stopped: {error}</source>
        <translation>Die Korrekturen wurden abgebrochen: {error}</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/upload_review.py" line="70"/>
        <source>Fixing the project</source>
        <translation>Projekt wird korrigiert</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/upload_review.py" line="92"/>
        <source>Could not write .qfieldcloudignore: {error}</source>
        <translation>.qfieldcloudignore konnte nicht geschrieben werden: {error}</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/plugin.py" line="79"/>
        <source>QField settings of the project…</source>
        <translation>QField-Einstellungen des Projekts…</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/upload.py" line="41"/>
        <source>Uploads the files of a local folder to a QFieldCloud project: only the files that differ from the server&apos;s unless Force is checked, GeoPackages flushed first, the QGIS project file last. Hidden files and those in .qfieldcloudignore stay local. The QGIS project in the folder is checked first, as the toolbar&apos;s Upload does: what would reach QField broken stops the upload unless accepted.</source>
        <translation>Lädt die Dateien eines lokalen Ordners in ein QFieldCloud-Projekt hoch: nur die Dateien, die sich von denen des Servers unterscheiden (außer „Erzwingen“ ist angekreuzt), GeoPackages zuerst geleert, die QGIS-Projektdatei zuletzt. Versteckte Dateien und die in .qfieldcloudignore bleiben lokal. Das QGIS-Projekt im Ordner wird zuerst geprüft, wie beim Hochladen über die Werkzeugleiste: Was QField defekt erreichen würde, hält den Upload an, außer es wird akzeptiert.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/upload.py" line="60"/>
        <source>Upload even when the project check finds what blocks it</source>
        <translation>Auch hochladen, wenn die Projektprüfung Blockierendes findet</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/upload.py" line="109"/>
        <source>Could not read {file} to check it.</source>
        <translation>{file} konnte zur Prüfung nicht gelesen werden.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/upload.py" line="121"/>
        <source>The project check found what would reach QField broken: {findings}. Fix it (the toolbar&apos;s Upload offers the fixes), or run again with &quot;Upload even when the project check finds what blocks it&quot;.</source>
        <translation>Die Projektprüfung hat gefunden, was QField defekt erreichen würde: {findings}. Beheben Sie es (das Hochladen über die Werkzeugleiste bietet die Korrekturen an), oder starten Sie erneut mit „Auch hochladen, wenn die Projektprüfung Blockierendes findet“.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/project_check.py" line="105"/>
        <source>{name} has edits not yet written into the GeoPackage itself (its -wal file). The upload writes them in first, unless another program holds the file.</source>
        <translation>{name} hat Änderungen, die noch nicht in das GeoPackage selbst geschrieben sind (seine -wal-Datei). Der Upload schreibt sie zuerst hinein, außer ein anderes Programm hält die Datei.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/layer_check.py" line="230"/>
        <source>In &quot;{name}&quot;, {count} attachments of &quot;{field}&quot; are files outside the project folder, such as {example}: they are not uploaded, and QField shows them as missing.</source>
        <translation>In „{name}“ sind {count} Anhänge von „{field}“ Dateien außerhalb des Projektordners, etwa {example}: Sie werden nicht hochgeladen, und QField zeigt sie als fehlend.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/layer_check.py" line="141"/>
        <source>The file of &quot;{name}&quot; has letters outside ASCII in its path ({file}): some devices may not open it.</source>
        <translation>Die Datei von „{name}“ hat Zeichen außerhalb von ASCII in ihrem Pfad ({file}): Manche Geräte können sie nicht öffnen.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/layer_check.py" line="153"/>
        <source>The layer &quot;{name}&quot; is encoded in {encoding}, not UTF-8: QField may show its text wrongly.</source>
        <translation>Der Layer „{name}“ ist in {encoding} kodiert, nicht in UTF-8: QField zeigt seinen Text womöglich falsch an.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/project_check.py" line="66"/>
        <source>The project sets its own home path ({path}): QField does not support it.</source>
        <translation>Das Projekt setzt einen eigenen Stammpfad ({path}): QField unterstützt das nicht.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/project_check.py" line="66"/>
        <source>Use the project file&apos;s folder</source>
        <translation>Den Ordner der Projektdatei verwenden</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/project_check.py" line="82"/>
        <source>QFieldCloud refuses these file names, so they cannot be uploaded: {names}. Rename them.</source>
        <translation>QFieldCloud lehnt diese Dateinamen ab, sie können also nicht hochgeladen werden: {names}. Benennen Sie sie um.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/project_check.py" line="94"/>
        <source>Other files share the project&apos;s base name, which may confuse QField: {names}.</source>
        <translation>Andere Dateien teilen den Grundnamen des Projekts, was QField verwirren kann: {names}.</translation>
    </message>
</context>
<context>
    <name>CloudActions</name>
    <message>
        <location filename="../qfieldcloud_plugin/gui/workflows.py" line="47"/>
        <source>QFieldCloud</source>
        <translation>QFieldCloud</translation>
    </message>
</context>
<context>
    <name>CloudDock</name>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="49"/>
        <source>QFieldCloud</source>
        <translation>QFieldCloud</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="140"/>
        <source>Log out (QFieldCloud ends your sessions on every device, QField included)</source>
        <translation>Abmelden (QFieldCloud beendet Ihre Sitzungen auf allen Geräten, auch in QField)</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="153"/>
        <source>Upload</source>
        <translation>Hochladen</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="154"/>
        <source>Upload the open project&apos;s changed files to QFieldCloud</source>
        <translation>Die geänderten Dateien des offenen Projekts zu QFieldCloud hochladen</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="174"/>
        <source>Search projects by name or owner</source>
        <translation>Projekte nach Name oder Eigentümer suchen</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="176"/>
        <source>Public</source>
        <translation>Öffentlich</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="177"/>
        <source>Also list the public projects of other users</source>
        <translation>Auch öffentliche Projekte anderer Benutzer anzeigen</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="179"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="181"/>
        <source>New cloud project</source>
        <translation>Neues Cloud-Projekt</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="183"/>
        <source>Delete the selected project</source>
        <translation>Ausgewähltes Projekt löschen</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="202"/>
        <source>Double-click a project to open its package in the map</source>
        <translation>Doppelklicken Sie auf ein Projekt, um sein Paket in der Karte zu öffnen</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="344"/>
        <source>Load more</source>
        <translation>Mehr laden</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="237"/>
        <source>Open in map</source>
        <translation>In Karte öffnen</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="238"/>
        <source>Download the latest package and open it in QGIS</source>
        <translation>Das neueste Paket herunterladen und in QGIS öffnen</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="240"/>
        <source>Package again, then open in map</source>
        <translation>Neu paketieren, dann in Karte öffnen</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="248"/>
        <source>Download files…</source>
        <translation>Dateien herunterladen…</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="250"/>
        <source>Package</source>
        <translation>Paket</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="251"/>
        <source>Start a package job (what QField downloads)</source>
        <translation>Paketierungsauftrag starten (was QField herunterlädt)</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="253"/>
        <source>Process</source>
        <translation>Verarbeiten</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="254"/>
        <source>Start a process_projectfile job (re-reads the QGIS project)</source>
        <translation>Auftrag process_projectfile starten (liest das QGIS-Projekt neu ein)</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="281"/>
        <source>You are not logged in to QFieldCloud.
Log in to see your projects, their jobs and files.</source>
        <translation>Sie sind nicht bei QFieldCloud angemeldet.
Melden Sie sich an, um Ihre Projekte mit Aufträgen und Dateien zu sehen.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="281"/>
        <source>Log in…</source>
        <translation>Anmelden…</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="344"/>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="295"/>
        <source>{user} on {server}</source>
        <translation>{user} auf {server}</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="307"/>
        <source>Open project ↔ {name}</source>
        <translation>Offenes Projekt ↔ {name}</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="309"/>
        <source>Open project: not linked yet (the upload button offers to link it)</source>
        <translation>Offenes Projekt: noch nicht verknüpft (die Schaltfläche „Hochladen“ bietet die Verknüpfung an)</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="311"/>
        <source>Open project: not saved</source>
        <translation>Offenes Projekt: nicht gespeichert</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="327"/>
        <source>Could not load the projects: {error}</source>
        <translation>Die Projekte konnten nicht geladen werden: {error}</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="329"/>
        <source>Loading projects…</source>
        <translation>Projekte werden geladen…</translation>
    </message>
    <message numerus="yes">
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="329"/>
        <source>%n project(s), loading more…</source>
        <translation>
            <numerusform>%n Projekt, weitere werden geladen…</numerusform>
            <numerusform>%n Projekte, weitere werden geladen…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="331"/>
        <source>No project matches &quot;{search}&quot;.</source>
        <translation>Kein Projekt passt zu „{search}“.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="333"/>
        <source>You have no QFieldCloud projects yet. Create one with the + button, or upload the open QGIS project from the toolbar.</source>
        <translation>Sie haben noch keine QFieldCloud-Projekte. Erstellen Sie eines mit der Schaltfläche +, oder laden Sie das offene QGIS-Projekt über die Werkzeugleiste hoch.</translation>
    </message>
    <message numerus="yes">
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="338"/>
        <source>%n project(s)</source>
        <translation>
            <numerusform>%n Projekt</numerusform>
            <numerusform>%n Projekte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="340"/>
        <source>%n project(s) shown, more on the server</source>
        <translation>
            <numerusform>%n Projekt angezeigt, weitere auf dem Server</numerusform>
            <numerusform>%n Projekte angezeigt, weitere auf dem Server</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="373"/>
        <source>Select a project to see its jobs, files and collaborators.</source>
        <translation>Wählen Sie ein Projekt aus, um seine Aufträge, Dateien und Mitarbeitenden zu sehen.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="375"/>
        <source>no description</source>
        <translation>keine Beschreibung</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="156"/>
        <source>Synchronize</source>
        <translation>Synchronisieren</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="157"/>
        <source>Compare the open project&apos;s folder with QFieldCloud, show what would change, then upload, download and delete as you confirm</source>
        <translation>Den Ordner des offenen Projekts mit QFieldCloud vergleichen, die Änderungen anzeigen und nach Ihrer Bestätigung hoch-, herunterladen und löschen</translation>
    </message>
</context>
<context>
    <name>CollaboratorsModel</name>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="319"/>
        <source>Collaborator</source>
        <translation>Mitarbeiter/in</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="319"/>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
</context>
<context>
    <name>CreateProjectDialog</name>
    <message>
        <location filename="../qfieldcloud_plugin/gui/create_dialog.py" line="15"/>
        <source>New QFieldCloud project</source>
        <translation>Neues QFieldCloud-Projekt</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/create_dialog.py" line="19"/>
        <source>letters, digits, - _ . only</source>
        <translation>nur Buchstaben, Ziffern, - _ .</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/create_dialog.py" line="21"/>
        <source>Your username, or an organization where you may create projects</source>
        <translation>Ihr Benutzername oder eine Organisation, in der Sie Projekte erstellen dürfen</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/create_dialog.py" line="23"/>
        <source>Public (anyone can read it)</source>
        <translation>Öffentlich (alle dürfen es lesen)</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/create_dialog.py" line="24"/>
        <source>Upload the open QGIS project into it</source>
        <translation>Das offene QGIS-Projekt hineinladen</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/create_dialog.py" line="28"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/create_dialog.py" line="29"/>
        <source>Owner</source>
        <translation>Eigentümer</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/create_dialog.py" line="30"/>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
</context>
<context>
    <name>FilesModel</name>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="288"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="288"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="288"/>
        <source>Local copy</source>
        <translation>Lokale Kopie</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="299"/>
        <source>up to date</source>
        <translation>aktuell</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="300"/>
        <source>differs</source>
        <translation>abweichend</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="301"/>
        <source>not downloaded</source>
        <translation>nicht heruntergeladen</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="302"/>
        <source>project not linked</source>
        <translation>Projekt nicht verknüpft</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="303"/>
        <source>checking…</source>
        <translation>wird geprüft…</translation>
    </message>
</context>
<context>
    <name>JobsModel</name>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="253"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="253"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="253"/>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="253"/>
        <source>Finished</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="257"/>
        <source>Package</source>
        <translation>Paket</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="258"/>
        <source>Process project file</source>
        <translation>Projektdatei verarbeiten</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="259"/>
        <source>Apply changes</source>
        <translation>Änderungen anwenden</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="260"/>
        <source>Create project</source>
        <translation>Projekt erstellen</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../qfieldcloud_plugin/gui/login_dialog.py" line="30"/>
        <source>Log in to QFieldCloud</source>
        <translation>Bei QFieldCloud anmelden</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/login_dialog.py" line="34"/>
        <source>Log in with your QFieldCloud account. Self-hosted servers work too.</source>
        <translation>Melden Sie sich mit Ihrem QFieldCloud-Konto an. Selbst betriebene Server funktionieren auch.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/login_dialog.py" line="36"/>
        <source>This address is not encrypted (http://): your password and data would travel in clear text. Use https:// unless the server is on this machine.</source>
        <translation>Diese Adresse ist unverschlüsselt (http://): Passwort und Daten würden im Klartext übertragen. Verwenden Sie https://, außer der Server läuft auf diesem Rechner.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/login_dialog.py" line="54"/>
        <source>The QFieldCloud server, e.g. https://app.qfield.cloud/ or your own.</source>
        <translation>Der QFieldCloud-Server, z. B. https://app.qfield.cloud/ oder Ihr eigener.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/login_dialog.py" line="64"/>
        <source>Username or email</source>
        <translation>Benutzername oder E-Mail</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/login_dialog.py" line="65"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/login_dialog.py" line="59"/>
        <source>Remember me (the token is kept in the QGIS password manager)</source>
        <translation>Angemeldet bleiben (das Token wird in der QGIS-Passwortverwaltung gespeichert)</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/login_dialog.py" line="63"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/login_dialog.py" line="70"/>
        <source>Log in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/login_dialog.py" line="123"/>
        <source>Logging in to {server}…</source>
        <translation>Anmeldung bei {server}…</translation>
    </message>
</context>
<context>
    <name>ProjectCheckDialog</name>
    <message>
        <location filename="../qfieldcloud_plugin/gui/check_dialog.py" line="34"/>
        <source>Check the project before uploading</source>
        <translation>Projekt vor dem Hochladen prüfen</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/check_dialog.py" line="44"/>
        <source>Finding</source>
        <translation>Befund</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/check_dialog.py" line="44"/>
        <source>Fix</source>
        <translation>Korrektur</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/check_dialog.py" line="59"/>
        <source>(no automatic fix)</source>
        <translation>(keine automatische Korrektur)</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/check_dialog.py" line="68"/>
        <source>Upload anyway, with what blocks: I know QField will miss it</source>
        <translation>Trotzdem hochladen, mit dem Blockierenden: Ich weiß, dass es QField fehlen wird</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/check_dialog.py" line="72"/>
        <source>Apply the ticked fixes</source>
        <translation>Angekreuzte Korrekturen anwenden</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/check_dialog.py" line="73"/>
        <source>Upload without fixing</source>
        <translation>Ohne Korrektur hochladen</translation>
    </message>
    <message numerus="yes">
        <location filename="../qfieldcloud_plugin/gui/check_dialog.py" line="95"/>
        <source>%n finding(s) block the upload</source>
        <translation>
            <numerusform>%n Befund blockiert den Upload</numerusform>
            <numerusform>%n Befunde blockieren den Upload</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qfieldcloud_plugin/gui/check_dialog.py" line="97"/>
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n Warnung</numerusform>
            <numerusform>%n Warnungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qfieldcloud_plugin/gui/check_dialog.py" line="99"/>
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n Hinweis</numerusform>
            <numerusform>%n Hinweise</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/check_dialog.py" line="100"/>
        <source>Each fix is done only when you click Apply: data outside the folder is copied in, and the originals stay as they are.</source>
        <translation>Jede Korrektur geschieht erst, wenn Sie auf „Anwenden“ klicken: Daten außerhalb des Ordners werden hineinkopiert, die Originale bleiben, wie sie sind.</translation>
    </message>
</context>
<context>
    <name>ProjectTabs</name>
    <message>
        <location filename="../qfieldcloud_plugin/gui/project_tabs.py" line="51"/>
        <source>Show output</source>
        <translation>Ausgabe anzeigen</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/project_tabs.py" line="59"/>
        <source>Jobs</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/project_tabs.py" line="60"/>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/project_tabs.py" line="61"/>
        <source>Collaborators</source>
        <translation>Mitarbeitende</translation>
    </message>
</context>
<context>
    <name>ProjectsModel</name>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="122"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="123"/>
        <source>Owner</source>
        <translation>Eigentümer</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="124"/>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="125"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="126"/>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="127"/>
        <source>Visibility</source>
        <translation>Sichtbarkeit</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="141"/>
        <source>Public</source>
        <translation>Öffentlich</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="141"/>
        <source>Private</source>
        <translation>Privat</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="149"/>
        <source>Ready: the QGIS project was processed.</source>
        <translation>Bereit: das QGIS-Projekt wurde verarbeitet.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="150"/>
        <source>A job is pending or running on this project.</source>
        <translation>Für dieses Projekt ist ein Auftrag ausstehend oder in Arbeit.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="151"/>
        <source>No processed QGIS project file yet (upload one), or too many collaborators for the plan.</source>
        <translation>Noch keine verarbeitete QGIS-Projektdatei (laden Sie eine hoch), oder zu viele Mitarbeitende für das Abo.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="193"/>
        <source>Loading QFieldCloud projects</source>
        <translation>QFieldCloud-Projekte werden geladen</translation>
    </message>
</context>
<context>
    <name>QFieldSettingsDialog</name>
    <message>
        <location filename="../qfieldcloud_plugin/gui/qfield_settings_dialog.py" line="55"/>
        <source>QField settings of the project</source>
        <translation>QField-Einstellungen des Projekts</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/qfield_settings_dialog.py" line="61"/>
        <source>What QField gets of each layer when QFieldCloud packages the project. The settings are those of QFieldSync, saved in the project file.</source>
        <translation>Was QField von jedem Layer erhält, wenn QFieldCloud das Projekt paketiert. Es sind die Einstellungen von QFieldSync, gespeichert in der Projektdatei.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/qfield_settings_dialog.py" line="89"/>
        <source>Layer</source>
        <translation>Layer</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/qfield_settings_dialog.py" line="69"/>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/qfield_settings_dialog.py" line="69"/>
        <source>In QField</source>
        <translation>In QField</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/qfield_settings_dialog.py" line="109"/>
        <source>Folders of the project that hold photos and other attachments, separated by commas.</source>
        <translation>Ordner des Projekts mit Fotos und anderen Anhängen, durch Kommas getrennt.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/qfield_settings_dialog.py" line="113"/>
        <source>Attachment folders</source>
        <translation>Anhangsordner</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/qfield_settings_dialog.py" line="89"/>
        <source>Attachment field</source>
        <translation>Anhangsfeld</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/qfield_settings_dialog.py" line="89"/>
        <source>File name in QField</source>
        <translation>Dateiname in QField</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/qfield_settings_dialog.py" line="106"/>
        <source>A QGIS expression naming each new photo or file taken in QField.</source>
        <translation>Ein QGIS-Ausdruck, der jedes in QField neu aufgenommene Foto und jede neue Datei benennt.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/qfield_settings_dialog.py" line="180"/>
        <source>scratch layer, in memory</source>
        <translation>temporärer Layer, im Speicher</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/qfield_settings_dialog.py" line="130"/>
        <source>Create a base map when the project is packaged</source>
        <translation>Beim Paketieren eine Grundkarte erstellen</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/qfield_settings_dialog.py" line="134"/>
        <source>Map theme:</source>
        <translation>Kartenthema:</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/qfield_settings_dialog.py" line="136"/>
        <source>Layer: {name}</source>
        <translation>Layer: {name}</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/qfield_settings_dialog.py" line="152"/>
        <source>Use the current map extent</source>
        <translation>Aktuellen Kartenausschnitt verwenden</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/qfield_settings_dialog.py" line="155"/>
        <source>Rendered from</source>
        <translation>Gezeichnet aus</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/qfield_settings_dialog.py" line="156"/>
        <source>Map theme</source>
        <translation>Kartenthema</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/qfield_settings_dialog.py" line="157"/>
        <source>Zoom level</source>
        <translation>Zoomstufe</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/qfield_settings_dialog.py" line="158"/>
        <source>Area</source>
        <translation>Gebiet</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/qfield_settings_dialog.py" line="163"/>
        <source>{crs}: {wkt}</source>
        <translation>{crs}: {wkt}</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/qfield_settings_dialog.py" line="163"/>
        <source>(none yet)</source>
        <translation>(noch keines)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../qfieldcloud_plugin/gui/settings_dialog.py" line="13"/>
        <source>QFieldCloud settings</source>
        <translation>QFieldCloud-Einstellungen</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/settings_dialog.py" line="27"/>
        <source>Packages go to &lt;folder&gt;/&lt;owner&gt;/&lt;project&gt;/.</source>
        <translation>Pakete werden unter &lt;Ordner&gt;/&lt;Eigentümer&gt;/&lt;Projekt&gt;/ abgelegt.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/settings_dialog.py" line="30"/>
        <source>Download folder</source>
        <translation>Download-Ordner</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/settings_dialog.py" line="32"/>
        <source>Transfers running at once</source>
        <translation>Gleichzeitige Übertragungen</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/settings_dialog.py" line="33"/>
        <source>Files per transfer in parallel</source>
        <translation>Parallele Dateien je Übertragung</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/settings_dialog.py" line="34"/>
        <source>Projects per page</source>
        <translation>Projekte pro Seite</translation>
    </message>
</context>
<context>
    <name>SyncPlanDialog</name>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="42"/>
        <source>Synchronize with QFieldCloud</source>
        <translation>Mit QFieldCloud synchronisieren</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="49"/>
        <source>&lt;b&gt;{name}&lt;/b&gt;: this is what synchronizing will do. Nothing changes until you click Synchronize.</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt;: Das wird die Synchronisierung tun. Nichts ändert sich, bevor Sie auf „Synchronisieren“ klicken.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="59"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="59"/>
        <source>What happens</source>
        <translation>Was geschieht</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="59"/>
        <source>Your choice</source>
        <translation>Ihre Wahl</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="68"/>
        <source>First synchronization of this folder: nothing is deleted, and files that differ are shown as conflicts.</source>
        <translation>Erste Synchronisierung dieses Ordners: Nichts wird gelöscht, und abweichende Dateien werden als Konflikte angezeigt.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="75"/>
        <source>Local files that are deleted or replaced are moved to the .qfieldcloud/trash folder of the project, never erased.</source>
        <translation>Gelöschte oder ersetzte lokale Dateien werden in den Ordner .qfieldcloud/trash des Projekts verschoben, nie endgültig gelöscht.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="86"/>
        <source>Synchronize</source>
        <translation>Synchronisieren</translation>
    </message>
    <message numerus="yes">
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="100"/>
        <source>Conflicts: changed on both sides (%n)</source>
        <translation>
            <numerusform>Konflikte: auf beiden Seiten geändert (%n)</numerusform>
            <numerusform>Konflikte: auf beiden Seiten geändert (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="101"/>
        <source>Upload to QFieldCloud (%n)</source>
        <translation>
            <numerusform>Nach QFieldCloud hochladen (%n)</numerusform>
            <numerusform>Nach QFieldCloud hochladen (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="102"/>
        <source>Download from QFieldCloud (%n)</source>
        <translation>
            <numerusform>Von QFieldCloud herunterladen (%n)</numerusform>
            <numerusform>Von QFieldCloud herunterladen (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="103"/>
        <source>Delete on this computer (%n)</source>
        <translation>
            <numerusform>Auf diesem Computer löschen (%n)</numerusform>
            <numerusform>Auf diesem Computer löschen (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="104"/>
        <source>Delete on QFieldCloud (%n)</source>
        <translation>
            <numerusform>Auf QFieldCloud löschen (%n)</numerusform>
            <numerusform>Auf QFieldCloud löschen (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="105"/>
        <source>Unchanged (%n)</source>
        <translation>
            <numerusform>Unverändert (%n)</numerusform>
            <numerusform>Unverändert (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="112"/>
        <source>{upload} to upload, {download} to download, {delete_local} to delete here, {delete_remote} to delete on QFieldCloud, {conflicts} conflicts, {unchanged} unchanged.</source>
        <translation>{upload} hochzuladen, {download} herunterzuladen, {delete_local} hier zu löschen, {delete_remote} auf QFieldCloud zu löschen, {conflicts} Konflikte, {unchanged} unverändert.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="128"/>
        <source>changed here and on QFieldCloud</source>
        <translation>hier und auf QFieldCloud geändert</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="129"/>
        <source>differs here and on QFieldCloud, never synced</source>
        <translation>hier und auf QFieldCloud verschieden, nie synchronisiert</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="130"/>
        <source>deleted here, changed on QFieldCloud</source>
        <translation>hier gelöscht, auf QFieldCloud geändert</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="131"/>
        <source>changed here, deleted on QFieldCloud</source>
        <translation>hier geändert, auf QFieldCloud gelöscht</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="135"/>
        <source>changed here</source>
        <translation>hier geändert</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="135"/>
        <source>new here</source>
        <translation>hier neu</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="138"/>
        <source>changed on QFieldCloud</source>
        <translation>auf QFieldCloud geändert</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="138"/>
        <source>new on QFieldCloud</source>
        <translation>neu auf QFieldCloud</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="141"/>
        <source>deleted on QFieldCloud; moved to the trash here</source>
        <translation>auf QFieldCloud gelöscht; wird hier in den Papierkorb verschoben</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="143"/>
        <source>deleted here</source>
        <translation>hier gelöscht</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="145"/>
        <source>same change on both sides</source>
        <translation>gleiche Änderung auf beiden Seiten</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="146"/>
        <source>identical</source>
        <translation>identisch</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="173"/>
        <source>Restore it from QFieldCloud</source>
        <translation>Aus QFieldCloud wiederherstellen</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="178"/>
        <source>Delete it on QFieldCloud too</source>
        <translation>Auch auf QFieldCloud löschen</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="186"/>
        <source>Keep mine (upload it again)</source>
        <translation>Meine behalten (erneut hochladen)</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="238"/>
        <source>untick to keep</source>
        <translation>zum Behalten abwählen</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="87"/>
        <source>Choose what to do with each conflict first.</source>
        <translation>Wählen Sie zuerst für jeden Konflikt, was geschehen soll.</translation>
    </message>
    <message numerus="yes">
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="154"/>
        <source>%n edit(s) from {user}</source>
        <translation>
            <numerusform>%n Änderung von {user}</numerusform>
            <numerusform>%n Änderungen von {user}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="154"/>
        <source>since your last sync</source>
        <translation>seit Ihrer letzten Synchronisierung</translation>
    </message>
    <message numerus="yes">
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="163"/>
        <source>%n new version(s) on QFieldCloud since your last sync</source>
        <translation>
            <numerusform>%n neue Fassung auf QFieldCloud seit Ihrer letzten Synchronisierung</numerusform>
            <numerusform>%n neue Fassungen auf QFieldCloud seit Ihrer letzten Synchronisierung</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="168"/>
        <source>yours is moved to the .qfieldcloud/trash folder here</source>
        <translation>Ihre wird hier in den Ordner .qfieldcloud/trash verschoben</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="170"/>
        <source>QFieldCloud&apos;s copy ({news})</source>
        <translation>Die Kopie auf QFieldCloud ({news})</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="170"/>
        <source>QFieldCloud&apos;s copy</source>
        <translation>Die Kopie auf QFieldCloud</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="173"/>
        <source>{theirs} is downloaded here again.</source>
        <translation>{theirs} wird hier wieder heruntergeladen.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="178"/>
        <source>{theirs} is deleted on QFieldCloud, with its version history.</source>
        <translation>{theirs} wird auf QFieldCloud gelöscht, mit ihrem Versionsverlauf.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="186"/>
        <source>Your copy is uploaded to QFieldCloud again.</source>
        <translation>Ihre Kopie wird wieder zu QFieldCloud hochgeladen.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="191"/>
        <source>Delete it here too</source>
        <translation>Auch hier löschen</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="191"/>
        <source>It is deleted here too: {trash}.</source>
        <translation>Sie wird auch hier gelöscht: {trash}.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="198"/>
        <source>Keep both</source>
        <translation>Beide behalten</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="206"/>
        <source>Keep mine</source>
        <translation>Meine behalten</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="206"/>
        <source>Yours replaces {theirs} on QFieldCloud; it stays in the file&apos;s version history there.</source>
        <translation>Ihre ersetzt auf QFieldCloud: {theirs}; diese bleibt dort im Versionsverlauf der Datei.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="213"/>
        <source>Keep QFieldCloud&apos;s</source>
        <translation>QFieldCloud-Fassung behalten</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="213"/>
        <source>{theirs} replaces yours here; {trash}.</source>
        <translation>{theirs} ersetzt hier Ihre; {trash}.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="247"/>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="253"/>
        <source>Choose what happens to this file.</source>
        <translation>Wählen Sie, was mit dieser Datei geschieht.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="255"/>
        <source>On QFieldCloud: {news}.</source>
        <translation>Auf QFieldCloud: {news}.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="198"/>
        <source>Yours is uploaded and replaces {theirs} on QFieldCloud, where that stays in the file&apos;s version history and is also saved here beside yours.</source>
        <translation>Ihre wird hochgeladen und ersetzt auf QFieldCloud: {theirs}; diese bleibt dort im Versionsverlauf der Datei und wird außerdem hier neben Ihrer gespeichert.</translation>
    </message>
</context>
<context>
    <name>UploadListDialog</name>
    <message>
        <location filename="../qfieldcloud_plugin/gui/upload_list_dialog.py" line="29"/>
        <source>What to upload</source>
        <translation>Was hochgeladen wird</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/upload_list_dialog.py" line="33"/>
        <source>The project file</source>
        <translation>Die Projektdatei</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/upload_list_dialog.py" line="34"/>
        <source>Data of its layers</source>
        <translation>Daten seiner Layer</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/upload_list_dialog.py" line="35"/>
        <source>Attachments</source>
        <translation>Anhänge</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/upload_list_dialog.py" line="36"/>
        <source>Other files in the folder, not used by the project</source>
        <translation>Andere Dateien im Ordner, die das Projekt nicht benutzt</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/upload_list_dialog.py" line="39"/>
        <source>unticked: looks private (document, archive, video)</source>
        <translation>nicht angekreuzt: wirkt privat (Dokument, Archiv, Video)</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/upload_list_dialog.py" line="40"/>
        <source>unticked: large, and not used by the project</source>
        <translation>nicht angekreuzt: groß, und vom Projekt nicht benutzt</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/upload_list_dialog.py" line="43"/>
        <source>&lt;b&gt;{name}&lt;/b&gt;: these files are new or changed. Untick what should stay on this computer.</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt;: Diese Dateien sind neu oder geändert. Entfernen Sie das Häkchen bei allem, was auf diesem Computer bleiben soll.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/upload_list_dialog.py" line="51"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/upload_list_dialog.py" line="51"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/upload_list_dialog.py" line="51"/>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/upload_list_dialog.py" line="71"/>
        <source>Remember: never upload the unticked files (in .qfieldcloudignore)</source>
        <translation>Merken: nicht angekreuzte Dateien nie hochladen (in .qfieldcloudignore)</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/upload_list_dialog.py" line="75"/>
        <source>Upload</source>
        <translation>Hochladen</translation>
    </message>
    <message numerus="yes">
        <location filename="../qfieldcloud_plugin/gui/upload_list_dialog.py" line="97"/>
        <source>%n file(s) will be uploaded</source>
        <translation>
            <numerusform>%n Datei wird hochgeladen</numerusform>
            <numerusform>%n Dateien werden hochgeladen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qfieldcloud_plugin/gui/upload_list_dialog.py" line="97"/>
        <source>%n left out</source>
        <translation>
            <numerusform>%n weggelassen</numerusform>
            <numerusform>%n weggelassen</numerusform>
        </translation>
    </message>
</context>
</TS>
