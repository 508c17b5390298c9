<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Signalbox</source>
        <translation>Über Signalbox</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Signalbox %1&lt;/h2&gt;&lt;p&gt;A native studio for event-driven systems: an embedded broker, live monitoring, message traces, pipelines and contracts.&lt;/p&gt;&lt;p&gt;Licensed under the GNU General Public License, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Signalbox %1&lt;/h2&gt;&lt;p&gt;Ein natives Studio für ereignisgesteuerte Systeme: eingebetteter Broker, Live-Überwachung, Nachrichtenverfolgung, Pipelines und Verträge.&lt;/p&gt;&lt;p&gt;Lizenziert unter der GNU General Public License, Version 3 oder später.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Bibliothek</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>License</source>
        <translation>Lizenz</translation>
    </message>
    <message>
        <source>Built with:</source>
        <translation>Erstellt mit:</translation>
    </message>
</context>
<context>
    <name>AlertController</name>
    <message>
        <source>Alert rules not loaded: %1</source>
        <translation>Alarmregeln nicht geladen: %1</translation>
    </message>
    <message>
        <source>Open a workspace first: alert rules are kept in it.</source>
        <translation>Öffnen Sie zuerst einen Arbeitsbereich: Alarmregeln werden darin gespeichert.</translation>
    </message>
    <message>
        <source>Alert “%1” on %2: %3</source>
        <translation>Alarm „%1“ auf %2: %3</translation>
    </message>
    <message>
        <source>Alert “%1” on %2 resolved</source>
        <translation>Alarm „%1“ auf %2 aufgehoben</translation>
    </message>
</context>
<context>
    <name>AlertRulesDialog</name>
    <message>
        <source>Depth above</source>
        <translation>Tiefe über</translation>
    </message>
    <message>
        <source>No consumers</source>
        <translation>Keine Consumer</translation>
    </message>
    <message>
        <source>Consumer lag above</source>
        <translation>Consumer-Rückstand über</translation>
    </message>
    <message>
        <source>Dead letters present</source>
        <translation>Dead Letters vorhanden</translation>
    </message>
    <message>
        <source>Broker unreachable</source>
        <translation>Broker nicht erreichbar</translation>
    </message>
    <message>
        <source>Alert Rules</source>
        <translation>Alarmregeln</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Broker</source>
        <translation>Broker</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Bedingung</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Schwelle</translation>
    </message>
    <message>
        <source>For (s)</source>
        <translation>Für (s)</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Broker is a connection&apos;s id, “embedded” or a pattern; destination is a pattern over names and ids. * matches any run of characters, ? one character. A rule fires once its condition held for the given number of seconds.</source>
        <translation>Broker ist die ID einer Verbindung, „embedded“ oder ein Muster; Ziel ist ein Muster über Namen und IDs. * passt auf beliebig viele Zeichen, ? auf ein Zeichen. Eine Regel löst aus, sobald ihre Bedingung die angegebene Zahl von Sekunden erfüllt war.</translation>
    </message>
    <message>
        <source>&amp;Add Rule</source>
        <translation>Regel &amp;hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Depth above 1000</source>
        <translation>Tiefe über 1000</translation>
    </message>
    <message>
        <source>Rule %1: the %2 must be a whole number.</source>
        <translation>Regel %1: %2 muss eine ganze Zahl sein.</translation>
    </message>
    <message>
        <source>threshold</source>
        <translation>die Schwelle</translation>
    </message>
    <message>
        <source>duration</source>
        <translation>die Dauer</translation>
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
        <translation>Die üblichen Broker-Ports sind belegt (%1); es werden freie Ports verwendet</translation>
    </message>
    <message>
        <source>The embedded broker did not start: %1</source>
        <translation>Der eingebettete Broker ist nicht gestartet: %1</translation>
    </message>
    <message>
        <source>Broker stopped</source>
        <translation>Broker angehalten</translation>
    </message>
    <message>
        <source>Broker not running: %1</source>
        <translation>Broker läuft nicht: %1</translation>
    </message>
    <message>
        <source>Broker: %1</source>
        <translation>Broker: %1</translation>
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
        <translation>Broker</translation>
    </message>
    <message>
        <source>Filter queues, exchanges, topics</source>
        <translation>Queues, Exchanges, Topics filtern</translation>
    </message>
    <message>
        <source>%1: done</source>
        <translation>%1: erledigt</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>No broker is running. Start the embedded broker from the Broker menu.</source>
        <translation>Kein Broker läuft. Starten Sie den eingebetteten Broker im Menü Broker.</translation>
    </message>
    <message>
        <source>Open Dashboard</source>
        <translation>Dashboard öffnen</translation>
    </message>
    <message>
        <source>Show Clients</source>
        <translation>Clients anzeigen</translation>
    </message>
    <message>
        <source>Detach</source>
        <translation>Trennen</translation>
    </message>
    <message>
        <source>Purge…</source>
        <translation>Leeren…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>Copy Name</source>
        <translation>Namen kopieren</translation>
    </message>
    <message>
        <source>Purge Queue</source>
        <translation>Queue leeren</translation>
    </message>
    <message>
        <source>Remove every ready message from “%1”? This cannot be undone.</source>
        <translation>Alle bereiten Nachrichten aus „%1“ entfernen? Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>Purge %1</source>
        <translation>%1 leeren</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Delete “%1” and every message in it? This cannot be undone.</source>
        <translation>„%1“ mit allen Nachrichten darin löschen? Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>%1 löschen</translation>
    </message>
    <message>
        <source>Edit Connection…</source>
        <translation>Verbindung bearbeiten …</translation>
    </message>
    <message>
        <source>Remove Connection…</source>
        <translation>Verbindung entfernen …</translation>
    </message>
    <message>
        <source>Browse Messages</source>
        <translation>Nachrichten durchsuchen</translation>
    </message>
    <message>
        <source>Publish…</source>
        <translation>Veröffentlichen …</translation>
    </message>
    <message>
        <source>Dead Letters</source>
        <translation>Dead Letters</translation>
    </message>
    <message>
        <source>Trace Messages</source>
        <translation>Nachrichten verfolgen</translation>
    </message>
</context>
<context>
    <name>BrokerTreeModel</name>
    <message>
        <source>(AMQP default)</source>
        <translation>(AMQP-Standard)</translation>
    </message>
    <message>
        <source>(empty level)</source>
        <translation>(leere Ebene)</translation>
    </message>
    <message>
        <source>retained</source>
        <translation>gehalten</translation>
    </message>
    <message>
        <source>topic</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>MQTT topics (%1)</source>
        <translation>MQTT-Topics (%1)</translation>
    </message>
    <message>
        <source>virtual host</source>
        <translation>virtueller Host</translation>
    </message>
    <message>
        <source>Exchanges</source>
        <translation>Exchanges</translation>
    </message>
    <message>
        <source>Queues</source>
        <translation>Queues</translation>
    </message>
    <message>
        <source>Streams</source>
        <translation>Streams</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Unacked</source>
        <translation>Unbestätigt</translation>
    </message>
    <message>
        <source>Consumers</source>
        <translation>Consumer</translation>
    </message>
    <message>
        <source>In/s</source>
        <translation>Ein/s</translation>
    </message>
    <message>
        <source>Out/s</source>
        <translation>Aus/s</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Last value</source>
        <translation>Letzter Wert</translation>
    </message>
    <message>
        <source>Dead letters waiting: %1</source>
        <translation>Wartende Dead Letters: %1</translation>
    </message>
    <message>
        <source>Depth rising: %1 → %2 over the last %3 updates</source>
        <translation>Tiefe steigt: %1 → %2 über die letzten %3 Aktualisierungen</translation>
    </message>
    <message>
        <source>No consumers</source>
        <translation>Keine Consumer</translation>
    </message>
    <message>
        <source>subject</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Subjects (%1)</source>
        <translation>Subjects (%1)</translation>
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
        <translation>Name</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protokoll</translation>
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
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Vhost</source>
        <translation>Vhost</translation>
    </message>
    <message>
        <source>Connected since</source>
        <translation>Verbunden seit</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Kanäle</translation>
    </message>
    <message>
        <source>In</source>
        <translation>Ein</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>%1 messages, %2</source>
        <translation>%1 Nachrichten, %2</translation>
    </message>
</context>
<context>
    <name>ClientsPage</name>
    <message>
        <source>Disconnect…</source>
        <translation>Trennen…</translation>
    </message>
    <message>
        <source>Filter clients</source>
        <translation>Clients filtern</translation>
    </message>
    <message>
        <source>Subscription / queue</source>
        <translation>Abonnement / Queue</translation>
    </message>
    <message>
        <source>Consumer tag</source>
        <translation>Consumer-Tag</translation>
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
        <translation>Bestätigung</translation>
    </message>
    <message numerus="yes">
        <source>%n client(s)</source>
        <translation>
            <numerusform>%n Client</numerusform>
            <numerusform>%n Clients</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a client to see its subscriptions and consumers.</source>
        <translation>Wählen Sie einen Client, um seine Abonnements und Consumer zu sehen.</translation>
    </message>
    <message>
        <source>Subscriptions and consumers of %1</source>
        <translation>Abonnements und Consumer von %1</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>unbegrenzt</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>manuell</translation>
    </message>
    <message>
        <source>Disconnect Client</source>
        <translation>Client trennen</translation>
    </message>
    <message>
        <source>Disconnect “%1” (%2)? It may reconnect on its own.</source>
        <translation>„%1“ (%2) trennen? Er kann sich von selbst wieder verbinden.</translation>
    </message>
    <message>
        <source>Disconnect %1</source>
        <translation>%1 trennen</translation>
    </message>
</context>
<context>
    <name>ConnectionController</name>
    <message>
        <source>Connection “%1” needs the %2 plugin, which is not loaded (see Help &gt; Plugins)</source>
        <translation>Die Verbindung „%1“ braucht das Plugin %2, das nicht geladen ist (siehe Hilfe &gt; Plugins)</translation>
    </message>
    <message>
        <source>Watching %1 at %2:%3</source>
        <translation>Überwache %1 auf %2:%3</translation>
    </message>
    <message>
        <source>reconnecting in %1 s: %2</source>
        <translation>neuer Versuch in %1 s: %2</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>Verify the server&apos;s certificate</source>
        <translation>Zertifikat des Servers prüfen</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>&amp;Testen</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Edit Broker Connection</source>
        <translation>Broker-Verbindung bearbeiten</translation>
    </message>
    <message>
        <source>Add Broker Connection</source>
        <translation>Broker-Verbindung hinzufügen</translation>
    </message>
    <message>
        <source>Production RabbitMQ</source>
        <translation>Produktions-RabbitMQ</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>&amp;Broker type:</source>
        <translation>&amp;Broker-Typ:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <source>T&amp;imeout:</source>
        <translation>&amp;Zeitlimit:</translation>
    </message>
    <message>
        <source>No connector plugin is loaded: see Help &gt; Plugins.</source>
        <translation>Kein Connector-Plugin geladen: siehe Hilfe &gt; Plugins.</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>Datei auswählen</translation>
    </message>
    <message>
        <source>&amp;TLS</source>
        <translation>&amp;TLS</translation>
    </message>
    <message>
        <source>the system&apos;s trusted authorities</source>
        <translation>die vertrauenswürdigen Stellen des Systems</translation>
    </message>
    <message>
        <source>the host name</source>
        <translation>der Hostname</translation>
    </message>
    <message>
        <source>CA certificate:</source>
        <translation>CA-Zertifikat:</translation>
    </message>
    <message>
        <source>CA Certificate (PEM)</source>
        <translation>CA-Zertifikat (PEM)</translation>
    </message>
    <message>
        <source>Client certificate:</source>
        <translation>Client-Zertifikat:</translation>
    </message>
    <message>
        <source>Client Certificate (PEM)</source>
        <translation>Client-Zertifikat (PEM)</translation>
    </message>
    <message>
        <source>Client key:</source>
        <translation>Client-Schlüssel:</translation>
    </message>
    <message>
        <source>Client Key (PEM)</source>
        <translation>Client-Schlüssel (PEM)</translation>
    </message>
    <message>
        <source>Server name:</source>
        <translation>Servername:</translation>
    </message>
    <message>
        <source>%1 settings</source>
        <translation>Einstellungen für %1</translation>
    </message>
    <message>
        <source>Connecting to %1:%2…</source>
        <translation>Verbinde mit %1:%2 …</translation>
    </message>
    <message>
        <source>Give the connection a name.</source>
        <translation>Geben Sie der Verbindung einen Namen.</translation>
    </message>
    <message>
        <source>Enter the broker&apos;s host name or address.</source>
        <translation>Geben Sie den Hostnamen oder die Adresse des Brokers ein.</translation>
    </message>
    <message>
        <source>Could not save the connection: %1</source>
        <translation>Die Verbindung konnte nicht gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>ConnectionTester</name>
    <message numerus="yes">
        <source>%n topic(s)</source>
        <translation>
            <numerusform>%n Topic</numerusform>
            <numerusform>%n Topics</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n queue(s)</source>
        <translation>
            <numerusform>%n Queue</numerusform>
            <numerusform>%n Queues</numerusform>
        </translation>
    </message>
    <message>
        <source>Connected: %1, %2</source>
        <translation>Verbunden: %1, %2</translation>
    </message>
</context>
<context>
    <name>ConnectionsUi</name>
    <message>
        <source>Alerts</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>The system keychain is not available (%1); passwords are kept in memory for this session only.</source>
        <translation>Der Schlüsselbund des Systems ist nicht verfügbar (%1); Passwörter bleiben nur für diese Sitzung im Speicher.</translation>
    </message>
    <message>
        <source>Alert: %1</source>
        <translation>Alarm: %1</translation>
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
        <translation>Broker-&amp;Verbindung hinzufügen …</translation>
    </message>
    <message>
        <source>Ale&amp;rts…</source>
        <translation>Ala&amp;rme …</translation>
    </message>
    <message>
        <source>&amp;Plugins…</source>
        <translation>&amp;Plugins …</translation>
    </message>
    <message>
        <source>Add Broker Connection</source>
        <translation>Broker-Verbindung hinzufügen</translation>
    </message>
    <message>
        <source>Open or create a workspace first: connections are kept in its connections folder.</source>
        <translation>Öffnen oder erstellen Sie zuerst einen Arbeitsbereich: Verbindungen liegen in dessen Ordner connections.</translation>
    </message>
    <message>
        <source>Saved connection %1</source>
        <translation>Verbindung %1 gespeichert</translation>
    </message>
    <message>
        <source>Remove Connection</source>
        <translation>Verbindung entfernen</translation>
    </message>
    <message>
        <source>Stop watching “%1” and delete its connection profile and stored password?</source>
        <translation>„%1“ nicht mehr überwachen und sein Verbindungsprofil und gespeichertes Passwort löschen?</translation>
    </message>
    <message>
        <source>Publisher — %1</source>
        <translation>Publisher — %1</translation>
    </message>
    <message>
        <source>Dead Letters — %1</source>
        <translation>Dead Letters — %1</translation>
    </message>
    <message>
        <source>Messages — %1</source>
        <translation>Nachrichten — %1</translation>
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
        <translation>%1 — ganzer Broker</translation>
    </message>
    <message>
        <source>Last 5 minutes</source>
        <translation>Letzte 5 Minuten</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Reset Zoom</source>
        <translation>Zoom zurücksetzen</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>Als PNG exportieren…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Als CSV exportieren…</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Unacked</source>
        <translation>Unbestätigt</translation>
    </message>
    <message>
        <source>In/s</source>
        <translation>Ein/s</translation>
    </message>
    <message>
        <source>Out/s</source>
        <translation>Aus/s</translation>
    </message>
    <message>
        <source>Depth (messages)</source>
        <translation>Tiefe (Nachrichten)</translation>
    </message>
    <message>
        <source>Rates (messages per second)</source>
        <translation>Raten (Nachrichten pro Sekunde)</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>No data yet.
Open a workspace to keep a metric history.</source>
        <translation>Noch keine Daten.
Öffnen Sie einen Arbeitsbereich, um einen Messwertverlauf zu führen.</translation>
    </message>
    <message>
        <source>No data yet.
The charts fill in as the broker reports its numbers.</source>
        <translation>Noch keine Daten.
Die Diagramme füllen sich, sobald der Broker seine Zahlen meldet.</translation>
    </message>
    <message>
        <source>There is no metric history to export.</source>
        <translation>Es gibt keinen Messwertverlauf zum Exportieren.</translation>
    </message>
    <message>
        <source>Export Chart as PNG</source>
        <translation>Diagramm als PNG exportieren</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Export PNG</source>
        <translation>PNG exportieren</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Export Data as CSV</source>
        <translation>Daten als CSV exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>CSV exportieren</translation>
    </message>
</context>
<context>
    <name>DeadLetterPage</name>
    <message>
        <source>Redrive All</source>
        <translation>Alle zurückführen</translation>
    </message>
    <message>
        <source>Redrive Selected</source>
        <translation>Auswahl zurückführen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>batch </source>
        <translation>Stapel </translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Queue</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>Exchange</translation>
    </message>
    <message>
        <source>Routing keys</source>
        <translation>Routing-Keys</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Dead-letter queue:</source>
        <translation>Dead-Letter-Queue:</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Lese %1…</translation>
    </message>
    <message>
        <source>Browse %1</source>
        <translation>%1 durchsuchen</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 dead-lettered messages</source>
        <translation>%1 Dead-Letter-Nachrichten</translation>
    </message>
    <message>
        <source>Select the messages to redrive</source>
        <translation>Wählen Sie die zurückzuführenden Nachrichten</translation>
    </message>
    <message>
        <source>Messages leave a queue from its head: select from the first message on</source>
        <translation>Nachrichten verlassen eine Queue von vorn: wählen Sie ab der ersten Nachricht</translation>
    </message>
    <message>
        <source>Stopping after the current batch…</source>
        <translation>Stoppe nach dem aktuellen Stapel…</translation>
    </message>
    <message>
        <source>Redrive failed after %1 moved: %2</source>
        <translation>Zurückführen fehlgeschlagen nach %1 verschobenen: %2</translation>
    </message>
    <message>
        <source>Cancelled: %1 moved, %2 left</source>
        <translation>Abgebrochen: %1 verschoben, %2 übrig</translation>
    </message>
    <message>
        <source>Redriven: %1 messages</source>
        <translation>Zurückgeführt: %1 Nachrichten</translation>
    </message>
    <message>
        <source>Redrive %1</source>
        <translation>%1 zurückführen</translation>
    </message>
    <message>
        <source>%1 moved…</source>
        <translation>%1 verschoben…</translation>
    </message>
</context>
<context>
    <name>DocumentTab</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>
[only the first %1 MiB are shown]</source>
        <translation>
[nur die ersten %1 MiB werden angezeigt]</translation>
    </message>
</context>
<context>
    <name>ExplorerDock</name>
    <message>
        <source>Explorer</source>
        <translation>Explorer</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filtern</translation>
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
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
</context>
<context>
    <name>LogModel</name>
    <message>
        <source>Trace</source>
        <translation>Ablauf</translation>
    </message>
    <message>
        <source>Debug</source>
        <translation>Debug</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
</context>
<context>
    <name>LogPanel</name>
    <message>
        <source>Show messages at this level and above</source>
        <translation>Meldungen ab dieser Stufe anzeigen</translation>
    </message>
    <message>
        <source>Search the log</source>
        <translation>Protokoll durchsuchen</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Remove all messages from the log panel</source>
        <translation>Alle Meldungen aus dem Protokoll entfernen</translation>
    </message>
    <message>
        <source>Level:</source>
        <translation>Stufe:</translation>
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
        <translation>Anwendungsprotokoll</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New Workspace…</source>
        <translation>&amp;Neuer Arbeitsbereich…</translation>
    </message>
    <message>
        <source>&amp;Open Workspace…</source>
        <translation>Arbeitsbereich ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Close Tab</source>
        <translation>Tab &amp;schließen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Dark Theme</source>
        <translation>&amp;Dunkles Design</translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation>Anordnung &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;About Signalbox</source>
        <translation>Ü&amp;ber Signalbox</translation>
    </message>
    <message>
        <source>No recent workspaces</source>
        <translation>Keine zuletzt geöffneten Arbeitsbereiche</translation>
    </message>
    <message>
        <source>Clear List</source>
        <translation>Liste leeren</translation>
    </message>
    <message>
        <source>%1 — Signalbox</source>
        <translation>%1 — Signalbox</translation>
    </message>
    <message>
        <source>Workspace: %1</source>
        <translation>Arbeitsbereich: %1</translation>
    </message>
    <message>
        <source>No workspace</source>
        <translation>Kein Arbeitsbereich</translation>
    </message>
    <message>
        <source>Choose an empty folder for the new workspace</source>
        <translation>Leeren Ordner für den neuen Arbeitsbereich wählen</translation>
    </message>
    <message>
        <source>New Workspace</source>
        <translation>Neuer Arbeitsbereich</translation>
    </message>
    <message>
        <source>Open Workspace</source>
        <translation>Arbeitsbereich öffnen</translation>
    </message>
    <message>
        <source>Open Recent Workspace</source>
        <translation>Zuletzt geöffneten Arbeitsbereich öffnen</translation>
    </message>
    <message>
        <source>The new language applies when Signalbox starts again.</source>
        <translation>Die neue Sprache gilt ab dem nächsten Start von Signalbox.</translation>
    </message>
    <message>
        <source>Clients: %1 · received: %2 · sent: %3</source>
        <translation>Clients: %1 · empfangen: %2 · gesendet: %3</translation>
    </message>
    <message>
        <source>&amp;Broker</source>
        <translation>&amp;Broker</translation>
    </message>
    <message>
        <source>&amp;Start Embedded Broker</source>
        <translation>Eingebetteten Broker &amp;starten</translation>
    </message>
    <message>
        <source>Embedded Broker</source>
        <translation>Eingebetteter Broker</translation>
    </message>
    <message>
        <source>The broker did not start: %1</source>
        <translation>Der Broker ist nicht gestartet: %1</translation>
    </message>
    <message>
        <source>S&amp;top Embedded Broker</source>
        <translation>Eingebetteten Broker an&amp;halten</translation>
    </message>
    <message>
        <source>&amp;Copy MQTT Address</source>
        <translation>MQTT-Adresse &amp;kopieren</translation>
    </message>
    <message>
        <source>Copied %1</source>
        <translation>%1 kopiert</translation>
    </message>
    <message>
        <source>Broker &amp;Dashboard</source>
        <translation>Broker-&amp;Dashboard</translation>
    </message>
    <message>
        <source>Embedded broker</source>
        <translation>Eingebetteter Broker</translation>
    </message>
    <message>
        <source>Connected C&amp;lients</source>
        <translation>Verbundene C&amp;lients</translation>
    </message>
    <message>
        <source>&amp;Attach to Remote Broker…</source>
        <translation>Mit entferntem Broker &amp;verbinden…</translation>
    </message>
    <message>
        <source>Attach to Remote Broker</source>
        <translation>Mit entferntem Broker verbinden</translation>
    </message>
    <message>
        <source>Address of the management API of a broker started with
sbx broker --http-port PORT (host:port):</source>
        <translation>Adresse der Verwaltungs-API eines Brokers, gestartet mit
sbx broker --http-port PORT (Host:Port):</translation>
    </message>
    <message>
        <source>“%1” is not host:port.</source>
        <translation>„%1“ ist nicht Host:Port.</translation>
    </message>
    <message>
        <source>Could not attach to %1: %2</source>
        <translation>Verbindung mit %1 nicht möglich: %2</translation>
    </message>
    <message>
        <source>Attached to %1</source>
        <translation>Verbunden mit %1</translation>
    </message>
    <message>
        <source>Message &amp;Browser</source>
        <translation>Nachrichten-&amp;Browser</translation>
    </message>
    <message>
        <source>&amp;Publisher</source>
        <translation>&amp;Publisher</translation>
    </message>
    <message>
        <source>Dead L&amp;etters</source>
        <translation>Dead L&amp;etters</translation>
    </message>
    <message>
        <source>Message &amp;Trace</source>
        <translation>Nachrichten-&amp;Trace</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>Publisher</translation>
    </message>
    <message>
        <source>Dead Letters</source>
        <translation>Dead Letters</translation>
    </message>
    <message>
        <source>Trace</source>
        <translation>Trace</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
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
        <translation>Verbinde mit %1 …</translation>
    </message>
    <message>
        <source>Opens for the broker selected in the Brokers dock, else the embedded one</source>
        <translation>Öffnet für den im Broker-Dock gewählten Broker, sonst für den eingebetteten</translation>
    </message>
    <message>
        <source>%1 cannot offer this view; showing the embedded broker&apos;s</source>
        <translation>%1 bietet diese Ansicht nicht; die des eingebetteten Brokers wird gezeigt</translation>
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
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Routing key / topic</source>
        <translation>Routing-Key / Topic</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Content type</source>
        <translation>Inhaltstyp</translation>
    </message>
    <message>
        <source>Message id</source>
        <translation>Nachrichten-ID</translation>
    </message>
    <message>
        <source>Correlation id</source>
        <translation>Korrelations-ID</translation>
    </message>
</context>
<context>
    <name>MessageBrowserPage</name>
    <message>
        <source>Peek</source>
        <translation>Ansehen</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>Stream offset: first, last, 42 or a time</source>
        <translation>Stream-Offset: first, last, 42 oder eine Zeit</translation>
    </message>
    <message>
        <source>max </source>
        <translation>max. </translation>
    </message>
    <message>
        <source>Read messages without consuming them</source>
        <translation>Nachrichten lesen, ohne sie zu konsumieren</translation>
    </message>
    <message>
        <source>Keep reading: queues and streams again on every refresh, topics as messages arrive</source>
        <translation>Weiterlesen: Queues und Streams bei jeder Aktualisierung neu, Topics beim Eintreffen</translation>
    </message>
    <message>
        <source>Destination:</source>
        <translation>Ziel:</translation>
    </message>
    <message>
        <source>Copy Payload</source>
        <translation>Payload kopieren</translation>
    </message>
    <message>
        <source>Diff</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <source>Re-publish…</source>
        <translation>Erneut veröffentlichen…</translation>
    </message>
    <message>
        <source>Trace</source>
        <translation>Trace</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importieren…</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Lese %1…</translation>
    </message>
    <message>
        <source>Browse %1</source>
        <translation>%1 durchsuchen</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 of %2 messages shown</source>
        <translation>%1 von %2 Nachrichten angezeigt</translation>
    </message>
    <message>
        <source>Select exactly two messages to compare</source>
        <translation>Wählen Sie genau zwei Nachrichten zum Vergleichen</translation>
    </message>
    <message>
        <source>Message Diff</source>
        <translation>Nachrichtenvergleich</translation>
    </message>
    <message>
        <source>Select the messages to publish again</source>
        <translation>Wählen Sie die erneut zu veröffentlichenden Nachrichten</translation>
    </message>
    <message>
        <source>Re-publish</source>
        <translation>Erneut veröffentlichen</translation>
    </message>
    <message>
        <source>Exchange (AMQP) or topic (MQTT) to publish to; empty keeps the original:</source>
        <translation>Exchange (AMQP) oder Topic (MQTT) als Ziel; leer behält das ursprüngliche:</translation>
    </message>
    <message>
        <source>Publishing %1 messages…</source>
        <translation>Veröffentliche %1 Nachrichten…</translation>
    </message>
    <message>
        <source>Publish %1 messages</source>
        <translation>%1 Nachrichten veröffentlichen</translation>
    </message>
    <message>
        <source>Published %1 messages</source>
        <translation>%1 Nachrichten veröffentlicht</translation>
    </message>
    <message>
        <source>Export Messages</source>
        <translation>Nachrichten exportieren</translation>
    </message>
    <message>
        <source>JSON lines (*.jsonl);;CSV (*.csv)</source>
        <translation>JSON-Zeilen (*.jsonl);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exported %1 messages</source>
        <translation>%1 Nachrichten exportiert</translation>
    </message>
    <message>
        <source>Import and Publish Messages</source>
        <translation>Nachrichten importieren und veröffentlichen</translation>
    </message>
    <message>
        <source>%1 (%2 passed too fast to show)</source>
        <translation>%1 (%2 zu schnell vorbeigezogen, um sie zu zeigen)</translation>
    </message>
    <message>
        <source>Following %1 live</source>
        <translation>%1 wird live verfolgt</translation>
    </message>
    <message>
        <source>Live tail unavailable (%1): showing what a peek finds on every refresh instead</source>
        <translation>Live-Verfolgung nicht verfügbar (%1): stattdessen wird bei jeder Aktualisierung gezeigt, was ein Blick in die Warteschlange findet</translation>
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
        <translation>Payload enthält…</translation>
    </message>
    <message>
        <source>Routing key / topic contains…</source>
        <translation>Routing-Key / Topic enthält…</translation>
    </message>
    <message>
        <source>Property or header: name=value; …</source>
        <translation>Eigenschaft oder Header: name=wert; …</translation>
    </message>
    <message>
        <source>Filters saved in the workspace</source>
        <translation>Im Arbeitsbereich gespeicherte Filter</translation>
    </message>
    <message>
        <source>Save Filter…</source>
        <translation>Filter speichern…</translation>
    </message>
    <message>
        <source>Save Filter</source>
        <translation>Filter speichern</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Open a workspace to save filters</source>
        <translation>Öffnen Sie einen Arbeitsbereich, um Filter zu speichern</translation>
    </message>
    <message>
        <source>Saved filters</source>
        <translation>Gespeicherte Filter</translation>
    </message>
</context>
<context>
    <name>MessageViewWidget</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>Eigenschaften</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>JSON Tree</source>
        <translation>JSON-Baum</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>Hex</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>No message selected</source>
        <translation>Keine Nachricht ausgewählt</translation>
    </message>
    <message>
        <source>%1 · %2 bytes · %3</source>
        <translation>%1 · %2 Bytes · %3</translation>
    </message>
    <message>
        <source>Routing</source>
        <translation>Routing</translation>
    </message>
    <message>
        <source>Headers / user properties</source>
        <translation>Header / Benutzereigenschaften</translation>
    </message>
    <message>
        <source>Dead-letter history (x-death)</source>
        <translation>Dead-Letter-Verlauf (x-death)</translation>
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
        <translation>Diagramme führen keinen Verlauf: %1</translation>
    </message>
    <message>
        <source>Attached to the broker at %1</source>
        <translation>Mit dem Broker unter %1 verbunden</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>No workspace open</source>
        <translation>Kein Arbeitsbereich geöffnet</translation>
    </message>
    <message>
        <source>Create a workspace or open an existing one to begin.</source>
        <translation>Legen Sie einen Arbeitsbereich an oder öffnen Sie einen vorhandenen.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Embedded broker</source>
        <translation>Eingebetteter Broker</translation>
    </message>
</context>
<context>
    <name>PayloadJsonModel</name>
    <message>
        <source>{%1 keys}</source>
        <translation>{%1 Schlüssel}</translation>
    </message>
    <message>
        <source>[%1 items]</source>
        <translation>[%1 Elemente]</translation>
    </message>
    <message>
        <source>object</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <source>array</source>
        <translation>Array</translation>
    </message>
    <message>
        <source>string</source>
        <translation>Zeichenkette</translation>
    </message>
    <message>
        <source>boolean</source>
        <translation>Boolesch</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>number</source>
        <translation>Zahl</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
</context>
<context>
    <name>PluginHost</name>
    <message>
        <source>Plugin %1 not used: %2</source>
        <translation>Plugin %1 wird nicht verwendet: %2</translation>
    </message>
    <message>
        <source>Plugin %1 failed to load: %2</source>
        <translation>Plugin %1 konnte nicht geladen werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n connector plugin(s) loaded in %1 ms</source>
        <translation>
            <numerusform>%n Connector-Plugin in %1 ms geladen</numerusform>
            <numerusform>%n Connector-Plugins in %1 ms geladen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PluginsDialog</name>
    <message>
        <source>Loaded</source>
        <translation>Geladen</translation>
    </message>
    <message>
        <source>Shadowed: %1</source>
        <translation>Verdeckt: %1</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Connector Plugins</source>
        <translation>Connector-Plugins</translation>
    </message>
    <message>
        <source>Connector</source>
        <translation>Connector</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Plugins are read when Signalbox starts. Put your own in %1.</source>
        <translation>Plugins werden beim Start von Signalbox gelesen. Eigene Plugins gehören nach %1.</translation>
    </message>
    <message>
        <source>Open Plugin Folder</source>
        <translation>Plugin-Ordner öffnen</translation>
    </message>
    <message>
        <source>(built in)</source>
        <translation>(eingebaut)</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemvorgabe</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Design:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>A new language takes effect when Signalbox starts again.</source>
        <translation>Eine neue Sprache wird beim nächsten Start von Signalbox wirksam.</translation>
    </message>
</context>
<context>
    <name>PublisherPage</name>
    <message>
        <source>Retain</source>
        <translation>Retain</translation>
    </message>
    <message>
        <source>Property</source>
        <translation>Eigenschaft</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
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
        <translation>(Standard-Exchange)</translation>
    </message>
    <message>
        <source>Payload</source>
        <translation>Payload</translation>
    </message>
    <message>
        <source>as fast as possible</source>
        <translation>so schnell wie möglich</translation>
    </message>
    <message>
        <source> msg/s</source>
        <translation> Nachr./s</translation>
    </message>
    <message>
        <source>Protocol:</source>
        <translation>Protokoll:</translation>
    </message>
    <message>
        <source>Virtual host:</source>
        <translation>Virtueller Host:</translation>
    </message>
    <message>
        <source>Exchange:</source>
        <translation>Exchange:</translation>
    </message>
    <message>
        <source>Routing key / topic:</source>
        <translation>Routing-Key / Topic:</translation>
    </message>
    <message>
        <source>QoS:</source>
        <translation>QoS:</translation>
    </message>
    <message>
        <source>Save Template…</source>
        <translation>Vorlage speichern…</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>Vorlage:</translation>
    </message>
    <message>
        <source>Payload from File…</source>
        <translation>Payload aus Datei…</translation>
    </message>
    <message>
        <source>Payload:</source>
        <translation>Payload:</translation>
    </message>
    <message>
        <source>Times:</source>
        <translation>Anzahl:</translation>
    </message>
    <message>
        <source>Rate:</source>
        <translation>Rate:</translation>
    </message>
    <message>
        <source>Save Template</source>
        <translation>Vorlage speichern</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Template saved</source>
        <translation>Vorlage gespeichert</translation>
    </message>
    <message>
        <source>Payload from File</source>
        <translation>Payload aus Datei</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Sende…</translation>
    </message>
    <message>
        <source>Publish to %1</source>
        <translation>An %1 veröffentlichen</translation>
    </message>
    <message>
        <source>Failed after %1 sent: %2</source>
        <translation>Fehlgeschlagen nach %1 gesendeten: %2</translation>
    </message>
    <message>
        <source>Stopped after %1 of %2</source>
        <translation>Gestoppt nach %1 von %2</translation>
    </message>
    <message>
        <source>Sent %1 messages</source>
        <translation>%1 Nachrichten gesendet</translation>
    </message>
    <message>
        <source>Open a workspace to save templates</source>
        <translation>Öffnen Sie einen Arbeitsbereich, um Vorlagen zu speichern</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Vorlagen</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
</context>
<context>
    <name>RequeueConsent</name>
    <message>
        <source>Peek by Requeueing?</source>
        <translation>Durch Zurücklegen ansehen?</translation>
    </message>
    <message>
        <source>RabbitMQ cannot show the messages of “%1” without taking them from the queue. Signalbox can take them and put them back at once, but then:

• their order in the queue may change,
• they are marked redelivered, which consumers may see,
• they are briefly unavailable to consumers.

Read them this way?</source>
        <translation>RabbitMQ kann die Nachrichten von „%1“ nicht zeigen, ohne sie aus der Queue zu nehmen. Signalbox kann sie entnehmen und sofort zurücklegen, aber dann:

• kann sich ihre Reihenfolge in der Queue ändern,
• werden sie als erneut zugestellt markiert, was Consumer sehen können,
• stehen sie Consumern kurz nicht zur Verfügung.

So lesen?</translation>
    </message>
</context>
<context>
    <name>SecretStore</name>
    <message>
        <source>The password is stored in the system keychain, never in the workspace.</source>
        <translation>Das Passwort wird im Schlüsselbund des Systems gespeichert, nie im Arbeitsbereich.</translation>
    </message>
    <message>
        <source>No keychain service is available: the password is kept in memory until Signalbox quits and is never written to a file.</source>
        <translation>Kein Schlüsselbund-Dienst verfügbar: Das Passwort bleibt nur im Speicher, bis Signalbox beendet wird, und wird nie in eine Datei geschrieben.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Tastenkürzel</translation>
    </message>
</context>
<context>
    <name>SourceMonitor</name>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>Not connected to a broker</source>
        <translation>Mit keinem Broker verbunden</translation>
    </message>
    <message>
        <source>This broker cannot stream messages live</source>
        <translation>Dieser Broker kann Nachrichten nicht live liefern</translation>
    </message>
</context>
<context>
    <name>Studio</name>
    <message>
        <source>Signalbox: a studio for event-driven systems</source>
        <translation>Signalbox: ein Studio für ereignisgesteuerte Systeme</translation>
    </message>
    <message>
        <source>Workspace folder to open</source>
        <translation>Zu öffnender Arbeitsbereichsordner</translation>
    </message>
    <message>
        <source>Save a picture of the window to FILE and quit</source>
        <translation>Ein Bild des Fensters in DATEI speichern und beenden</translation>
    </message>
    <message>
        <source>Signalbox %1 started (language: %2)</source>
        <translation>Signalbox %1 gestartet (Sprache: %2)</translation>
    </message>
    <message>
        <source>Do not start the embedded broker</source>
        <translation>Den eingebetteten Broker nicht starten</translation>
    </message>
    <message>
        <source>Embedded broker MQTT port (default 1883; 0 picks one)</source>
        <translation>MQTT-Port des eingebetteten Brokers (Standard 1883; 0 wählt einen freien)</translation>
    </message>
    <message>
        <source>Embedded broker WebSocket port (default 9001; 0 picks one)</source>
        <translation>WebSocket-Port des eingebetteten Brokers (Standard 9001; 0 wählt einen freien)</translation>
    </message>
    <message>
        <source>Embedded broker AMQP port (default 5672; 0 picks one)</source>
        <translation>AMQP-Port des eingebetteten Brokers (Standard 5672; 0 wählt einen freien)</translation>
    </message>
    <message>
        <source>Wait MS milliseconds before the screenshot</source>
        <translation>MS Millisekunden vor dem Bildschirmfoto warten</translation>
    </message>
    <message>
        <source>Embedded broker</source>
        <translation>Eingebetteter Broker</translation>
    </message>
    <message>
        <source>unknown view %1</source>
        <translation>unbekannte Ansicht %1</translation>
    </message>
    <message>
        <source>Open a view at start: dashboard, clients, messages=DESTINATION, publisher[=TEMPLATE], deadletters=QUEUE or trace[=FILTER] (repeatable)</source>
        <translation>Beim Start eine Ansicht öffnen: dashboard, clients, messages=ZIEL, publisher[=VORLAGE], deadletters=QUEUE oder trace[=FILTER] (mehrfach möglich)</translation>
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
        <translation> → %1 Ziele</translation>
    </message>
    <message>
        <source>Hop</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>+ Latency</source>
        <translation>+ Latenz</translation>
    </message>
    <message>
        <source>Since publish</source>
        <translation>Seit Veröffentlichung</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source> → dead-letter exchange %1</source>
        <translation> → Dead-Letter-Exchange %1</translation>
    </message>
</context>
<context>
    <name>TracePage</name>
    <message>
        <source>Follow</source>
        <translation>Verfolgen</translation>
    </message>
    <message>
        <source>Message id, correlation id, traceparent or broker id</source>
        <translation>Nachrichten-ID, Korrelations-ID, traceparent oder Broker-ID</translation>
    </message>
    <message>
        <source>Follow traces containing…</source>
        <translation>Traces verfolgen, die enthalten…</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Hop events are recorded while this page is open.</source>
        <translation>Hop-Ereignisse werden aufgezeichnet, solange diese Seite offen ist.</translation>
    </message>
    <message>
        <source>No recent trace carries “%1”.</source>
        <translation>Keine aktuelle Trace enthält „%1“.</translation>
    </message>
    <message>
        <source>Broker message #%1</source>
        <translation>Broker-Nachricht #%1</translation>
    </message>
    <message>
        <source>message id %1</source>
        <translation>Nachrichten-ID %1</translation>
    </message>
    <message>
        <source>correlation id %1</source>
        <translation>Korrelations-ID %1</translation>
    </message>
    <message>
        <source>traceparent %1</source>
        <translation>traceparent %1</translation>
    </message>
    <message>
        <source>continues as %1</source>
        <translation>geht weiter als %1</translation>
    </message>
</context>
<context>
    <name>WorkspaceController</name>
    <message>
        <source>Cannot open workspace: %1</source>
        <translation>Arbeitsbereich kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>Opened workspace &quot;%1&quot; (%2)</source>
        <translation>Arbeitsbereich „%1“ geöffnet (%2)</translation>
    </message>
    <message>
        <source>Cannot create workspace: %1</source>
        <translation>Arbeitsbereich kann nicht angelegt werden: %1</translation>
    </message>
    <message>
        <source>Created workspace &quot;%1&quot;</source>
        <translation>Arbeitsbereich „%1“ angelegt</translation>
    </message>
    <message>
        <source>Cannot unpack the demo workspace into %1</source>
        <translation>Der Demo-Arbeitsbereich kann nicht nach %1 entpackt werden</translation>
    </message>
    <message>
        <source>Unpacked the demo workspace into %1</source>
        <translation>Demo-Arbeitsbereich nach %1 entpackt</translation>
    </message>
</context>
<context>
    <name>WorkspaceTreeModel</name>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>Contracts</source>
        <translation>Verträge</translation>
    </message>
    <message>
        <source>Pipelines</source>
        <translation>Pipelines</translation>
    </message>
    <message>
        <source>Message templates</source>
        <translation>Nachrichtenvorlagen</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>Arbeitsbereich</translation>
    </message>
    <message>
        <source>Message filters</source>
        <translation>Nachrichtenfilter</translation>
    </message>
</context>
</TS>
