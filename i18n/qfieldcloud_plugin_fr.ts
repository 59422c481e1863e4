<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>@default</name>
    <message>
        <location filename="../qfieldcloud_plugin/core/session.py" line="24"/>
        <source>Cannot reach the server {server}. Check your network connection and the server address.</source>
        <translation>Impossible de joindre le serveur {server}. Vérifiez votre connexion réseau et l’adresse du serveur.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/session.py" line="29"/>
        <source>Too many failed login attempts. Wait 30 minutes and try again.</source>
        <translation>Trop de tentatives de connexion échouées. Attendez 30 minutes puis réessayez.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/session.py" line="31"/>
        <source>Wrong username, email or password.</source>
        <translation>Nom d’utilisateur, e-mail ou mot de passe incorrect.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/session.py" line="32"/>
        <source>Your QFieldCloud session has expired. Please log in again.</source>
        <translation>Votre session QFieldCloud a expiré. Veuillez vous reconnecter.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/session.py" line="34"/>
        <source>You are not allowed to do this on QFieldCloud ({message}).</source>
        <translation>Vous n’avez pas le droit de faire cela sur QFieldCloud ({message}).</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/session.py" line="36"/>
        <source>Not found on QFieldCloud; it may have been deleted.</source>
        <translation>Introuvable sur QFieldCloud ; l’élément a peut-être été supprimé.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/base.py" line="161"/>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/session.py" line="40"/>
        <source>A downloaded file is corrupt ({error}).</source>
        <translation>Un fichier téléchargé est corrompu ({error}).</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/session.py" line="42"/>
        <source>QFieldCloud answered: {message}</source>
        <translation>QFieldCloud a répondu : {message}</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/session.py" line="44"/>
        <source>Local file error: {error}</source>
        <translation>Erreur de fichier local : {error}</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/session.py" line="46"/>
        <source>Unexpected error: {error}. Details are in the QFieldCloud log.</source>
        <translation>Erreur inattendue : {error}. Les détails figurent dans le journal QFieldCloud.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/session.py" line="111"/>
        <source>Logging in to QFieldCloud</source>
        <translation>Connexion à QFieldCloud</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/session.py" line="135"/>
        <source>Remember me</source>
        <translation>Se souvenir de moi</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/session.py" line="135"/>
        <source>QGIS could not keep the login in its password manager (master password not entered?). You are logged in for this session only.</source>
        <translation>QGIS n’a pas pu conserver la connexion dans son gestionnaire de mots de passe (mot de passe principal non saisi ?). Vous êtes connecté pour cette session uniquement.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/session.py" line="142"/>
        <source>Logged in to {server} as {user}</source>
        <translation>Connecté à {server} en tant que {user}</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/session.py" line="149"/>
        <source>Login to {server} failed: {error}</source>
        <translation>La connexion à {server} a échoué : {error}</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/session.py" line="161"/>
        <source>Checking the QFieldCloud login</source>
        <translation>Vérification de la connexion QFieldCloud</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/session.py" line="176"/>
        <source>Your saved QFieldCloud login has expired. Please log in again.</source>
        <translation>Votre connexion QFieldCloud enregistrée a expiré. Veuillez vous reconnecter.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/session.py" line="187"/>
        <source>Logging out of QFieldCloud</source>
        <translation>Déconnexion de QFieldCloud</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/session.py" line="217"/>
        <source>Please log in to QFieldCloud.</source>
        <translation>Veuillez vous connecter à QFieldCloud.</translation>
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
        <translation>Projets QFieldCloud</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/plugin.py" line="65"/>
        <source>Upload the open project to QFieldCloud</source>
        <translation>Envoyer le projet ouvert vers QFieldCloud</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/plugin.py" line="71"/>
        <source>Open the QFieldCloud package in the map</source>
        <translation>Ouvrir le paquet QFieldCloud dans la carte</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/plugin.py" line="75"/>
        <source>Log in to QFieldCloud…</source>
        <translation>Se connecter à QFieldCloud…</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/plugin.py" line="77"/>
        <source>Settings…</source>
        <translation>Paramètres…</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/plugin.py" line="176"/>
        <source>Select a project in the QFieldCloud dock first.</source>
        <translation>Sélectionnez d’abord un projet dans le panneau QFieldCloud.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/browser.py" line="83"/>
        <source>Your QFieldCloud projects</source>
        <translation>Vos projets QFieldCloud</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/browser.py" line="88"/>
        <source>Log in to QFieldCloud to see your projects.</source>
        <translation>Connectez-vous à QFieldCloud pour voir vos projets.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/browser.py" line="134"/>
        <source>{name}: {size} bytes on QFieldCloud</source>
        <translation>{name} : {size} octets sur QFieldCloud</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/browser.py" line="142"/>
        <source>Latest package</source>
        <translation>Dernier paquet</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/browser.py" line="156"/>
        <source>No package yet ({error}).</source>
        <translation>Pas encore de paquet ({error}).</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/browser.py" line="162"/>
        <source>The latest package is {status}.</source>
        <translation>Le dernier paquet est {status}.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/browser.py" line="181"/>
        <source>{name}: not downloaded yet (Open the latest package, in the context menu)</source>
        <translation>{name} : pas encore téléchargé (Ouvrir le dernier paquet, dans le menu contextuel)</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/browser_menu.py" line="26"/>
        <source>Open the latest package</source>
        <translation>Ouvrir le dernier paquet</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/browser_menu.py" line="29"/>
        <source>Download project files…</source>
        <translation>Télécharger les fichiers du projet…</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/plugin.py" line="67"/>
        <source>Synchronize the open project with QFieldCloud…</source>
        <translation>Synchroniser le projet ouvert avec QFieldCloud…</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/base.py" line="57"/>
        <source>No QFieldCloud login: log in with the plugin and remember the login, or give a token (TOKEN parameter or QFIELDCLOUD_TOKEN environment variable).</source>
        <translation>Aucune connexion QFieldCloud : connectez-vous avec l'extension en mémorisant la connexion, ou donnez un jeton (paramètre TOKEN ou variable d'environnement QFIELDCLOUD_TOKEN).</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/base.py" line="117"/>
        <source>Project (owner/name or id)</source>
        <translation>Projet (propriétaire/nom ou identifiant)</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/base.py" line="135"/>
        <source>API token (empty: the stored login)</source>
        <translation>Jeton API (vide : la connexion mémorisée)</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/base.py" line="136"/>
        <source>Server URL (empty: the stored login&apos;s)</source>
        <translation>URL du serveur (vide : celle de la connexion mémorisée)</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/base.py" line="189"/>
        <source>No QFieldCloud project {project}.</source>
        <translation>Aucun projet QFieldCloud {project}.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/base.py" line="190"/>
        <source>Several QFieldCloud projects are named {project}: write it as owner/name.</source>
        <translation>Plusieurs projets QFieldCloud se nomment {project} : écrivez-le sous la forme propriétaire/nom.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/base.py" line="203"/>
        <source>{count} file(s) failed: {names}</source>
        <translation>{count} fichier(s) en échec : {names}</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/download.py" line="22"/>
        <source>Download project files</source>
        <translation>Télécharger les fichiers du projet</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/download.py" line="25"/>
        <source>Downloads the files of a QFieldCloud project into a folder. Files that are already identical locally are not downloaded again unless Force is checked; nothing in the folder changes when a file fails.</source>
        <translation>Télécharge les fichiers d'un projet QFieldCloud dans un dossier. Les fichiers déjà identiques en local ne sont retéléchargés que si Forcer est coché ; si un fichier échoue, rien ne change dans le dossier.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/upload.py" line="56"/>
        <source>Only files matching (glob)</source>
        <translation>Seulement les fichiers correspondant à (motif glob)</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/base.py" line="122"/>
        <source>Download unchanged files too</source>
        <translation>Télécharger aussi les fichiers inchangés</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/package.py" line="51"/>
        <source>Destination folder</source>
        <translation>Dossier de destination</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/package.py" line="57"/>
        <source>Files downloaded</source>
        <translation>Fichiers téléchargés</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/upload.py" line="68"/>
        <source>Files unchanged</source>
        <translation>Fichiers inchangés</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/download.py" line="38"/>
        <source>Downloaded files (one per line)</source>
        <translation>Fichiers téléchargés (un par ligne)</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/download.py" line="53"/>
        <source>Downloaded {downloaded} file(s) of {owner}/{name}, {skipped} unchanged.</source>
        <translation>{downloaded} fichier(s) de {owner}/{name} téléchargé(s), {skipped} inchangé(s).</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/job.py" line="32"/>
        <source>Trigger a job and wait for it</source>
        <translation>Lancer une tâche et attendre sa fin</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/job.py" line="35"/>
        <source>Starts a job on QFieldCloud (package for QField, process the project file, or apply the deltas sent from QField) and, unless Wait is unchecked, waits until it has finished. A failed job makes the algorithm fail. A running package job is reused unless Force is checked.</source>
        <translation>Lance une tâche sur QFieldCloud (paquet pour QField, traitement du fichier de projet ou application des deltas envoyés par QField) et, sauf si Attendre est décoché, attend qu'elle soit terminée. Une tâche en échec fait échouer l'algorithme. Une tâche de paquet en cours est réutilisée sauf si Forcer est coché.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/job.py" line="44"/>
        <source>Job</source>
        <translation>Tâche</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/job.py" line="44"/>
        <source>Package for QField</source>
        <translation>Paquet pour QField</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/job.py" line="44"/>
        <source>Process the project file</source>
        <translation>Traiter le fichier de projet</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/job.py" line="44"/>
        <source>Apply deltas</source>
        <translation>Appliquer les deltas</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/job.py" line="52"/>
        <source>Start a new job even if one runs</source>
        <translation>Lancer une nouvelle tâche même si une autre est en cours</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/job.py" line="55"/>
        <source>Wait until the job has finished</source>
        <translation>Attendre que la tâche soit terminée</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/job.py" line="58"/>
        <source>Give up waiting after (seconds)</source>
        <translation>Cesser d'attendre après (secondes)</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/job.py" line="68"/>
        <source>Job id</source>
        <translation>Identifiant de la tâche</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/job.py" line="69"/>
        <source>Job status</source>
        <translation>État de la tâche</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/job.py" line="75"/>
        <source>Job {job_id} ({job_type}) is {status}.</source>
        <translation>La tâche {job_id} ({job_type}) est {status}.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/job.py" line="90"/>
        <source>Job {job_id} has not finished after {seconds} s.</source>
        <translation>La tâche {job_id} n'est pas terminée après {seconds} s.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/job.py" line="97"/>
        <source>Job {job_id} ended with status {status}.</source>
        <translation>La tâche {job_id} s'est terminée avec l'état {status}.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/job.py" line="100"/>
        <source>Job {job_id} has finished.</source>
        <translation>La tâche {job_id} est terminée.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/package.py" line="36"/>
        <source>Download the latest package</source>
        <translation>Télécharger le dernier paquet</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/package.py" line="39"/>
        <source>Downloads the files of the project&apos;s latest finished package, the offline copy QField uses. Without a destination folder it goes where the plugin keeps packages. With Load layers checked, the package&apos;s GeoPackage layers are added to the open project when the algorithm ends. Outputs the path of the package&apos;s QGIS project file.</source>
        <translation>Télécharge les fichiers du dernier paquet terminé du projet, la copie hors ligne qu'utilise QField. Sans dossier de destination, il va là où l'extension range les paquets. Avec Charger les couches coché, les couches GeoPackage du paquet sont ajoutées au projet ouvert à la fin de l'algorithme. Renvoie le chemin du fichier de projet QGIS du paquet.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/package.py" line="49"/>
        <source>Load the package&apos;s layers</source>
        <translation>Charger les couches du paquet</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/package.py" line="56"/>
        <source>Package project file</source>
        <translation>Fichier de projet du paquet</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/package.py" line="58"/>
        <source>Package layers</source>
        <translation>Couches du paquet</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/package.py" line="85"/>
        <source>Package of {owner}/{name} in {folder}.</source>
        <translation>Paquet de {owner}/{name} dans {folder}.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/projects.py" line="49"/>
        <source>List projects</source>
        <translation>Lister les projets</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/projects.py" line="52"/>
        <source>Writes the QFieldCloud projects you have a role on (and, if asked, the public ones) into a table: id, owner, name, description, your role, status, dates and storage.</source>
        <translation>Écrit dans une table les projets QFieldCloud où vous avez un rôle (et, sur demande, les projets publics) : identifiant, propriétaire, nom, description, votre rôle, état, dates et stockage.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/projects.py" line="58"/>
        <source>Include public projects</source>
        <translation>Inclure les projets publics</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/projects.py" line="62"/>
        <source>Projects</source>
        <translation>Projets</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/projects.py" line="65"/>
        <source>Number of projects</source>
        <translation>Nombre de projets</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/projects.py" line="79"/>
        <source>{count} project(s).</source>
        <translation>{count} projet(s).</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/provider.py" line="37"/>
        <source>QFieldCloud projects, files, jobs and packages</source>
        <translation>Projets, fichiers, tâches et paquets QFieldCloud</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/upload.py" line="38"/>
        <source>Upload project folder</source>
        <translation>Téléverser le dossier du projet</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/upload.py" line="51"/>
        <source>Local folder</source>
        <translation>Dossier local</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/upload.py" line="57"/>
        <source>Upload unchanged files too</source>
        <translation>Téléverser aussi les fichiers inchangés</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/upload.py" line="66"/>
        <source>Project id</source>
        <translation>Identifiant du projet</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/upload.py" line="67"/>
        <source>Files uploaded</source>
        <translation>Fichiers téléversés</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/upload.py" line="69"/>
        <source>Uploaded files (one per line)</source>
        <translation>Fichiers téléversés (un par ligne)</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/upload.py" line="78"/>
        <source>{name} is in use elsewhere; its latest edits may be missing.</source>
        <translation>{name} est utilisé ailleurs ; ses dernières modifications peuvent manquer.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/upload.py" line="89"/>
        <source>Uploaded {uploaded} file(s) to {owner}/{name}, {skipped} unchanged.</source>
        <translation>{uploaded} fichier(s) téléversé(s) vers {owner}/{name}, {skipped} inchangé(s).</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/base.py" line="214"/>
        <source>{count} local file(s) differed and were replaced; their previous versions are in {folder}.</source>
        <translation>Fichiers locaux différents remplacés : {count} ; leurs versions précédentes se trouvent dans {folder}.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="25"/>
        <source>Download the project files into</source>
        <translation>Télécharger les fichiers du projet dans</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="33"/>
        <source>Downloaded {name} into {folder}: {done} downloaded, {skipped} unchanged, {failed} failed.</source>
        <translation>{name} téléchargé dans {folder} : {done} téléchargés, {skipped} inchangés, {failed} en échec.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="51"/>
        <source>Downloading {name}</source>
        <translation>Téléchargement de {name}</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="72"/>
        <source>Replace local files?</source>
        <translation>Remplacer les fichiers locaux ?</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="72"/>
        <source>These files in {folder} differ from QFieldCloud and will be replaced by its version:
{files}

Your versions will be kept in {trash}. Replace them?</source>
        <translation>Ces fichiers de {folder} diffèrent de QFieldCloud et seront remplacés par sa version :
{files}

Vos versions seront conservées dans {trash}. Les remplacer ?</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="79"/>
        <source>Nothing was downloaded: your local files are unchanged.</source>
        <translation>Rien n’a été téléchargé : vos fichiers locaux sont inchangés.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="109"/>
        <source>Comparing {folder} with {name}</source>
        <translation>Comparaison de {folder} avec {name}</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="99"/>
        <source>Unsaved layer edits</source>
        <translation>Modifications de couche non enregistrées</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="99"/>
        <source>These layers have edits that are not saved to their files yet: {layers}.

QFieldCloud may replace or send those files. Save the edits first, or discard them?</source>
        <translation>Ces couches ont des modifications qui ne sont pas encore enregistrées dans leurs fichiers : {layers}.

QFieldCloud peut remplacer ou envoyer ces fichiers. Enregistrer d’abord les modifications, ou les abandonner ?</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="99"/>
        <source>Save the edits</source>
        <translation>Enregistrer les modifications</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="99"/>
        <source>Discard the edits</source>
        <translation>Abandonner les modifications</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="108"/>
        <source>Nothing was transferred: {layers} still have unsaved edits.</source>
        <translation>Rien n’a été transféré : {layers} ont encore des modifications non enregistrées.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="116"/>
        <source>Could not save the edits of {layer}: {errors}</source>
        <translation>Impossible d’enregistrer les modifications de {layer} : {errors}</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="130"/>
        <source>Reloaded the layers {layers}.</source>
        <translation>Couches rechargées : {layers}.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="135"/>
        <source>Your previous versions of {count} replaced files are in {folder}.</source>
        <translation>Vos versions précédentes des {count} fichiers remplacés se trouvent dans {folder}.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="149"/>
        <source>{name} has no finished package yet: packaging it now.</source>
        <translation>{name} n’a pas encore de paquet terminé : création du paquet en cours.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="153"/>
        <source>Package out of date</source>
        <translation>Paquet obsolète</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="153"/>
        <source>The data of {name} changed since it was last packaged. Create a fresh package first?</source>
        <translation>Les données de {name} ont changé depuis la dernière création du paquet. Créer d’abord un nouveau paquet ?</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="171"/>
        <source>Checking the package of {name}</source>
        <translation>Vérification du paquet de {name}</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="193"/>
        <source>The package of {name} holds no QGIS project.</source>
        <translation>Le paquet de {name} ne contient aucun projet QGIS.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="204"/>
        <source>Downloading the package of {name}</source>
        <translation>Téléchargement du paquet de {name}</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="218"/>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="218"/>
        <source>The current project has unsaved changes. Save them before opening {name}?</source>
        <translation>Le projet actuel contient des modifications non enregistrées. Les enregistrer avant d’ouvrir {name} ?</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="218"/>
        <source>Save and open</source>
        <translation>Enregistrer et ouvrir</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="218"/>
        <source>Discard changes and open</source>
        <translation>Abandonner les modifications et ouvrir</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="224"/>
        <source>The package of {name} was not opened; it is in {folder}.</source>
        <translation>Le paquet de {name} n’a pas été ouvert ; il se trouve dans {folder}.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="229"/>
        <source>Could not save the current project: {error}</source>
        <translation>Impossible d’enregistrer le projet actuel : {error}</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="245"/>
        <source>Opened {name}, but these layers are invalid: {layers}</source>
        <translation>{name} ouvert, mais ces couches sont invalides : {layers}</translation>
    </message>
    <message numerus="yes">
        <location filename="../qfieldcloud_plugin/gui/download_flows.py" line="252"/>
        <source>Opened the package of {name}: %n layer(s).</source>
        <translation>
            <numerusform>Paquet de {name} ouvert : %n couche.</numerusform>
            <numerusform>Paquet de {name} ouvert : %n couches.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/projects_flows.py" line="27"/>
        <source>Created the cloud project {name}.</source>
        <translation>Projet cloud {name} créé.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/projects_flows.py" line="37"/>
        <source>Creating the cloud project {name}</source>
        <translation>Création du projet cloud {name}</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/projects_flows.py" line="48"/>
        <source>Delete cloud project</source>
        <translation>Supprimer le projet cloud</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/projects_flows.py" line="48"/>
        <source>Delete the cloud project {name} and all its files from QFieldCloud? This cannot be undone.</source>
        <translation>Supprimer de QFieldCloud le projet cloud {name} et tous ses fichiers ? Cette action est irréversible.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/projects_flows.py" line="57"/>
        <source>Deleted the cloud project {name}.</source>
        <translation>Projet cloud {name} supprimé.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/projects_flows.py" line="60"/>
        <source>Deleting the cloud project {name}</source>
        <translation>Suppression du projet cloud {name}</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/projects_flows.py" line="77"/>
        <source>Started a {job_type} job on {name}.</source>
        <translation>Tâche {job_type} lancée sur {name}.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/projects_flows.py" line="81"/>
        <source>Starting a {job_type} job</source>
        <translation>Lancement d’une tâche {job_type}</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/projects_flows.py" line="101"/>
        <source>The {job_type} job of {name} failed. Select it in the Jobs tab and click &quot;Show output&quot; for details.</source>
        <translation>La tâche {job_type} de {name} a échoué. Sélectionnez-la dans l’onglet « Tâches » et cliquez sur « Afficher la sortie » pour les détails.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/projects_flows.py" line="114"/>
        <source>Checking a QFieldCloud job</source>
        <translation>Vérification d’une tâche QFieldCloud</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/projects_flows.py" line="131"/>
        <source>This job has no output.</source>
        <translation>Cette tâche n’a pas de sortie.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/projects_flows.py" line="132"/>
        <source>Output of the {job_type} job</source>
        <translation>Sortie de la tâche {job_type}</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/projects_flows.py" line="134"/>
        <source>Loading the job output</source>
        <translation>Chargement de la sortie de la tâche</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/projects_flows.py" line="140"/>
        <source>Loading jobs</source>
        <translation>Chargement des tâches</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/projects_flows.py" line="140"/>
        <source>Could not load the jobs: {error}</source>
        <translation>Impossible de charger les tâches : {error}</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/projects_flows.py" line="152"/>
        <source>Comparing files</source>
        <translation>Comparaison des fichiers</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/projects_flows.py" line="152"/>
        <source>Could not load the files: {error}</source>
        <translation>Impossible de charger les fichiers : {error}</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/projects_flows.py" line="164"/>
        <source>Loading collaborators</source>
        <translation>Chargement des collaborateurs</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/projects_flows.py" line="164"/>
        <source>Could not load the collaborators: {error}</source>
        <translation>Impossible de charger les collaborateurs : {error}</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="28"/>
        <source>Save the QGIS project to a file first: its folder is what gets uploaded.</source>
        <translation>Enregistrez d’abord le projet QGIS dans un fichier : c’est son dossier qui est envoyé.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="34"/>
        <source>This is a QFieldCloud package, the offline copy QField uses, not your project: it is never uploaded or synchronized. Open the project you uploaded, or get a working copy with &quot;Download files…&quot; in the QFieldCloud dock, and upload or synchronize from there.</source>
        <translation>Ceci est un paquet QFieldCloud, la copie hors ligne utilisée par QField, et non votre projet : il n’est jamais envoyé ni synchronisé. Ouvrez le projet que vous avez envoyé, ou obtenez une copie de travail avec « Télécharger les fichiers… » dans le panneau QFieldCloud, puis envoyez ou synchronisez depuis celle-ci.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="61"/>
        <source>Save the project</source>
        <translation>Enregistrer le projet</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="52"/>
        <source>The project has unsaved changes. Save it before synchronizing? Synchronizing may replace the project file with the QFieldCloud version.</source>
        <translation>Le projet contient des modifications non enregistrées. L’enregistrer avant de synchroniser ? La synchronisation peut remplacer le fichier du projet par la version de QFieldCloud.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="59"/>
        <source>Synchronization cancelled: save the project first.</source>
        <translation>Synchronisation annulée : enregistrez d’abord le projet.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="61"/>
        <source>The project has unsaved changes. Save it before uploading? Otherwise the last saved version is uploaded.</source>
        <translation>Le projet contient des modifications non enregistrées. L’enregistrer avant l’envoi ? Sinon, la dernière version enregistrée est envoyée.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="68"/>
        <source>Uploading the last saved version of the project.</source>
        <translation>Envoi de la dernière version enregistrée du projet.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="71"/>
        <source>Could not save the project: {error}</source>
        <translation>Impossible d’enregistrer le projet : {error}</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="162"/>
        <source>Synchronization of {name} stopped: {error}</source>
        <translation>Synchronisation de {name} interrompue : {error}</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="257"/>
        <source>Could not flush recent edits of {files}; stop editing those layers and retry.</source>
        <translation>Impossible d’écrire les dernières modifications de {files} ; quittez le mode édition de ces couches et réessayez.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="129"/>
        <source>Synchronization cancelled: nothing was changed.</source>
        <translation>Synchronisation annulée : rien n’a été modifié.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="135"/>
        <source>Synchronized {name}: {uploaded} uploaded, {downloaded} downloaded, {deleted_local} deleted here, {deleted_remote} deleted on QFieldCloud, {failed} failed.</source>
        <translation>{name} synchronisé : {uploaded} envoyé(s), {downloaded} téléchargé(s), {deleted_local} supprimé(s) ici, {deleted_remote} supprimé(s) sur QFieldCloud, {failed} en échec.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="147"/>
        <source>QFieldCloud&apos;s copies kept beside yours: {files}.</source>
        <translation>Copies de QFieldCloud conservées à côté des vôtres : {files}.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="151"/>
        <source>Replaced and deleted local files were moved to {folder}.</source>
        <translation>Les fichiers locaux remplacés ou supprimés ont été déplacés dans {folder}.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="164"/>
        <source>Synchronizing {name}</source>
        <translation>Synchronisation de {name}</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="194"/>
        <source>The project file was updated from QFieldCloud; reopen it to see the changes (your unsaved changes are still in the open project).</source>
        <translation>Le fichier du projet a été mis à jour depuis QFieldCloud ; rouvrez-le pour voir les modifications (vos modifications non enregistrées sont toujours dans le projet ouvert).</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="207"/>
        <source>Create the cloud project {name}</source>
        <translation>Créer le projet cloud {name}</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="210"/>
        <source>Link to {owner}/{name}</source>
        <translation>Lier à {owner}/{name}</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="211"/>
        <source>Link to QFieldCloud</source>
        <translation>Lier à QFieldCloud</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="211"/>
        <source>This project is not linked to a QFieldCloud project yet.</source>
        <translation>Ce projet n’est pas encore lié à un projet QFieldCloud.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="231"/>
        <source>{file} changed on QFieldCloud since your last sync, and here too.</source>
        <translation>{file} a changé sur QFieldCloud depuis votre dernière synchronisation, et ici aussi.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="233"/>
        <source>{file} differs on QFieldCloud and was never synced from this computer.</source>
        <translation>{file} diffère sur QFieldCloud et n’a jamais été synchronisé depuis cet ordinateur.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="234"/>
        <source>Keep QFieldCloud&apos;s version: nothing is uploaded for this file, and yours stays here; Synchronize can then settle it. Overwrite it with mine: your file replaces QFieldCloud&apos;s, which stays in the file&apos;s version history on QFieldCloud.</source>
        <translation>Garder la version QFieldCloud : rien n’est envoyé pour ce fichier et le vôtre reste ici ; « Synchroniser » pourra ensuite le régler. La remplacer par la mienne : votre fichier remplace celui de QFieldCloud, qui reste dans l’historique des versions du fichier sur QFieldCloud.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="243"/>
        <source>Changed on QFieldCloud</source>
        <translation>Modifié sur QFieldCloud</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="243"/>
        <source>Keep QFieldCloud&apos;s version</source>
        <translation>Garder la version QFieldCloud</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="243"/>
        <source>Overwrite it with mine</source>
        <translation>La remplacer par la mienne</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/upload_review.py" line="42"/>
        <source>Upload cancelled: nothing was uploaded.</source>
        <translation>Envoi annulé : rien n’a été envoyé.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="281"/>
        <source>Not uploaded, changed or deleted only on QFieldCloud: {files}. Use Synchronize to bring those changes here.</source>
        <translation>Non envoyés, modifiés ou supprimés uniquement sur QFieldCloud : {files}. Utilisez « Synchroniser » pour appliquer ces changements ici.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="290"/>
        <source>Nothing was uploaded. These files differ from QFieldCloud and were left as they are on both sides: {files}. Use Synchronize to settle them.</source>
        <translation>Rien n’a été envoyé. Ces fichiers diffèrent de QFieldCloud et ont été laissés tels quels des deux côtés : {files}. Utilisez « Synchroniser » pour les régler.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="299"/>
        <source>{name} is up to date: {skipped} files unchanged.</source>
        <translation>{name} est à jour : {skipped} fichiers inchangés.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="309"/>
        <source>Uploaded {name}: {uploaded} uploaded, {skipped} unchanged, {failed} failed.</source>
        <translation>{name} envoyé : {uploaded} envoyés, {skipped} inchangés, {failed} en échec.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="316"/>
        <source>Left as they are on QFieldCloud, and different from yours: {files}.</source>
        <translation>Laissés tels quels sur QFieldCloud, et différents des vôtres : {files}.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="327"/>
        <source>Upload of {name} stopped: {error}</source>
        <translation>Envoi de {name} interrompu : {error}</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="329"/>
        <source>Uploading {name}</source>
        <translation>Envoi de {name}</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/project_check.py" line="39"/>
        <source>The project is not saved yet: save it in a folder of its own, which is what gets uploaded.</source>
        <translation>Le projet n’est pas encore enregistré : enregistrez-le dans un dossier à lui, c’est ce dossier qui est téléversé.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/project_check.py" line="56"/>
        <source>The project stores absolute paths: on a phone or tablet they point nowhere.</source>
        <translation>Le projet enregistre des chemins absolus : sur un téléphone ou une tablette, ils ne mènent nulle part.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/project_check.py" line="56"/>
        <source>Save with relative paths</source>
        <translation>Enregistrer avec des chemins relatifs</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/project_check.py" line="105"/>
        <source>Write them into the GeoPackage</source>
        <translation>Les écrire dans le GeoPackage</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/project_check.py" line="162"/>
        <source>The project is saved in {folder}, a folder of all your files. Only the files you tick in the upload list are sent, but a folder of its own (Project ▸ Save As…) keeps the project together.</source>
        <translation>Le projet est enregistré dans {folder}, un dossier de tous vos fichiers. Seuls les fichiers cochés dans la liste de téléversement sont envoyés, mais un dossier à lui (Projet ▸ Enregistrer sous…) garde le projet ensemble.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/project_check.py" line="167"/>
        <source>{folder} holds more than {count} files: more than a project usually has. Check the upload list, or save the project in a folder of its own.</source>
        <translation>{folder} contient plus de {count} fichiers : plus qu’un projet n’en a d’habitude. Vérifiez la liste de téléversement, ou enregistrez le projet dans un dossier à lui.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/layer_check.py" line="48"/>
        <source>The layer &quot;{name}&quot; has no data: its source is missing. The packager leaves it out. Repair its source (right-click ▸ Repair Data Source), or leave it out of the package.</source>
        <translation>La couche « {name} » n’a pas de données : sa source est introuvable. L’empaquetage la laisse de côté. Réparez sa source (clic droit ▸ Réparer la source de données), ou laissez-la hors du paquet.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/layer_check.py" line="114"/>
        <source>Leave it out of the package</source>
        <translation>La laisser hors du paquet</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/layer_check.py" line="62"/>
        <source>The layer &quot;{name}&quot; is a scratch layer: its features exist only in this QGIS session.</source>
        <translation>La couche « {name} » est une couche temporaire : ses entités n’existent que dans cette session de QGIS.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/layer_check.py" line="62"/>
        <source>Save it into a GeoPackage in the project folder</source>
        <translation>L’enregistrer dans un GeoPackage du dossier du projet</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/layer_check.py" line="75"/>
        <source>The layer &quot;{name}&quot; has edits that are not saved.</source>
        <translation>La couche « {name} » a des modifications non enregistrées.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/layer_check.py" line="75"/>
        <source>The layer &quot;{name}&quot; is in edit mode.</source>
        <translation>La couche « {name} » est en mode édition.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/layer_check.py" line="75"/>
        <source>Save the edits and stop editing</source>
        <translation>Enregistrer les modifications et quitter l’édition</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/layer_check.py" line="100"/>
        <source>The data of &quot;{name}&quot; is outside the project folder ({path}): it would not be uploaded, and QField would get a broken layer.</source>
        <translation>Les données de « {name} » sont hors du dossier du projet ({path}) : elles ne seraient pas téléversées, et QField recevrait une couche cassée.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/layer_check.py" line="100"/>
        <source>Copy it into the project folder (the original stays as it is)</source>
        <translation>La copier dans le dossier du projet (l’original reste tel quel)</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/layer_check.py" line="114"/>
        <source>QField cannot open &quot;{name}&quot; ({file}): the packager leaves it out.</source>
        <translation>QField ne peut pas ouvrir « {name} » ({file}) : l’empaquetage la laisse de côté.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/layer_check.py" line="128"/>
        <source>The data of &quot;{name}&quot; is {size}: every device downloads all of it.</source>
        <translation>Les données de « {name} » font {size} : chaque appareil les télécharge en entier.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/layer_check.py" line="165"/>
        <source>The layer &quot;{name}&quot; logs in with the QGIS authentication configuration {id}, which exists only in this QGIS: QField has no such configuration, so the layer will fail or ask there.</source>
        <translation>La couche « {name} » se connecte avec la configuration d’authentification QGIS {id}, qui n’existe que dans ce QGIS : QField n’a pas cette configuration, la couche y échouera ou demandera des identifiants.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/layer_check.py" line="177"/>
        <source>The layer &quot;{name}&quot; has no usable primary key (one column, or a field named fid): QField gets it read-only.</source>
        <translation>La couche « {name} » n’a pas de clé primaire utilisable (une colonne, ou un champ nommé fid) : QField la reçoit en lecture seule.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/layer_check.py" line="194"/>
        <source>The layer &quot;{name}&quot; ({provider}) is copied for offline editing when the project is packaged: the QFieldCloud server must reach its source then, and edits made in QField are sent back to it.</source>
        <translation>La couche « {name} » ({provider}) est copiée pour l’édition hors ligne à l’empaquetage : le serveur QFieldCloud doit alors atteindre sa source, et les modifications faites dans QField y sont renvoyées.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/layer_check.py" line="199"/>
        <source>The layer &quot;{name}&quot; ({provider}) stays online: QField needs the network and access to the database server on the device.</source>
        <translation>La couche « {name} » ({provider}) reste en ligne : QField a besoin du réseau et d’un accès au serveur de base de données sur l’appareil.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/layer_check.py" line="204"/>
        <source>The layer &quot;{name}&quot; ({provider}) is a web service: QField shows it only with a network connection.</source>
        <translation>La couche « {name} » ({provider}) est un service web : QField ne l’affiche qu’avec une connexion réseau.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/layer_check.py" line="215"/>
        <source>The attachment field &quot;{field}&quot; of &quot;{name}&quot; stores absolute paths: photos taken in QField would point outside the project.</source>
        <translation>Le champ de pièces jointes « {field} » de « {name} » enregistre des chemins absolus : les photos prises dans QField pointeraient hors du projet.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/layer_check.py" line="215"/>
        <source>Store paths relative to the project</source>
        <translation>Enregistrer les chemins relatifs au projet</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/layer_check.py" line="243"/>
        <source>The attachments of &quot;{field}&quot; in &quot;{name}&quot; are kept in {root}, outside the project folder: they are not uploaded. Move them into the project folder&apos;s attachment folders.</source>
        <translation>Les pièces jointes de « {field} » dans « {name} » sont rangées dans {root}, hors du dossier du projet : elles ne sont pas téléversées. Déplacez-les dans les dossiers de pièces jointes du projet.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/project_fixes.py" line="79"/>
        <source>Saving the project</source>
        <translation>Enregistrement du projet</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/project_fixes.py" line="124"/>
        <source>Could not read {source}.</source>
        <translation>Impossible de lire {source}.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/project_fixes.py" line="172"/>
        <source>The copy in {path} could not be opened.</source>
        <translation>La copie dans {path} n’a pas pu être ouverte.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/project_fixes.py" line="206"/>
        <source>{name} is in use by another program; close it and try again.</source>
        <translation>{name} est utilisé par un autre programme ; fermez-le et réessayez.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/qfield_settings.py" line="111"/>
        <source>Offline editing</source>
        <translation>Édition hors ligne</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/qfield_settings.py" line="113"/>
        <source>Copy the file as it is</source>
        <translation>Copier le fichier tel quel</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/qfield_settings.py" line="113"/>
        <source>Keep online (direct access)</source>
        <translation>Garder en ligne (accès direct)</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/qfield_settings.py" line="115"/>
        <source>Remove from the package</source>
        <translation>Retirer du paquet</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/qfield_settings.py" line="117"/>
        <source>Copy (cable export only)</source>
        <translation>Copier (export par câble seulement)</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="277"/>
        <source>Nothing was uploaded: every file was left out.</source>
        <translation>Rien n’a été téléversé : tous les fichiers ont été laissés de côté.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_flows.py" line="320"/>
        <source>Not uploaded, as you chose: {count} files.</source>
        <translation>Non téléversés, selon votre choix : {count} fichiers.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/upload_review.py" line="26"/>
        <source>The open project has no layers yet.</source>
        <translation>Le projet ouvert n’a pas encore de couches.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/upload_review.py" line="30"/>
        <source>QField settings set: they are saved with the project, and used at its next packaging.</source>
        <translation>Réglages QField définis : ils sont enregistrés avec le projet et utilisés à son prochain empaquetage.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/upload_review.py" line="54"/>
        <source>Some fixes could not be applied: {errors}</source>
        <translation>Certaines corrections n’ont pas pu être appliquées : {errors}</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/upload_review.py" line="64"/>
        <source>The fixes stopped: {error}</source>
        <translation>Les corrections se sont arrêtées : {error}</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/upload_review.py" line="70"/>
        <source>Fixing the project</source>
        <translation>Correction du projet</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/upload_review.py" line="92"/>
        <source>Could not write .qfieldcloudignore: {error}</source>
        <translation>Impossible d’écrire .qfieldcloudignore : {error}</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/plugin.py" line="79"/>
        <source>QField settings of the project…</source>
        <translation>Réglages QField du projet…</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/upload.py" line="41"/>
        <source>Uploads the files of a local folder to a QFieldCloud project: only the files that differ from the server&apos;s unless Force is checked, GeoPackages flushed first, the QGIS project file last. Hidden files and those in .qfieldcloudignore stay local. The QGIS project in the folder is checked first, as the toolbar&apos;s Upload does: what would reach QField broken stops the upload unless accepted.</source>
        <translation>Téléverse les fichiers d’un dossier local vers un projet QFieldCloud : seulement ceux qui diffèrent du serveur (sauf si « Forcer » est coché), les GeoPackages vidés d’abord, le fichier de projet QGIS en dernier. Les fichiers cachés et ceux de .qfieldcloudignore restent locaux. Le projet QGIS du dossier est d’abord vérifié, comme le fait le téléversement de la barre d’outils : ce qui arriverait cassé dans QField arrête le téléversement, sauf s’il est accepté.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/upload.py" line="60"/>
        <source>Upload even when the project check finds what blocks it</source>
        <translation>Téléverser même si la vérification du projet trouve ce qui le bloque</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/upload.py" line="109"/>
        <source>Could not read {file} to check it.</source>
        <translation>Impossible de lire {file} pour le vérifier.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/processing/upload.py" line="121"/>
        <source>The project check found what would reach QField broken: {findings}. Fix it (the toolbar&apos;s Upload offers the fixes), or run again with &quot;Upload even when the project check finds what blocks it&quot;.</source>
        <translation>La vérification du projet a trouvé ce qui arriverait cassé dans QField : {findings}. Corrigez-le (le téléversement de la barre d’outils propose les corrections), ou relancez avec « Téléverser même si la vérification du projet trouve ce qui le bloque ».</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/project_check.py" line="105"/>
        <source>{name} has edits not yet written into the GeoPackage itself (its -wal file). The upload writes them in first, unless another program holds the file.</source>
        <translation>{name} a des modifications pas encore écrites dans le GeoPackage lui-même (son fichier -wal). Le téléversement les y écrit d’abord, sauf si un autre programme tient le fichier.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/layer_check.py" line="230"/>
        <source>In &quot;{name}&quot;, {count} attachments of &quot;{field}&quot; are files outside the project folder, such as {example}: they are not uploaded, and QField shows them as missing.</source>
        <translation>Dans « {name} », {count} pièces jointes de « {field} » sont des fichiers hors du dossier du projet, comme {example} : elles ne sont pas téléversées, et QField les montre comme manquantes.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/layer_check.py" line="141"/>
        <source>The file of &quot;{name}&quot; has letters outside ASCII in its path ({file}): some devices may not open it.</source>
        <translation>Le fichier de « {name} » a des caractères hors ASCII dans son chemin ({file}) : certains appareils pourraient ne pas l’ouvrir.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/layer_check.py" line="153"/>
        <source>The layer &quot;{name}&quot; is encoded in {encoding}, not UTF-8: QField may show its text wrongly.</source>
        <translation>La couche « {name} » est encodée en {encoding}, pas en UTF-8 : QField pourrait mal afficher ses textes.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/project_check.py" line="66"/>
        <source>The project sets its own home path ({path}): QField does not support it.</source>
        <translation>Le projet définit son propre chemin d’accueil ({path}) : QField ne le prend pas en charge.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/project_check.py" line="66"/>
        <source>Use the project file&apos;s folder</source>
        <translation>Utiliser le dossier du fichier de projet</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/project_check.py" line="82"/>
        <source>QFieldCloud refuses these file names, so they cannot be uploaded: {names}. Rename them.</source>
        <translation>QFieldCloud refuse ces noms de fichiers, ils ne peuvent donc pas être téléversés : {names}. Renommez-les.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/core/project_check.py" line="94"/>
        <source>Other files share the project&apos;s base name, which may confuse QField: {names}.</source>
        <translation>D’autres fichiers partagent le nom de base du projet, ce qui peut dérouter QField : {names}.</translation>
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
        <translation>Se déconnecter (QFieldCloud ferme vos sessions sur tous les appareils, QField compris)</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="153"/>
        <source>Upload</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="154"/>
        <source>Upload the open project&apos;s changed files to QFieldCloud</source>
        <translation>Envoyer vers QFieldCloud les fichiers modifiés du projet ouvert</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="174"/>
        <source>Search projects by name or owner</source>
        <translation>Rechercher des projets par nom ou propriétaire</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="176"/>
        <source>Public</source>
        <translation>Public</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="177"/>
        <source>Also list the public projects of other users</source>
        <translation>Afficher aussi les projets publics des autres utilisateurs</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="179"/>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="181"/>
        <source>New cloud project</source>
        <translation>Nouveau projet cloud</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="183"/>
        <source>Delete the selected project</source>
        <translation>Supprimer le projet sélectionné</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="202"/>
        <source>Double-click a project to open its package in the map</source>
        <translation>Double-cliquez sur un projet pour ouvrir son paquet dans la carte</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="344"/>
        <source>Load more</source>
        <translation>Charger plus</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="237"/>
        <source>Open in map</source>
        <translation>Ouvrir dans la carte</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="238"/>
        <source>Download the latest package and open it in QGIS</source>
        <translation>Télécharger le dernier paquet et l’ouvrir dans QGIS</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="240"/>
        <source>Package again, then open in map</source>
        <translation>Recréer le paquet, puis l’ouvrir dans la carte</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="248"/>
        <source>Download files…</source>
        <translation>Télécharger les fichiers…</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="250"/>
        <source>Package</source>
        <translation>Paquet</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="251"/>
        <source>Start a package job (what QField downloads)</source>
        <translation>Lancer une tâche de création de paquet (ce que QField télécharge)</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="253"/>
        <source>Process</source>
        <translation>Traiter</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="254"/>
        <source>Start a process_projectfile job (re-reads the QGIS project)</source>
        <translation>Lancer une tâche process_projectfile (relit le projet QGIS)</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="281"/>
        <source>You are not logged in to QFieldCloud.
Log in to see your projects, their jobs and files.</source>
        <translation>Vous n’êtes pas connecté à QFieldCloud.
Connectez-vous pour voir vos projets, leurs tâches et leurs fichiers.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="281"/>
        <source>Log in…</source>
        <translation>Se connecter…</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="344"/>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="295"/>
        <source>{user} on {server}</source>
        <translation>{user} sur {server}</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="307"/>
        <source>Open project ↔ {name}</source>
        <translation>Projet ouvert ↔ {name}</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="309"/>
        <source>Open project: not linked yet (the upload button offers to link it)</source>
        <translation>Projet ouvert : pas encore lié (le bouton d’envoi propose de le lier)</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="311"/>
        <source>Open project: not saved</source>
        <translation>Projet ouvert : non enregistré</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="327"/>
        <source>Could not load the projects: {error}</source>
        <translation>Impossible de charger les projets : {error}</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="329"/>
        <source>Loading projects…</source>
        <translation>Chargement des projets…</translation>
    </message>
    <message numerus="yes">
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="329"/>
        <source>%n project(s), loading more…</source>
        <translation>
            <numerusform>%n projet, chargement de la suite…</numerusform>
            <numerusform>%n projets, chargement de la suite…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="331"/>
        <source>No project matches &quot;{search}&quot;.</source>
        <translation>Aucun projet ne correspond à « {search} ».</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="333"/>
        <source>You have no QFieldCloud projects yet. Create one with the + button, or upload the open QGIS project from the toolbar.</source>
        <translation>Vous n’avez encore aucun projet QFieldCloud. Créez-en un avec le bouton +, ou envoyez le projet QGIS ouvert depuis la barre d’outils.</translation>
    </message>
    <message numerus="yes">
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="338"/>
        <source>%n project(s)</source>
        <translation>
            <numerusform>%n projet</numerusform>
            <numerusform>%n projets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="340"/>
        <source>%n project(s) shown, more on the server</source>
        <translation>
            <numerusform>%n projet affiché, d’autres sur le serveur</numerusform>
            <numerusform>%n projets affichés, d’autres sur le serveur</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="373"/>
        <source>Select a project to see its jobs, files and collaborators.</source>
        <translation>Sélectionnez un projet pour voir ses tâches, ses fichiers et ses collaborateurs.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="375"/>
        <source>no description</source>
        <translation>aucune description</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="156"/>
        <source>Synchronize</source>
        <translation>Synchroniser</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/dock.py" line="157"/>
        <source>Compare the open project&apos;s folder with QFieldCloud, show what would change, then upload, download and delete as you confirm</source>
        <translation>Comparer le dossier du projet ouvert avec QFieldCloud, montrer ce qui changerait, puis envoyer, télécharger et supprimer après votre confirmation</translation>
    </message>
</context>
<context>
    <name>CollaboratorsModel</name>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="319"/>
        <source>Collaborator</source>
        <translation>Collaborateur</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="319"/>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
</context>
<context>
    <name>CreateProjectDialog</name>
    <message>
        <location filename="../qfieldcloud_plugin/gui/create_dialog.py" line="15"/>
        <source>New QFieldCloud project</source>
        <translation>Nouveau projet QFieldCloud</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/create_dialog.py" line="19"/>
        <source>letters, digits, - _ . only</source>
        <translation>lettres, chiffres, - _ . uniquement</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/create_dialog.py" line="21"/>
        <source>Your username, or an organization where you may create projects</source>
        <translation>Votre nom d’utilisateur, ou une organisation où vous pouvez créer des projets</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/create_dialog.py" line="23"/>
        <source>Public (anyone can read it)</source>
        <translation>Public (tout le monde peut le lire)</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/create_dialog.py" line="24"/>
        <source>Upload the open QGIS project into it</source>
        <translation>Y envoyer le projet QGIS ouvert</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/create_dialog.py" line="28"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/create_dialog.py" line="29"/>
        <source>Owner</source>
        <translation>Propriétaire</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/create_dialog.py" line="30"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
</context>
<context>
    <name>FilesModel</name>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="288"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="288"/>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="288"/>
        <source>Local copy</source>
        <translation>Copie locale</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="299"/>
        <source>up to date</source>
        <translation>à jour</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="300"/>
        <source>differs</source>
        <translation>différente</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="301"/>
        <source>not downloaded</source>
        <translation>non téléchargée</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="302"/>
        <source>project not linked</source>
        <translation>projet non lié</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="303"/>
        <source>checking…</source>
        <translation>vérification…</translation>
    </message>
</context>
<context>
    <name>JobsModel</name>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="253"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="253"/>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="253"/>
        <source>Created</source>
        <translation>Créée</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="253"/>
        <source>Finished</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="257"/>
        <source>Package</source>
        <translation>Paquet</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="258"/>
        <source>Process project file</source>
        <translation>Traitement du fichier de projet</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="259"/>
        <source>Apply changes</source>
        <translation>Application des modifications</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="260"/>
        <source>Create project</source>
        <translation>Création du projet</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../qfieldcloud_plugin/gui/login_dialog.py" line="30"/>
        <source>Log in to QFieldCloud</source>
        <translation>Se connecter à QFieldCloud</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/login_dialog.py" line="34"/>
        <source>Log in with your QFieldCloud account. Self-hosted servers work too.</source>
        <translation>Connectez-vous avec votre compte QFieldCloud. Les serveurs auto-hébergés fonctionnent aussi.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/login_dialog.py" line="36"/>
        <source>This address is not encrypted (http://): your password and data would travel in clear text. Use https:// unless the server is on this machine.</source>
        <translation>Cette adresse n’est pas chiffrée (http://) : votre mot de passe et vos données circuleraient en clair. Utilisez https://, sauf si le serveur tourne sur cette machine.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/login_dialog.py" line="54"/>
        <source>The QFieldCloud server, e.g. https://app.qfield.cloud/ or your own.</source>
        <translation>Le serveur QFieldCloud, par ex. https://app.qfield.cloud/ ou le vôtre.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/login_dialog.py" line="64"/>
        <source>Username or email</source>
        <translation>Nom d’utilisateur ou e-mail</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/login_dialog.py" line="65"/>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/login_dialog.py" line="59"/>
        <source>Remember me (the token is kept in the QGIS password manager)</source>
        <translation>Se souvenir de moi (le jeton est conservé dans le gestionnaire de mots de passe de QGIS)</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/login_dialog.py" line="63"/>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/login_dialog.py" line="70"/>
        <source>Log in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/login_dialog.py" line="123"/>
        <source>Logging in to {server}…</source>
        <translation>Connexion à {server}…</translation>
    </message>
</context>
<context>
    <name>ProjectCheckDialog</name>
    <message>
        <location filename="../qfieldcloud_plugin/gui/check_dialog.py" line="34"/>
        <source>Check the project before uploading</source>
        <translation>Vérifier le projet avant de téléverser</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/check_dialog.py" line="44"/>
        <source>Finding</source>
        <translation>Constat</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/check_dialog.py" line="44"/>
        <source>Fix</source>
        <translation>Correction</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/check_dialog.py" line="59"/>
        <source>(no automatic fix)</source>
        <translation>(pas de correction automatique)</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/check_dialog.py" line="68"/>
        <source>Upload anyway, with what blocks: I know QField will miss it</source>
        <translation>Téléverser quand même, avec ce qui bloque : je sais que QField en sera privé</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/check_dialog.py" line="72"/>
        <source>Apply the ticked fixes</source>
        <translation>Appliquer les corrections cochées</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/check_dialog.py" line="73"/>
        <source>Upload without fixing</source>
        <translation>Téléverser sans corriger</translation>
    </message>
    <message numerus="yes">
        <location filename="../qfieldcloud_plugin/gui/check_dialog.py" line="95"/>
        <source>%n finding(s) block the upload</source>
        <translation>
            <numerusform>%n constat bloque le téléversement</numerusform>
            <numerusform>%n constats bloquent le téléversement</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qfieldcloud_plugin/gui/check_dialog.py" line="97"/>
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n avertissement</numerusform>
            <numerusform>%n avertissements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qfieldcloud_plugin/gui/check_dialog.py" line="99"/>
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n remarque</numerusform>
            <numerusform>%n remarques</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/check_dialog.py" line="100"/>
        <source>Each fix is done only when you click Apply: data outside the folder is copied in, and the originals stay as they are.</source>
        <translation>Chaque correction n’a lieu que lorsque vous cliquez sur Appliquer : les données hors du dossier y sont copiées, et les originaux restent tels quels.</translation>
    </message>
</context>
<context>
    <name>ProjectTabs</name>
    <message>
        <location filename="../qfieldcloud_plugin/gui/project_tabs.py" line="51"/>
        <source>Show output</source>
        <translation>Afficher la sortie</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/project_tabs.py" line="59"/>
        <source>Jobs</source>
        <translation>Tâches</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/project_tabs.py" line="60"/>
        <source>Files</source>
        <translation>Fichiers</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/project_tabs.py" line="61"/>
        <source>Collaborators</source>
        <translation>Collaborateurs</translation>
    </message>
</context>
<context>
    <name>ProjectsModel</name>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="122"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="123"/>
        <source>Owner</source>
        <translation>Propriétaire</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="124"/>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="125"/>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="126"/>
        <source>Updated</source>
        <translation>Mis à jour</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="127"/>
        <source>Visibility</source>
        <translation>Visibilité</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="141"/>
        <source>Public</source>
        <translation>Public</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="141"/>
        <source>Private</source>
        <translation>Privé</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="149"/>
        <source>Ready: the QGIS project was processed.</source>
        <translation>Prêt : le projet QGIS a été traité.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="150"/>
        <source>A job is pending or running on this project.</source>
        <translation>Une tâche est en attente ou en cours sur ce projet.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="151"/>
        <source>No processed QGIS project file yet (upload one), or too many collaborators for the plan.</source>
        <translation>Pas encore de fichier de projet QGIS traité (envoyez-en un), ou trop de collaborateurs pour l’abonnement.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/models.py" line="193"/>
        <source>Loading QFieldCloud projects</source>
        <translation>Chargement des projets QFieldCloud</translation>
    </message>
</context>
<context>
    <name>QFieldSettingsDialog</name>
    <message>
        <location filename="../qfieldcloud_plugin/gui/qfield_settings_dialog.py" line="55"/>
        <source>QField settings of the project</source>
        <translation>Réglages QField du projet</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/qfield_settings_dialog.py" line="61"/>
        <source>What QField gets of each layer when QFieldCloud packages the project. The settings are those of QFieldSync, saved in the project file.</source>
        <translation>Ce que QField reçoit de chaque couche quand QFieldCloud empaquette le projet. Ce sont les réglages de QFieldSync, enregistrés dans le fichier de projet.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/qfield_settings_dialog.py" line="89"/>
        <source>Layer</source>
        <translation>Couche</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/qfield_settings_dialog.py" line="69"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/qfield_settings_dialog.py" line="69"/>
        <source>In QField</source>
        <translation>Dans QField</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/qfield_settings_dialog.py" line="109"/>
        <source>Folders of the project that hold photos and other attachments, separated by commas.</source>
        <translation>Dossiers du projet qui contiennent photos et autres pièces jointes, séparés par des virgules.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/qfield_settings_dialog.py" line="113"/>
        <source>Attachment folders</source>
        <translation>Dossiers de pièces jointes</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/qfield_settings_dialog.py" line="89"/>
        <source>Attachment field</source>
        <translation>Champ de pièce jointe</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/qfield_settings_dialog.py" line="89"/>
        <source>File name in QField</source>
        <translation>Nom de fichier dans QField</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/qfield_settings_dialog.py" line="106"/>
        <source>A QGIS expression naming each new photo or file taken in QField.</source>
        <translation>Une expression QGIS qui nomme chaque nouvelle photo ou fichier pris dans QField.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/qfield_settings_dialog.py" line="180"/>
        <source>scratch layer, in memory</source>
        <translation>couche temporaire, en mémoire</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/qfield_settings_dialog.py" line="130"/>
        <source>Create a base map when the project is packaged</source>
        <translation>Créer un fond de carte à l’empaquetage du projet</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/qfield_settings_dialog.py" line="134"/>
        <source>Map theme:</source>
        <translation>Thème de carte :</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/qfield_settings_dialog.py" line="136"/>
        <source>Layer: {name}</source>
        <translation>Couche : {name}</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/qfield_settings_dialog.py" line="152"/>
        <source>Use the current map extent</source>
        <translation>Utiliser l’emprise actuelle de la carte</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/qfield_settings_dialog.py" line="155"/>
        <source>Rendered from</source>
        <translation>Rendu à partir de</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/qfield_settings_dialog.py" line="156"/>
        <source>Map theme</source>
        <translation>Thème de carte</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/qfield_settings_dialog.py" line="157"/>
        <source>Zoom level</source>
        <translation>Niveau de zoom</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/qfield_settings_dialog.py" line="158"/>
        <source>Area</source>
        <translation>Zone</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/qfield_settings_dialog.py" line="163"/>
        <source>{crs}: {wkt}</source>
        <translation>{crs} : {wkt}</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/qfield_settings_dialog.py" line="163"/>
        <source>(none yet)</source>
        <translation>(aucune pour l’instant)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../qfieldcloud_plugin/gui/settings_dialog.py" line="13"/>
        <source>QFieldCloud settings</source>
        <translation>Paramètres QFieldCloud</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/settings_dialog.py" line="27"/>
        <source>Packages go to &lt;folder&gt;/&lt;owner&gt;/&lt;project&gt;/.</source>
        <translation>Les paquets sont placés dans &lt;dossier&gt;/&lt;propriétaire&gt;/&lt;projet&gt;/.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/settings_dialog.py" line="30"/>
        <source>Download folder</source>
        <translation>Dossier de téléchargement</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/settings_dialog.py" line="32"/>
        <source>Transfers running at once</source>
        <translation>Transferts simultanés</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/settings_dialog.py" line="33"/>
        <source>Files per transfer in parallel</source>
        <translation>Fichiers en parallèle par transfert</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/settings_dialog.py" line="34"/>
        <source>Projects per page</source>
        <translation>Projets par page</translation>
    </message>
</context>
<context>
    <name>SyncPlanDialog</name>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="42"/>
        <source>Synchronize with QFieldCloud</source>
        <translation>Synchroniser avec QFieldCloud</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="49"/>
        <source>&lt;b&gt;{name}&lt;/b&gt;: this is what synchronizing will do. Nothing changes until you click Synchronize.</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; : voici ce que fera la synchronisation. Rien ne change tant que vous n’avez pas cliqué sur « Synchroniser ».</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="59"/>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="59"/>
        <source>What happens</source>
        <translation>Ce qui se passe</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="59"/>
        <source>Your choice</source>
        <translation>Votre choix</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="68"/>
        <source>First synchronization of this folder: nothing is deleted, and files that differ are shown as conflicts.</source>
        <translation>Première synchronisation de ce dossier : rien n’est supprimé, et les fichiers qui diffèrent sont présentés comme des conflits.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="75"/>
        <source>Local files that are deleted or replaced are moved to the .qfieldcloud/trash folder of the project, never erased.</source>
        <translation>Les fichiers locaux supprimés ou remplacés sont déplacés dans le dossier .qfieldcloud/trash du projet, jamais effacés.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="86"/>
        <source>Synchronize</source>
        <translation>Synchroniser</translation>
    </message>
    <message numerus="yes">
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="100"/>
        <source>Conflicts: changed on both sides (%n)</source>
        <translation>
            <numerusform>Conflits : modifié des deux côtés (%n)</numerusform>
            <numerusform>Conflits : modifié des deux côtés (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="101"/>
        <source>Upload to QFieldCloud (%n)</source>
        <translation>
            <numerusform>Envoyer vers QFieldCloud (%n)</numerusform>
            <numerusform>Envoyer vers QFieldCloud (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="102"/>
        <source>Download from QFieldCloud (%n)</source>
        <translation>
            <numerusform>Télécharger depuis QFieldCloud (%n)</numerusform>
            <numerusform>Télécharger depuis QFieldCloud (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="103"/>
        <source>Delete on this computer (%n)</source>
        <translation>
            <numerusform>Supprimer sur cet ordinateur (%n)</numerusform>
            <numerusform>Supprimer sur cet ordinateur (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="104"/>
        <source>Delete on QFieldCloud (%n)</source>
        <translation>
            <numerusform>Supprimer sur QFieldCloud (%n)</numerusform>
            <numerusform>Supprimer sur QFieldCloud (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="105"/>
        <source>Unchanged (%n)</source>
        <translation>
            <numerusform>Inchangé (%n)</numerusform>
            <numerusform>Inchangés (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="112"/>
        <source>{upload} to upload, {download} to download, {delete_local} to delete here, {delete_remote} to delete on QFieldCloud, {conflicts} conflicts, {unchanged} unchanged.</source>
        <translation>{upload} à envoyer, {download} à télécharger, {delete_local} à supprimer ici, {delete_remote} à supprimer sur QFieldCloud, {conflicts} conflit(s), {unchanged} inchangé(s).</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="128"/>
        <source>changed here and on QFieldCloud</source>
        <translation>modifié ici et sur QFieldCloud</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="129"/>
        <source>differs here and on QFieldCloud, never synced</source>
        <translation>différent ici et sur QFieldCloud, jamais synchronisé</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="130"/>
        <source>deleted here, changed on QFieldCloud</source>
        <translation>supprimé ici, modifié sur QFieldCloud</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="131"/>
        <source>changed here, deleted on QFieldCloud</source>
        <translation>modifié ici, supprimé sur QFieldCloud</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="135"/>
        <source>changed here</source>
        <translation>modifié ici</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="135"/>
        <source>new here</source>
        <translation>nouveau ici</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="138"/>
        <source>changed on QFieldCloud</source>
        <translation>modifié sur QFieldCloud</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="138"/>
        <source>new on QFieldCloud</source>
        <translation>nouveau sur QFieldCloud</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="141"/>
        <source>deleted on QFieldCloud; moved to the trash here</source>
        <translation>supprimé sur QFieldCloud ; déplacé dans la corbeille ici</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="143"/>
        <source>deleted here</source>
        <translation>supprimé ici</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="145"/>
        <source>same change on both sides</source>
        <translation>même modification des deux côtés</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="146"/>
        <source>identical</source>
        <translation>identique</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="173"/>
        <source>Restore it from QFieldCloud</source>
        <translation>La restaurer depuis QFieldCloud</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="178"/>
        <source>Delete it on QFieldCloud too</source>
        <translation>La supprimer aussi sur QFieldCloud</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="186"/>
        <source>Keep mine (upload it again)</source>
        <translation>Garder la mienne (la renvoyer)</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="238"/>
        <source>untick to keep</source>
        <translation>décocher pour garder</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="87"/>
        <source>Choose what to do with each conflict first.</source>
        <translation>Choisissez d’abord quoi faire de chaque conflit.</translation>
    </message>
    <message numerus="yes">
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="154"/>
        <source>%n edit(s) from {user}</source>
        <translation>
            <numerusform>%n modification de {user}</numerusform>
            <numerusform>%n modifications de {user}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="154"/>
        <source>since your last sync</source>
        <translation>depuis votre dernière synchronisation</translation>
    </message>
    <message numerus="yes">
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="163"/>
        <source>%n new version(s) on QFieldCloud since your last sync</source>
        <translation>
            <numerusform>%n nouvelle version sur QFieldCloud depuis votre dernière synchronisation</numerusform>
            <numerusform>%n nouvelles versions sur QFieldCloud depuis votre dernière synchronisation</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="168"/>
        <source>yours is moved to the .qfieldcloud/trash folder here</source>
        <translation>la vôtre est déplacée ici dans le dossier .qfieldcloud/trash</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="170"/>
        <source>QFieldCloud&apos;s copy ({news})</source>
        <translation>La copie de QFieldCloud ({news})</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="170"/>
        <source>QFieldCloud&apos;s copy</source>
        <translation>La copie de QFieldCloud</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="173"/>
        <source>{theirs} is downloaded here again.</source>
        <translation>{theirs} est de nouveau téléchargée ici.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="178"/>
        <source>{theirs} is deleted on QFieldCloud, with its version history.</source>
        <translation>{theirs} est supprimée sur QFieldCloud, avec son historique des versions.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="186"/>
        <source>Your copy is uploaded to QFieldCloud again.</source>
        <translation>Votre copie est de nouveau envoyée sur QFieldCloud.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="191"/>
        <source>Delete it here too</source>
        <translation>La supprimer ici aussi</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="191"/>
        <source>It is deleted here too: {trash}.</source>
        <translation>Elle est aussi supprimée ici : {trash}.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="198"/>
        <source>Keep both</source>
        <translation>Garder les deux</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="206"/>
        <source>Keep mine</source>
        <translation>Garder la mienne</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="206"/>
        <source>Yours replaces {theirs} on QFieldCloud; it stays in the file&apos;s version history there.</source>
        <translation>La vôtre remplace sur QFieldCloud : {theirs} ; celle-ci reste dans l’historique des versions du fichier.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="213"/>
        <source>Keep QFieldCloud&apos;s</source>
        <translation>Garder celle de QFieldCloud</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="213"/>
        <source>{theirs} replaces yours here; {trash}.</source>
        <translation>{theirs} remplace la vôtre ici ; {trash}.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="247"/>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="253"/>
        <source>Choose what happens to this file.</source>
        <translation>Choisissez ce qu’il advient de ce fichier.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="255"/>
        <source>On QFieldCloud: {news}.</source>
        <translation>Sur QFieldCloud : {news}.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/sync_dialog.py" line="198"/>
        <source>Yours is uploaded and replaces {theirs} on QFieldCloud, where that stays in the file&apos;s version history and is also saved here beside yours.</source>
        <translation>La vôtre est envoyée et remplace sur QFieldCloud : {theirs} ; celle-ci reste dans l’historique des versions du fichier et est aussi enregistrée ici à côté de la vôtre.</translation>
    </message>
</context>
<context>
    <name>UploadListDialog</name>
    <message>
        <location filename="../qfieldcloud_plugin/gui/upload_list_dialog.py" line="29"/>
        <source>What to upload</source>
        <translation>Quoi téléverser</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/upload_list_dialog.py" line="33"/>
        <source>The project file</source>
        <translation>Le fichier de projet</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/upload_list_dialog.py" line="34"/>
        <source>Data of its layers</source>
        <translation>Données de ses couches</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/upload_list_dialog.py" line="35"/>
        <source>Attachments</source>
        <translation>Pièces jointes</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/upload_list_dialog.py" line="36"/>
        <source>Other files in the folder, not used by the project</source>
        <translation>Autres fichiers du dossier, non utilisés par le projet</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/upload_list_dialog.py" line="39"/>
        <source>unticked: looks private (document, archive, video)</source>
        <translation>décoché : semble privé (document, archive, vidéo)</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/upload_list_dialog.py" line="40"/>
        <source>unticked: large, and not used by the project</source>
        <translation>décoché : volumineux, et non utilisé par le projet</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/upload_list_dialog.py" line="43"/>
        <source>&lt;b&gt;{name}&lt;/b&gt;: these files are new or changed. Untick what should stay on this computer.</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; : ces fichiers sont nouveaux ou modifiés. Décochez ce qui doit rester sur cet ordinateur.</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/upload_list_dialog.py" line="51"/>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/upload_list_dialog.py" line="51"/>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/upload_list_dialog.py" line="51"/>
        <source>Note</source>
        <translation>Remarque</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/upload_list_dialog.py" line="71"/>
        <source>Remember: never upload the unticked files (in .qfieldcloudignore)</source>
        <translation>Mémoriser : ne jamais téléverser les fichiers décochés (dans .qfieldcloudignore)</translation>
    </message>
    <message>
        <location filename="../qfieldcloud_plugin/gui/upload_list_dialog.py" line="75"/>
        <source>Upload</source>
        <translation>Téléverser</translation>
    </message>
    <message numerus="yes">
        <location filename="../qfieldcloud_plugin/gui/upload_list_dialog.py" line="97"/>
        <source>%n file(s) will be uploaded</source>
        <translation>
            <numerusform>%n fichier sera téléversé</numerusform>
            <numerusform>%n fichiers seront téléversés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qfieldcloud_plugin/gui/upload_list_dialog.py" line="97"/>
        <source>%n left out</source>
        <translation>
            <numerusform>%n laissé de côté</numerusform>
            <numerusform>%n laissés de côté</numerusform>
        </translation>
    </message>
</context>
</TS>
