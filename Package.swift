// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "htno-dialoog",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "htno-dialoog", targets: ["HtnoDialoog"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // The system ncursesw library, wide-character API switched on in shim.h.
        .systemLibrary(name: "CNCurses", path: "Sources/CNCurses"),
        // The system libxlsxwriter library (Debian libxlsxwriter-dev): Excel workbooks for the export.
        .systemLibrary(name: "CXLSXWriter", path: "Sources/CXLSXWriter"),
        // The system libhyphen (Debian libhyphen-dev) with hyphen-nl's Dutch patterns: where a word may break.
        .systemLibrary(name: "CHyphen", path: "Sources/CHyphen"),
        .target(name: "DutchHyphenation", dependencies: ["CHyphen"]),
        // The system libqrencode (Debian libqrencode-dev): a link on a slide and in the hand-out as a QR code.
        .systemLibrary(name: "CQRencode", path: "Sources/CQRencode"),
        .target(name: "QRCode", dependencies: ["CQRencode"]),
        // Pure data model: loads and validates sample-data/. No terminal code.
        .target(name: "DialoogModel", dependencies: [.product(name: "Yams", package: "Yams")]),
        // A figure as lines of horizontal bars, for the screens, the slides and the text export alike.
        .target(name: "BarChart", dependencies: ["DialoogModel"]),
        // Review statuses, notes, decisions and action items in SQLite (GRDB), with migrations.
        .target(name: "ReviewStore", dependencies: ["DialoogModel", .product(name: "GRDB", package: "GRDB.swift"),
                                                    .product(name: "GRDBSQLite", package: "GRDB.swift")]),
        // The review for the jaarverslag (Markdown), spreadsheets (xlsx, CSV), calendars (iCalendar), tools (JSON) and pipes.
        .target(name: "ReviewExport", dependencies: ["DialoogModel", "BarChart", "CXLSXWriter"]),
        // State + keys -> in-memory frame. No terminal code.
        .target(name: "DialoogUI", dependencies: ["DialoogModel", "BarChart", "DutchHyphenation", "QRCode", .product(name: "Yams", package: "Yams")]),
        // A deck as one HTML page to hand out: the slides' text, escaped, outside the UI that draws them.
        .target(name: "HandoutExport", dependencies: ["DialoogModel", "DialoogUI", "QRCode"]),
        // The only code that talks to ncurses.
        .target(name: "NCursesBackend", dependencies: ["CNCurses", "DialoogUI"]),
        .executableTarget(
            name: "HtnoDialoog",
            dependencies: [
                "DialoogModel", "DialoogUI", "HandoutExport", "NCursesBackend", "ReviewStore", "ReviewExport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // Shared by the test targets: the seeded generator of the fuzz tests.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "DialoogModelTests", dependencies: ["DialoogModel", "BarChart", "DutchHyphenation", "TestSupport"]),
        .testTarget(name: "ReviewExportTests", dependencies: ["ReviewExport", "DialoogModel", "ReviewStore", "TestSupport", .product(name: "Yams", package: "Yams")]),
        .testTarget(name: "ReviewStoreTests", dependencies: ["ReviewStore", "DialoogModel", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "DialoogUITests", dependencies: ["DialoogUI", "HandoutExport", "DialoogModel", "ReviewStore", "QRCode", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "NCursesBackendTests", dependencies: ["NCursesBackend", "CNCurses", "DialoogUI"]),
    ]
)
