import Foundation

/// An export that could not be written, as one Dutch line: which file and why.
public struct ExportFailure: Error, CustomStringConvertible, Sendable {
    public let description: String

    init(_ path: String, _ reason: String) {
        description = "\(path): \(reason)"
    }
}

/// Writes export files, with every failure told in Dutch.
enum ExportFile {
    /// Fails early, before any work, for a folder given as the file or a folder that is missing or closed.
    static func checkWritable(_ path: String) throws(ExportFailure) {
        try checkNotPlanted(path)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw ExportFailure(path, "is een map; geef een bestandsnaam")
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ExportFailure(path, "de map \(folder) bestaat niet")
        }
        guard FileManager.default.isWritableFile(atPath: folder) else { throw ExportFailure(path, "geen schrijfrechten in \(folder)") }
    }

    /// A name another user could have planted in a shared folder is not written through: a link to a file
    /// (or to nothing: writing would create its target), or a file of someone else. A link to a device or
    /// pipe (`/dev/stdout`) is fine.
    private static func checkNotPlanted(_ path: String) throws(ExportFailure) {
        var link = stat()
        guard lstat(path, &link) == 0 else { return }  // a new name
        if link.st_mode & S_IFMT == S_IFLNK {
            let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
            var resolved = stat()
            guard stat(path, &resolved) == 0 else {
                throw ExportFailure(path, "is een koppeling naar \(target), dat niet bestaat; er is niets geschreven (kies een andere naam)")
            }
            if resolved.st_mode & S_IFMT == S_IFREG {
                throw ExportFailure(path, "is een koppeling naar \(target); er is niets geschreven (geef die naam zelf als het zo bedoeld is)")
            }
            return
        }
        if link.st_mode & S_IFMT == S_IFREG, link.st_uid != getuid() {
            throw ExportFailure(path, "is van een andere gebruiker; er is niets overschreven (kies een andere naam)")
        }
    }

    /// A device, pipe or link that exists (`/dev/stdout`, `/dev/full`) is written in place, never replaced
    /// by a new file; a regular file or a new name is written beside and renamed, so a failure leaves it whole.
    static func isWrittenInPlace(_ path: String) -> Bool {
        (try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType).map { $0 != .typeRegular } ?? false
    }

    /// The name beside `path` an export is made under first (hidden, this process's own), so that a failure
    /// never leaves half a file in its place.
    static func partialPath(for path: String) -> String {
        let url = URL(fileURLWithPath: path)
        return url.deletingLastPathComponent().path + "/.\(url.lastPathComponent).\(getpid()).tmp"
    }

    /// Text written beside the file and then put in its place (`put`); a device or pipe is written in place.
    static func write(_ text: String, to path: String) throws(ExportFailure) {
        try write(Data(text.utf8), to: path)
    }

    /// Bytes (a PDF) written as text is in `write(_:to:)`.
    static func write(_ data: Data, to path: String) throws(ExportFailure) {
        let target = isWrittenInPlace(path) ? path : partialPath(for: path)
        do {
            try data.write(to: URL(fileURLWithPath: target))
        } catch {
            if target != path { unlink(target) }
            throw ExportFailure(path, reason(error, folder: URL(fileURLWithPath: path).deletingLastPathComponent().path))
        }
        if target != path { try put(target, at: path) }
    }

    /// Puts a file finished beside `path` (text, a workbook, a Word document) in its place. An existing export
    /// keeps its mode (a private 0600 stays private) and, when it has more than one name (a hard link), its
    /// identity: it is then written in place.
    static func put(_ finished: String, at path: String) throws(ExportFailure) {
        defer { unlink(finished) }  // gone already once renamed
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var existing = stat()
        let exists = lstat(path, &existing) == 0 && existing.st_mode & S_IFMT == S_IFREG
        if exists, existing.st_nlink > 1 {
            do {
                try Data(contentsOf: URL(fileURLWithPath: finished)).write(to: URL(fileURLWithPath: path))
            } catch {
                throw ExportFailure(path, reason(error, folder: folder))
            }
            return
        }
        if exists { chmod(finished, existing.st_mode & 0o7777) }
        guard rename(finished, path) == 0 else { throw ExportFailure(path, reason(errno: errno, folder: folder)) }
    }

    private static func reason(_ error: Error, folder: String) -> String {
        let nsError = error as NSError
        let posix = (nsError.userInfo[NSUnderlyingErrorKey] as? NSError).flatMap { $0.domain == NSPOSIXErrorDomain ? $0.code : nil }
        switch (posix, nsError.code) {
        case (Int(ENOENT)?, _), (_, NSFileNoSuchFileError): return reason(errno: ENOENT, folder: folder)
        case (Int(EACCES)?, _), (Int(EPERM)?, _), (_, NSFileWriteNoPermissionError): return reason(errno: EACCES, folder: folder)
        case (Int(ENOSPC)?, _), (_, NSFileWriteOutOfSpaceError): return reason(errno: ENOSPC, folder: folder)
        case (Int(EROFS)?, _), (_, NSFileWriteVolumeReadOnlyError): return reason(errno: EROFS, folder: folder)
        default: return "kan niet geschreven worden"
        }
    }

    /// The Dutch reason for a system error number (also what the workbook library leaves in `errno`).
    static func reason(errno code: Int32, folder: String) -> String {
        switch code {
        case ENOENT: "de map \(folder) bestaat niet"
        case EACCES, EPERM: "geen schrijfrechten in \(folder)"
        case ENOSPC: "de schijf is vol"
        case EROFS: "het bestandssysteem is alleen-lezen"
        default: "kan niet geschreven worden"
        }
    }
}
