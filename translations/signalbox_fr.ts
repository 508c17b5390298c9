<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Signalbox</source>
        <translation>À propos de Signalbox</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Signalbox %1&lt;/h2&gt;&lt;p&gt;A native studio for event-driven systems: an embedded broker, live monitoring, message traces, pipelines and contracts.&lt;/p&gt;&lt;p&gt;Licensed under the GNU General Public License, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Signalbox %1&lt;/h2&gt;&lt;p&gt;Un studio natif pour les systèmes événementiels : broker intégré, supervision en direct, traces de messages, pipelines et contrats.&lt;/p&gt;&lt;p&gt;Distribué sous la licence publique générale GNU, version 3 ou ultérieure.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Bibliothèque</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>License</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>Built with:</source>
        <translation>Construit avec :</translation>
    </message>
</context>
<context>
    <name>BrokerController</name>
    <message>
        <source>WebSocket</source>
        <translation>WebSocket</translation>
    </message>
    <message>
        <source>MQTT</source>
        <translation>MQTT</translation>
    </message>
    <message>
        <source>The usual broker ports are taken (%1); using free ports instead</source>
        <translation>Les ports habituels du broker sont occupés (%1) ; des ports libres sont utilisés</translation>
    </message>
    <message>
        <source>The embedded broker did not start: %1</source>
        <translation>Le broker intégré n’a pas démarré : %1</translation>
    </message>
    <message>
        <source>Broker stopped</source>
        <translation>Broker arrêté</translation>
    </message>
    <message>
        <source>Broker not running: %1</source>
        <translation>Le broker ne tourne pas : %1</translation>
    </message>
    <message>
        <source>Broker: %1</source>
        <translation>Broker : %1</translation>
    </message>
    <message>
        <source>AMQP</source>
        <translation>AMQP</translation>
    </message>
</context>
<context>
    <name>DocumentTab</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>
[only the first %1 MiB are shown]</source>
        <translation>
[seuls les %1 premiers Mio sont affichés]</translation>
    </message>
</context>
<context>
    <name>ExplorerDock</name>
    <message>
        <source>Explorer</source>
        <translation>Explorateur</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filtrer</translation>
    </message>
</context>
<context>
    <name>LogModel</name>
    <message>
        <source>Trace</source>
        <translation>Trace</translation>
    </message>
    <message>
        <source>Debug</source>
        <translation>Débogage</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
</context>
<context>
    <name>LogPanel</name>
    <message>
        <source>Show messages at this level and above</source>
        <translation>Afficher les messages de ce niveau et au-dessus</translation>
    </message>
    <message>
        <source>Search the log</source>
        <translation>Rechercher dans le journal</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>Remove all messages from the log panel</source>
        <translation>Retirer tous les messages du journal</translation>
    </message>
    <message>
        <source>Level:</source>
        <translation>Niveau :</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Signalbox</source>
        <translation>Signalbox</translation>
    </message>
    <message>
        <source>Application Log</source>
        <translation>Journal de l’application</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Vue d’ensemble</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Édition</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;New Workspace…</source>
        <translation>&amp;Nouvel espace de travail…</translation>
    </message>
    <message>
        <source>&amp;Open Workspace…</source>
        <translation>&amp;Ouvrir un espace de travail…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Espaces de travail &amp;récents</translation>
    </message>
    <message>
        <source>&amp;Close Tab</source>
        <translation>&amp;Fermer l’onglet</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Dark Theme</source>
        <translation>Thème &amp;sombre</translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation>&amp;Réinitialiser la disposition</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>&amp;About Signalbox</source>
        <translation>À &amp;propos de Signalbox</translation>
    </message>
    <message>
        <source>No recent workspaces</source>
        <translation>Aucun espace de travail récent</translation>
    </message>
    <message>
        <source>Clear List</source>
        <translation>Vider la liste</translation>
    </message>
    <message>
        <source>%1 — Signalbox</source>
        <translation>%1 — Signalbox</translation>
    </message>
    <message>
        <source>Workspace: %1</source>
        <translation>Espace de travail : %1</translation>
    </message>
    <message>
        <source>No workspace</source>
        <translation>Aucun espace de travail</translation>
    </message>
    <message>
        <source>Choose an empty folder for the new workspace</source>
        <translation>Choisissez un dossier vide pour le nouvel espace de travail</translation>
    </message>
    <message>
        <source>New Workspace</source>
        <translation>Nouvel espace de travail</translation>
    </message>
    <message>
        <source>Open Workspace</source>
        <translation>Ouvrir un espace de travail</translation>
    </message>
    <message>
        <source>Open Recent Workspace</source>
        <translation>Ouvrir un espace de travail récent</translation>
    </message>
    <message>
        <source>The new language applies when Signalbox starts again.</source>
        <translation>La nouvelle langue s’appliquera au prochain démarrage de Signalbox.</translation>
    </message>
    <message>
        <source>Clients: %1 · received: %2 · sent: %3</source>
        <translation>Clients : %1 · reçus : %2 · envoyés : %3</translation>
    </message>
    <message>
        <source>&amp;Broker</source>
        <translation>&amp;Broker</translation>
    </message>
    <message>
        <source>&amp;Start Embedded Broker</source>
        <translation>&amp;Démarrer le broker intégré</translation>
    </message>
    <message>
        <source>Embedded Broker</source>
        <translation>Broker intégré</translation>
    </message>
    <message>
        <source>The broker did not start: %1</source>
        <translation>Le broker n’a pas démarré : %1</translation>
    </message>
    <message>
        <source>S&amp;top Embedded Broker</source>
        <translation>A&amp;rrêter le broker intégré</translation>
    </message>
    <message>
        <source>&amp;Copy MQTT Address</source>
        <translation>&amp;Copier l’adresse MQTT</translation>
    </message>
    <message>
        <source>Copied %1</source>
        <translation>%1 copié</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>No workspace open</source>
        <translation>Aucun espace de travail ouvert</translation>
    </message>
    <message>
        <source>Create a workspace or open an existing one to begin.</source>
        <translation>Créez un espace de travail ou ouvrez-en un pour commencer.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Embedded broker</source>
        <translation>Broker intégré</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Thème :</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue :</translation>
    </message>
    <message>
        <source>A new language takes effect when Signalbox starts again.</source>
        <translation>Une nouvelle langue prend effet au prochain démarrage de Signalbox.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Raccourci</translation>
    </message>
</context>
<context>
    <name>Studio</name>
    <message>
        <source>Signalbox: a studio for event-driven systems</source>
        <translation>Signalbox : un studio pour les systèmes événementiels</translation>
    </message>
    <message>
        <source>Workspace folder to open</source>
        <translation>Dossier de l’espace de travail à ouvrir</translation>
    </message>
    <message>
        <source>Save a picture of the window to FILE and quit</source>
        <translation>Enregistrer une image de la fenêtre dans FICHIER et quitter</translation>
    </message>
    <message>
        <source>Signalbox %1 started (language: %2)</source>
        <translation>Signalbox %1 démarré (langue : %2)</translation>
    </message>
    <message>
        <source>Do not start the embedded broker</source>
        <translation>Ne pas démarrer le broker intégré</translation>
    </message>
    <message>
        <source>Embedded broker MQTT port (default 1883; 0 picks one)</source>
        <translation>Port MQTT du broker intégré (1883 par défaut ; 0 en choisit un libre)</translation>
    </message>
    <message>
        <source>Embedded broker WebSocket port (default 9001; 0 picks one)</source>
        <translation>Port WebSocket du broker intégré (9001 par défaut ; 0 en choisit un libre)</translation>
    </message>
    <message>
        <source>Embedded broker AMQP port (default 5672; 0 picks one)</source>
        <translation>Port AMQP du broker intégré (5672 par défaut ; 0 en choisit un libre)</translation>
    </message>
</context>
<context>
    <name>WorkspaceController</name>
    <message>
        <source>Cannot open workspace: %1</source>
        <translation>Impossible d’ouvrir l’espace de travail : %1</translation>
    </message>
    <message>
        <source>Opened workspace &quot;%1&quot; (%2)</source>
        <translation>Espace de travail « %1 » ouvert (%2)</translation>
    </message>
    <message>
        <source>Cannot create workspace: %1</source>
        <translation>Impossible de créer l’espace de travail : %1</translation>
    </message>
    <message>
        <source>Created workspace &quot;%1&quot;</source>
        <translation>Espace de travail « %1 » créé</translation>
    </message>
    <message>
        <source>Cannot unpack the demo workspace into %1</source>
        <translation>Impossible d’extraire l’espace de démonstration dans %1</translation>
    </message>
    <message>
        <source>Unpacked the demo workspace into %1</source>
        <translation>Espace de démonstration extrait dans %1</translation>
    </message>
</context>
<context>
    <name>WorkspaceTreeModel</name>
    <message>
        <source>Connections</source>
        <translation>Connexions</translation>
    </message>
    <message>
        <source>Contracts</source>
        <translation>Contrats</translation>
    </message>
    <message>
        <source>Pipelines</source>
        <translation>Pipelines</translation>
    </message>
    <message>
        <source>Message templates</source>
        <translation>Modèles de messages</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>Espace de travail</translation>
    </message>
</context>
</TS>
