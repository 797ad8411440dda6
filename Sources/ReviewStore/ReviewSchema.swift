import GRDB

/// The schema, as migrations. Never change a registered migration: add a new one.
enum ReviewSchema {
    static let versions = ["v1-status-notes", "v2-meetings"]

    static var migrator: DatabaseMigrator {
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
        return migrator
    }
}
