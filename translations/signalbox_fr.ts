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
    <name>AlertController</name>
    <message>
        <source>Alert rules not loaded: %1</source>
        <translation>Règles d’alerte non chargées : %1</translation>
    </message>
    <message>
        <source>Open a workspace first: alert rules are kept in it.</source>
        <translation>Ouvrez d’abord un espace de travail : les règles d’alerte y sont conservées.</translation>
    </message>
    <message>
        <source>Alert “%1” on %2: %3</source>
        <translation>Alerte « %1 » sur %2 : %3</translation>
    </message>
    <message>
        <source>Alert “%1” on %2 resolved</source>
        <translation>Alerte « %1 » sur %2 résolue</translation>
    </message>
</context>
<context>
    <name>AlertRulesDialog</name>
    <message>
        <source>Depth above</source>
        <translation>Profondeur supérieure à</translation>
    </message>
    <message>
        <source>No consumers</source>
        <translation>Aucun consommateur</translation>
    </message>
    <message>
        <source>Consumer lag above</source>
        <translation>Retard des consommateurs supérieur à</translation>
    </message>
    <message>
        <source>Dead letters present</source>
        <translation>Lettres mortes présentes</translation>
    </message>
    <message>
        <source>Broker unreachable</source>
        <translation>Broker injoignable</translation>
    </message>
    <message>
        <source>Alert Rules</source>
        <translation>Règles d’alerte</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Broker</source>
        <translation>Broker</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Destination</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Condition</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Seuil</translation>
    </message>
    <message>
        <source>For (s)</source>
        <translation>Pendant (s)</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Activée</translation>
    </message>
    <message>
        <source>Broker is a connection&apos;s id, “embedded” or a pattern; destination is a pattern over names and ids. * matches any run of characters, ? one character. A rule fires once its condition held for the given number of seconds.</source>
        <translation>Broker est l’identifiant d’une connexion, « embedded » ou un motif ; la destination est un motif sur les noms et identifiants. * correspond à une suite quelconque de caractères, ? à un caractère. Une règle se déclenche lorsque sa condition a été remplie pendant le nombre de secondes indiqué.</translation>
    </message>
    <message>
        <source>&amp;Add Rule</source>
        <translation>&amp;Ajouter une règle</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Depth above 1000</source>
        <translation>Profondeur supérieure à 1000</translation>
    </message>
    <message>
        <source>Rule %1: the %2 must be a whole number.</source>
        <translation>Règle %1 : %2 doit être un nombre entier.</translation>
    </message>
    <message>
        <source>threshold</source>
        <translation>le seuil</translation>
    </message>
    <message>
        <source>duration</source>
        <translation>la durée</translation>
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
    <message>
        <source>Edit Connection…</source>
        <translation>Modifier la connexion…</translation>
    </message>
    <message>
        <source>Remove Connection…</source>
        <translation>Supprimer la connexion…</translation>
    </message>
    <message>
        <source>Browse Messages</source>
        <translation>Parcourir les messages</translation>
    </message>
    <message>
        <source>Publish…</source>
        <translation>Publier…</translation>
    </message>
    <message>
        <source>Dead Letters</source>
        <translation>Lettres mortes</translation>
    </message>
    <message>
        <source>Trace Messages</source>
        <translation>Tracer les messages</translation>
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
    <message>
        <source>subject</source>
        <translation>sujet</translation>
    </message>
    <message>
        <source>Subjects (%1)</source>
        <translation>Sujets (%1)</translation>
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
    <name>ConnectionController</name>
    <message>
        <source>Connection “%1” needs the %2 plugin, which is not loaded (see Help &gt; Plugins)</source>
        <translation>La connexion « %1 » nécessite le plugin %2, qui n’est pas chargé (voir Aide &gt; Plugins)</translation>
    </message>
    <message>
        <source>Watching %1 at %2:%3</source>
        <translation>Surveillance de %1 sur %2:%3</translation>
    </message>
    <message>
        <source>reconnecting in %1 s: %2</source>
        <translation>reconnexion dans %1 s : %2</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>Verify the server&apos;s certificate</source>
        <translation>Vérifier le certificat du serveur</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>&amp;Tester</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Edit Broker Connection</source>
        <translation>Modifier la connexion au broker</translation>
    </message>
    <message>
        <source>Add Broker Connection</source>
        <translation>Ajouter une connexion à un broker</translation>
    </message>
    <message>
        <source>Production RabbitMQ</source>
        <translation>RabbitMQ de production</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>&amp;Broker type:</source>
        <translation>Type de &amp;broker :</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Hôte :</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port :</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Nom d’&amp;utilisateur :</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Mot de &amp;passe :</translation>
    </message>
    <message>
        <source>T&amp;imeout:</source>
        <translation>&amp;Délai :</translation>
    </message>
    <message>
        <source>No connector plugin is loaded: see Help &gt; Plugins.</source>
        <translation>Aucun plugin de connecteur n’est chargé : voir Aide &gt; Plugins.</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>Choisir un fichier</translation>
    </message>
    <message>
        <source>&amp;TLS</source>
        <translation>&amp;TLS</translation>
    </message>
    <message>
        <source>the system&apos;s trusted authorities</source>
        <translation>les autorités de confiance du système</translation>
    </message>
    <message>
        <source>the host name</source>
        <translation>le nom d’hôte</translation>
    </message>
    <message>
        <source>CA certificate:</source>
        <translation>Certificat de l’AC :</translation>
    </message>
    <message>
        <source>CA Certificate (PEM)</source>
        <translation>Certificat de l’AC (PEM)</translation>
    </message>
    <message>
        <source>Client certificate:</source>
        <translation>Certificat client :</translation>
    </message>
    <message>
        <source>Client Certificate (PEM)</source>
        <translation>Certificat client (PEM)</translation>
    </message>
    <message>
        <source>Client key:</source>
        <translation>Clé client :</translation>
    </message>
    <message>
        <source>Client Key (PEM)</source>
        <translation>Clé client (PEM)</translation>
    </message>
    <message>
        <source>Server name:</source>
        <translation>Nom du serveur :</translation>
    </message>
    <message>
        <source>%1 settings</source>
        <translation>Paramètres %1</translation>
    </message>
    <message>
        <source>Connecting to %1:%2…</source>
        <translation>Connexion à %1:%2…</translation>
    </message>
    <message>
        <source>Give the connection a name.</source>
        <translation>Donnez un nom à la connexion.</translation>
    </message>
    <message>
        <source>Enter the broker&apos;s host name or address.</source>
        <translation>Saisissez le nom d’hôte ou l’adresse du broker.</translation>
    </message>
    <message>
        <source>Could not save the connection: %1</source>
        <translation>Impossible d’enregistrer la connexion : %1</translation>
    </message>
</context>
<context>
    <name>ConnectionTester</name>
    <message numerus="yes">
        <source>%n topic(s)</source>
        <translation>
            <numerusform>%n topic</numerusform>
            <numerusform>%n topics</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n queue(s)</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
    <message>
        <source>Connected: %1, %2</source>
        <translation>Connecté : %1, %2</translation>
    </message>
</context>
<context>
    <name>ConnectionsUi</name>
    <message>
        <source>Alerts</source>
        <translation>Alertes</translation>
    </message>
    <message>
        <source>The system keychain is not available (%1); passwords are kept in memory for this session only.</source>
        <translation>Le trousseau du système n’est pas disponible (%1) ; les mots de passe restent en mémoire pour cette session uniquement.</translation>
    </message>
    <message>
        <source>Alert: %1</source>
        <translation>Alerte : %1</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Signalbox</source>
        <translation>Signalbox</translation>
    </message>
    <message>
        <source>Add Broker C&amp;onnection…</source>
        <translation>Ajouter une c&amp;onnexion à un broker…</translation>
    </message>
    <message>
        <source>Ale&amp;rts…</source>
        <translation>Ale&amp;rtes…</translation>
    </message>
    <message>
        <source>&amp;Plugins…</source>
        <translation>&amp;Plugins…</translation>
    </message>
    <message>
        <source>Add Broker Connection</source>
        <translation>Ajouter une connexion à un broker</translation>
    </message>
    <message>
        <source>Open or create a workspace first: connections are kept in its connections folder.</source>
        <translation>Ouvrez ou créez d’abord un espace de travail : les connexions sont conservées dans son dossier connections.</translation>
    </message>
    <message>
        <source>Saved connection %1</source>
        <translation>Connexion %1 enregistrée</translation>
    </message>
    <message>
        <source>Remove Connection</source>
        <translation>Supprimer la connexion</translation>
    </message>
    <message>
        <source>Stop watching “%1” and delete its connection profile and stored password?</source>
        <translation>Arrêter de surveiller « %1 » et supprimer son profil de connexion et son mot de passe enregistré ?</translation>
    </message>
    <message>
        <source>Publisher — %1</source>
        <translation>Publication — %1</translation>
    </message>
    <message>
        <source>Dead Letters — %1</source>
        <translation>Lettres mortes — %1</translation>
    </message>
    <message>
        <source>Messages — %1</source>
        <translation>Messages — %1</translation>
    </message>
    <message>
        <source>Trace — %1</source>
        <translation>Trace — %1</translation>
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
    <name>FiringAlertsModel</name>
    <message>
        <source>Broker</source>
        <translation>Broker</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Destination</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Règle</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alerte</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Depuis</translation>
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
    <message>
        <source>Connecting to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
    <message>
        <source>Opens for the broker selected in the Brokers dock, else the embedded one</source>
        <translation>S’ouvre pour le broker sélectionné dans le panneau Brokers, sinon pour le broker intégré</translation>
    </message>
    <message>
        <source>%1 cannot offer this view; showing the embedded broker&apos;s</source>
        <translation>%1 ne propose pas cette vue ; celle du broker intégré est affichée</translation>
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
    <message>
        <source>%1 (%2 passed too fast to show)</source>
        <translation>%1 (%2 passés trop vite pour être affichés)</translation>
    </message>
    <message>
        <source>Following %1 live</source>
        <translation>Suivi en direct de %1</translation>
    </message>
    <message>
        <source>Live tail unavailable (%1): showing what a peek finds on every refresh instead</source>
        <translation>Suivi en direct indisponible (%1) : affichage de ce qu’un aperçu trouve à chaque actualisation</translation>
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
    <name>PluginHost</name>
    <message>
        <source>Plugin %1 not used: %2</source>
        <translation>Plugin %1 non utilisé : %2</translation>
    </message>
    <message>
        <source>Plugin %1 failed to load: %2</source>
        <translation>Le plugin %1 n’a pas pu être chargé : %2</translation>
    </message>
    <message numerus="yes">
        <source>%n connector plugin(s) loaded in %1 ms</source>
        <translation>
            <numerusform>%n plugin de connecteur chargé en %1 ms</numerusform>
            <numerusform>%n plugins de connecteur chargés en %1 ms</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PluginsDialog</name>
    <message>
        <source>Loaded</source>
        <translation>Chargé</translation>
    </message>
    <message>
        <source>Shadowed: %1</source>
        <translation>Masqué : %1</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Échec : %1</translation>
    </message>
    <message>
        <source>Connector Plugins</source>
        <translation>Plugins de connecteur</translation>
    </message>
    <message>
        <source>Connector</source>
        <translation>Connecteur</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Plugins are read when Signalbox starts. Put your own in %1.</source>
        <translation>Les plugins sont lus au démarrage de Signalbox. Placez les vôtres dans %1.</translation>
    </message>
    <message>
        <source>Open Plugin Folder</source>
        <translation>Ouvrir le dossier des plugins</translation>
    </message>
    <message>
        <source>(built in)</source>
        <translation>(intégré)</translation>
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
    <name>RequeueConsent</name>
    <message>
        <source>Peek by Requeueing?</source>
        <translation>Consulter en remettant en file ?</translation>
    </message>
    <message>
        <source>RabbitMQ cannot show the messages of “%1” without taking them from the queue. Signalbox can take them and put them back at once, but then:

• their order in the queue may change,
• they are marked redelivered, which consumers may see,
• they are briefly unavailable to consumers.

Read them this way?</source>
        <translation>RabbitMQ ne peut pas montrer les messages de « %1 » sans les retirer de la file. Signalbox peut les prendre et les remettre aussitôt, mais alors :

• leur ordre dans la file peut changer,
• ils sont marqués comme redistribués, ce que les consommateurs peuvent voir,
• ils sont brièvement indisponibles pour les consommateurs.

Les lire ainsi ?</translation>
    </message>
</context>
<context>
    <name>SecretStore</name>
    <message>
        <source>The password is stored in the system keychain, never in the workspace.</source>
        <translation>Le mot de passe est enregistré dans le trousseau du système, jamais dans l’espace de travail.</translation>
    </message>
    <message>
        <source>No keychain service is available: the password is kept in memory until Signalbox quits and is never written to a file.</source>
        <translation>Aucun service de trousseau n’est disponible : le mot de passe reste en mémoire jusqu’à la fermeture de Signalbox et n’est jamais écrit dans un fichier.</translation>
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
    <message>
        <source>This broker cannot stream messages live</source>
        <translation>Ce broker ne peut pas diffuser les messages en direct</translation>
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
        <source>Embedded broker</source>
        <translation>Broker intégré</translation>
    </message>
    <message>
        <source>unknown view %1</source>
        <translation>vue inconnue %1</translation>
    </message>
    <message>
        <source>Open a view at start: dashboard, clients, messages=DESTINATION, publisher[=TEMPLATE], deadletters=QUEUE or trace[=FILTER] (repeatable)</source>
        <translation>Ouvrir une vue au démarrage : dashboard, clients, messages=DESTINATION, publisher[=MODÈLE], deadletters=FILE ou trace[=FILTRE] (répétable)</translation>
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
    <message>
        <source> → dead-letter exchange %1</source>
        <translation> → échange de lettres mortes %1</translation>
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
    <message>
        <source>continues as %1</source>
        <translation>continue en tant que %1</translation>
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
    <message>
        <source>Message filters</source>
        <translation>Filtres de messages</translation>
    </message>
</context>
</TS>
