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
</context>
</TS>
