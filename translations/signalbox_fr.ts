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
    <name>BrokerExplorerDock</name>
    <message>
        <source>Brokers</source>
        <translation>Brokers</translation>
    </message>
    <message>
        <source>Filter queues, exchanges, topics</source>
        <translation>Filtrer files, échanges, topics</translation>
    </message>
    <message>
        <source>%1: done</source>
        <translation>%1 : terminé</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 a échoué : %2</translation>
    </message>
    <message>
        <source>No broker is running. Start the embedded broker from the Broker menu.</source>
        <translation>Aucun broker ne tourne. Démarrez le broker intégré depuis le menu Broker.</translation>
    </message>
    <message>
        <source>Open Dashboard</source>
        <translation>Ouvrir le tableau de bord</translation>
    </message>
    <message>
        <source>Show Clients</source>
        <translation>Afficher les clients</translation>
    </message>
    <message>
        <source>Detach</source>
        <translation>Détacher</translation>
    </message>
    <message>
        <source>Purge…</source>
        <translation>Purger…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <source>Copy Name</source>
        <translation>Copier le nom</translation>
    </message>
    <message>
        <source>Purge Queue</source>
        <translation>Purger la file</translation>
    </message>
    <message>
        <source>Remove every ready message from “%1”? This cannot be undone.</source>
        <translation>Supprimer tous les messages prêts de « %1 » ? Cette action est irréversible.</translation>
    </message>
    <message>
        <source>Purge %1</source>
        <translation>Purger %1</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Delete “%1” and every message in it? This cannot be undone.</source>
        <translation>Supprimer « %1 » et tous ses messages ? Cette action est irréversible.</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>Supprimer %1</translation>
    </message>
</context>
<context>
    <name>BrokerTreeModel</name>
    <message>
        <source>(AMQP default)</source>
        <translation>(AMQP par défaut)</translation>
    </message>
    <message>
        <source>(empty level)</source>
        <translation>(niveau vide)</translation>
    </message>
    <message>
        <source>retained</source>
        <translation>retenu</translation>
    </message>
    <message>
        <source>topic</source>
        <translation>topic</translation>
    </message>
    <message>
        <source>MQTT topics (%1)</source>
        <translation>Topics MQTT (%1)</translation>
    </message>
    <message>
        <source>virtual host</source>
        <translation>hôte virtuel</translation>
    </message>
    <message>
        <source>Exchanges</source>
        <translation>Échanges</translation>
    </message>
    <message>
        <source>Queues</source>
        <translation>Files</translation>
    </message>
    <message>
        <source>Streams</source>
        <translation>Flux</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Prêts</translation>
    </message>
    <message>
        <source>Unacked</source>
        <translation>Non acquittés</translation>
    </message>
    <message>
        <source>Consumers</source>
        <translation>Consommateurs</translation>
    </message>
    <message>
        <source>In/s</source>
        <translation>Entrée/s</translation>
    </message>
    <message>
        <source>Out/s</source>
        <translation>Sortie/s</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Last value</source>
        <translation>Dernière valeur</translation>
    </message>
    <message>
        <source>Dead letters waiting: %1</source>
        <translation>Lettres mortes en attente : %1</translation>
    </message>
    <message>
        <source>Depth rising: %1 → %2 over the last %3 updates</source>
        <translation>Profondeur en hausse : %1 → %2 sur les %3 dernières mises à jour</translation>
    </message>
    <message>
        <source>No consumers</source>
        <translation>Aucun consommateur</translation>
    </message>
</context>
<context>
    <name>ClientsModel</name>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protocole</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Vhost</source>
        <translation>Vhost</translation>
    </message>
    <message>
        <source>Connected since</source>
        <translation>Connecté depuis</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Canaux</translation>
    </message>
    <message>
        <source>In</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>Sortie</translation>
    </message>
    <message>
        <source>%1 messages, %2</source>
        <translation>%1 messages, %2</translation>
    </message>
</context>
<context>
    <name>ClientsPage</name>
    <message>
        <source>Disconnect…</source>
        <translation>Déconnecter…</translation>
    </message>
    <message>
        <source>Filter clients</source>
        <translation>Filtrer les clients</translation>
    </message>
    <message>
        <source>Subscription / queue</source>
        <translation>Abonnement / file</translation>
    </message>
    <message>
        <source>Consumer tag</source>
        <translation>Étiquette du consommateur</translation>
    </message>
    <message>
        <source>QoS</source>
        <translation>QoS</translation>
    </message>
    <message>
        <source>Prefetch</source>
        <translation>Prefetch</translation>
    </message>
    <message>
        <source>Ack</source>
        <translation>Acquittement</translation>
    </message>
    <message numerus="yes">
        <source>%n client(s)</source>
        <translation>
            <numerusform>%n client</numerusform>
            <numerusform>%n clients</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a client to see its subscriptions and consumers.</source>
        <translation>Sélectionnez un client pour voir ses abonnements et consommateurs.</translation>
    </message>
    <message>
        <source>Subscriptions and consumers of %1</source>
        <translation>Abonnements et consommateurs de %1</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>illimité</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>automatique</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>manuel</translation>
    </message>
    <message>
        <source>Disconnect Client</source>
        <translation>Déconnecter le client</translation>
    </message>
    <message>
        <source>Disconnect “%1” (%2)? It may reconnect on its own.</source>
        <translation>Déconnecter « %1 » (%2) ? Il peut se reconnecter de lui-même.</translation>
    </message>
    <message>
        <source>Disconnect %1</source>
        <translation>Déconnecter %1</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>%1 — whole broker</source>
        <translation>%1 — tout le broker</translation>
    </message>
    <message>
        <source>Last 5 minutes</source>
        <translation>5 dernières minutes</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Dernière heure</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>24 dernières heures</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Reset Zoom</source>
        <translation>Réinitialiser le zoom</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>Exporter en PNG…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Prêts</translation>
    </message>
    <message>
        <source>Unacked</source>
        <translation>Non acquittés</translation>
    </message>
    <message>
        <source>In/s</source>
        <translation>Entrée/s</translation>
    </message>
    <message>
        <source>Out/s</source>
        <translation>Sortie/s</translation>
    </message>
    <message>
        <source>Depth (messages)</source>
        <translation>Profondeur (messages)</translation>
    </message>
    <message>
        <source>Rates (messages per second)</source>
        <translation>Débits (messages par seconde)</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <source>No data yet.
Open a workspace to keep a metric history.</source>
        <translation>Pas encore de données.
Ouvrez un espace de travail pour conserver un historique des métriques.</translation>
    </message>
    <message>
        <source>No data yet.
The charts fill in as the broker reports its numbers.</source>
        <translation>Pas encore de données.
Les graphiques se remplissent à mesure que le broker publie ses chiffres.</translation>
    </message>
    <message>
        <source>There is no metric history to export.</source>
        <translation>Aucun historique de métriques à exporter.</translation>
    </message>
    <message>
        <source>Export Chart as PNG</source>
        <translation>Exporter le graphique en PNG</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Images PNG (*.png)</translation>
    </message>
    <message>
        <source>Export PNG</source>
        <translation>Exporter en PNG</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>Impossible d’écrire %1.</translation>
    </message>
    <message>
        <source>Export Data as CSV</source>
        <translation>Exporter les données en CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Exporter en CSV</translation>
    </message>
</context>
<context>
    <name>DeadLetterPage</name>
    <message>
        <source>Redrive All</source>
        <translation>Tout réacheminer</translation>
    </message>
    <message>
        <source>Redrive Selected</source>
        <translation>Réacheminer la sélection</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>batch </source>
        <translation>lot </translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>Échange</translation>
    </message>
    <message>
        <source>Routing keys</source>
        <translation>Clés de routage</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Dead-letter queue:</source>
        <translation>File de lettres mortes :</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Lecture de %1…</translation>
    </message>
    <message>
        <source>Browse %1</source>
        <translation>Parcourir %1</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>%1 dead-lettered messages</source>
        <translation>%1 messages en lettres mortes</translation>
    </message>
    <message>
        <source>Select the messages to redrive</source>
        <translation>Sélectionnez les messages à réacheminer</translation>
    </message>
    <message>
        <source>Messages leave a queue from its head: select from the first message on</source>
        <translation>Les messages quittent une file par sa tête : sélectionnez à partir du premier message</translation>
    </message>
    <message>
        <source>Stopping after the current batch…</source>
        <translation>Arrêt après le lot en cours…</translation>
    </message>
    <message>
        <source>Redrive failed after %1 moved: %2</source>
        <translation>Le réacheminement a échoué après %1 déplacés : %2</translation>
    </message>
    <message>
        <source>Cancelled: %1 moved, %2 left</source>
        <translation>Annulé : %1 déplacés, %2 restants</translation>
    </message>
    <message>
        <source>Redriven: %1 messages</source>
        <translation>Réacheminés : %1 messages</translation>
    </message>
    <message>
        <source>Redrive %1</source>
        <translation>Réacheminer %1</translation>
    </message>
    <message>
        <source>%1 moved…</source>
        <translation>%1 déplacés…</translation>
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
    <message>
        <source>Broker &amp;Dashboard</source>
        <translation>&amp;Tableau de bord du broker</translation>
    </message>
    <message>
        <source>Embedded broker</source>
        <translation>Broker intégré</translation>
    </message>
    <message>
        <source>Connected C&amp;lients</source>
        <translation>C&amp;lients connectés</translation>
    </message>
    <message>
        <source>&amp;Attach to Remote Broker…</source>
        <translation>&amp;Attacher un broker distant…</translation>
    </message>
    <message>
        <source>Attach to Remote Broker</source>
        <translation>Attacher un broker distant</translation>
    </message>
    <message>
        <source>Address of the management API of a broker started with
sbx broker --http-port PORT (host:port):</source>
        <translation>Adresse de l’API de gestion d’un broker lancé avec
sbx broker --http-port PORT (hôte:port) :</translation>
    </message>
    <message>
        <source>“%1” is not host:port.</source>
        <translation>« %1 » n’est pas de la forme hôte:port.</translation>
    </message>
    <message>
        <source>Could not attach to %1: %2</source>
        <translation>Impossible de s’attacher à %1 : %2</translation>
    </message>
    <message>
        <source>Attached to %1</source>
        <translation>Attaché à %1</translation>
    </message>
    <message>
        <source>Message &amp;Browser</source>
        <translation>&amp;Navigateur de messages</translation>
    </message>
    <message>
        <source>&amp;Publisher</source>
        <translation>&amp;Publication</translation>
    </message>
    <message>
        <source>Dead L&amp;etters</source>
        <translation>L&amp;ettres mortes</translation>
    </message>
    <message>
        <source>Message &amp;Trace</source>
        <translation>&amp;Trace de message</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>Publication</translation>
    </message>
    <message>
        <source>Dead Letters</source>
        <translation>Lettres mortes</translation>
    </message>
    <message>
        <source>Trace</source>
        <translation>Trace</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>Clients — %1</source>
        <translation>Clients — %1</translation>
    </message>
</context>
<context>
    <name>MessageBrowserModel</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Routing key / topic</source>
        <translation>Clé de routage / topic</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Content type</source>
        <translation>Type de contenu</translation>
    </message>
    <message>
        <source>Message id</source>
        <translation>Id du message</translation>
    </message>
    <message>
        <source>Correlation id</source>
        <translation>Id de corrélation</translation>
    </message>
</context>
<context>
    <name>MessageBrowserPage</name>
    <message>
        <source>Peek</source>
        <translation>Consulter</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>En direct</translation>
    </message>
    <message>
        <source>Stream offset: first, last, 42 or a time</source>
        <translation>Position du flux : first, last, 42 ou une heure</translation>
    </message>
    <message>
        <source>max </source>
        <translation>max </translation>
    </message>
    <message>
        <source>Read messages without consuming them</source>
        <translation>Lire les messages sans les consommer</translation>
    </message>
    <message>
        <source>Keep reading: queues and streams again on every refresh, topics as messages arrive</source>
        <translation>Lire en continu : files et flux à chaque actualisation, topics à l’arrivée des messages</translation>
    </message>
    <message>
        <source>Destination:</source>
        <translation>Destination :</translation>
    </message>
    <message>
        <source>Copy Payload</source>
        <translation>Copier le contenu</translation>
    </message>
    <message>
        <source>Diff</source>
        <translation>Comparer</translation>
    </message>
    <message>
        <source>Re-publish…</source>
        <translation>Republier…</translation>
    </message>
    <message>
        <source>Trace</source>
        <translation>Trace</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importer…</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Lecture de %1…</translation>
    </message>
    <message>
        <source>Browse %1</source>
        <translation>Parcourir %1</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>%1 of %2 messages shown</source>
        <translation>%1 sur %2 messages affichés</translation>
    </message>
    <message>
        <source>Select exactly two messages to compare</source>
        <translation>Sélectionnez exactement deux messages à comparer</translation>
    </message>
    <message>
        <source>Message Diff</source>
        <translation>Comparaison de messages</translation>
    </message>
    <message>
        <source>Select the messages to publish again</source>
        <translation>Sélectionnez les messages à republier</translation>
    </message>
    <message>
        <source>Re-publish</source>
        <translation>Republier</translation>
    </message>
    <message>
        <source>Exchange (AMQP) or topic (MQTT) to publish to; empty keeps the original:</source>
        <translation>Échange (AMQP) ou topic (MQTT) de destination ; vide garde l’original :</translation>
    </message>
    <message>
        <source>Publishing %1 messages…</source>
        <translation>Publication de %1 messages…</translation>
    </message>
    <message>
        <source>Publish %1 messages</source>
        <translation>Publier %1 messages</translation>
    </message>
    <message>
        <source>Published %1 messages</source>
        <translation>%1 messages publiés</translation>
    </message>
    <message>
        <source>Export Messages</source>
        <translation>Exporter les messages</translation>
    </message>
    <message>
        <source>JSON lines (*.jsonl);;CSV (*.csv)</source>
        <translation>Lignes JSON (*.jsonl);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exported %1 messages</source>
        <translation>%1 messages exportés</translation>
    </message>
    <message>
        <source>Import and Publish Messages</source>
        <translation>Importer et publier des messages</translation>
    </message>
</context>
<context>
    <name>MessageFilterBar</name>
    <message>
        <source>Regex</source>
        <translation>Regex</translation>
    </message>
    <message>
        <source>Payload contains…</source>
        <translation>Le contenu contient…</translation>
    </message>
    <message>
        <source>Routing key / topic contains…</source>
        <translation>La clé de routage / le topic contient…</translation>
    </message>
    <message>
        <source>Property or header: name=value; …</source>
        <translation>Propriété ou en-tête : nom=valeur ; …</translation>
    </message>
    <message>
        <source>Filters saved in the workspace</source>
        <translation>Filtres enregistrés dans l’espace de travail</translation>
    </message>
    <message>
        <source>Save Filter…</source>
        <translation>Enregistrer le filtre…</translation>
    </message>
    <message>
        <source>Save Filter</source>
        <translation>Enregistrer le filtre</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <source>Open a workspace to save filters</source>
        <translation>Ouvrez un espace de travail pour enregistrer des filtres</translation>
    </message>
    <message>
        <source>Saved filters</source>
        <translation>Filtres enregistrés</translation>
    </message>
</context>
<context>
    <name>MessageViewWidget</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>Propriétés</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>JSON Tree</source>
        <translation>Arbre JSON</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>Hexa</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>No message selected</source>
        <translation>Aucun message sélectionné</translation>
    </message>
    <message>
        <source>%1 · %2 bytes · %3</source>
        <translation>%1 · %2 octets · %3</translation>
    </message>
    <message>
        <source>Routing</source>
        <translation>Routage</translation>
    </message>
    <message>
        <source>Headers / user properties</source>
        <translation>En-têtes / propriétés utilisateur</translation>
    </message>
    <message>
        <source>Dead-letter history (x-death)</source>
        <translation>Historique des lettres mortes (x-death)</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
</context>
<context>
    <name>MonitorController</name>
    <message>
        <source>Charts will not keep a history: %1</source>
        <translation>Les graphiques ne conservent pas d’historique : %1</translation>
    </message>
    <message>
        <source>Attached to the broker at %1</source>
        <translation>Attaché au broker à l’adresse %1</translation>
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
    <name>PayloadJsonModel</name>
    <message>
        <source>{%1 keys}</source>
        <translation>{%1 clés}</translation>
    </message>
    <message>
        <source>[%1 items]</source>
        <translation>[%1 éléments]</translation>
    </message>
    <message>
        <source>object</source>
        <translation>objet</translation>
    </message>
    <message>
        <source>array</source>
        <translation>tableau</translation>
    </message>
    <message>
        <source>string</source>
        <translation>chaîne</translation>
    </message>
    <message>
        <source>boolean</source>
        <translation>booléen</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>number</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
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
    <name>PublisherPage</name>
    <message>
        <source>Retain</source>
        <translation>Retenir</translation>
    </message>
    <message>
        <source>Property</source>
        <translation>Propriété</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>En-tête</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>AMQP 0-9-1</source>
        <translation>AMQP 0-9-1</translation>
    </message>
    <message>
        <source>MQTT</source>
        <translation>MQTT</translation>
    </message>
    <message>
        <source>(default exchange)</source>
        <translation>(échange par défaut)</translation>
    </message>
    <message>
        <source>Payload</source>
        <translation>Contenu</translation>
    </message>
    <message>
        <source>as fast as possible</source>
        <translation>aussi vite que possible</translation>
    </message>
    <message>
        <source> msg/s</source>
        <translation> msg/s</translation>
    </message>
    <message>
        <source>Protocol:</source>
        <translation>Protocole :</translation>
    </message>
    <message>
        <source>Virtual host:</source>
        <translation>Hôte virtuel :</translation>
    </message>
    <message>
        <source>Exchange:</source>
        <translation>Échange :</translation>
    </message>
    <message>
        <source>Routing key / topic:</source>
        <translation>Clé de routage / topic :</translation>
    </message>
    <message>
        <source>QoS:</source>
        <translation>QoS :</translation>
    </message>
    <message>
        <source>Save Template…</source>
        <translation>Enregistrer le modèle…</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>Modèle :</translation>
    </message>
    <message>
        <source>Payload from File…</source>
        <translation>Contenu depuis un fichier…</translation>
    </message>
    <message>
        <source>Payload:</source>
        <translation>Contenu :</translation>
    </message>
    <message>
        <source>Times:</source>
        <translation>Fois :</translation>
    </message>
    <message>
        <source>Rate:</source>
        <translation>Débit :</translation>
    </message>
    <message>
        <source>Save Template</source>
        <translation>Enregistrer le modèle</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <source>Template saved</source>
        <translation>Modèle enregistré</translation>
    </message>
    <message>
        <source>Payload from File</source>
        <translation>Contenu depuis un fichier</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Envoi…</translation>
    </message>
    <message>
        <source>Publish to %1</source>
        <translation>Publier vers %1</translation>
    </message>
    <message>
        <source>Failed after %1 sent: %2</source>
        <translation>Échec après %1 envoyés : %2</translation>
    </message>
    <message>
        <source>Stopped after %1 of %2</source>
        <translation>Arrêté après %1 sur %2</translation>
    </message>
    <message>
        <source>Sent %1 messages</source>
        <translation>%1 messages envoyés</translation>
    </message>
    <message>
        <source>Open a workspace to save templates</source>
        <translation>Ouvrez un espace de travail pour enregistrer des modèles</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Modèles</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
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
    <name>SourceMonitor</name>
    <message>
        <source>Not connected</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connecté</translation>
    </message>
    <message>
        <source>Not connected to a broker</source>
        <translation>Connecté à aucun broker</translation>
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
    <message>
        <source>Wait MS milliseconds before the screenshot</source>
        <translation>Attendre MS millisecondes avant la capture</translation>
    </message>
    <message>
        <source>Open a view at start: dashboard or clients</source>
        <translation>Ouvrir une vue au démarrage : dashboard ou clients</translation>
    </message>
    <message>
        <source>Embedded broker</source>
        <translation>Broker intégré</translation>
    </message>
</context>
<context>
    <name>TraceModel</name>
    <message>
        <source>%1 µs</source>
        <translation>%1 µs</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source> → %1 targets</source>
        <translation> → %1 cibles</translation>
    </message>
    <message>
        <source>Hop</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>+ Latency</source>
        <translation>+ Latence</translation>
    </message>
    <message>
        <source>Since publish</source>
        <translation>Depuis la publication</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Où</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protocole</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
</context>
<context>
    <name>TracePage</name>
    <message>
        <source>Follow</source>
        <translation>Suivre</translation>
    </message>
    <message>
        <source>Message id, correlation id, traceparent or broker id</source>
        <translation>Id du message, id de corrélation, traceparent ou id du broker</translation>
    </message>
    <message>
        <source>Follow traces containing…</source>
        <translation>Suivre les traces contenant…</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Chercher</translation>
    </message>
    <message>
        <source>Hop events are recorded while this page is open.</source>
        <translation>Les événements d’étape sont enregistrés tant que cette page est ouverte.</translation>
    </message>
    <message>
        <source>No recent trace carries “%1”.</source>
        <translation>Aucune trace récente ne porte « %1 ».</translation>
    </message>
    <message>
        <source>Broker message #%1</source>
        <translation>Message du broker n°%1</translation>
    </message>
    <message>
        <source>message id %1</source>
        <translation>id du message %1</translation>
    </message>
    <message>
        <source>correlation id %1</source>
        <translation>id de corrélation %1</translation>
    </message>
    <message>
        <source>traceparent %1</source>
        <translation>traceparent %1</translation>
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
