import GRDB

/// The schema, as migrations. Never change a registered migration: add a new one.
enum ReviewSchema {
    static let versions = ["v1-status-notes", "v2-meetings", "v3-versions-history-drafts", "v4-people-report-visits",
                           "v5-meetings-and-peildata", "v6-table-changes"]
    /// `PRAGMA user_version` of the newest schema this build knows; a higher one was made by a newer htno-dialoog.
    static let userVersion = 6

    static var migrator: DatabaseMigrator { migratorUpTo(versions.count) }

    /// The first `count` migrations (3 to all): a database as an older version left it, for tests of the upgrade.
    static func migratorUpTo(_ count: Int) -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration(versions[0]) { db in
            try db.create(table: "item_status") { table in
                table.primaryKey("item_id", .text)
                table.column("status", .text).notNull()
                    .check(sql: "status IN ('open', 'in-behandeling', 'aangetoond', 'niet-aangetoond')")
                table.column("updated_by", .text).notNull()
                table.column("updated_at", .datetime).notNull()
            }
            try db.create(table: "note") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("subject_id", .text).notNull().indexed()
                table.column("text", .text).notNull()
                table.column("author", .text).notNull()
                table.column("created_at", .datetime).notNull()
                table.column("updated_at", .datetime)
            }
            // Bumped by every edit, so another process can tell that it must reload.
            try db.create(table: "revision") { table in
                table.column("value", .integer).notNull()
            }
            try db.execute(sql: "INSERT INTO revision (value) VALUES (0)")
        }
        migrator.registerMigration(versions[1]) { db in
            try db.create(table: "decision") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("activity_id", .text).notNull().indexed()
                table.column("text", .text).notNull()
                table.column("author", .text).notNull()
                table.column("created_at", .datetime).notNull()
            }
            try db.create(table: "action_item") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("activity_id", .text).notNull().indexed()
                table.column("text", .text).notNull()
                table.column("owner", .text).notNull()
                table.column("due_date", .text).check(sql: "due_date IS NULL OR due_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'")
                table.column("done", .boolean).notNull().defaults(to: false)
                table.column("linked_id", .text)
                table.column("author", .text).notNull()
                table.column("created_at", .datetime).notNull()
            }
        }
        migrator.registerMigration(versions[2]) { db in
            // Every record carries a version, so a save can tell that someone else changed it meanwhile.
            for table in ["item_status", "note", "decision", "action_item"] {
                try db.alter(table: table) { $0.add(column: "version", .integer).notNull().defaults(to: 1) }
            }
            try db.alter(table: "note") { $0.add(column: "updated_by", .text) }
            for table in ["decision", "action_item"] {
                try db.alter(table: table) { alteration in
                    alteration.add(column: "updated_by", .text)
                    alteration.add(column: "updated_at", .datetime)
                }
            }
            try db.create(table: "history") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("at", .datetime).notNull()
                table.column("author", .text).notNull()
                table.column("kind", .text).notNull()
                table.column("record_id", .text).notNull()
                table.column("subject_id", .text).notNull().indexed()
                table.column("change", .text).notNull()
                table.column("old_value", .text)
                table.column("new_value", .text)
            }
            try db.create(table: "draft") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("author", .text).notNull().indexed()
                // The process that owns the draft while it runs; its drafts are not offered elsewhere.
                table.column("pid", .integer).notNull()
                table.column("payload", .text).notNull()
                table.column("saved_at", .datetime).notNull()
            }
            try db.execute(sql: "PRAGMA user_version = 3")
        }
        guard count > 3 else { return migrator }
        migrator.registerMigration(versions[3]) { db in
            try db.alter(table: "note") { $0.add(column: "for_report", .boolean).notNull().defaults(to: false) }
            try db.create(table: "person") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("name", .text).notNull().unique(onConflict: .abort).collate(.nocase)
                table.column("initials", .text)
                table.column("organisation", .text)
                table.column("role", .text)
                table.column("email", .text)
                // The `--user` login that is this person, so "mijn acties" and reminders know who is at the keyboard.
                table.column("login", .text)
                table.creditColumns()
            }
            // Everyone who owns an action is a person from the start.
            try db.execute(sql: """
                INSERT OR IGNORE INTO person (name, author, created_at)
                SELECT owner, author, MIN(created_at) FROM action_item GROUP BY owner COLLATE NOCASE
                """)
            // When each login last looked, for "sinds je laatste bezoek".
            try db.create(table: "visit") { table in
                table.primaryKey("login", .text)
                table.column("seen_at", .datetime).notNull()
            }
            try db.execute(sql: "PRAGMA user_version = 4")
        }
        guard count > 4 else { return migrator }
        migrator.registerMigration(versions[4]) { db in
            try db.create(table: "meeting") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("kind", .text).notNull()
                table.column("date", .text).notNull().indexed()
                    .check(sql: "date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'")
                table.column("start_time", .text)
                table.column("end_time", .text)
                table.column("place", .text)
                table.column("topic", .text)
                table.column("central_question", .text)
                table.column("participants", .text)
                table.column("status", .text).notNull()
                    .check(sql: "status IN ('gepland', 'gehouden', 'verzet', 'vervallen')")
                table.column("minutes", .text).notNull().defaults(to: "")
                // Lists of the minutes as JSON: they change with the meeting, under its one version.
                table.column("attendance", .text).notNull().defaults(to: "[]")
                table.column("agenda_points", .text).notNull().defaults(to: "[]")
                // An htno-middag's programme parts, good practices and commitments.
                table.column("programme", .text).notNull().defaults(to: "[]")
                table.column("good_practices", .text).notNull().defaults(to: "[]")
                table.column("commitments", .text).notNull().defaults(to: "[]")
                table.column("planned_from", .text)
                table.creditColumns()
            }
            // The table judged at a moment: a peildatum and every reviewable item's status then.
            try db.create(table: "peildatum") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("label", .text).notNull()
                table.column("taken_at", .datetime).notNull()
                table.column("author", .text).notNull()
            }
            try db.create(table: "peildatum_status") { table in
                table.column("peildatum_id", .integer).notNull().references("peildatum", onDelete: .cascade)
                table.column("item_id", .text).notNull()
                table.column("status", .text).notNull()
                table.primaryKey(["peildatum_id", "item_id"])
            }
            try db.execute(sql: "PRAGMA user_version = 5")
        }
        guard count > 5 else { return migrator }
        migrator.registerMigration(versions[5]) { db in
            // The goal table grows here, never in the source: new items and new wordings, each a tracked change.
            try db.create(table: "table_change") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("kind", .text).notNull().check(sql: "kind IN ('toevoeging', 'herformulering')")
                table.column("goal_id", .text).notNull()
                table.column("goal_column", .text).notNull()
                    .check(sql: "goal_column IN ('winst-risico', 'indicatoren', 'bewijs', 'resultaten')")
                table.column("is_mitigation", .boolean).notNull().defaults(to: false)
                table.column("item_id", .text).indexed()
                table.column("text", .text).notNull()
                table.column("state", .text).notNull().check(sql: "state IN ('voorgesteld', 'aanvaard', 'verworpen')")
                table.column("decided_by", .text)
                table.column("decided_at", .datetime)
                table.creditColumns()
            }
            try db.execute(sql: "PRAGMA user_version = \(userVersion)")
        }
        return migrator
    }

    /// Migrates `writer`, also when another process migrates the same new file at the same moment: GRDB
    /// reads which migrations are applied before it takes the write lock, so the slower process may try one
    /// the other just applied (and fail, rolled back). Then the schema is complete and that is fine.
    static func migrate(_ writer: some DatabaseWriter) throws {
        // Reading needs no lock in WAL mode: a database that is up to date opens while another process writes.
        if try writer.read({ try $0.tableExists("grdb_migrations") && migrator.hasCompletedMigrations($0) }) { return }
        for attempt in 1...3 {
            do {
                return try migrator.migrate(writer)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_ERROR {
                if try writer.read(migrator.hasCompletedMigrations) { return }
                if attempt == 3 { throw error }
            }
        }
    }

    /// The columns of every table of the current schema, to recognise a database changed by a newer version.
    static let columnsByTable: [String: Set<String>] = {
        do {
            let queue = try DatabaseQueue()
            try migrator.migrate(queue)
            return try queue.read { db in
                var columns: [String: Set<String>] = [:]
                for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'") {
                    columns[table] = Set(try db.columns(in: table).map(\.name))
                }
                return columns
            }
        } catch {
            preconditionFailure("the schema does not build in memory: \(error)")
        }
    }()

    /// Why this database was made by a newer htno-dialoog, or nil when this build knows its schema.
    static func newerSchemaReason(_ db: Database) throws -> String? {
        let userVersion = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        if userVersion > Self.userVersion { return "schemaversie \(userVersion), deze versie kent tot \(Self.userVersion)" }
        if try db.tableExists("grdb_migrations"), try migrator.hasBeenSuperseded(db) { return "onbekende migratie" }
        for (table, known) in columnsByTable where try db.tableExists(table) {
            if let unknown = try db.columns(in: table).map(\.name).first(where: { !known.contains($0) }) {
                return "onbekende kolom \(table).\(unknown)"
            }
        }
        return nil
    }
}

extension TableDefinition {
    /// Who made a record and when, who changed it last and when, and its version: what edits, conflicts and
    /// the history read of every record since schema v4.
    func creditColumns() {
        column("author", .text).notNull()
        column("created_at", .datetime).notNull()
        column("updated_at", .datetime)
        column("updated_by", .text)
        column("version", .integer).notNull().defaults(to: 1)
    }
}
